/**
 * The endpoint's simulated clock. Rollouts, task start-up and stopped-task timestamps follow it, so a test can
 * freeze time (`speed: 0`) and jump it forward (`advance`) instead of waiting; a demo runs it at real speed.
 * Throttling is not on this clock: it limits what callers really send per second.
 */
export class SimClock {
  private simBase: number;
  private realBase: number;

  constructor(
    private speedFactor = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.realBase = this.realNow();
    this.simBase = this.realBase;
  }

  /** Simulated milliseconds since the epoch. */
  now(): number {
    return this.simBase + (this.realNow() - this.realBase) * this.speedFactor;
  }

  /** Simulated seconds since the epoch, as ECS timestamps are sent. */
  epoch(): number {
    return Math.round(this.now()) / 1000;
  }

  get speed(): number {
    return this.speedFactor;
  }

  /** Simulated milliseconds per real millisecond; 0 freezes the clock. */
  setSpeed(speed: number): void {
    if (!(speed >= 0)) throw new Error('speed must be a number >= 0');
    this.simBase = this.now();
    this.realBase = this.realNow();
    this.speedFactor = speed;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('advance takes milliseconds >= 0');
    this.simBase += ms;
  }
}
