/**
 * The endpoint's state: per region, clusters with their services, tasks and container instances, the
 * task-definition families and the service deployments. Counts (running, pending, active services ...) are
 * never stored: they are computed from the tasks when described, so they cannot disagree.
 */
import { Arns, Ids, lastSegment } from './arns';
import { clientError, clusterNotFound, serviceNotFound } from './errors';
import type { Cluster, ContainerInstance, Service, ServiceDeployment, ServiceRevisionSummary, Tag, Task, TaskDefinition } from './model';

/** What a task definition makes its tasks do in the simulation (see simulation.ts, `behaviourOf`). */
export type Behaviour = 'healthy' | 'fail-health-check' | 'fail-start' | 'exit-0' | 'exit-1';

export interface ServiceRecord {
  service: Service;
  /** Service-deployment ARNs, newest first. */
  serviceDeployments: string[];
  /** Service-revision ARN of each deployments[] entry, by deployment id. */
  revisions: Map<string, string>;
  /** The task definition of the last deployment that completed: what a circuit-breaker rollback returns to. */
  stableTaskDefinition?: string;
  /** The deployments[] id of that deployment (its service revision is the rollback target). */
  stableDeploymentId?: string;
  /** Deployment ids that failed and must not launch more tasks. */
  halted: Set<string>;
}

export interface ClusterRecord {
  /** Cluster members; the counts are filled in when described. */
  cluster: Omit<Cluster, 'registeredContainerInstancesCount' | 'runningTasksCount' | 'pendingTasksCount' | 'activeServicesCount' | 'statistics'>;
  services: Map<string, ServiceRecord>;
  /** By task id. */
  tasks: Map<string, Task>;
  /** By container-instance id. */
  instances: Map<string, ContainerInstance>;
}

export interface ServiceDeploymentRecord {
  sd: Omit<ServiceDeployment, 'targetServiceRevision' | 'sourceServiceRevisions'>;
  cluster: string;
  service: string;
  /** The deployments[] id this service deployment rolls out. */
  deploymentId: string;
  sourceDeploymentIds: string[];
  /** Revision summaries frozen when the deployment finished (live counts come from the tasks until then). */
  frozen?: { target: ServiceRevisionSummary; sources: ServiceRevisionSummary[] };
  stopType?: 'ROLLBACK' | 'ABORT';
  /** The deployments[] id of the rollback this service deployment started, if it rolled back. */
  rollbackDeploymentId?: string;
}

export class RegionState {
  readonly arns: Arns;
  readonly clusters = new Map<string, ClusterRecord>();
  /** Revisions of each family, index = revision - 1. */
  readonly families = new Map<string, TaskDefinition[]>();
  readonly taskDefinitionTags = new Map<string, Tag[]>();
  readonly serviceDeployments = new Map<string, ServiceDeploymentRecord>();
  /** Simulated time (ms) of the last simulation step. */
  lastStep = 0;

  constructor(
    readonly region: string,
    readonly account: string,
    readonly ids: Ids,
  ) {
    this.arns = new Arns(region, account);
  }

  /** The cluster a request names (name or ARN; ECS's `default` when omitted). */
  cluster(identifier: string | undefined): ClusterRecord {
    const c = this.clusters.get(lastSegment(identifier ?? 'default'));
    if (!c || c.cluster.status === 'INACTIVE') throw clusterNotFound();
    return c;
  }

  /** A service of a cluster, by name or ARN. */
  service(cluster: ClusterRecord, identifier: string): ServiceRecord {
    const s = cluster.services.get(lastSegment(identifier));
    if (!s) throw serviceNotFound();
    return s;
  }

  /**
   * A task definition as ECS resolves `family`, `family:revision` or an ARN: the family alone means its
   * latest ACTIVE revision.
   */
  findTaskDefinition(identifier: string): TaskDefinition | undefined {
    const ref = identifier.startsWith('arn:') ? identifier.slice(identifier.indexOf('task-definition/') + 'task-definition/'.length) : identifier;
    const [family, rev] = ref.split(':');
    const revisions = this.families.get(family);
    if (!revisions) return undefined;
    if (rev === undefined) return [...revisions].reverse().find((td) => td.status === 'ACTIVE');
    return revisions[Number(rev) - 1];
  }

  /** Like findTaskDefinition, answering ECS's ClientException when there is none. */
  taskDefinition(identifier: string): TaskDefinition {
    const td = this.findTaskDefinition(identifier);
    if (!td) throw clientError('Unable to describe task definition.');
    return td;
  }

  allTasks(): Task[] {
    return [...this.clusters.values()].flatMap((c) => [...c.tasks.values()]);
  }
}

/** Every region the endpoint has been asked about; a region is created empty the first time it is used. */
export class EndpointState {
  readonly regions = new Map<string, RegionState>();
  readonly ids: Ids;

  constructor(
    readonly account: string,
    seed?: number,
  ) {
    this.ids = new Ids(seed);
  }

  region(name: string): RegionState {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionState(name, this.account, this.ids);
      this.regions.set(name, r);
    }
    return r;
  }
}
