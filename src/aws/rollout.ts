/**
 * Watching a rollout until it ends: completed, failed, rolled back, or the caller stops watching (stopping
 * watching never stops the deployment). Uses only the `EcsGateway` interface, so the CLI and the editor share it.
 *
 * Where the service-deployment API answers, its status is the truth (SUCCESSFUL, ROLLBACK_SUCCESSFUL, STOPPED,
 * ROLLBACK_FAILED, ...); where it does not (`unsupported`, or an identity without ecs:DescribeServiceDeployments),
 * the service's `deployments[]` (rolloutState, rolloutStateReason, failedTasks). Either way the end is confirmed
 * against the PRIMARY deployment: a rollout only completes when the PRIMARY runs the new revision, so a circuit
 * breaker rollback — which `aws ecs wait services-stable` reports as stable — is a failure here.
 */
import { type EcsGateway, type Service, type ServiceEvent, GatewayError, isGatewayError } from './gateway';
import { breakerThreshold, judgeDeployments, judgeServiceDeployment, revisionName, sameRevision, type Judgement, type Snapshot } from './rollout-judge';
import { stoppedTasksOf, type StopReason, type StoppedTaskSummary } from './rollout-tasks';

/** The stopped tasks of a failed rollout, and their reasons (rollout-tasks.ts). */
export type { StopReason, StoppedTaskSummary };
/** Revision names (`web:12`) and comparison of ARNs with them (rollout-judge.ts). */
export { revisionName, sameRevision };

/** Where the rollout's state comes from. */
export type RolloutSource = 'service-deployment' | 'deployments';

/** How watching ended. Only `completed` is a success; a rollback is a failure. */
export type RolloutOutcome = 'completed' | 'failed' | 'rolled-back' | 'stopped-watching' | 'timed-out';

/** Tasks of the new revision: running, desired, pending, and failed (what the circuit breaker counts). */
export interface RolloutCounts {
  running: number;
  desired: number;
  pending: number;
  failed: number;
}

/** One poll's view of the rollout, as plain data (posted to a progress notification or printed as a line). */
export interface RolloutProgress {
  source: RolloutSource;
  /** Why the service-deployment API is not used, when it is not. */
  fallbackReason?: string;
  /** The service deployment's status (PENDING, IN_PROGRESS, SUCCESSFUL, ROLLBACK_IN_PROGRESS, ...) or the deployment's rolloutState. */
  state: string;
  stateReason?: string;
  lifecycleStage?: string;
  serviceDeploymentArn?: string;
  deploymentId?: string;
  /** The revision being rolled out. */
  taskDefinition: string;
  /** What the PRIMARY deployment runs now. */
  primaryTaskDefinition?: string;
  /** Tasks of the new revision. */
  counts: RolloutCounts;
  /** The deployment circuit breaker: its state and failed tasks against the threshold. */
  circuitBreaker?: { status: string; failures: number; threshold?: number };
  /** Service events since the rollout began, newest first (at most 10). */
  events: ServiceEvent[];
  /** Events not reported by an earlier poll, oldest first. */
  newEvents: ServiceEvent[];
  elapsedMs: number;
  polls: number;
  /** A poll that failed and will be retried (throttling, a server error, the network). */
  warning?: string;
}

/** How watching ended, with the last poll and, for a failure, why the new revision's tasks stopped. */
export interface RolloutResult {
  outcome: RolloutOutcome;
  /** True only for `completed`. */
  ok: boolean;
  /** Why it failed, rolled back, or was not confirmed. */
  reason?: string;
  /** The last poll. */
  progress: RolloutProgress;
  /** Stopped tasks of the new revision (failed rollouts only), newest first. */
  stoppedTasks: StoppedTaskSummary[];
  /** Their stop reasons, most frequent first. */
  stopReasons: StopReason[];
}

/** Which rollout to watch, how often and how long; the clock and sleep are injectable for tests. */
export interface WatchOptions {
  cluster: string;
  service: string;
  /** The revision rolled out (ARN or family:revision). Default: `started`'s, else what the PRIMARY runs at the first poll. */
  taskDefinition?: string;
  /** The service deployment to follow. Default: `started`'s currentServiceDeployment, else the service's. */
  serviceDeploymentArn?: string;
  /** The `deployments[]` entry to follow (fallback). Default: `started`'s PRIMARY. */
  deploymentId?: string;
  /** UpdateService's (or CreateService's) answer: the deployment it started. */
  started?: Service;
  /** Stops watching (never the deployment): the result is `stopped-watching`. */
  signal?: AbortSignal;
  onProgress?: (progress: RolloutProgress) => void;
  /** Watching ends `timed-out` after this long. Default 30 minutes. */
  timeoutMs?: number;
  /** First wait between polls, and the wait after a poll that saw a change. Default 5 s. */
  intervalMs?: number;
  /** Waits grow by half while nothing changes, up to this. Default 30 s. */
  maxIntervalMs?: number;
  /** Failed polls in a row tolerated for throttling, server and network errors. Default 3. */
  maxPollFailures?: number;
  /** The clock (ms). Default Date.now. */
  now?: () => number;
  /** Waits `ms` or until `signal` aborts. Default: a timer. Tests pass the simulated clock's. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const TRANSIENT = new Set(['throttled', 'server-error', 'endpoint-unreachable']);
/** Kinds that mean "use deployments[] instead": no such API here, or no permission for it. */
const NO_SERVICE_DEPLOYMENTS = new Set(['unsupported', 'access-denied']);

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** What one watch remembers between polls. */
interface WatchState {
  source?: RolloutSource;
  fallbackReason?: string;
  serviceDeploymentArn?: string;
  deploymentId?: string;
  target?: string;
  /** Server time the rollout began: events from then on belong to it. */
  since?: number;
  baseline?: Set<string>;
  reported: Set<string>;
  /** The deployment failed (fallback): its reason, while a rollback runs. */
  failedReason?: string;
  /** The most failed tasks seen. */
  failedTasks?: number;
}

async function describeService(gw: EcsGateway, o: WatchOptions): Promise<Service> {
  const { items, failures } = await gw.describeServices(o.cluster, [o.service], { signal: o.signal });
  const s = items[0];
  if (!s) throw new GatewayError('not-found', `Service ${o.service} was not found in cluster ${o.cluster} (${failures[0]?.reason ?? 'MISSING'}).`, { operation: 'DescribeServices' });
  return s;
}

/** Picks the service deployment to follow, or falls back to deployments[]. */
async function chooseSource(gw: EcsGateway, o: WatchOptions, st: WatchState, svc: Service): Promise<void> {
  let arn = o.serviceDeploymentArn ?? o.started?.currentServiceDeployment ?? svc.currentServiceDeployment;
  try {
    if (!arn) arn = (await gw.listServiceDeployments(o.cluster, o.service, { signal: o.signal })).items[0]?.serviceDeploymentArn;
    if (arn) {
      st.source = 'service-deployment';
      st.serviceDeploymentArn = arn;
    } else {
      st.source = 'deployments';
      st.fallbackReason = 'ECS lists no service deployment for this service';
    }
  } catch (e) {
    if (!isGatewayError(e) || !NO_SERVICE_DEPLOYMENTS.has(e.kind)) throw e;
    fallBack(st, e);
  }
}

function fallBack(st: WatchState, e: GatewayError): void {
  st.source = 'deployments';
  st.fallbackReason = e.kind === 'unsupported' ? 'this endpoint has no service-deployment API' : `no permission for the service-deployment API (${e.details.code ?? e.kind})`;
}

/** One poll: the service, the service deployment when followed, and what they mean. */
async function poll(gw: EcsGateway, o: WatchOptions, st: WatchState): Promise<Snapshot & { judgement?: Judgement }> {
  const svc = await describeService(gw, o);
  const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
  if (st.target === undefined) {
    st.target = o.taskDefinition ?? o.started?.taskDefinition ?? primary?.taskDefinition ?? svc.taskDefinition;
    st.deploymentId = o.deploymentId ?? o.started?.deployments.find((d) => d.status === 'PRIMARY')?.id ?? primary?.id;
  }
  if (st.source === undefined) await chooseSource(gw, o, st, svc);
  if (st.source === 'service-deployment' && st.serviceDeploymentArn) {
    try {
      const { items } = await gw.describeServiceDeployments([st.serviceDeploymentArn], { signal: o.signal });
      const sd = items[0];
      if (sd) {
        st.since ??= sd.createdAt ? Date.parse(sd.createdAt) : undefined;
        const snap: Snapshot = { service: svc, serviceDeployment: sd, target: st.target };
        return { ...snap, judgement: judgeServiceDeployment(snap) };
      }
      st.source = 'deployments';
      st.fallbackReason = 'ECS did not describe the service deployment';
    } catch (e) {
      if (!isGatewayError(e) || !NO_SERVICE_DEPLOYMENTS.has(e.kind)) throw e;
      fallBack(st, e);
    }
  }
  const snap: Snapshot = { service: svc, target: st.target, deploymentId: st.deploymentId, failedReason: st.failedReason };
  const judgement = judgeDeployments(snap);
  st.failedReason = judgement.failedReason ?? st.failedReason;
  const dep = svc.deployments.find((d) => d.id === st.deploymentId);
  st.since ??= dep?.createdAt ? Date.parse(dep.createdAt) : undefined;
  return { ...snap, judgement };
}

/** The progress record of a snapshot; events are those since the rollout began. */
function progressOf(snap: Snapshot & { judgement?: Judgement }, st: WatchState, polls: number, elapsedMs: number): RolloutProgress {
  const { service: svc, serviceDeployment: sd } = snap;
  if (st.since === undefined) st.baseline ??= new Set(svc.events.map((e) => e.id));
  const ours = svc.events.filter((e) => (st.since !== undefined ? (e.createdAt ? Date.parse(e.createdAt) >= st.since : false) : !st.baseline?.has(e.id)));
  const newEvents = ours.filter((e) => !st.reported.has(e.id)).reverse();
  for (const e of newEvents) st.reported.add(e.id);
  const dep = svc.deployments.find((d) => d.id === st.deploymentId) ?? [...svc.deployments].reverse().find((d) => sameRevision(d.taskDefinition, snap.target));
  const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
  // A failed deployment can leave deployments[] between two polls: keep the most failures seen.
  const failedTasks = Math.max(sd?.circuitBreaker?.failureCount ?? 0, dep?.failedTasks ?? 0, st.failedTasks ?? 0);
  st.failedTasks = failedTasks;
  const counts: RolloutCounts = sd?.targetServiceRevision
    ? { running: sd.targetServiceRevision.runningTaskCount ?? 0, desired: sd.targetServiceRevision.requestedTaskCount ?? 0, pending: sd.targetServiceRevision.pendingTaskCount ?? 0, failed: failedTasks }
    : { running: dep?.runningCount ?? 0, desired: dep?.desiredCount ?? svc.desiredCount, pending: dep?.pendingCount ?? 0, failed: failedTasks };
  let circuitBreaker: RolloutProgress['circuitBreaker'];
  if (sd?.circuitBreaker) circuitBreaker = { status: sd.circuitBreaker.status ?? 'UNKNOWN', failures: sd.circuitBreaker.failureCount ?? failedTasks, threshold: sd.circuitBreaker.threshold };
  else if (svc.circuitBreaker) {
    const tripped = dep?.rolloutState === 'FAILED' || st.failedReason !== undefined;
    const status = !svc.circuitBreaker.enable ? 'DISABLED' : tripped ? 'TRIGGERED' : dep?.rolloutState === 'COMPLETED' ? 'MONITORING_COMPLETE' : 'MONITORING';
    circuitBreaker = { status, failures: failedTasks, ...(svc.circuitBreaker.enable ? { threshold: breakerThreshold(svc.desiredCount) } : {}) };
  }
  return {
    source: st.source ?? 'deployments',
    ...(st.fallbackReason && st.source === 'deployments' ? { fallbackReason: st.fallbackReason } : {}),
    state: snap.judgement?.state ?? 'UNKNOWN',
    ...(snap.judgement?.stateReason ? { stateReason: snap.judgement.stateReason } : {}),
    ...(sd?.lifecycleStage ? { lifecycleStage: sd.lifecycleStage } : {}),
    ...(st.serviceDeploymentArn && st.source === 'service-deployment' ? { serviceDeploymentArn: st.serviceDeploymentArn } : {}),
    ...(st.deploymentId ? { deploymentId: st.deploymentId } : {}),
    taskDefinition: snap.target,
    ...(primary ? { primaryTaskDefinition: primary.taskDefinition } : {}),
    counts,
    ...(circuitBreaker ? { circuitBreaker } : {}),
    events: ours.slice(0, 10),
    newEvents,
    elapsedMs,
    polls,
  };
}

/**
 * Watches the rollout of `options.service` until it completes, fails, rolls back, times out or the caller stops
 * watching, reporting every poll to `onProgress`. Resolves with the outcome (never rejects for a failed rollout);
 * rejects with a GatewayError when ECS cannot be read (credentials, a missing service, repeated failed polls).
 */
export async function watchRollout(gw: EcsGateway, options: WatchOptions): Promise<RolloutResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const intervalMs = options.intervalMs ?? 5_000;
  const maxIntervalMs = Math.max(intervalMs, options.maxIntervalMs ?? 30_000);
  const maxFailures = options.maxPollFailures ?? 3;
  const start = now();
  const st: WatchState = { reported: new Set() };
  let progress: RolloutProgress | undefined;
  let interval = intervalMs;
  let lastKey = '';
  let failures = 0;

  const end = async (outcome: RolloutOutcome, reason?: string): Promise<RolloutResult> => {
    const last: RolloutProgress = progress ?? { source: st.source ?? 'deployments', state: 'UNKNOWN', taskDefinition: st.target ?? options.taskDefinition ?? '', counts: { running: 0, desired: 0, pending: 0, failed: 0 }, events: [], newEvents: [], elapsedMs: now() - start, polls: 0 };
    const failed = outcome === 'failed' || outcome === 'rolled-back';
    const stopped = failed && !options.signal?.aborted ? await stoppedTasksOf(gw, options.cluster, options.service, last.taskDefinition, options.signal) : { tasks: [], reasons: [] };
    return { outcome, ok: outcome === 'completed', ...(reason ? { reason } : {}), progress: last, stoppedTasks: stopped.tasks, stopReasons: stopped.reasons };
  };

  for (let polls = 1; ; polls++) {
    if (options.signal?.aborted) return end('stopped-watching', 'Stopped watching; the deployment goes on.');
    try {
      const snap = await poll(gw, options, st);
      failures = 0;
      progress = progressOf(snap, st, polls, now() - start);
      options.onProgress?.(progress);
      const verdict = snap.judgement?.verdict;
      if (verdict) return end(verdict.outcome, verdict.reason);
    } catch (e) {
      if (options.signal?.aborted) return end('stopped-watching', 'Stopped watching; the deployment goes on.');
      if (!isGatewayError(e) || !TRANSIENT.has(e.kind) || ++failures > maxFailures) throw e;
      if (progress) {
        progress = { ...progress, newEvents: [], polls, elapsedMs: now() - start, warning: `${e.message} Retrying.` };
        options.onProgress?.(progress);
      }
    }
    const elapsed = now() - start;
    if (elapsed >= timeoutMs) {
      const limit = timeoutMs >= 120_000 ? `${Math.round(timeoutMs / 60_000)} min` : `${Math.round(timeoutMs / 1000)} s`;
      return end('timed-out', `The rollout did not finish within ${limit}; it goes on without being watched.`);
    }
    // Poll again soon after a change, less often while nothing moves.
    const key = progress ? JSON.stringify([progress.state, progress.counts, progress.events[0]?.id, progress.primaryTaskDefinition]) : '';
    interval = key === lastKey ? Math.min(maxIntervalMs, Math.round(interval * 1.5)) : intervalMs;
    lastKey = key;
    await sleep(Math.min(interval, timeoutMs - elapsed), options.signal);
  }
}
