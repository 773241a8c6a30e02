/**
 * What one look at a service (and its service deployment) says about a rollout: its state, and whether it has
 * ended — completed (the PRIMARY deployment runs the new revision), failed, or rolled back. Pure functions over
 * the gateway's plain data, so every case is testable without ECS.
 */
import type { Deployment, Service, ServiceDeployment } from './gateway';

/** The data of one poll. */
export interface Snapshot {
  service: Service;
  /** The followed service deployment (service-deployment API). */
  serviceDeployment?: ServiceDeployment;
  /** The revision rolled out. */
  target: string;
  /** The followed `deployments[]` entry (fallback). */
  deploymentId?: string;
  /** Why the followed deployment failed, seen by an earlier poll (fallback: a rollback may be under way). */
  failedReason?: string;
}

/** The end of a rollout: completed, failed, or rolled back, and why. */
export interface Verdict {
  outcome: 'completed' | 'failed' | 'rolled-back';
  reason?: string;
}

/** What one poll says: the state, and a verdict once the rollout has ended. */
export interface Judgement {
  /** Service-deployment status, or the rolloutState (fallback, with the API's names for rollback phases). */
  state: string;
  stateReason?: string;
  /** Set when the rollout has ended. */
  verdict?: Verdict;
  /** Fallback: the followed deployment failed, for the next polls. */
  failedReason?: string;
}

/** `arn:...:task-definition/web:12`, `web:12` → `web:12`. */
export function revisionName(taskDefinition: string): string {
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}

/** Whether two references name the same revision (ARN or family:revision). */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && revisionName(a) === revisionName(b);
}

/** The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200 (ECS's formula). */
export function breakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}

function primaryOf(s: Service): Deployment | undefined {
  return s.deployments.find((d) => d.status === 'PRIMARY');
}

/** A rollout that ECS calls finished completes only if the PRIMARY deployment runs the new revision. */
function confirm(s: Snapshot): Verdict {
  const primary = primaryOf(s.service);
  if (primary && sameRevision(primary.taskDefinition, s.target)) return { outcome: 'completed' };
  const runs = primary ? revisionName(primary.taskDefinition) : 'nothing';
  return { outcome: 'failed', reason: `ECS reports the rollout finished, but the PRIMARY deployment runs ${runs}, not ${revisionName(s.target)}: another deployment replaced it.` };
}

function runsAgain(s: Service): string {
  const primary = primaryOf(s);
  return primary ? ` The service runs ${revisionName(primary.taskDefinition)} again.` : '';
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * The failure ECS wrote in the service events: "(service web) (deployment ecs-svc/1) deployment failed: tasks
 * failed to start." A failed deployment whose tasks never ran leaves deployments[] at once, so between two polls
 * this event may be all that is left of it.
 */
function failureEvent(svc: Service, deploymentId: string | undefined): string | undefined {
  if (!deploymentId) return undefined;
  const marker = `(deployment ${deploymentId}) deployment failed`;
  const event = svc.events.find((e) => e.message.includes(marker));
  if (!event) return undefined;
  const detail = event.message.slice(event.message.indexOf(marker) + marker.length).replace(/^:\s*/, '');
  return `Deployment ${deploymentId} failed${detail ? `: ${detail}` : '.'}`;
}

/** Judges a rollout by its service deployment. */
export function judgeServiceDeployment(s: Snapshot): Judgement {
  const sd = s.serviceDeployment;
  if (!sd) return { state: 'UNKNOWN' };
  const state = sd.status;
  const stateReason = sd.statusReason;
  const base = { state, ...(stateReason ? { stateReason } : {}) };
  switch (state) {
    case 'SUCCESSFUL':
      // A service deployment read before ECS recorded the new one can be the previous, finished one: the
      // rollout has not ended while the PRIMARY deployment still rolls out.
      if (primaryOf(s.service)?.rolloutState === 'IN_PROGRESS') return { state: 'IN_PROGRESS', stateReason: 'The PRIMARY deployment is still rolling out.' };
      return { ...base, verdict: confirm(s) };
    case 'ROLLBACK_SUCCESSFUL':
      return { ...base, verdict: { outcome: 'rolled-back', reason: `${sentence(sd.rollback?.reason ?? stateReason ?? 'The deployment failed and was rolled back')}${runsAgain(s.service)}` } };
    case 'ROLLBACK_FAILED':
      return { ...base, verdict: { outcome: 'failed', reason: `The deployment failed and could not be rolled back: ${sentence(stateReason ?? 'no reason given')}` } };
    case 'STOPPED':
      return { ...base, verdict: { outcome: 'failed', reason: `The deployment was stopped: ${sentence(stateReason ?? 'no reason given')}` } };
    default:
      return base;
  }
}

/**
 * Judges a rollout by the service's `deployments[]` alone (no service-deployment API). The followed deployment
 * FAILED means the circuit breaker tripped; with rollback on, ECS then rolls out the last completed revision as
 * a new PRIMARY, and the rollout ends rolled back once that one completes.
 */
export function judgeDeployments(s: Snapshot): Judgement {
  const svc = s.service;
  const primary = primaryOf(svc);
  const dep = svc.deployments.find((d) => d.id === s.deploymentId);
  const failed = dep?.rolloutState === 'FAILED' ? (dep.rolloutStateReason ?? 'The deployment failed.') : (s.failedReason ?? failureEvent(svc, s.deploymentId));
  if (failed) {
    const rollbackOn = svc.circuitBreaker?.enable === true && svc.circuitBreaker.rollback;
    const rollback = primary && primary.id !== s.deploymentId && !sameRevision(primary.taskDefinition, s.target) ? primary : undefined;
    if (rollback?.rolloutState === 'COMPLETED' && svc.deployments.length === 1) {
      return { state: 'ROLLBACK_SUCCESSFUL', stateReason: failed, failedReason: failed, verdict: { outcome: 'rolled-back', reason: `${sentence(failed)} Rolled back.${runsAgain(svc)}` } };
    }
    if (rollback?.rolloutState === 'FAILED') {
      return { state: 'ROLLBACK_FAILED', failedReason: failed, verdict: { outcome: 'failed', reason: `${sentence(failed)} The rollback to ${revisionName(rollback.taskDefinition)} failed too: ${sentence(rollback.rolloutStateReason ?? 'no reason given')}` } };
    }
    if (rollback) return { state: 'ROLLBACK_IN_PROGRESS', stateReason: failed, failedReason: failed };
    // ECS starts the rollback with the failure; older deployments still listed mean it is about to.
    if (rollbackOn && svc.deployments.length > 1) return { state: 'ROLLBACK_REQUESTED', stateReason: failed, failedReason: failed };
    const why = rollbackOn ? ' There is no completed deployment to roll back to.' : ' The circuit breaker does not roll back: whatever still runs of the older revision keeps serving.';
    return { state: 'FAILED', stateReason: failed, failedReason: failed, verdict: { outcome: 'failed', reason: `${sentence(failed)}${why}` } };
  }
  if (!dep) {
    if (primary && sameRevision(primary.taskDefinition, s.target) && primary.rolloutState === 'COMPLETED') return { state: 'COMPLETED', verdict: confirm(s) };
    if (!primary) return { state: 'UNKNOWN' };
    return { state: 'UNKNOWN', verdict: { outcome: 'failed', reason: `The deployment ${s.deploymentId ?? ''} is no longer listed and the PRIMARY deployment runs ${revisionName(primary.taskDefinition)}: another deployment replaced it.`.replace('  ', ' ') } };
  }
  const state = dep.rolloutState ?? 'IN_PROGRESS';
  const base = { state, ...(dep.rolloutStateReason ? { stateReason: dep.rolloutStateReason } : {}) };
  if (dep.status !== 'PRIMARY') {
    const runs = primary ? revisionName(primary.taskDefinition) : 'another revision';
    return { ...base, verdict: { outcome: 'failed', reason: `A newer deployment (${runs}) replaced this one before it completed.` } };
  }
  if (dep.rolloutState === 'COMPLETED') return { ...base, verdict: confirm(s) };
  // Without rolloutState (older deployment types): steady when only the PRIMARY is left, at its desired count.
  if (dep.rolloutState === undefined && svc.deployments.length === 1 && dep.runningCount === dep.desiredCount && dep.pendingCount === 0) {
    return { state: 'STEADY', verdict: confirm(s) };
  }
  return base;
}
