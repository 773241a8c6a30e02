/**
 * What Describe* answers: stored records with every count computed from the tasks of that moment, copied so
 * that a caller never holds a reference into the state.
 */
import type { Cluster, ContainerInstance, Json, Service, ServiceDeployment, Task } from './model';
import { revisionSummaries } from './scheduler';
import type { ClusterRecord, RegionState, ServiceDeploymentRecord, ServiceRecord } from './state';

const PENDING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

function counts(tasks: Iterable<Task>): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of tasks) {
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.desiredStatus === 'RUNNING' && PENDING.has(t.lastStatus)) pending++;
  }
  return { running, pending };
}

/** DescribeClusters' view; `include` as in the request (TAGS, SETTINGS, STATISTICS, ...). */
export function renderCluster(c: ClusterRecord, include: readonly string[]): Cluster {
  const { running, pending } = counts(c.tasks.values());
  const activeServices = [...c.services.values()].filter((s) => s.service.status === 'ACTIVE');
  const out: Cluster = {
    ...structuredClone(c.cluster),
    registeredContainerInstancesCount: [...c.instances.values()].filter((i) => i.status !== 'DEREGISTERING' && i.status !== 'INACTIVE').length,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: activeServices.length,
    statistics: [],
  };
  if (include.includes('STATISTICS')) {
    const byLaunch = (lt: string): { running: number; pending: number } => counts([...c.tasks.values()].filter((t) => t.launchType === lt));
    const fargate = byLaunch('FARGATE');
    const ec2 = byLaunch('EC2');
    const services = (lt: string): number => activeServices.filter((s) => (s.service.launchType ?? 'FARGATE') === lt).length;
    out.statistics = [
      { name: 'runningEC2TasksCount', value: String(ec2.running) },
      { name: 'runningFargateTasksCount', value: String(fargate.running) },
      { name: 'pendingEC2TasksCount', value: String(ec2.pending) },
      { name: 'pendingFargateTasksCount', value: String(fargate.pending) },
      { name: 'activeEC2ServiceCount', value: String(services('EC2')) },
      { name: 'activeFargateServiceCount', value: String(services('FARGATE')) },
      { name: 'drainingEC2ServiceCount', value: '0' },
      { name: 'drainingFargateServiceCount', value: '0' },
    ];
  }
  if (!include.includes('TAGS')) out.tags = [];
  if (!include.includes('SETTINGS')) out.settings = [];
  return out;
}

/** DescribeServices' view: deployment and service counts from the tasks, tags only when asked for. */
export function renderService(c: ClusterRecord, rec: ServiceRecord, includeTags: boolean, serviceDeploymentsApi: boolean): Service {
  const s = structuredClone(rec.service);
  const group = `service:${s.serviceName}`;
  const tasks = [...c.tasks.values()].filter((t) => t.group === group);
  for (const d of s.deployments) {
    const n = counts(tasks.filter((t) => t.startedBy === d.id));
    d.runningCount = n.running;
    d.pendingCount = n.pending;
  }
  s.runningCount = s.deployments.reduce((sum, d) => sum + d.runningCount, 0);
  s.pendingCount = s.deployments.reduce((sum, d) => sum + d.pendingCount, 0);
  if (!includeTags) delete s.tags;
  if (!serviceDeploymentsApi) delete s.currentServiceDeployment;
  return s;
}

export function renderServiceDeployment(r: RegionState, rec: ServiceDeploymentRecord): ServiceDeployment {
  const c = r.clusters.get(rec.cluster);
  const summaries = c ? revisionSummaries(c, rec) : { target: { arn: '', requestedTaskCount: 0, runningTaskCount: 0, pendingTaskCount: 0 }, sources: [] };
  return { ...structuredClone(rec.sd), sourceServiceRevisions: structuredClone(summaries.sources), targetServiceRevision: structuredClone(summaries.target) };
}

function resource(list: Json[], name: string): number {
  const r = list.find((x) => x.name === name);
  return typeof r?.integerValue === 'number' ? r.integerValue : 0;
}

/** DescribeContainerInstances' view: task counts and remaining CPU and memory from the tasks placed on it. */
export function renderContainerInstance(c: ClusterRecord, inst: ContainerInstance): ContainerInstance {
  const out = structuredClone(inst);
  const placed = [...c.tasks.values()].filter((t) => t.containerInstanceArn === inst.containerInstanceArn && t.lastStatus !== 'STOPPED');
  const n = counts(placed);
  out.runningTasksCount = n.running;
  out.pendingTasksCount = n.pending;
  const cpu = placed.reduce((sum, t) => sum + Number(t.cpu || 0), 0);
  const memory = placed.reduce((sum, t) => sum + Number(t.memory || 0), 0);
  out.remainingResources = out.registeredResources.map((res) => {
    if (res.name === 'CPU') return { ...res, integerValue: Math.max(0, resource(inst.registeredResources, 'CPU') - cpu) };
    if (res.name === 'MEMORY') return { ...res, integerValue: Math.max(0, resource(inst.registeredResources, 'MEMORY') - memory) };
    return res;
  });
  return out;
}

export function renderTask(t: Task, includeTags: boolean): Task {
  const out = structuredClone(t);
  if (!includeTags) out.tags = [];
  return out;
}
