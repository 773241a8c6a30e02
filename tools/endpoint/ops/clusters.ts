/** Clusters, container instances and account settings. */
import { invalidParameter } from '../errors';
import { describeEach, idList, optionalEnum, optionalString, paginate } from '../input';
import type { ContainerInstance, Json } from '../model';
import type { ClusterRecord } from '../state';
import { epoch } from '../tasks';
import { renderCluster, renderContainerInstance } from '../views';
import type { OpContext, Operation } from './context';

const CLUSTER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

/** CreateCluster: used by the seed, and handy for trying the tree against an empty endpoint. */
export const CreateCluster: Operation = (ctx, input) => {
  const name = optionalString(input, 'clusterName') ?? 'default';
  if (!CLUSTER_NAME.test(name)) throw invalidParameter('Cluster name can only contain letters, numbers, hyphens and underscores, up to 255 characters.');
  let c = ctx.r.clusters.get(name);
  if (!c || c.cluster.status === 'INACTIVE') {
    const capacityProviders = Array.isArray(input.capacityProviders) ? (input.capacityProviders as string[]) : [];
    c = {
      cluster: {
        clusterArn: ctx.r.arns.cluster(name),
        clusterName: name,
        status: 'ACTIVE',
        tags: Array.isArray(input.tags) ? (input.tags as ClusterRecord['cluster']['tags']) : [],
        settings: Array.isArray(input.settings) ? (input.settings as ClusterRecord['cluster']['settings']) : [{ name: 'containerInsights', value: 'disabled' }],
        capacityProviders,
        defaultCapacityProviderStrategy: Array.isArray(input.defaultCapacityProviderStrategy) ? (input.defaultCapacityProviderStrategy as Json[]) : [],
      },
      services: new Map(),
      tasks: new Map(),
      instances: new Map(),
    };
    ctx.r.clusters.set(name, c);
  }
  return { cluster: renderCluster(c, ['TAGS', 'SETTINGS']) };
};

export const ListClusters: Operation = (ctx, input) => {
  const arns = [...ctx.r.clusters.values()].filter((c) => c.cluster.status === 'ACTIVE').map((c) => c.cluster.clusterArn).sort();
  const page = paginate(arns, (a) => a, input, 100, 'ListClusters');
  return { clusterArns: page.items, nextToken: page.nextToken };
};

export const DescribeClusters: Operation = (ctx, input) => {
  const names = idList(input, 'clusters', 100, 'clusters', false);
  const include = Array.isArray(input.include) ? (input.include as string[]) : [];
  const active = (name: string): ClusterRecord | undefined => {
    const c = ctx.r.clusters.get(name);
    return c?.cluster.status === 'ACTIVE' ? c : undefined;
  };
  const { items, failures } = describeEach(names.length > 0 ? names : ['default'], active, (c) => renderCluster(c, include), (id) => ctx.r.arns.cluster(id));
  return { clusters: items, failures };
};

/**
 * Adds a container instance to an EC2 cluster, as the ECS agent's RegisterContainerInstance would (the seed
 * uses it; it is not an action callers make).
 */
export function addContainerInstance(ctx: OpContext, c: ClusterRecord, o: { instanceType?: string; status?: string; capacityProviderName?: string } = {}): ContainerInstance {
  const id = ctx.r.ids.hex(32);
  const inst: ContainerInstance = {
    containerInstanceArn: ctx.r.arns.containerInstance(c.cluster.clusterName, id),
    ec2InstanceId: `i-0${ctx.r.ids.hex(16)}`,
    version: 1,
    versionInfo: { agentVersion: '1.89.2', agentHash: 'f7f4b2a4', dockerVersion: 'DockerVersion: 25.0.8' },
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] },
    ],
    remainingResources: [],
    status: o.status ?? 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: [
      { name: 'ecs.instance-type', value: o.instanceType ?? 'm6i.large' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.availability-zone', value: `${ctx.r.region}${'abc'[ctx.r.ids.int(0, 2)]}` },
    ],
    registeredAt: epoch(ctx.now),
    ...(o.capacityProviderName ? { capacityProviderName: o.capacityProviderName } : {}),
    healthStatus: { overallStatus: 'OK', details: [{ type: 'CONTAINER_RUNTIME', status: 'OK', lastUpdated: epoch(ctx.now), lastStatusChange: epoch(ctx.now) }] },
  };
  c.instances.set(id, inst);
  return inst;
}

export const ListContainerInstances: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const status = optionalEnum(input, 'status', ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'] as const);
  const arns = [...c.instances.values()].filter((i) => !status || i.status === status).map((i) => i.containerInstanceArn).sort();
  const page = paginate(arns, (a) => a, input, 100, ['ListContainerInstances', c.cluster.clusterName, status]);
  return { containerInstanceArns: page.items, nextToken: page.nextToken };
};

export const DescribeContainerInstances: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const ids = idList(input, 'containerInstances', 100, 'instanceIds');
  const { items, failures } = describeEach(ids, (id) => c.instances.get(id), (inst) => renderContainerInstance(c, inst), (id) => ctx.r.arns.containerInstance(c.cluster.clusterName, id));
  return { containerInstances: items, failures };
};

const ACCOUNT_SETTINGS: readonly [string, string][] = [
  ['awsvpcTrunking', 'disabled'],
  ['containerInsights', 'disabled'],
  ['containerInstanceLongArnFormat', 'enabled'],
  ['fargateTaskRetirementWaitPeriod', '7'],
  ['guardDutyActivate', 'off'],
  ['serviceLongArnFormat', 'enabled'],
  ['tagResourceAuthorization', 'on'],
  ['taskLongArnFormat', 'enabled'],
];

/** ListAccountSettings: the caller's effective settings, each naming the caller's principal ARN. */
export const ListAccountSettings: Operation = (ctx, input) => {
  const name = optionalString(input, 'name');
  const principalArn = optionalString(input, 'principalArn') ?? ctx.principalArn;
  const settings = ACCOUNT_SETTINGS.filter(([n]) => !name || n === name).map(([n, value]) => ({ name: n, value, principalArn, type: 'user' }));
  const size = input.maxResults;
  if (size !== undefined && (typeof size !== 'number' || size < 1 || size > 10)) throw invalidParameter('maxResults must be between 1 and 10.');
  const page = paginate(settings, (s) => s.name, { ...input, maxResults: size ?? 10 }, 10, ['ListAccountSettings', name, principalArn]);
  return { settings: page.items, nextToken: page.nextToken };
};
