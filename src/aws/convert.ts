/**
 * SDK shapes → the gateway's plain data. Dates become ISO strings, absent counts become 0, and nothing of the
 * SDK's types survives (only type imports here: the SDK is not loaded by this module).
 */
import type * as Sdk from '@aws-sdk/client-ecs';
import type {
  Cluster,
  Container,
  ContainerInstance,
  Deployment,
  Failure,
  JsonObject,
  JsonValue,
  Service,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceRevisionSummary,
  Tag,
  Task,
  TaskDefinition,
} from './gateway';
import { parseTaskDefinitionArn } from './gateway';

const iso = (d: Date | undefined): string | undefined => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);

/** Any SDK output as plain JSON: Dates as ISO strings, undefined members dropped. */
export function toJson(v: unknown): JsonValue {
  if (v instanceof Date) return iso(v) ?? null;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object' && v !== null) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJson(x);
    return out;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

/** Drops undefined members so that plain data compares and prints cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function toFailures(f: Sdk.Failure[] | undefined): Failure[] {
  return (f ?? []).map((x) => compact({ arn: x.arn, reason: x.reason, detail: x.detail }));
}

function toTags(t: Sdk.Tag[] | undefined): Tag[] {
  return (t ?? []).filter((x) => x.key !== undefined).map((x) => ({ key: x.key ?? '', value: x.value ?? '' }));
}

function pairs(list: { name?: string; value?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list ?? []) if (p.name !== undefined) out[p.name] = p.value ?? '';
  return out;
}

export function toCluster(c: Sdk.Cluster): Cluster {
  return {
    clusterArn: c.clusterArn ?? '',
    clusterName: c.clusterName ?? '',
    status: c.status ?? 'UNKNOWN',
    runningTasksCount: c.runningTasksCount ?? 0,
    pendingTasksCount: c.pendingTasksCount ?? 0,
    activeServicesCount: c.activeServicesCount ?? 0,
    registeredContainerInstancesCount: c.registeredContainerInstancesCount ?? 0,
    capacityProviders: c.capacityProviders ?? [],
    statistics: pairs(c.statistics),
    settings: pairs(c.settings),
    tags: toTags(c.tags),
  };
}

function toDeployment(d: Sdk.Deployment): Deployment {
  return compact({
    id: d.id ?? '',
    status: d.status ?? 'UNKNOWN',
    taskDefinition: d.taskDefinition ?? '',
    desiredCount: d.desiredCount ?? 0,
    runningCount: d.runningCount ?? 0,
    pendingCount: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
    launchType: d.launchType,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  });
}

export function toService(s: Sdk.Service): Service {
  const breaker = s.deploymentConfiguration?.deploymentCircuitBreaker;
  return compact({
    serviceArn: s.serviceArn ?? '',
    serviceName: s.serviceName ?? '',
    clusterArn: s.clusterArn ?? '',
    status: s.status ?? 'UNKNOWN',
    desiredCount: s.desiredCount ?? 0,
    runningCount: s.runningCount ?? 0,
    pendingCount: s.pendingCount ?? 0,
    launchType: s.launchType,
    capacityProviderStrategy: (s.capacityProviderStrategy ?? []).map((c) => compact({ capacityProvider: c.capacityProvider ?? '', weight: c.weight, base: c.base })),
    platformVersion: s.platformVersion,
    taskDefinition: s.taskDefinition ?? '',
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: s.deploymentController?.type,
    circuitBreaker: breaker ? { enable: breaker.enable === true, rollback: breaker.rollback === true } : undefined,
    deployments: (s.deployments ?? []).map(toDeployment),
    events: (s.events ?? []).map((e) => compact({ id: e.id ?? '', createdAt: iso(e.createdAt), message: e.message ?? '' })),
    currentServiceDeployment: s.currentServiceDeployment,
    createdAt: iso(s.createdAt),
    createdBy: s.createdBy,
    document: toJson(s) as JsonObject,
  });
}

function toContainer(c: Sdk.Container): Container {
  return compact({
    name: c.name ?? '',
    image: c.image,
    lastStatus: c.lastStatus,
    healthStatus: c.healthStatus,
    exitCode: c.exitCode,
    reason: c.reason,
    containerArn: c.containerArn,
    imageDigest: c.imageDigest,
  });
}

export function toTask(t: Sdk.Task): Task {
  const arn = t.taskArn ?? '';
  const eni = t.attachments?.find((a) => a.type === 'ElasticNetworkInterface');
  const ip = eni?.details?.find((d) => d.name === 'privateIPv4Address')?.value ?? t.containers?.[0]?.networkInterfaces?.[0]?.privateIpv4Address;
  return compact({
    taskArn: arn,
    taskId: arn.slice(arn.lastIndexOf('/') + 1),
    clusterArn: t.clusterArn ?? '',
    taskDefinitionArn: t.taskDefinitionArn ?? '',
    group: t.group,
    serviceName: t.group?.startsWith('service:') ? t.group.slice('service:'.length) : undefined,
    startedBy: t.startedBy,
    lastStatus: t.lastStatus ?? 'UNKNOWN',
    desiredStatus: t.desiredStatus ?? 'UNKNOWN',
    healthStatus: t.healthStatus,
    launchType: t.launchType,
    capacityProviderName: t.capacityProviderName,
    platformVersion: t.platformVersion,
    availabilityZone: t.availabilityZone,
    containerInstanceArn: t.containerInstanceArn,
    privateIpv4Address: ip,
    cpu: t.cpu,
    memory: t.memory,
    createdAt: iso(t.createdAt),
    startedAt: iso(t.startedAt),
    stoppingAt: iso(t.stoppingAt),
    stoppedAt: iso(t.stoppedAt),
    stopCode: t.stopCode,
    stoppedReason: t.stoppedReason,
    containers: (t.containers ?? []).map(toContainer),
  });
}

function resource(list: Sdk.Resource[] | undefined, name: string): number | undefined {
  return list?.find((r) => r.name === name)?.integerValue;
}

export function toContainerInstance(i: Sdk.ContainerInstance): ContainerInstance {
  const attr = (name: string): string | undefined => i.attributes?.find((a) => a.name === name)?.value;
  return compact({
    containerInstanceArn: i.containerInstanceArn ?? '',
    ec2InstanceId: i.ec2InstanceId,
    status: i.status ?? 'UNKNOWN',
    statusReason: i.statusReason,
    agentConnected: i.agentConnected === true,
    agentVersion: i.versionInfo?.agentVersion,
    instanceType: attr('ecs.instance-type'),
    availabilityZone: attr('ecs.availability-zone'),
    capacityProviderName: i.capacityProviderName,
    runningTasksCount: i.runningTasksCount ?? 0,
    pendingTasksCount: i.pendingTasksCount ?? 0,
    cpu: compact({ registered: resource(i.registeredResources, 'CPU'), remaining: resource(i.remainingResources, 'CPU') }),
    memory: compact({ registered: resource(i.registeredResources, 'MEMORY'), remaining: resource(i.remainingResources, 'MEMORY') }),
    registeredAt: iso(i.registeredAt),
  });
}

export function toTaskDefinition(td: Sdk.TaskDefinition): TaskDefinition {
  const arn = td.taskDefinitionArn ?? '';
  const ref = parseTaskDefinitionArn(arn);
  return compact({
    arn,
    family: td.family ?? ref?.family ?? '',
    revision: td.revision ?? ref?.revision ?? 0,
    status: td.status ?? 'UNKNOWN',
    registeredAt: iso(td.registeredAt),
    registeredBy: td.registeredBy,
    deregisteredAt: iso(td.deregisteredAt),
    document: toJson(td) as JsonObject,
  });
}

export function toTaskDefinitionTags(tags: Sdk.Tag[] | undefined): Tag[] {
  return toTags(tags);
}

export function toServiceDeploymentBrief(b: Sdk.ServiceDeploymentBrief): ServiceDeploymentBrief {
  return compact({
    serviceDeploymentArn: b.serviceDeploymentArn ?? '',
    serviceArn: b.serviceArn,
    clusterArn: b.clusterArn,
    status: b.status ?? 'UNKNOWN',
    statusReason: b.statusReason,
    createdAt: iso(b.createdAt),
    startedAt: iso(b.startedAt),
    finishedAt: iso(b.finishedAt),
    targetServiceRevisionArn: b.targetServiceRevisionArn,
  });
}

function toRevision(r: Sdk.ServiceRevisionSummary): ServiceRevisionSummary {
  return compact({ arn: r.arn, requestedTaskCount: r.requestedTaskCount, runningTaskCount: r.runningTaskCount, pendingTaskCount: r.pendingTaskCount });
}

export function toServiceDeployment(d: Sdk.ServiceDeployment): ServiceDeployment {
  const cb = d.deploymentCircuitBreaker;
  return compact({
    serviceDeploymentArn: d.serviceDeploymentArn ?? '',
    serviceArn: d.serviceArn,
    clusterArn: d.clusterArn,
    status: d.status ?? 'UNKNOWN',
    statusReason: d.statusReason,
    createdAt: iso(d.createdAt),
    startedAt: iso(d.startedAt),
    finishedAt: iso(d.finishedAt),
    updatedAt: iso(d.updatedAt),
    stoppedAt: iso(d.stoppedAt),
    lifecycleStage: d.lifecycleStage,
    targetServiceRevisionArn: d.targetServiceRevision?.arn,
    targetServiceRevision: d.targetServiceRevision ? toRevision(d.targetServiceRevision) : undefined,
    sourceServiceRevisions: (d.sourceServiceRevisions ?? []).map(toRevision),
    rollback: d.rollback ? compact({ reason: d.rollback.reason, startedAt: iso(d.rollback.startedAt), serviceRevisionArn: d.rollback.serviceRevisionArn }) : undefined,
    circuitBreaker: cb ? compact({ status: cb.status, failureCount: cb.failureCount, threshold: cb.threshold }) : undefined,
  });
}
