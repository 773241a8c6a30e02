/** Services: list, describe, create and update (the update that starts a rollout). */
import { clientError, EcsError, invalidParameter, missing, serviceNotActive } from '../errors';
import { describeEach, idList, optionalEnum, optionalInt, optionalString, paginate, requiredString } from '../input';
import type { DeploymentConfiguration, Json, Service, TaskDefinition } from '../model';
import { beginDeployment } from '../scheduler';
import type { ClusterRecord, ServiceRecord } from '../state';
import { epoch } from '../tasks';
import { renderService } from '../views';
import type { OpContext, Operation } from './context';

const SERVICE_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export const ListServices: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE', 'EXTERNAL'] as const);
  const scheduling = optionalEnum(input, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const);
  const arns = [...c.services.values()]
    .map((s) => s.service)
    .filter((s) => s.status !== 'INACTIVE' && (!launchType || s.launchType === launchType) && (!scheduling || s.schedulingStrategy === scheduling))
    .map((s) => s.serviceArn)
    .sort();
  // ListServices is the one List action whose default page is 10, not 100.
  const page = paginate(arns, (a) => a, input, 10, ['ListServices', c.cluster.clusterName, launchType, scheduling]);
  return { serviceArns: page.items, nextToken: page.nextToken };
};

export const DescribeServices: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const names = idList(input, 'services', 10, 'service names');
  const includeTags = Array.isArray(input.include) && input.include.includes('TAGS');
  const { items, failures } = describeEach(names, (name) => c.services.get(name), (rec) => renderService(c, rec, includeTags, ctx.serviceDeploymentsApi), (id) => ctx.r.arns.service(c.cluster.clusterName, id));
  return { services: items, failures };
};

/** The task definition a service request names, as CreateService and UpdateService check it. */
function usableTaskDefinition(ctx: OpContext, identifier: string): TaskDefinition {
  const td = ctx.r.findTaskDefinition(identifier);
  if (!td) throw clientError('TaskDefinition not found.');
  if (td.status !== 'ACTIVE') throw clientError(`TaskDefinition is inactive`);
  return td;
}

function checkNetwork(td: TaskDefinition, launchType: string | undefined, networkConfiguration: unknown): void {
  if (td.networkMode === 'awsvpc' && networkConfiguration === undefined) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (td.networkMode !== 'awsvpc' && networkConfiguration !== undefined) {
    throw invalidParameter(`Network Configuration is not valid for the given networkMode of this task definition.`);
  }
  if (launchType === 'FARGATE' && !td.compatibilities.includes('FARGATE')) {
    throw invalidParameter('Task definition does not support launch_type FARGATE.');
  }
}

function deploymentConfiguration(input: unknown, base: DeploymentConfiguration): DeploymentConfiguration {
  const dc: DeploymentConfiguration = { ...base, ...(typeof input === 'object' && input !== null ? (input as DeploymentConfiguration) : {}) };
  const max = dc.maximumPercent ?? 200;
  const min = dc.minimumHealthyPercent ?? 100;
  if (max < min) throw invalidParameter('maximumPercent must be greater than or equal to minimumHealthyPercent.');
  return dc;
}

export const CreateService: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const name = requiredString(input, 'serviceName');
  if (!SERVICE_NAME.test(name)) throw invalidParameter('Service name can only contain letters, numbers, hyphens and underscores, up to 255 characters.');
  const existing = c.services.get(name);
  if (existing && existing.service.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.');
  const td = usableTaskDefinition(ctx, requiredString(input, 'taskDefinition'));
  const scheduling = optionalEnum(input, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const) ?? 'REPLICA';
  const desiredCount = optionalInt(input, 'desiredCount', 0, 100_000);
  if (scheduling === 'REPLICA' && desiredCount === undefined) throw missing('desiredCount');
  let launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE', 'EXTERNAL'] as const);
  const strategy = Array.isArray(input.capacityProviderStrategy) ? (input.capacityProviderStrategy as Json[]) : undefined;
  if (launchType && strategy) throw invalidParameter('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  if (!launchType && !strategy && c.cluster.defaultCapacityProviderStrategy.length === 0) launchType = 'EC2';
  const effectiveStrategy = strategy ?? (launchType ? undefined : c.cluster.defaultCapacityProviderStrategy);
  const fargate = launchType === 'FARGATE' || effectiveStrategy?.some((s) => String(s.capacityProvider).startsWith('FARGATE'));
  checkNetwork(td, fargate ? 'FARGATE' : launchType, input.networkConfiguration);
  const t = epoch(ctx.now);
  const service: Service = {
    serviceArn: ctx.r.arns.service(c.cluster.clusterName, name),
    serviceName: name,
    clusterArn: c.cluster.clusterArn,
    loadBalancers: Array.isArray(input.loadBalancers) ? (input.loadBalancers as Json[]) : [],
    serviceRegistries: Array.isArray(input.serviceRegistries) ? (input.serviceRegistries as Json[]) : [],
    status: 'ACTIVE',
    desiredCount: desiredCount ?? 0,
    runningCount: 0,
    pendingCount: 0,
    ...(launchType ? { launchType } : {}),
    ...(effectiveStrategy ? { capacityProviderStrategy: effectiveStrategy } : {}),
    ...(fargate ? { platformVersion: optionalString(input, 'platformVersion') ?? 'LATEST', platformFamily: 'Linux' } : {}),
    taskDefinition: td.taskDefinitionArn,
    deploymentConfiguration: deploymentConfiguration(input.deploymentConfiguration, {
      deploymentCircuitBreaker: { enable: false, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    }),
    deployments: [],
    ...(typeof input.role === 'string' ? { roleArn: input.role } : {}),
    events: [],
    createdAt: t,
    placementConstraints: Array.isArray(input.placementConstraints) ? (input.placementConstraints as Json[]) : [],
    placementStrategy: Array.isArray(input.placementStrategy) ? (input.placementStrategy as Json[]) : [],
    ...(input.networkConfiguration ? { networkConfiguration: input.networkConfiguration as Json } : {}),
    ...(typeof input.healthCheckGracePeriodSeconds === 'number' ? { healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds } : {}),
    schedulingStrategy: scheduling,
    deploymentController: { type: 'ECS' },
    tags: Array.isArray(input.tags) ? (input.tags as Service['tags']) : [],
    createdBy: ctx.principalArn,
    enableECSManagedTags: input.enableECSManagedTags === true,
    propagateTags: optionalString(input, 'propagateTags') ?? 'NONE',
    enableExecuteCommand: input.enableExecuteCommand === true,
    // CreateService's default; UpdateService keeps what the service has.
    availabilityZoneRebalancing: optionalEnum(input, 'availabilityZoneRebalancing', ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED',
  };
  const rec: ServiceRecord = { service, serviceDeployments: [], revisions: new Map(), halted: new Set() };
  c.services.set(name, rec);
  beginDeployment(ctx.r, c, rec, td, ctx.now);
  return { service: renderService(c, rec, true, ctx.serviceDeploymentsApi) };
};

/** The members that, when changed, make UpdateService start a new deployment. */
const DEPLOYING_MEMBERS = ['networkConfiguration', 'platformVersion', 'capacityProviderStrategy', 'loadBalancers', 'serviceRegistries', 'volumeConfigurations', 'serviceConnectConfiguration'];

export const UpdateService: Operation = (ctx, input) => {
  const c: ClusterRecord = ctx.r.cluster(optionalString(input, 'cluster'));
  const rec = ctx.r.service(c, requiredString(input, 'service'));
  const s = rec.service;
  if (s.status !== 'ACTIVE') throw serviceNotActive();
  const desiredCount = optionalInt(input, 'desiredCount', 0, 100_000);
  const tdId = optionalString(input, 'taskDefinition');
  const td = tdId !== undefined ? usableTaskDefinition(ctx, tdId) : undefined;
  const changes = DEPLOYING_MEMBERS.filter((m) => input[m] !== undefined && JSON.stringify(input[m]) !== JSON.stringify((s as unknown as Json)[m]));
  const target = td ?? ctx.r.findTaskDefinition(s.taskDefinition);
  if (!target) throw new EcsError('ServerException', 'The service task definition no longer exists.', 500);
  if (td || input.networkConfiguration !== undefined) checkNetwork(target, s.launchType, input.networkConfiguration ?? s.networkConfiguration);
  if (input.deploymentConfiguration !== undefined) s.deploymentConfiguration = deploymentConfiguration(input.deploymentConfiguration, s.deploymentConfiguration);
  for (const m of changes) (s as unknown as Json)[m] = input[m];
  if (typeof input.healthCheckGracePeriodSeconds === 'number') s.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  if (typeof input.enableExecuteCommand === 'boolean') s.enableExecuteCommand = input.enableExecuteCommand;
  // Members UpdateService changes in place, for the tasks it starts from now on.
  if (typeof input.enableECSManagedTags === 'boolean') s.enableECSManagedTags = input.enableECSManagedTags;
  const propagateTags = optionalEnum(input, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const);
  if (propagateTags) s.propagateTags = propagateTags;
  const rebalancing = optionalEnum(input, 'availabilityZoneRebalancing', ['ENABLED', 'DISABLED'] as const);
  if (rebalancing) s.availabilityZoneRebalancing = rebalancing;
  if (Array.isArray(input.placementConstraints)) s.placementConstraints = input.placementConstraints as Json[];
  if (Array.isArray(input.placementStrategy)) s.placementStrategy = input.placementStrategy as Json[];
  if (desiredCount !== undefined) s.desiredCount = desiredCount;
  const redeploy = (td !== undefined && td.taskDefinitionArn !== s.taskDefinition) || input.forceNewDeployment === true || changes.length > 0;
  if (redeploy) beginDeployment(ctx.r, c, rec, target, ctx.now);
  else if (s.deployments[0]) s.deployments[0].desiredCount = s.desiredCount;
  return { service: renderService(c, rec, true, ctx.serviceDeploymentsApi) };
};
