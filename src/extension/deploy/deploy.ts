/**
 * "ECS Lens: Deploy to Service…": a revision (from a registration's notification, a revision in the Clusters
 * view, a reference typed in, or the editor's task definition, registered first when it differs from the
 * latest) rolled out to a service that runs its family — picked across the region's clusters, most likely
 * first (src/aws/deploy.ts) — with UpdateService after a modal confirmation, then watched in a progress
 * notification (watch.ts). Also `ecsLens.watchRollout`, to watch a service's rollout again.
 */
import * as vscode from 'vscode';
import { planDeployment, servicesRunningFamily, startDeployment, type DeploymentPlan, type ServiceCandidate } from '../../aws/deploy';
import type { Service, TaskDefinition } from '../../aws/gateway';
import { revisionName, type RolloutOutcome } from '../../aws/rollout';
import { parseRevisionUri } from '../aws/revisions';
import { isJson } from '../documents';
import { TreeNode } from '../tree/node';
import { connect, type Connection, type DeployHost, documentFor, nameOf, prepareDocument, refreshTree, showFailure, whereLine } from './flow';
import { registerDocument } from './register';
import { watchInNotification } from './watch';

/** A deployment's outcome (the command's result). */
export interface DeployResult {
  cluster: string;
  service: string;
  taskDefinition: string;
  /** How watching ended; undefined when ECS could not be read while watching. */
  outcome?: RolloutOutcome;
  reason?: string;
  state?: string;
}

type Pick = vscode.QuickPickItem & { candidate?: { cluster: string; service: Service }; other?: boolean };

function breakerText(s: Service): string {
  return s.circuitBreaker?.enable ? `circuit breaker on${s.circuitBreaker.rollback ? ', with rollback' : ', no rollback'}` : 'no circuit breaker';
}

function serviceItem(cluster: string, s: Service, description: string): Pick {
  return {
    label: `$(server) ${nameOf(cluster)}/${s.serviceName}`,
    description,
    detail: `${s.runningCount}/${s.desiredCount} running${s.pendingCount ? `, ${s.pendingCount} pending` : ''} · ${s.launchType ?? (s.capacityProviderStrategy.map((c) => c.capacityProvider).join('+') || 'default capacity')} · ${breakerText(s)}`,
    candidate: { cluster, service: s },
  };
}

/** Any service of the region: a cluster, then one of its services. */
async function pickAnyService(host: DeployHost, conn: Connection): Promise<{ cluster: string; service: Service } | undefined> {
  const clusters = (await conn.gw.allClusters({ signal: conn.signal })).items.sort((a, b) => a.clusterName.localeCompare(b.clusterName));
  const cluster = await host.prompts.pick(
    clusters.map((c) => ({ label: `$(server-environment) ${c.clusterName}`, description: `${c.activeServicesCount} services`, arn: c.clusterArn })),
    { title: 'Deploy to Service: cluster', placeHolder: `Clusters in ${conn.region}` },
  );
  if (!cluster) return undefined;
  const services = (await conn.gw.allServices(cluster.arn, { signal: conn.signal })).items.filter((s) => s.status === 'ACTIVE').sort((a, b) => a.serviceName.localeCompare(b.serviceName));
  const picked = await host.prompts.pick(
    services.map((s) => serviceItem(cluster.arn, s, `runs ${revisionName(s.taskDefinition)}`)),
    { title: 'Deploy to Service: service', placeHolder: `Services of ${nameOf(cluster.arn)}`, matchOnDescription: true },
  );
  return picked?.candidate;
}

/** The service to deploy `family` to: those that run it first (newest revision first), or any other. */
async function pickService(host: DeployHost, conn: Connection, td: TaskDefinition): Promise<{ cluster: string; service: Service } | undefined> {
  const candidates: ServiceCandidate[] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Finding the services that run ${td.family}…` }, () =>
    servicesRunningFamily(conn.gw, td.family, { signal: conn.signal }),
  );
  const items: Pick[] = candidates.map((c) => serviceItem(c.service.clusterArn, c.service, `${c.primary ? 'runs' : 'an older deployment runs'} ${revisionName(c.runs)}`));
  if (items.length > 0) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: '$(list-flat) Another service…', description: 'choose a cluster, then a service', other: true });
  const picked = await host.prompts.pick(items, {
    title: `Deploy ${revisionName(td.arn)} to Service`,
    placeHolder: candidates.length > 0 ? `Services in ${conn.region} that run ${td.family}` : `No service in ${conn.region} runs ${td.family}: choose another`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return picked.other ? pickAnyService(host, conn) : picked.candidate;
}

/** The revision a deploy command names: an ARN or `family[:revision]`, a tree node, or the editor's task definition. */
async function revisionArg(host: DeployHost, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  const node = host.clusters.resolve(arg);
  if (node instanceof TreeNode) {
    if (!node.taskDefinitionArn) throw new Error('This item has no task definition to deploy.');
    return node.taskDefinitionArn;
  }
  const doc = arg instanceof vscode.Uri || vscode.window.activeTextEditor ? await documentFor(host, arg, 'a task definition') : undefined;
  // A revision opened from AWS is that revision.
  const opened = doc ? parseRevisionUri(doc.uri) : undefined;
  if (opened) return `${opened.family}:${opened.revision}`;
  if (doc && isJson(doc) && prepareDocument(host, doc).kind === 'task-definition') {
    // The editor's task definition: registered first when it differs from the family's latest ACTIVE revision.
    return (await registerDocument(host, doc, { notify: false }))?.arn;
  }
  return host.prompts.input({
    title: 'Deploy to Service',
    prompt: 'The revision to deploy: family (its latest ACTIVE revision), family:revision, or a task-definition ARN',
    validateInput: (v) => (/^(arn:\S+|[A-Za-z0-9_-]+(:\d+)?)$/.test(v.trim()) ? undefined : 'e.g. web, web:12 or arn:aws:ecs:…:task-definition/web:12'),
  });
}

/** The modal confirmation of a deployment. Resolves with whether to force new tasks, or undefined for no. */
async function confirmDeployment(host: DeployHost, conn: Connection, plan: DeploymentPlan): Promise<{ force: boolean } | undefined> {
  const name = `${nameOf(plan.cluster)}/${plan.service.serviceName}`;
  const s = plan.service;
  const rev = revisionName(plan.taskDefinition.arn);
  if (plan.alreadyRunning) {
    const answer = await host.prompts.modal(
      `Service ${name} already runs ${rev}. Force a new deployment?`,
      [whereLine(conn), `New tasks of ${rev} replace the ${s.runningCount} running (for example to pull an image tag that moved). Watch the rollout afterwards in a notification.`].join('\n'),
      ['Force New Deployment'],
    );
    return answer ? { force: true } : undefined;
  }
  const answer = await host.prompts.modal(
    `Deploy ${rev} to service ${name}?`,
    [
      whereLine(conn),
      `Now: ${revisionName(plan.current)} (${s.runningCount}/${s.desiredCount} running). UpdateService sets the task definition to ${rev}.`,
      `The service's ${breakerText(s)}. The rollout is watched in a notification; cancelling it stops watching, not the deployment.`,
    ].join('\n'),
    ['Deploy', 'Deploy and Force New Deployment'],
  );
  return answer === 'Deploy' ? { force: false } : answer ? { force: true } : undefined;
}

/** Starts a planned deployment after the confirmation, then watches it. */
export async function deployPlanned(host: DeployHost, conn: Connection, plan: DeploymentPlan, force: boolean): Promise<DeployResult | undefined> {
  const name = `${nameOf(plan.cluster)}/${plan.service.serviceName}`;
  const arn = plan.taskDefinition.arn;
  host.log.info(`deploy: UpdateService ${name} → ${revisionName(arn)}${force ? ' (force new deployment)' : ''} in ${conn.where}, as confirmed`);
  let started: Service;
  try {
    started = await startDeployment(conn.gw, plan, { signal: conn.signal, forceNewDeployment: force });
  } catch (e) {
    showFailure(host, e, `ECS did not update service ${name}`, `The service was not updated; it still runs ${revisionName(plan.current)}.`);
    return undefined;
  }
  const primary = started.deployments.find((d) => d.status === 'PRIMARY');
  host.log.info(`deploy: deployment started: ${name} → ${revisionName(arn)}${primary ? ` (deployment ${primary.id})` : ''}`);
  refreshTree(host, [started.serviceArn], started.clusterArn);
  const result = await watchInNotification(host, { gw: conn.gw, cluster: plan.cluster, service: plan.service.serviceName, started, taskDefinition: arn, title: `Deploying ${revisionName(arn)} to ${name}`, signal: conn.signal });
  refreshTree(host, [started.serviceArn], started.clusterArn);
  return {
    cluster: plan.cluster,
    service: plan.service.serviceName,
    taskDefinition: arn,
    ...(result ? { outcome: result.outcome, state: result.progress.state, ...(result.reason ? { reason: result.reason } : {}) } : {}),
  };
}

/** `ecsLens.deployToService [ARN | family[:revision] | revision node | uri]`. */
export async function deployToService(host: DeployHost, arg: unknown): Promise<DeployResult | undefined> {
  const reference = await revisionArg(host, arg);
  if (!reference) return undefined;
  let conn: Connection;
  let td: TaskDefinition;
  try {
    conn = await connect(host);
    td = (await conn.gw.describeTaskDefinition(reference, { signal: conn.signal })).taskDefinition;
  } catch (e) {
    showFailure(host, e, `Could not read ${reference}`, 'Nothing was deployed.');
    return undefined;
  }
  if (td.status !== 'ACTIVE') {
    void host.prompts.notify('error', `${revisionName(td.arn)} is ${td.status}: ECS deploys only ACTIVE revisions. Register it again (Edit as New Revision) to get an ACTIVE one.`);
    return undefined;
  }
  let plan: DeploymentPlan;
  try {
    const target = await pickService(host, conn, td);
    if (!target) return undefined;
    plan = await planDeployment(conn.gw, { cluster: target.cluster, service: target.service.serviceName, taskDefinition: td.arn }, { signal: conn.signal });
  } catch (e) {
    showFailure(host, e, `Could not prepare the deployment of ${revisionName(td.arn)}`, 'Nothing was deployed.');
    return undefined;
  }
  const confirmed = await confirmDeployment(host, conn, plan);
  if (!confirmed) {
    host.log.info(`deploy ${revisionName(td.arn)}: not confirmed; nothing was sent`);
    return undefined;
  }
  return deployPlanned(host, conn, plan, confirmed.force);
}

/** `ecsLens.watchRollout [service node | { cluster, service }]`: watches what the service rolls out now. */
export async function watchRolloutCommand(host: DeployHost, arg: unknown): Promise<DeployResult | undefined> {
  const node = host.clusters.resolve(arg) as (TreeNode & { service?: Service }) | undefined;
  let cluster: string;
  let service: string;
  if (node?.service) [cluster, service] = [node.service.clusterArn, node.service.serviceName];
  else if (arg && typeof arg === 'object' && typeof (arg as { cluster?: unknown }).cluster === 'string' && typeof (arg as { service?: unknown }).service === 'string') {
    ({ cluster, service } = arg as { cluster: string; service: string });
  } else throw new Error('Watch Rollout: choose a service in the Clusters view.');
  let conn: Connection;
  try {
    conn = await connect(host);
  } catch (e) {
    showFailure(host, e, 'Could not reach ECS');
    return undefined;
  }
  const name = `${nameOf(cluster)}/${service}`;
  const result = await watchInNotification(host, { gw: conn.gw, cluster, service, title: `Rollout of ${name}`, signal: conn.signal });
  refreshTree(host, [node?.id], cluster);
  return result ? { cluster, service, taskDefinition: result.progress.taskDefinition, outcome: result.outcome, state: result.progress.state, ...(result.reason ? { reason: result.reason } : {}) } : undefined;
}
