/**
 * The service scheduler and rollouts: what ECS does between two API calls. Every step (simulated time, see
 * clock.ts) each task advances one status, each service starts and stops tasks within its deployment
 * configuration (maximumPercent / minimumHealthyPercent), failed tasks count against the deployment circuit
 * breaker, which fails the rollout and, with rollback, returns to the last completed deployment. The service
 * deployment records (ListServiceDeployments) follow the same transitions.
 */
import type { Deployment, Service, ServiceDeployment, Task, TaskDefinition } from './model';
import type { ClusterRecord, RegionState, ServiceDeploymentRecord, ServiceRecord } from './state';
import { advanceTask, behaviourOf, epoch, isReady, isSettled, launchTask, pruneStopped, requestStop } from './tasks';

const MAX_EVENTS = 100;

/** Adds a service event (newest first; ECS keeps the last 100). */
export function addEvent(r: RegionState, s: Service, message: string, now: number): void {
  s.events.unshift({ id: r.ids.uuid(), createdAt: epoch(now), message: `(service ${s.serviceName}) ${message}` });
  if (s.events.length > MAX_EVENTS) s.events.length = MAX_EVENTS;
}

/** The circuit breaker's failure threshold: half the desired count, at least 3 and at most 200. */
export function breakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}

function serviceDeploymentOf(r: RegionState, rec: ServiceRecord, deploymentId: string): ServiceDeploymentRecord | undefined {
  for (const arn of rec.serviceDeployments) {
    const sd = r.serviceDeployments.get(arn);
    if (sd && (sd.deploymentId === deploymentId || sd.rollbackDeploymentId === deploymentId)) return sd;
  }
  return undefined;
}

function finish(c: ClusterRecord, sd: ServiceDeploymentRecord, status: ServiceDeployment['status'], reason: string | undefined, now: number): void {
  sd.frozen = revisionSummaries(c, sd);
  sd.sd.status = status;
  if (reason) sd.sd.statusReason = reason;
  sd.sd.finishedAt = epoch(now);
  sd.sd.updatedAt = epoch(now);
  if (status === 'STOPPED' || status === 'ROLLBACK_FAILED') sd.sd.stoppedAt = epoch(now);
  if (sd.sd.deploymentCircuitBreaker.status === 'MONITORING') sd.sd.deploymentCircuitBreaker.status = 'MONITORING_COMPLETE';
  delete sd.sd.lifecycleStage;
}

/**
 * Starts a new deployment of `td`: a PRIMARY entry in deployments[], a service revision, and (unless this is a
 * rollback, which belongs to the failed deployment's record) a service deployment in PENDING.
 */
export function beginDeployment(r: RegionState, c: ClusterRecord, rec: ServiceRecord, td: TaskDefinition, now: number, rollbackOf?: ServiceDeploymentRecord): Deployment {
  const s = rec.service;
  const t = epoch(now);
  for (const d of s.deployments) d.status = 'ACTIVE';
  const dep: Deployment = {
    id: r.ids.deploymentId(),
    status: 'PRIMARY',
    taskDefinition: td.taskDefinitionArn,
    desiredCount: s.desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: t,
    updatedAt: t,
    ...(s.launchType ? { launchType: s.launchType } : {}),
    ...(s.capacityProviderStrategy ? { capacityProviderStrategy: s.capacityProviderStrategy } : {}),
    ...(s.platformVersion ? { platformVersion: s.platformVersion, platformFamily: 'Linux' } : {}),
    ...(s.networkConfiguration ? { networkConfiguration: s.networkConfiguration } : {}),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: rollbackOf ? `ECS deployment circuit breaker: rolling back to deploymentId ${rec.stableDeploymentId}.` : 'ECS deployment in progress.',
  };
  s.deployments.unshift(dep);
  s.taskDefinition = td.taskDefinitionArn;
  if (rollbackOf) {
    rec.revisions.set(dep.id, rec.revisions.get(rec.stableDeploymentId ?? '') ?? r.arns.serviceRevision(c.cluster.clusterName, s.serviceName, r.ids.digits(19)));
    rollbackOf.rollbackDeploymentId = dep.id;
    return dep;
  }
  rec.revisions.set(dep.id, r.arns.serviceRevision(c.cluster.clusterName, s.serviceName, r.ids.digits(19)));
  // A deployment that was still rolling out is superseded by this one.
  for (const arn of rec.serviceDeployments) {
    const old = r.serviceDeployments.get(arn);
    if (old && ['PENDING', 'IN_PROGRESS'].includes(old.sd.status)) finish(c, old, 'STOPPED', 'Service deployment superseded by a newer service deployment.', now);
  }
  const breaker = s.deploymentConfiguration.deploymentCircuitBreaker;
  const arn = r.arns.serviceDeployment(c.cluster.clusterName, s.serviceName, r.ids.serviceDeploymentId());
  const sd: ServiceDeploymentRecord = {
    sd: {
      serviceDeploymentArn: arn,
      serviceArn: s.serviceArn,
      clusterArn: s.clusterArn,
      createdAt: t,
      updatedAt: t,
      status: 'PENDING',
      deploymentConfiguration: structuredClone(s.deploymentConfiguration),
      deploymentCircuitBreaker: { status: breaker?.enable ? 'MONITORING' : 'DISABLED', failureCount: 0, threshold: breakerThreshold(s.desiredCount) },
    },
    cluster: c.cluster.clusterName,
    service: s.serviceName,
    deploymentId: dep.id,
    sourceDeploymentIds: s.deployments.slice(1).map((d) => d.id),
  };
  r.serviceDeployments.set(arn, sd);
  rec.serviceDeployments.unshift(arn);
  s.currentServiceDeployment = arn;
  return dep;
}

/** Live revision summaries of a service deployment, counted from the tasks. */
export function revisionSummaries(c: ClusterRecord, sd: ServiceDeploymentRecord): NonNullable<ServiceDeploymentRecord['frozen']> {
  if (sd.frozen) return sd.frozen;
  const rec = c.services.get(sd.service);
  const summary = (deploymentId: string): ServiceDeployment['targetServiceRevision'] => {
    const tasks = [...c.tasks.values()].filter((t) => t.startedBy === deploymentId && t.desiredStatus === 'RUNNING');
    const dep = rec?.service.deployments.find((d) => d.id === deploymentId);
    return {
      arn: rec?.revisions.get(deploymentId) ?? '',
      requestedTaskCount: dep?.desiredCount ?? 0,
      runningTaskCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
      pendingTaskCount: tasks.filter((t) => t.lastStatus !== 'RUNNING').length,
    };
  };
  return { target: summary(sd.deploymentId), sources: sd.sourceDeploymentIds.map(summary) };
}

/**
 * Rolls a failed (or user-stopped) deployment back to the last completed one. Without one, the service
 * deployment ends ROLLBACK_FAILED and the failed deployment stays, launching nothing more.
 */
export function rollBack(r: RegionState, c: ClusterRecord, rec: ServiceRecord, sd: ServiceDeploymentRecord, reason: string, now: number): void {
  const s = rec.service;
  const stable = rec.stableTaskDefinition ? r.findTaskDefinition(rec.stableTaskDefinition) : undefined;
  rec.halted.add(sd.deploymentId);
  if (!stable || rec.stableDeploymentId === sd.deploymentId) {
    finish(c, sd, 'ROLLBACK_FAILED', 'There is no completed service revision to roll back to.', now);
    return;
  }
  sd.sd.status = 'ROLLBACK_REQUESTED';
  sd.sd.statusReason = reason;
  sd.sd.updatedAt = epoch(now);
  sd.sd.rollback = { reason, startedAt: epoch(now), serviceRevisionArn: rec.revisions.get(rec.stableDeploymentId ?? '') ?? '' };
  addEvent(r, s, `rolling back to deployment ${rec.stableDeploymentId}.`, now);
  beginDeployment(r, c, rec, stable, now, sd);
}

function tripBreaker(r: RegionState, c: ClusterRecord, rec: ServiceRecord, dep: Deployment, now: number): void {
  const s = rec.service;
  dep.rolloutState = 'FAILED';
  dep.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  dep.updatedAt = epoch(now);
  rec.halted.add(dep.id);
  addEvent(r, s, `(deployment ${dep.id}) deployment failed: tasks failed to start.`, now);
  const sd = serviceDeploymentOf(r, rec, dep.id);
  if (!sd) return;
  sd.sd.deploymentCircuitBreaker.status = 'TRIGGERED';
  if (s.deploymentConfiguration.deploymentCircuitBreaker?.rollback) {
    rollBack(r, c, rec, sd, 'Circuit breaker rollback: the deployment failed because tasks failed to start or failed health checks.', now);
  } else {
    finish(c, sd, 'STOPPED', 'The circuit breaker stopped the deployment: tasks failed to start or failed health checks.', now);
  }
}

/** Service-deployment records that wait for the next step: PENDING starts, requested stops and rollbacks proceed. */
function advanceServiceDeployments(r: RegionState, c: ClusterRecord, rec: ServiceRecord, now: number): void {
  for (const arn of rec.serviceDeployments) {
    const sd = r.serviceDeployments.get(arn);
    if (!sd) continue;
    const t = epoch(now);
    switch (sd.sd.status) {
      case 'PENDING':
        sd.sd.status = 'IN_PROGRESS';
        sd.sd.startedAt = t;
        sd.sd.updatedAt = t;
        sd.sd.lifecycleStage = 'SCALE_UP';
        break;
      case 'ROLLBACK_REQUESTED':
        sd.sd.status = 'ROLLBACK_IN_PROGRESS';
        sd.sd.updatedAt = t;
        break;
      case 'STOP_REQUESTED': {
        const dep = rec.service.deployments.find((d) => d.id === sd.deploymentId);
        if (dep) {
          dep.rolloutState = 'FAILED';
          dep.rolloutStateReason = 'Service deployment stopped by a StopServiceDeployment request.';
        }
        if (sd.stopType === 'ABORT') {
          rec.halted.add(sd.deploymentId);
          finish(c, sd, 'STOPPED', 'Stopped by a StopServiceDeployment request.', now);
        } else {
          rollBack(r, c, rec, sd, 'Rollback requested by a StopServiceDeployment request.', now);
        }
        break;
      }
      default:
    }
  }
}

/** What the scheduler does for one service in one step. */
function stepService(r: RegionState, c: ClusterRecord, rec: ServiceRecord, tasks: Task[], now: number): void {
  const s = rec.service;
  advanceServiceDeployments(r, c, rec, now);
  const primary = s.deployments[0];
  if (!primary) return;
  const D = s.desiredCount;
  const breaker = s.deploymentConfiguration.deploymentCircuitBreaker;
  if (primary.rolloutState === 'IN_PROGRESS' && breaker?.enable && primary.failedTasks >= breakerThreshold(D)) {
    tripBreaker(r, c, rec, primary, now);
    return stepService(r, c, rec, tasks, now);
  }
  const active = tasks.filter((t) => t.desiredStatus === 'RUNNING');
  const ofPrimary = active.filter((t) => t.startedBy === primary.id);
  const maxTotal = Math.max(D, Math.floor((D * (s.deploymentConfiguration.maximumPercent ?? 200)) / 100));
  const minReady = Math.min(D, Math.ceil((D * (s.deploymentConfiguration.minimumHealthyPercent ?? 100)) / 100));
  const stopReason = `Scaling activity initiated by (deployment ${primary.id})`;
  const stopped: Task[] = [];

  // Launch the primary deployment's tasks within maximumPercent.
  const toStart = rec.halted.has(primary.id) ? 0 : Math.min(D - ofPrimary.length, maxTotal - active.length);
  if (toStart > 0) {
    const td = r.findTaskDefinition(primary.taskDefinition);
    const started: Task[] = [];
    for (let i = 0; i < toStart && td; i++) {
      const capacityProviderName = s.capacityProviderStrategy?.[0]?.capacityProvider as string | undefined;
      const launchType = s.launchType ?? (capacityProviderName?.startsWith('FARGATE') ? 'FARGATE' : 'EC2');
      const task = launchTask(r, c, { td, group: `service:${s.serviceName}`, startedBy: primary.id, launchType, capacityProviderName, platformVersion: s.platformVersion, now });
      if (!task) {
        const msg = 'was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.';
        if (!s.events[0]?.message.endsWith(msg)) addEvent(r, s, msg, now);
        break;
      }
      started.push(task);
    }
    if (started.length > 0) addEvent(r, s, `has started ${started.length} tasks: ${started.map((t) => `(task ${t.taskArn.slice(-32)})`).join(' ')}.`, now);
  }

  // Scale in a primary that has more tasks than desired (a lower desiredCount).
  for (const t of ofPrimary.filter((x) => !isReady(x)).concat(ofPrimary.filter(isReady)).slice(0, Math.max(0, ofPrimary.length - D))) stopped.push(t);

  // Stop older deployments' tasks, keeping minimumHealthyPercent ready — unless the primary failed and
  // launches nothing (then the old tasks are what still serves).
  if (!rec.halted.has(primary.id)) {
    const old = active.filter((t) => t.startedBy !== primary.id);
    let spare = active.filter(isReady).length - stopped.filter(isReady).length - minReady;
    for (const t of old.filter((x) => !isReady(x))) stopped.push(t);
    for (const t of old.filter(isReady)) {
      if (spare <= 0) break;
      stopped.push(t);
      spare--;
    }
  }
  for (const t of stopped) requestStop(t, stopReason, 'ServiceSchedulerInitiated', now);
  const runningStopped = stopped.filter((t) => t.lastStatus !== 'PENDING' && t.lastStatus !== 'PROVISIONING');
  if (runningStopped.length > 0) addEvent(r, s, `has stopped ${runningStopped.length} running tasks: ${runningStopped.map((t) => `(task ${t.taskArn.slice(-32)})`).join(' ')}.`, now);

  // Older deployments shrink to what they still run and leave deployments[] when they run nothing.
  for (const d of s.deployments.slice(1)) d.desiredCount = tasks.filter((t) => t.startedBy === d.id && t.desiredStatus === 'RUNNING').length;
  s.deployments = [primary, ...s.deployments.slice(1).filter((d) => d.desiredCount > 0 || tasks.some((t) => t.startedBy === d.id && t.lastStatus !== 'STOPPED'))];
  primary.desiredCount = D;

  const sd = serviceDeploymentOf(r, rec, primary.id);
  if (sd && sd.sd.status === 'IN_PROGRESS' && ofPrimary.filter(isReady).length >= D) sd.sd.lifecycleStage = 'CLEAN_UP';

  // Completion: the primary runs the desired count, ready, and nothing else is left.
  const ready = tasks.filter((t) => t.startedBy === primary.id && isReady(t)).length;
  if (primary.rolloutState === 'IN_PROGRESS' && s.deployments.length === 1 && ready === D && !rec.halted.has(primary.id)) {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = epoch(now);
    rec.stableTaskDefinition = primary.taskDefinition;
    rec.stableDeploymentId = primary.id;
    addEvent(r, s, `deployment ${primary.id} deployment completed.`, now);
    addEvent(r, s, 'has reached a steady state.', now);
    if (sd?.sd.status === 'IN_PROGRESS') finish(c, sd, 'SUCCESSFUL', undefined, now);
    else if (sd?.sd.status === 'ROLLBACK_IN_PROGRESS' || sd?.sd.status === 'ROLLBACK_REQUESTED') finish(c, sd, 'ROLLBACK_SUCCESSFUL', undefined, now);
  }
}

/** One simulation step at simulated time `now` for every cluster of a region. */
export function step(r: RegionState, now: number): void {
  const behaviours = new Map<string, ReturnType<typeof behaviourOf>>();
  for (const c of r.clusters.values()) {
    const byGroup = new Map<string, Task[]>();
    for (const task of c.tasks.values()) {
      let b = behaviours.get(task.taskDefinitionArn);
      if (!b) {
        const td = r.findTaskDefinition(task.taskDefinitionArn);
        b = td ? behaviourOf(td) : 'healthy';
        behaviours.set(task.taskDefinitionArn, b);
      }
      const result = advanceTask(task, b, now, r.ids);
      if (task.group.startsWith('service:')) {
        const list = byGroup.get(task.group) ?? [];
        list.push(task);
        byGroup.set(task.group, list);
      }
      if (result === 'failed' && task.group.startsWith('service:')) {
        const rec = c.services.get(task.group.slice('service:'.length));
        const dep = rec?.service.deployments.find((d) => d.id === task.startedBy);
        if (rec && dep) {
          dep.failedTasks++;
          const sd = serviceDeploymentOf(r, rec, dep.id);
          if (sd && sd.deploymentId === dep.id) sd.sd.deploymentCircuitBreaker.failureCount = dep.failedTasks;
          if (task.stoppedReason === 'Task failed container health checks') addEvent(r, rec.service, `(task ${task.taskArn.slice(-32)}) failed container health checks.`, now);
        }
      }
    }
    for (const rec of c.services.values()) {
      if (rec.service.status === 'ACTIVE') stepService(r, c, rec, byGroup.get(`service:${rec.service.serviceName}`) ?? [], now);
    }
    pruneStopped(c, now);
  }
}

/** Whether anything in the region would change in a step: lets the simulation skip quiet stretches at once. */
export function isBusy(r: RegionState): boolean {
  for (const sd of r.serviceDeployments.values()) if (['PENDING', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED'].includes(sd.sd.status)) return true;
  for (const c of r.clusters.values()) {
    const active = new Map<string, number>();
    for (const t of c.tasks.values()) {
      if (!isSettled(t)) return true;
      if (t.desiredStatus === 'RUNNING' && t.startedBy) active.set(t.startedBy, (active.get(t.startedBy) ?? 0) + 1);
    }
    for (const rec of c.services.values()) {
      const s = rec.service;
      const primary = s.deployments[0];
      if (s.status !== 'ACTIVE' || !primary || rec.halted.has(primary.id)) continue;
      if (s.deployments.length > 1 || primary.rolloutState === 'IN_PROGRESS' || (active.get(primary.id) ?? 0) !== s.desiredCount) return true;
    }
  }
  return false;
}

/** Runs the steps due up to simulated time `now` (quiet stretches are skipped, not stepped through). */
export function runUntil(r: RegionState, now: number, stepMs: number): void {
  if (r.lastStep === 0) r.lastStep = now;
  let steps = 0;
  while (r.lastStep + stepMs <= now) {
    if (!isBusy(r) || steps >= 10_000) {
      r.lastStep += Math.floor((now - r.lastStep) / stepMs) * stepMs;
      break;
    }
    r.lastStep += stepMs;
    step(r, r.lastStep);
    steps++;
  }
  for (const c of r.clusters.values()) pruneStopped(c, now);
}
