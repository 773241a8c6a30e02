/**
 * Rolling a revision out to a service: what the deployment will change (read only), the UpdateService call that
 * starts it, and — for an editor's "Deploy to Service…" — the services that run a family, most likely first.
 * Watching the rollout is src/aws/rollout.ts. Only the `EcsGateway` interface is used.
 */
import { type CallOptions, type EcsGateway, GatewayError, isGatewayError, parseTaskDefinitionArn, type Service, type TaskDefinition } from './gateway';
import { revisionName, sameRevision } from './rollout-judge';

/** A deployment, read but not started: the service, the revision, what runs now. */
export interface DeploymentPlan {
  cluster: string;
  /** The service as it is now. */
  service: Service;
  /** The revision to roll out, resolved to an ACTIVE revision with its ARN. */
  taskDefinition: TaskDefinition;
  /** What the service's PRIMARY deployment runs now. */
  current: string;
  /** The service already runs this revision: UpdateService would start nothing without forceNewDeployment. */
  alreadyRunning: boolean;
}

/** The service, checked to exist and be ACTIVE (a deployment needs both). */
export async function deployableService(gw: EcsGateway, cluster: string, serviceName: string, o: CallOptions = {}): Promise<Service> {
  const service = (await gw.describeServices(cluster, [serviceName], o)).items[0];
  if (!service || service.status === 'INACTIVE') {
    throw new GatewayError('not-found', `Service ${serviceName} does not exist in cluster ${cluster}: create it first (ecs-lens register SERVICE_FILE, or "Create or Update Service from This File").`, { operation: 'DescribeServices' });
  }
  if (service.status !== 'ACTIVE') throw new GatewayError('conflict', `Service ${serviceName} is ${service.status}: it cannot be deployed to.`, { operation: 'DescribeServices' });
  return service;
}

/** The plan for rolling `taskDefinition` out to `service` (both already read). */
export function deploymentPlan(cluster: string, service: Service, taskDefinition: TaskDefinition): DeploymentPlan {
  const current = service.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition;
  return { cluster, service, taskDefinition, current, alreadyRunning: sameRevision(current, taskDefinition.arn) };
}

/**
 * Reads the service and the revision (`family`, `family:revision` or an ARN) and checks both can be deployed:
 * the service exists and is ACTIVE, the revision is ACTIVE. Sends nothing.
 */
export async function planDeployment(gw: EcsGateway, target: { cluster: string; service: string; taskDefinition: string }, o: CallOptions = {}): Promise<DeploymentPlan> {
  const [service, described] = await Promise.all([deployableService(gw, target.cluster, target.service, o), gw.describeTaskDefinition(target.taskDefinition, o)]);
  const td = described.taskDefinition;
  if (td.status !== 'ACTIVE') {
    throw new GatewayError('invalid-parameters', `${revisionName(td.arn)} is ${td.status}: ECS deploys only ACTIVE revisions. Register the task definition again to get an ACTIVE revision.`, { operation: 'DescribeTaskDefinition' });
  }
  return deploymentPlan(target.cluster, service, td);
}

/** Starts the deployment: UpdateService to the planned revision (optionally forcing new tasks). */
export function startDeployment(gw: EcsGateway, plan: DeploymentPlan, o: CallOptions & { forceNewDeployment?: boolean } = {}): Promise<Service> {
  return gw.updateService(
    { cluster: plan.cluster, service: plan.service.serviceName, taskDefinition: plan.taskDefinition.arn, ...(o.forceNewDeployment ? { forceNewDeployment: true } : {}) },
    { signal: o.signal },
  );
}

/** A service that runs a family, for a "Deploy to Service…" pick list. */
export interface ServiceCandidate {
  cluster: string;
  service: Service;
  /** The revision of the family the service runs (PRIMARY), or an older deployment's. */
  runs: string;
  /** The PRIMARY deployment runs the family (not only an older deployment). */
  primary: boolean;
}

/**
 * The services of the region that run `family`, most likely target first: those whose PRIMARY deployment runs
 * it, newest revision first, then by cluster and name. Clusters that cannot be read are skipped (credential and
 * connection problems reject).
 */
export async function servicesRunningFamily(gw: EcsGateway, family: string, o: CallOptions = {}): Promise<ServiceCandidate[]> {
  const clusters = await gw.allClusters(o);
  const perCluster = await Promise.all(
    clusters.items.map(async (c) => {
      try {
        return { cluster: c.clusterName, services: (await gw.allServices(c.clusterArn, o)).items };
      } catch (e) {
        if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem || e.kind === 'cancelled')) throw e;
        return { cluster: c.clusterName, services: [] };
      }
    }),
  );
  const candidates: ServiceCandidate[] = [];
  for (const { cluster, services } of perCluster) {
    for (const s of services) {
      if (s.status !== 'ACTIVE') continue;
      const ofFamily = s.deployments.filter((d) => parseTaskDefinitionArn(d.taskDefinition)?.family === family);
      const primary = ofFamily.find((d) => d.status === 'PRIMARY');
      const runs = primary ?? ofFamily[0];
      if (runs) candidates.push({ cluster, service: s, runs: runs.taskDefinition, primary: primary !== undefined });
    }
  }
  const revision = (c: ServiceCandidate): number => parseTaskDefinitionArn(c.runs)?.revision ?? 0;
  return candidates.sort(
    (a, b) => Number(b.primary) - Number(a.primary) || revision(b) - revision(a) || a.cluster.localeCompare(b.cluster) || a.service.serviceName.localeCompare(b.service.serviceName),
  );
}
