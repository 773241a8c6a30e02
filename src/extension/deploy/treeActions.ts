/**
 * What the Clusters view's items offer beyond reading: "Edit as New Revision", "Compare with Previous Revision",
 * "Deregister Revision" on revisions; "Scale Service…", "Force New Deployment", "Roll Back", "Watch Rollout" on
 * services; "Stop Task" on running tasks. Each mutating action asks in a modal first, logs the call and its
 * outcome, and refreshes the nodes it changed.
 */
import * as vscode from 'vscode';
import { deployableService, deploymentPlan } from '../../aws/deploy';
import { isGatewayError, parseTaskDefinitionArn, type Service, type TaskDefinitionDescription } from '../../aws/gateway';
import { liveTaskDefinitionText } from '../../aws/register';
import { revisionName } from '../../aws/rollout';
import { changedMembers } from '../../core/normalize/changes';
import { normalizeTaskDefinition } from '../../core/normalize/normalize';
import { parseRevisionUri, revisionText } from '../aws/revisions';
import { RevisionNode } from '../tree/node.revision';
import { ServiceNode } from '../tree/node.service';
import { TaskNode } from '../tree/node.task';
import type { TreeNode } from '../tree/node';
import { connect, type Connection, type DeployHost, nameOf, refreshTree, showFailure, whereLine } from './flow';
import { deployPlanned } from './deploy';
import { watchInNotification } from './watch';

function node<T extends TreeNode>(host: DeployHost, arg: unknown, type: abstract new (...a: never[]) => T, what: string, item: string): T {
  const n = host.clusters.resolve(arg);
  if (!(n instanceof type)) throw new Error(`${what}: choose ${item} in the Clusters view.`);
  return n;
}

/** The revision an argument names: a revision node (or its id), an ARN, or an open `ecs-lens:` revision document. */
function revisionArnOf(host: DeployHost, arg: unknown): string {
  if (typeof arg === 'string' && arg.startsWith('arn:')) return arg;
  // From the editor title or the palette over an open revision.
  const uri = arg instanceof vscode.Uri ? arg : arg === undefined ? vscode.window.activeTextEditor?.document.uri : undefined;
  if (uri) {
    const r = parseRevisionUri(uri);
    if (r) return `arn:aws:ecs:${r.region}:${r.account}:task-definition/${r.family}:${r.revision}`;
  }
  const n = host.clusters.resolve(arg);
  if (n?.taskDefinitionArn) return n.taskDefinitionArn;
  throw new Error('Choose a task-definition revision in the Clusters view.');
}

/** Runs a read or a call; a failure is shown (with what was not done) and answers undefined. */
async function attempt<T>(host: DeployHost, what: string, done: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    showFailure(host, e, what, done);
    return undefined;
  }
}

/** `ecsLens.clusters.editAsNewRevision`: an untitled, editable copy of a revision as register input. */
export async function editAsNewRevision(host: DeployHost, arg: unknown): Promise<string | undefined> {
  const arn = revisionArnOf(host, arg);
  const described = await attempt(host, `Could not read ${revisionName(arn)}`, '', async () => (await connect(host)).gw.describeTaskDefinition(arn, { signal: host.aws.signal }));
  if (!described) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: revisionText(described) });
  await vscode.window.showTextDocument(doc, { preview: false });
  host.log.info(`edit as new revision: ${revisionName(arn)} opened as ${doc.uri.toString()}`);
  void host.prompts.notify('info', `A copy of ${revisionName(arn)} to edit: register it (the button in the editor title) to make the next revision of ${described.taskDefinition.family}.`);
  return doc.uri.toString();
}

/** The canonical form of a described revision, for changedMembers. */
function canonical(d: TaskDefinitionDescription): Record<string, unknown> {
  return normalizeTaskDefinition({ taskDefinition: d.taskDefinition.document, tags: d.tags }).value;
}

/** `ecsLens.clusters.compareWithPrevious`: revision N−1 → N in the diff editor, both normalized. */
export async function compareWithPrevious(host: DeployHost, arg: unknown): Promise<{ from: string; to: string; changes: string[] } | undefined> {
  const arn = revisionArnOf(host, arg);
  const ref = parseTaskDefinitionArn(arn);
  if (!ref) throw new Error(`"${arn}" is not a task-definition revision ARN`);
  if (ref.revision <= 1) {
    void host.prompts.notify('info', `${revisionName(arn)} is the first revision of ${ref.family}: there is no previous one.`);
    return undefined;
  }
  const previous = `${ref.family}:${ref.revision - 1}`;
  const both = await attempt(host, `Could not read ${previous} and ${revisionName(arn)}`, '', async () => {
    const conn = await connect(host);
    return Promise.all([conn.gw.describeTaskDefinition(previous, { signal: conn.signal }), conn.gw.describeTaskDefinition(arn, { signal: conn.signal })]);
  });
  if (!both) return undefined;
  const [before, after] = both;
  await host.diffs.show({ label: `${previous} (${before.taskDefinition.status})`, text: liveTaskDefinitionText(before) }, { label: `${revisionName(arn)} (${after.taskDefinition.status})`, text: liveTaskDefinitionText(after) }, `${previous} ↔ ${revisionName(arn)} (normalized)`);
  return { from: previous, to: revisionName(arn), changes: changedMembers(canonical(before), canonical(after)) };
}

/** `ecsLens.clusters.deregisterRevision`: an ACTIVE revision becomes INACTIVE, after a confirmation. */
export async function deregisterRevision(host: DeployHost, arg: unknown): Promise<string | undefined> {
  const n = node(host, arg, RevisionNode, 'Deregister Revision', 'a task-definition revision');
  const { arn, family } = n.revision;
  const rev = revisionName(arn);
  if (n.revision.status !== 'ACTIVE') {
    void host.prompts.notify('info', `${rev} is already INACTIVE.`);
    return undefined;
  }
  const conn = await attempt(host, 'Could not reach ECS', 'Nothing was deregistered.', () => connect(host));
  if (!conn) return undefined;
  const answer = await host.prompts.modal(
    `Deregister ${rev}?`,
    [whereLine(conn), `It becomes INACTIVE: services and tasks that use it keep running, but no new service, deployment or task can use it, and it cannot be made ACTIVE again.`].join('\n'),
    ['Deregister'],
  );
  if (answer !== 'Deregister') return undefined;
  host.log.info(`deregister: DeregisterTaskDefinition ${rev} in ${conn.where}, as confirmed`);
  const td = await attempt(host, `ECS did not deregister ${rev}`, `${rev} is still ACTIVE.`, () => conn.gw.deregisterTaskDefinition(arn, { signal: conn.signal }));
  if (!td) return undefined;
  host.log.info(`deregister: ${rev} is ${td.status}`);
  refreshTree(host, [`family:${family}`]);
  void host.prompts.notify('info', `Deregistered ${rev}: it is ${td.status}.`);
  return td.status;
}

/** The service of a service node, described again (a deployment needs its current state). */
async function freshService(host: DeployHost, conn: Connection, n: ServiceNode): Promise<Service | undefined> {
  return attempt(host, `Could not read service ${n.service.serviceName}`, 'Nothing was changed.', () => deployableService(conn.gw, n.clusterArn, n.service.serviceName, { signal: conn.signal }));
}

/** `ecsLens.clusters.scaleService`: a new desired count, after a confirmation. */
export async function scaleService(host: DeployHost, arg: unknown): Promise<number | undefined> {
  const n = node(host, arg, ServiceNode, 'Scale Service', 'a service');
  const conn = await attempt(host, 'Could not reach ECS', 'Nothing was changed.', () => connect(host));
  const s = conn && (await freshService(host, conn, n));
  if (!conn || !s) return undefined;
  const name = `${nameOf(s.clusterArn)}/${s.serviceName}`;
  const text = await host.prompts.input({
    title: `Scale Service ${name}`,
    prompt: `Desired count (now ${s.desiredCount}, ${s.runningCount} running)`,
    value: String(s.desiredCount),
    validateInput: (v) => (/^\d{1,6}$/.test(v.trim()) && Number(v) <= 100_000 ? undefined : 'A whole number of tasks, 0 to 100000'),
  });
  if (text === undefined) return undefined;
  const desired = Number(text.trim());
  if (desired === s.desiredCount) {
    void host.prompts.notify('info', `${name} already wants ${desired} task${desired === 1 ? '' : 's'}: nothing to change.`);
    return undefined;
  }
  const answer = await host.prompts.modal(
    `Scale service ${name} from ${s.desiredCount} to ${desired} task${desired === 1 ? '' : 's'}?`,
    [whereLine(conn), desired === 0 ? 'Every task of the service stops.' : desired < s.desiredCount ? `ECS stops ${s.desiredCount - desired} task(s).` : `ECS starts ${desired - s.desiredCount} task(s) of ${revisionName(s.taskDefinition)}.`].join('\n'),
    ['Scale'],
  );
  if (answer !== 'Scale') return undefined;
  host.log.info(`scale: UpdateService ${name} desiredCount ${s.desiredCount} → ${desired} in ${conn.where}, as confirmed`);
  const updated = await attempt(host, `ECS did not scale ${name}`, 'The desired count is unchanged.', () => conn.gw.updateService({ cluster: s.clusterArn, service: s.serviceName, desiredCount: desired }, { signal: conn.signal }));
  if (!updated) return undefined;
  host.log.info(`scale: ${name} desiredCount is ${updated.desiredCount}`);
  refreshTree(host, [s.serviceArn]);
  void host.prompts.notify('info', `Scaled ${name} to ${updated.desiredCount} desired task${updated.desiredCount === 1 ? '' : 's'}.`);
  return updated.desiredCount;
}

/** `ecsLens.clusters.forceNewDeployment`: new tasks of the same revision, after a confirmation; then watched. */
export async function forceNewDeployment(host: DeployHost, arg: unknown): Promise<unknown> {
  const n = node(host, arg, ServiceNode, 'Force New Deployment', 'a service');
  const conn = await attempt(host, 'Could not reach ECS', 'Nothing was changed.', () => connect(host));
  const s = conn && (await freshService(host, conn, n));
  if (!conn || !s) return undefined;
  const td = await attempt(host, `Could not read ${revisionName(s.taskDefinition)}`, 'Nothing was changed.', async () => (await conn.gw.describeTaskDefinition(s.taskDefinition, { signal: conn.signal })).taskDefinition);
  if (!td) return undefined;
  const name = `${nameOf(s.clusterArn)}/${s.serviceName}`;
  const answer = await host.prompts.modal(
    `Force a new deployment of service ${name}?`,
    [whereLine(conn), `New tasks of ${revisionName(td.arn)} replace the ${s.runningCount} running (for example to pull an image tag that moved). The rollout is watched in a notification.`].join('\n'),
    ['Force New Deployment'],
  );
  if (answer !== 'Force New Deployment') return undefined;
  return deployPlanned(host, conn, deploymentPlan(s.clusterArn, s, td), true);
}

/** What a roll back does: stop the rollout under way with rollback (service-deployment API), or redeploy. */
type RollbackPlan = { kind: 'stop'; serviceDeploymentArn: string; from: string } | { kind: 'redeploy'; to: string; from: string; why: string };

/** Decides how to roll `s` back. */
async function planRollback(conn: Connection, s: Service): Promise<RollbackPlan | string> {
  const primary = s.deployments.find((d) => d.status === 'PRIMARY');
  const from = primary?.taskDefinition ?? s.taskDefinition;
  const rolling = primary?.rolloutState === 'IN_PROGRESS' || s.deployments.filter((d) => d.status !== 'INACTIVE').length > 1;
  if (rolling) {
    try {
      const arn = s.currentServiceDeployment ?? (await conn.gw.listServiceDeployments(s.clusterArn, s.serviceName, { status: ['PENDING', 'IN_PROGRESS'], signal: conn.signal })).items[0]?.serviceDeploymentArn;
      const sd = arn ? (await conn.gw.describeServiceDeployments([arn], { signal: conn.signal })).items[0] : undefined;
      if (sd && (sd.status === 'PENDING' || sd.status === 'IN_PROGRESS')) return { kind: 'stop', serviceDeploymentArn: sd.serviceDeploymentArn, from };
    } catch (e) {
      if (!isGatewayError(e) || !['unsupported', 'access-denied'].includes(e.kind)) throw e;
    }
    // Without the service-deployment API: the deployment that ran before the PRIMARY one.
    const older = s.deployments.find((d) => d.status === 'ACTIVE' && d.taskDefinition !== from);
    if (older) return { kind: 'redeploy', to: older.taskDefinition, from, why: `the revision the service ran before this deployment` };
  }
  const ref = parseTaskDefinitionArn(from);
  if (!ref) return `${revisionName(from)} is not a revision ECS Lens can find a predecessor of.`;
  const page = await conn.gw.listTaskDefinitions({ family: ref.family, status: 'ACTIVE', sort: 'DESC', signal: conn.signal });
  const previous = page.items.find((r) => r.family === ref.family && r.revision < ref.revision);
  if (!previous) return `${ref.family} has no ACTIVE revision before ${revisionName(from)} to roll back to.`;
  return { kind: 'redeploy', to: previous.arn, from, why: `the newest ACTIVE revision of ${ref.family} before ${revisionName(from)}` };
}

/**
 * `ecsLens.clusters.rollBack`: a rollout under way is stopped with rollback (StopServiceDeployment, where the
 * API allows it); otherwise the previous revision is deployed again. Confirmed first, then watched.
 */
export async function rollBack(host: DeployHost, arg: unknown): Promise<unknown> {
  const n = node(host, arg, ServiceNode, 'Roll Back', 'a service');
  const conn = await attempt(host, 'Could not reach ECS', 'Nothing was changed.', () => connect(host));
  const s = conn && (await freshService(host, conn, n));
  if (!conn || !s) return undefined;
  const name = `${nameOf(s.clusterArn)}/${s.serviceName}`;
  const plan = await attempt(host, `Could not find what to roll ${name} back to`, 'Nothing was changed.', () => planRollback(conn, s));
  if (!plan) return undefined;
  if (typeof plan === 'string') {
    void host.prompts.notify('warning', `Roll Back ${name}: ${plan}`);
    return undefined;
  }
  if (plan.kind === 'stop') {
    const answer = await host.prompts.modal(
      `Roll back the deployment of ${revisionName(plan.from)} on service ${name}?`,
      [whereLine(conn), `ECS stops the rollout in progress and returns the service to its last completed deployment (StopServiceDeployment, ROLLBACK). The rollback is watched in a notification.`].join('\n'),
      ['Roll Back'],
    );
    if (answer !== 'Roll Back') return undefined;
    host.log.info(`roll back: StopServiceDeployment ${plan.serviceDeploymentArn} (ROLLBACK) for ${name} in ${conn.where}, as confirmed`);
    const stopped = await attempt(host, `ECS did not stop the deployment of ${name}`, 'The rollout goes on.', () => conn.gw.stopServiceDeployment(plan.serviceDeploymentArn, 'ROLLBACK', { signal: conn.signal }));
    if (!stopped) return undefined;
    host.log.info(`roll back: ${name}: stop requested`);
    refreshTree(host, [s.serviceArn]);
    const result = await watchInNotification(host, { gw: conn.gw, cluster: s.clusterArn, service: s.serviceName, taskDefinition: plan.from, title: `Rolling back ${name}`, signal: conn.signal, expect: 'rollback' });
    refreshTree(host, [s.serviceArn]);
    return result ? { kind: 'stop', outcome: result.outcome, state: result.progress.state, primaryTaskDefinition: result.progress.primaryTaskDefinition } : undefined;
  }
  const answer = await host.prompts.modal(
    `Roll back service ${name} to ${revisionName(plan.to)}?`,
    [whereLine(conn), `Now: ${revisionName(plan.from)}. UpdateService deploys ${revisionName(plan.to)}, ${plan.why}. The rollout is watched in a notification.`].join('\n'),
    ['Roll Back'],
  );
  if (answer !== 'Roll Back') return undefined;
  const td = await attempt(host, `Could not read ${revisionName(plan.to)}`, 'Nothing was changed.', async () => (await conn.gw.describeTaskDefinition(plan.to, { signal: conn.signal })).taskDefinition);
  if (!td) return undefined;
  const result = await deployPlanned(host, conn, deploymentPlan(s.clusterArn, s, td), false);
  return result ? { kind: 'redeploy', ...result } : undefined;
}

/** `ecsLens.clusters.stopTask`: stops a running task with a reason, after a confirmation. */
export async function stopTask(host: DeployHost, arg: unknown): Promise<string | undefined> {
  const n = node(host, arg, TaskNode, 'Stop Task', 'a running task');
  const t = n.task;
  if (n.stopped) {
    void host.prompts.notify('info', `Task ${t.taskId} is already ${t.lastStatus === 'STOPPED' ? 'stopped' : 'stopping'}.`);
    return undefined;
  }
  const reason = await host.prompts.input({
    title: `Stop Task ${t.taskId.slice(0, 8)}`,
    prompt: 'Why (ECS shows it as the stopped reason; up to 255 characters)',
    value: 'Stopped from ECS Lens',
    validateInput: (v) => (v.length <= 255 ? undefined : 'At most 255 characters'),
  });
  if (reason === undefined) return undefined;
  const conn = await attempt(host, 'Could not reach ECS', 'Nothing was stopped.', () => connect(host));
  if (!conn) return undefined;
  const where = `${nameOf(t.clusterArn)}${t.serviceName ? `/${t.serviceName}` : ''}`;
  const answer = await host.prompts.modal(
    `Stop task ${t.taskId.slice(0, 8)} (${revisionName(t.taskDefinitionArn)}) in ${where}?`,
    [whereLine(conn), t.serviceName ? `The service ${t.serviceName} starts a replacement to keep its desired count.` : 'A standalone task is not started again.', reason.trim() ? `Reason: ${reason.trim()}` : ''].filter(Boolean).join('\n'),
    ['Stop Task'],
  );
  if (answer !== 'Stop Task') return undefined;
  host.log.info(`stop task: StopTask ${t.taskArn} in ${conn.where}, as confirmed`);
  const stopped = await attempt(host, `ECS did not stop task ${t.taskId}`, 'The task goes on running.', () => conn.gw.stopTask(t.clusterArn, t.taskArn, reason.trim() || undefined, { signal: conn.signal }));
  if (!stopped) return undefined;
  host.log.info(`stop task: ${t.taskId} desired status ${stopped.desiredStatus}`);
  refreshTree(host, [n.parent?.id]);
  void host.prompts.notify('info', `Stopping task ${t.taskId.slice(0, 8)} in ${where}.`);
  return stopped.desiredStatus;
}
