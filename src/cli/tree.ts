/**
 * `ecs-lens tree [--profile P] [--region R] [--endpoint URL] [--cluster NAME] [--format text|json]`: the live
 * account as the tree view shows it — clusters → services (counts, task definition, deployments) → tasks, the
 * standalone tasks and container instances of each cluster, and task-definition families → revisions.
 *
 * Everything goes through the EcsGateway. One failing cluster is reported in its place and the others still
 * print (exit 1); credential and connection problems stop the command at once (exit 2).
 */
import { parseArgs } from 'node:util';
import type { Cluster, ContainerInstance, Deployment, Described, EcsGateway, Failure, GatewayLogEntry, Service, Task, TaskDefinitionRef } from '../aws/gateway';
import { formatLogEntry, isGatewayError } from '../aws/gateway';
import { AWS_OPTION_SPECS, AWS_OPTIONS_HELP, AwsUsageError, exitCodeFor, failureLine, gatewayOptions, loadAws, readAwsOptions } from './aws-options';

const USAGE = `Usage: ecs-lens tree [--cluster NAME] [--format text|json] [AWS options]

Prints the clusters of the account and region with their services (status, desired / running / pending
counts, task definition, deployments), tasks (running, and stopped in the last hour with their reasons),
standalone tasks and container instances, then the task-definition families with their revisions.

  --cluster NAME            Only this cluster (name or ARN).
  --format text|json        Output format (default: text).
  -h, --help                Show this help.

${AWS_OPTIONS_HELP}
Exit status: 0 when everything was read, 1 when AWS refused or missed part of it (shown in place),
2 on usage, credential or connection problems.
`;

/** The command's lines in `ecs-lens --help`. */
export const TREE_USAGE = `tree [options]             Print the live account: clusters, services, tasks, task-definition revisions.

Options for tree:
  --cluster NAME            Only this cluster (name or ARN).
  --format text|json        Output format (default: text).

${AWS_OPTIONS_HELP.trimEnd()}`;

export interface TreeTask {
  taskArn: string;
  taskId: string;
  taskDefinitionArn: string;
  lastStatus: string;
  desiredStatus: string;
  healthStatus?: string;
  launchType?: string;
  group?: string;
  startedAt?: string;
  stoppedAt?: string;
  stopCode?: string;
  stoppedReason?: string;
  containers: { name: string; lastStatus?: string; exitCode?: number; reason?: string; image?: string }[];
}

export interface TreeService {
  serviceName: string;
  serviceArn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  taskDefinition: string;
  launchType?: string;
  deployments: Deployment[];
  tasks: TreeTask[];
}

export interface TreeCluster {
  clusterName: string;
  clusterArn: string;
  status: string;
  activeServicesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  registeredContainerInstancesCount: number;
  services: TreeService[];
  standaloneTasks: TreeTask[];
  containerInstances: ContainerInstance[];
  /** Items ECS could not describe. */
  failures: Failure[];
  /** Why (part of) this cluster could not be read. */
  error?: { kind: string; message: string };
}

export interface TreeOutput {
  region: string;
  account?: string;
  credentials: string;
  endpoint?: string;
  clusters: TreeCluster[];
  taskDefinitions: { family: string; revisions: { revision: number; status: string; arn: string }[] }[];
  /** Everything that could not be read, one line each. */
  problems: string[];
}

function treeTask(t: Task): TreeTask {
  return {
    taskArn: t.taskArn,
    taskId: t.taskId,
    taskDefinitionArn: t.taskDefinitionArn,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    ...(t.healthStatus ? { healthStatus: t.healthStatus } : {}),
    ...(t.launchType ? { launchType: t.launchType } : {}),
    ...(t.group ? { group: t.group } : {}),
    ...(t.startedAt ? { startedAt: t.startedAt } : {}),
    ...(t.stoppedAt ? { stoppedAt: t.stoppedAt } : {}),
    ...(t.stopCode ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
    containers: t.containers.map((c) => ({
      name: c.name,
      ...(c.lastStatus ? { lastStatus: c.lastStatus } : {}),
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.image ? { image: c.image } : {}),
    })),
  };
}

/** Running tasks first, then stopped ones newest first. */
function byStatus(a: Task, b: Task): number {
  const stopped = (t: Task): number => (t.desiredStatus === 'STOPPED' ? 1 : 0);
  return stopped(a) - stopped(b) || (b.stoppedAt ?? b.startedAt ?? '').localeCompare(a.stoppedAt ?? a.startedAt ?? '');
}

async function loadCluster(gw: EcsGateway, c: Cluster, problems: string[]): Promise<TreeCluster> {
  const node: TreeCluster = {
    clusterName: c.clusterName,
    clusterArn: c.clusterArn,
    status: c.status,
    activeServicesCount: c.activeServicesCount,
    runningTasksCount: c.runningTasksCount,
    pendingTasksCount: c.pendingTasksCount,
    registeredContainerInstancesCount: c.registeredContainerInstancesCount,
    services: [],
    standaloneTasks: [],
    containerInstances: [],
    failures: [],
  };
  try {
    // One sweep of the cluster's tasks (running, then stopped) instead of a ListTasks per service.
    const [services, running, stopped, instances] = await Promise.all([
      gw.allServices(c.clusterArn),
      gw.allTasks(c.clusterArn, { desiredStatus: 'RUNNING' }),
      gw.allTasks(c.clusterArn, { desiredStatus: 'STOPPED' }),
      c.registeredContainerInstancesCount > 0 ? gw.allContainerInstances(c.clusterArn) : Promise.resolve<Described<ContainerInstance>>({ items: [], failures: [] }),
    ]);
    const tasks = [...running.items, ...stopped.items].sort(byStatus);
    node.failures = [...services.failures, ...running.failures, ...stopped.failures, ...instances.failures];
    node.services = services.items
      .sort((a, b) => a.serviceName.localeCompare(b.serviceName))
      .map((s: Service) => ({
        serviceName: s.serviceName,
        serviceArn: s.serviceArn,
        status: s.status,
        desiredCount: s.desiredCount,
        runningCount: s.runningCount,
        pendingCount: s.pendingCount,
        taskDefinition: s.taskDefinition,
        ...(s.launchType ? { launchType: s.launchType } : {}),
        deployments: s.deployments,
        tasks: tasks.filter((t) => t.serviceName === s.serviceName).map(treeTask),
      }));
    node.standaloneTasks = tasks.filter((t) => !t.serviceName).map(treeTask);
    node.containerInstances = instances.items;
    for (const f of node.failures) problems.push(`${c.clusterName}: ECS could not describe ${f.arn ?? 'an item'} (${f.reason ?? 'no reason given'})`);
  } catch (e) {
    if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem)) throw e;
    node.error = { kind: isGatewayError(e) ? e.kind : 'unknown', message: failureLine(e) };
    problems.push(`${c.clusterName}: ${node.error.message}`);
  }
  return node;
}

async function allPages<T>(fetch: (nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextToken;
  } while (token);
  return items;
}

/** Families with their revisions newest first: two sweeps of ListTaskDefinitions (ACTIVE, INACTIVE). */
async function loadTaskDefinitions(gw: EcsGateway): Promise<TreeOutput['taskDefinitions']> {
  const [active, inactive] = await Promise.all(
    (['ACTIVE', 'INACTIVE'] as const).map((status) => allPages((nextToken) => gw.listTaskDefinitions({ status, nextToken })).then((refs) => refs.map((r: TaskDefinitionRef) => ({ ...r, status })))),
  );
  const families = new Map<string, { revision: number; status: string; arn: string }[]>();
  for (const r of [...active, ...inactive]) {
    const list = families.get(r.family) ?? [];
    list.push({ revision: r.revision, status: r.status, arn: r.arn });
    families.set(r.family, list);
  }
  return [...families]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, revisions]) => ({ family, revisions: revisions.sort((a, b) => b.revision - a.revision) }));
}

// ───────────────────────────── text ─────────────────────────────

const shortTd = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function age(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 90) return `${s}s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)}m ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

function taskLine(t: TreeTask, now: number): string {
  const parts = [t.taskId, t.lastStatus];
  if (t.healthStatus && t.healthStatus !== 'UNKNOWN') parts.push(t.healthStatus);
  if (t.launchType) parts.push(t.launchType);
  parts.push(shortTd(t.taskDefinitionArn));
  if (t.desiredStatus === 'STOPPED') {
    parts.push(`stopped ${age(t.stoppedAt, now) || 'just now'}: ${t.stoppedReason ?? 'no reason given'}`);
    // A container's reason often repeats the task's stopped reason: show it only when it adds something.
    const exits = t.containers
      .filter((c) => c.exitCode !== undefined || (c.reason && c.reason !== t.stoppedReason))
      .map((c) => `${c.name} ${c.exitCode !== undefined ? `exit ${c.exitCode}` : c.reason}`);
    if (exits.length > 0) parts.push(`(${exits.join('; ')})`);
  } else if (t.startedAt) {
    parts.push(`started ${age(t.startedAt, now)}`);
  }
  return parts.join('  ');
}

function deploymentLine(d: Deployment): string {
  const state = d.rolloutState ? `${d.rolloutState}${d.rolloutState === 'FAILED' && d.rolloutStateReason ? ` (${d.rolloutStateReason})` : ''}` : '';
  return [d.status, shortTd(d.taskDefinition), state, `${d.runningCount}/${d.desiredCount} running, ${d.pendingCount} pending${d.failedTasks ? `, ${d.failedTasks} failed` : ''}`].filter(Boolean).join('  ');
}

/** The tree as indented text (two spaces a level). */
export function formatTreeText(t: TreeOutput, now = Date.now()): string {
  const out: string[] = [];
  out.push(`ECS in ${t.region} · account ${t.account ?? 'unknown'} · ${t.credentials}${t.endpoint ? ` · endpoint ${t.endpoint}` : ''}`);
  out.push('', `Clusters (${t.clusters.length})`);
  for (const c of t.clusters) {
    const counts = [plural(c.activeServicesCount, 'service'), plural(c.runningTasksCount, 'running task'), `${c.pendingTasksCount} pending`];
    if (c.registeredContainerInstancesCount) counts.push(plural(c.registeredContainerInstancesCount, 'container instance'));
    out.push(`  ${c.clusterName}  ${c.status}  ${counts.join(', ')}`);
    if (c.error) {
      out.push(`    ! ${c.error.message}`);
      continue;
    }
    for (const f of c.failures) out.push(`    ! ECS could not describe ${f.arn ?? 'an item'}: ${f.reason ?? 'no reason given'}`);
    if (c.services.length === 0) out.push('    (no services)');
    for (const s of c.services) {
      const primary = s.deployments.find((d) => d.status === 'PRIMARY');
      const state =
        primary?.rolloutState === 'FAILED' ? '  (rollout failed)' : primary?.rolloutState === 'IN_PROGRESS' || s.deployments.length > 1 ? '  (deployment in progress)' : '';
      out.push(`    ${s.serviceName}  ${s.status}  ${s.runningCount}/${s.desiredCount} running, ${s.pendingCount} pending  ${shortTd(s.taskDefinition)}${state}`);
      for (const d of s.deployments) out.push(`      deployment ${deploymentLine(d)}`);
      for (const task of s.tasks) out.push(`      task ${taskLine(task, now)}`);
    }
    if (c.standaloneTasks.length > 0) {
      out.push(`    standalone tasks (${c.standaloneTasks.length})`);
      for (const task of c.standaloneTasks) out.push(`      task ${taskLine(task, now)}`);
    }
    if (c.containerInstances.length > 0) {
      out.push(`    container instances (${c.containerInstances.length})`);
      for (const i of c.containerInstances) {
        const cpu = i.cpu.registered !== undefined ? `, CPU ${i.cpu.remaining ?? '?'}/${i.cpu.registered} free` : '';
        const mem = i.memory.registered !== undefined ? `, memory ${i.memory.remaining ?? '?'}/${i.memory.registered} MiB free` : '';
        out.push(`      ${i.ec2InstanceId ?? i.containerInstanceArn}  ${i.status}  ${i.agentConnected ? 'agent connected' : 'agent DISCONNECTED'}, ${plural(i.runningTasksCount, 'running task')}${cpu}${mem}`);
      }
    }
  }
  out.push('', `Task definitions (${t.taskDefinitions.length} families)`);
  for (const f of t.taskDefinitions) {
    const by = (status: string): number[] => f.revisions.filter((r) => r.status === status).map((r) => r.revision);
    const active = by('ACTIVE');
    const inactive = by('INACTIVE');
    out.push(`  ${f.family}  ${[active.length ? `ACTIVE ${active.join(', ')}` : '', inactive.length ? `INACTIVE ${inactive.join(', ')}` : ''].filter(Boolean).join(' · ')}`);
  }
  // The clusters above show each problem in place; the summary only counts them.
  if (t.problems.length > 0) out.push('', `${plural(t.problems.length, 'problem')}: ${t.problems.map((p) => p.slice(0, p.indexOf(':'))).join(', ')}`);
  return out.join('\n') + '\n';
}

// ───────────────────────────── command ─────────────────────────────

/** Runs `ecs-lens tree` without touching process state (tests call it directly). */
export async function treeCommand(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stderr = '';
  let parsed;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...AWS_OPTION_SPECS, cluster: { type: 'string' }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) return { code: 0, stdout: USAGE, stderr: '' };
    if (values.format !== 'text' && values.format !== 'json') throw new AwsUsageError(`--format must be text or json, not "${values.format}"`);
    parsed = { aws: readAwsOptions(values), cluster: values.cluster, format: values.format };
  } catch (e) {
    return { code: 2, stdout: '', stderr: `ecs-lens tree: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}` };
  }
  const { aws: awsOptions, cluster, format } = parsed;
  const log = awsOptions.verbose ? (entry: GatewayLogEntry) => void (stderr += `${formatLogEntry(entry)}\n`) : undefined;
  try {
    const aws = await loadAws();
    const gw = aws.createEcsGateway(gatewayOptions(awsOptions, log));
    const session = await gw.session();
    const problems: string[] = [];
    // The first call proves the credentials; an identity without ecs:ListAccountSettings still gets its tree.
    const account = await gw.getAccountId().catch((e: unknown) => {
      if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem)) throw e;
      return undefined;
    });
    const clusters = cluster ? await gw.describeClusters([cluster]) : await gw.allClusters();
    for (const f of clusters.failures) problems.push(`cluster ${cluster ?? f.arn}: ${f.reason === 'MISSING' ? `not found in ${session.region}` : (f.reason ?? 'not described')}`);
    const [nodes, taskDefinitions] = await Promise.all([
      Promise.all(clusters.items.sort((a, b) => a.clusterName.localeCompare(b.clusterName)).map((c) => loadCluster(gw, c, problems))),
      loadTaskDefinitions(gw).catch((e: unknown) => {
        if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem)) throw e;
        problems.push(`task definitions: ${failureLine(e)}`);
        return [];
      }),
    ]);
    const output: TreeOutput = {
      region: session.region,
      ...(account ? { account } : {}),
      credentials: awsOptions.profile ? `profile ${awsOptions.profile}` : process.env.AWS_PROFILE ? `profile ${process.env.AWS_PROFILE}` : 'default credentials',
      ...(awsOptions.endpoint ? { endpoint: awsOptions.endpoint } : {}),
      clusters: nodes,
      taskDefinitions,
      problems,
    };
    const stdout = format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : formatTreeText(output);
    stderr += problems.map((p) => `ecs-lens tree: ${p}\n`).join('');
    return { code: problems.length > 0 ? 1 : 0, stdout, stderr };
  } catch (e) {
    return { code: exitCodeFor(e), stdout: '', stderr: `${stderr}ecs-lens tree: ${failureLine(e)}\n` };
  }
}
