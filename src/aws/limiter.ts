/**
 * Bounded concurrency for one gateway: at most `limit` calls in flight. List calls go ahead of queued
 * Describe batches, so that paging through a big cluster keeps moving while its pages are being described.
 * Waiting honours the caller's AbortSignal.
 */
export class Limiter {
  private active = 0;
  private readonly queues: [(() => void)[], (() => void)[]] = [[], []];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('concurrency must be at least 1');
  }

  /** Resolves with a release function once a slot is free; `urgent` jumps the queue of ordinary waiters. */
  acquire(signal?: AbortSignal, urgent = false): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const queue = this.queues[urgent ? 0 : 1];
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.releaser());
      };
      const onAbort = (): void => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(abortError(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.queues[0].shift() ?? this.queues[1].shift();
      if (next) next();
      else this.active--;
    };
  }
}

/** The error an aborted operation rejects with (named AbortError, as the SDK's own). */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  return Object.assign(new Error(reason instanceof Error ? reason.message : 'The operation was aborted'), { name: 'AbortError' });
}
