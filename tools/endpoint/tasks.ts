/**
 * Task lifecycle: launching a task from a task definition (Fargate or on a container instance), the status
 * transitions of one simulation step (PROVISIONING → PENDING → RUNNING → health → STOPPED), and stopping.
 * What a revision's tasks do is decided by its containers (see `behaviourOf`), so a test or a demo makes a
 * rollout fail just by registering a revision with a marker.
 */
import type { ClusterRecord, RegionState, Behaviour } from './state';
import type { Container, Task, TaskDefinition } from './model';

/** Simulated ms → ECS wire timestamp (epoch seconds). */
export const epoch = (ms: number): number => Math.round(ms) / 1000;

/** The docker label and environment variable that choose a revision's simulated behaviour. */
export const BEHAVIOUR_LABEL = 'ecs-lens.simulate';
export const BEHAVIOUR_ENV = 'ECS_LENS_SIMULATE';
const BEHAVIOURS: readonly Behaviour[] = ['healthy', 'fail-health-check', 'fail-start', 'exit-0', 'exit-1'];

/**
 * What tasks of `td` do: `healthy` unless a container carries the docker label `ecs-lens.simulate` or the
 * environment variable `ECS_LENS_SIMULATE` set to `fail-health-check` (start, then fail their health check),
 * `fail-start` (never start: image pull fails), `exit-0` / `exit-1` (run once and exit: jobs).
 */
export function behaviourOf(td: TaskDefinition): Behaviour {
  for (const c of td.containerDefinitions) {
    const labels = c.dockerLabels as Record<string, unknown> | undefined;
    const env = Array.isArray(c.environment) ? (c.environment as { name?: unknown; value?: unknown }[]) : [];
    const value = labels?.[BEHAVIOUR_LABEL] ?? env.find((e) => e.name === BEHAVIOUR_ENV)?.value;
    if (typeof value === 'string' && BEHAVIOURS.includes(value as Behaviour)) return value as Behaviour;
  }
  return 'healthy';
}

export interface LaunchOptions {
  td: TaskDefinition;
  group: string;
  startedBy?: string;
  launchType: string;
  capacityProviderName?: string;
  platformVersion?: string;
  now: number;
}

function ip(r: RegionState): string {
  return `10.0.${r.ids.int(0, 255)}.${r.ids.int(2, 254)}`;
}

/**
 * A new task in its first status. EC2 tasks go to the ACTIVE container instance with the fewest tasks;
 * undefined when an EC2 task has nowhere to go (the caller reports ECS's placement event).
 */
export function launchTask(r: RegionState, c: ClusterRecord, o: LaunchOptions): Task | undefined {
  const name = c.cluster.clusterName;
  const id = r.ids.taskId();
  const taskArn = r.arns.task(name, id);
  const awsvpc = o.td.networkMode === 'awsvpc';
  const fargate = o.launchType === 'FARGATE';
  let instanceArn: string | undefined;
  if (!fargate) {
    const instances = [...c.instances.values()].filter((i) => i.status === 'ACTIVE');
    if (instances.length === 0) return undefined;
    const load = (arn: string): number => [...c.tasks.values()].filter((t) => t.containerInstanceArn === arn && t.desiredStatus === 'RUNNING').length;
    instanceArn = instances.map((i) => i.containerInstanceArn).sort((a, b) => load(a) - load(b))[0];
  }
  const address = ip(r);
  const eni = `eni-0${r.ids.hex(16)}`;
  const attachmentId = r.ids.uuid();
  const containers: Container[] = o.td.containerDefinitions.map((cd) => ({
    containerArn: r.arns.container(name, id, r.ids.uuid()),
    taskArn,
    name: String(cd.name),
    image: String(cd.image),
    lastStatus: 'PENDING',
    networkBindings: [],
    networkInterfaces: awsvpc ? [{ attachmentId, privateIpv4Address: address }] : [],
    ...(cd.healthCheck ? { healthStatus: 'UNKNOWN' } : {}),
    cpu: String(cd.cpu ?? 0),
    ...(cd.memory !== undefined ? { memory: String(cd.memory) } : {}),
  }));
  const zone = `${r.region}${'abc'[r.ids.int(0, 2)]}`;
  const task: Task = {
    taskArn,
    clusterArn: c.cluster.clusterArn,
    taskDefinitionArn: o.td.taskDefinitionArn,
    ...(instanceArn ? { containerInstanceArn: instanceArn } : {}),
    availabilityZone: zone,
    attachments: awsvpc
      ? [
          {
            id: attachmentId,
            type: 'ElasticNetworkInterface',
            status: 'PRECREATED',
            details: [
              { name: 'subnetId', value: `subnet-0${r.ids.hex(16)}` },
              { name: 'networkInterfaceId', value: eni },
              { name: 'macAddress', value: `0a:${r.ids.hex(2)}:${r.ids.hex(2)}:${r.ids.hex(2)}:${r.ids.hex(2)}:${r.ids.hex(2)}` },
              { name: 'privateDnsName', value: `ip-${address.replace(/\./g, '-')}.ec2.internal` },
              { name: 'privateIPv4Address', value: address },
            ],
          },
        ]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    ...(o.capacityProviderName ? { capacityProviderName: o.capacityProviderName } : {}),
    containers,
    cpu: String(o.td.cpu ?? containers.reduce((sum, x) => sum + Number(x.cpu ?? 0), 0)),
    memory: String(o.td.memory ?? o.td.containerDefinitions.reduce((sum, cd) => sum + Number(cd.memory ?? cd.memoryReservation ?? 0), 0)),
    createdAt: epoch(o.now),
    desiredStatus: 'RUNNING',
    lastStatus: awsvpc ? 'PROVISIONING' : 'PENDING',
    enableExecuteCommand: false,
    group: o.group,
    healthStatus: 'UNKNOWN',
    launchType: o.launchType,
    // Tasks report the version LATEST resolved to.
    ...(fargate ? { platformVersion: !o.platformVersion || o.platformVersion === 'LATEST' ? '1.4.0' : o.platformVersion, platformFamily: 'Linux' } : {}),
    ...(o.startedBy ? { startedBy: o.startedBy } : {}),
    tags: [],
    version: 1,
    ...(fargate ? { ephemeralStorage: { sizeInGiB: 20 } } : {}),
  };
  c.tasks.set(id, task);
  return task;
}

/** Asks a task to stop (StopTask, the scheduler, a failed health check); it is STOPPED one step later. */
export function requestStop(task: Task, reason: string, stopCode: string, now: number): void {
  if (task.desiredStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  task.stoppedReason = reason;
  task.stopCode = stopCode;
  task.stoppingAt = epoch(now);
  if (task.lastStatus === 'RUNNING') task.lastStatus = task.attachments.length > 0 ? 'DEACTIVATING' : 'STOPPING';
  task.version++;
}

function finishStop(task: Task, now: number, exitCode: number | undefined): void {
  task.lastStatus = 'STOPPED';
  task.stoppedAt = epoch(now);
  task.executionStoppedAt = epoch(now);
  for (const c of task.containers) {
    if (c.lastStatus === 'RUNNING' && c.exitCode === undefined && exitCode !== undefined) c.exitCode = exitCode;
    c.lastStatus = 'STOPPED';
  }
  for (const a of task.attachments) a.status = 'DELETED';
  task.version++;
}

const hasHealthCheck = (task: Task): boolean => task.containers.some((c) => c.healthStatus !== undefined);

/** A task that serves: running, and healthy when it has a health check. */
export function isReady(task: Task): boolean {
  return task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && (!hasHealthCheck(task) || task.healthStatus === 'HEALTHY');
}

/** A task between launch and a settled state, or on its way out: the simulation still has work to do. */
export function isSettled(task: Task): boolean {
  if (task.lastStatus === 'STOPPED') return true;
  return task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING' && (!hasHealthCheck(task) || task.healthStatus !== 'UNKNOWN');
}

/**
 * One simulation step of a task. Returns 'failed' when the task failed this step (for the circuit breaker),
 * 'started' when it reached RUNNING.
 */
export function advanceTask(task: Task, behaviour: Behaviour, now: number, ids: { hex(n: number): string }): 'failed' | 'started' | undefined {
  const t = epoch(now);
  if (task.desiredStatus === 'STOPPED') {
    if (task.lastStatus !== 'STOPPED') finishStop(task, now, task.stopCode === 'TaskFailedToStart' ? undefined : task.containers.some((c) => c.healthStatus === 'UNHEALTHY') ? 137 : 0);
    return undefined;
  }
  switch (task.lastStatus) {
    case 'PROVISIONING':
      task.lastStatus = 'PENDING';
      task.connectivity = 'CONNECTED';
      task.connectivityAt = t;
      for (const a of task.attachments) a.status = 'ATTACHED';
      task.version++;
      return undefined;
    case 'PENDING':
      task.pullStartedAt = t;
      if (behaviour === 'fail-start') {
        const image = task.containers[0]?.image ?? 'image';
        const reason = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: not found`;
        task.desiredStatus = 'STOPPED';
        task.stopCode = 'TaskFailedToStart';
        task.stoppedReason = reason;
        task.stoppingAt = t;
        for (const c of task.containers) c.reason = reason;
        finishStop(task, now, undefined);
        return 'failed';
      }
      task.pullStoppedAt = t;
      task.startedAt = t;
      task.lastStatus = 'RUNNING';
      for (const c of task.containers) {
        c.lastStatus = 'RUNNING';
        c.runtimeId = `${task.taskArn.slice(-32)}-${ids.hex(10)}`;
        c.imageDigest = `sha256:${ids.hex(64)}`;
      }
      task.version++;
      return 'started';
    case 'RUNNING': {
      const hc = hasHealthCheck(task);
      if (behaviour === 'fail-health-check' || behaviour === 'exit-0' || behaviour === 'exit-1') {
        if (behaviour === 'fail-health-check' && hc) {
          for (const c of task.containers) if (c.healthStatus !== undefined) c.healthStatus = 'UNHEALTHY';
          task.healthStatus = 'UNHEALTHY';
          requestStop(task, 'Task failed container health checks', 'ServiceSchedulerInitiated', now);
        } else {
          const code = behaviour === 'exit-0' ? 0 : 1;
          const essential = task.containers[0];
          if (essential) {
            essential.exitCode = code;
            essential.lastStatus = 'STOPPED';
          }
          requestStop(task, 'Essential container in task exited', 'EssentialContainerExited', now);
        }
        return behaviour === 'exit-0' ? undefined : 'failed';
      }
      if (hc && task.healthStatus === 'UNKNOWN') {
        for (const c of task.containers) if (c.healthStatus !== undefined) c.healthStatus = 'HEALTHY';
        task.healthStatus = 'HEALTHY';
        task.version++;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Removes STOPPED tasks older than ECS keeps them visible (about an hour). */
export function pruneStopped(c: ClusterRecord, now: number, keepMs = 3_600_000): void {
  for (const [id, t] of c.tasks) if (t.lastStatus === 'STOPPED' && t.stoppedAt !== undefined && now - t.stoppedAt * 1000 > keepMs) c.tasks.delete(id);
}
