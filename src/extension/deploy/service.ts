/**
 * "ECS Lens: Create or Update Service from This File": the register flow for a service file. Lint first, the
 * diff against the live service (both normalized), a modal confirmation naming the service, cluster, account,
 * region and what changes — and, for an update, the members of the file that UpdateService does not take
 * (src/aws/register.ts maps create-service input to update-service input) — then CreateService or
 * UpdateService. A deployment the call starts can be watched from the notification.
 */
import * as vscode from 'vscode';
import type { Service } from '../../aws/gateway';
import { applyService, planService, type ServicePlan } from '../../aws/register';
import { summarizeChanges } from '../../core/normalize/changes';
import { baseName, clusterArnOfService, connect, type Connection, type DeployHost, documentFor, documentLabel, passBlockers, prepareDocument, refreshTree, showFailure, whereLine } from './flow';

/** The command's result: what was done to which service. */
export interface ServiceFileResult {
  action: 'create' | 'update' | 'none';
  serviceArn?: string;
  cluster: string;
  service: string;
}

function confirmation(plan: ServicePlan, conn: Connection, doc: vscode.TextDocument, force: boolean): { message: string; detail: string; button: string } {
  const name = `${plan.clusterName}/${plan.serviceName}`;
  const input = plan.input;
  const detail =
    plan.action === 'create'
      ? [
          whereLine(conn),
          `Task definition: ${String(input.taskDefinition ?? '(none)')}; desired count: ${String(input.desiredCount ?? '(ECS default)')}; ${input.launchType ? `launch type ${String(input.launchType)}` : input.capacityProviderStrategy ? 'capacity provider strategy' : 'the cluster’s default capacity provider strategy'}.`,
        ]
      : [
          whereLine(conn),
          `Changes: ${summarizeChanges(plan.changes, 8)}.`,
          plan.leftOut.length > 0 ? `Not sent (UpdateService does not take them): ${plan.leftOut.join(', ')}.` : '',
          plan.leftOutChanged.length > 0 ? `Different from the live service, but an update cannot change it: ${plan.leftOutChanged.join(', ')}. (Tags change with TagResource; other create-only members need a new service.)` : '',
        ];
  if (doc.isDirty) detail.push('The editor’s unsaved changes are included; the file itself is not saved or changed.');
  if (force) detail.push('Sent despite its lint errors, as you chose.');
  return {
    message: plan.action === 'create' ? `Create service "${plan.serviceName}" in cluster ${plan.clusterName}?` : `Update service ${name}?`,
    detail: detail.filter(Boolean).join('\n'),
    button: plan.action === 'create' ? 'Create Service' : 'Update Service',
  };
}

/** `ecsLens.applyServiceFile [uri]`. */
export async function applyServiceFile(host: DeployHost, arg: unknown): Promise<ServiceFileResult | undefined> {
  const doc = await documentFor(host, arg, 'a service file');
  const label = documentLabel(doc);
  const prepared = prepareDocument(host, doc);
  if (prepared.kind === 'task-definition') {
    void host.prompts.notify('error', `${label} is a task definition: register it as a revision instead.`, ['Register Task Definition Revision']).then((a) => {
      if (a) void vscode.commands.executeCommand('ecsLens.registerTaskDefinition', doc.uri);
    });
    return undefined;
  }
  const verb = 'Create or Update';
  const pass = await passBlockers(host, prepared, label, verb);
  if (!pass) return undefined;
  let conn: Connection;
  let plan: ServicePlan;
  try {
    conn = await connect(host);
    plan = await planService(conn.gw, prepared, { fileLabel: label, signal: conn.signal });
  } catch (e) {
    showFailure(host, e, `Could not compare ${label} with the live service`, 'Nothing was changed.');
    return undefined;
  }
  const name = `${plan.clusterName}/${plan.serviceName}`;
  if (plan.action === 'update' && !plan.changed) {
    host.log.info(`service ${label}: matches the live service ${name}; nothing to update`);
    void host.prompts.notify('info', `${label} matches the live service ${name}: nothing to update.`);
    return { action: 'none', cluster: plan.cluster, service: plan.serviceName, ...(plan.live ? { serviceArn: plan.live.serviceArn } : {}) };
  }
  await host.diffs.show(
    { label: plan.action === 'update' ? `${name} (live service)` : `${name} (no such service)`, text: plan.liveCanonical },
    { label: `${baseName(label)} (to ${plan.action})`, text: plan.fileCanonical },
    `${name} (live) ↔ ${label} (normalized): what ${plan.action === 'create' ? 'CreateService' : 'UpdateService'} changes`,
    doc.uri,
  );
  const { message, detail, button } = confirmation(plan, conn, doc, pass.force);
  if ((await host.prompts.modal(message, detail, [button])) !== button) {
    host.log.info(`service ${label}: not confirmed; nothing was sent`);
    return undefined;
  }
  const call = plan.action === 'create' ? 'CreateService' : 'UpdateService';
  host.log.info(`service ${label}: ${call} ${name} in ${conn.where}, as confirmed${plan.action === 'update' ? ` (changes: ${summarizeChanges(plan.changes, 20)}; not sent: ${plan.leftOut.join(', ') || 'nothing'})` : ''}`);
  let service: Service;
  try {
    service = await applyService(conn.gw, plan, { signal: conn.signal });
  } catch (e) {
    showFailure(host, e, `ECS did not ${plan.action} ${name}`, plan.action === 'create' ? 'The service was not created.' : 'The service was not updated.');
    return undefined;
  }
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  host.log.info(`service ${label}: ${plan.action === 'create' ? 'created' : 'updated'} ${service.serviceArn}${primary ? ` (deployment ${primary.id}: ${nameOfRevision(primary.taskDefinition)})` : ''}`);
  refreshTree(host, [clusterArnOfService(service.serviceArn)], 'clusters');
  const rolling = primary?.rolloutState === 'IN_PROGRESS' || service.deployments.length > 1;
  const text = `${plan.action === 'create' ? 'Created' : 'Updated'} service ${name}${primary ? ` (${nameOfRevision(primary.taskDefinition)})` : ''}.${rolling ? ' A deployment is rolling out.' : ''}`;
  void host.prompts.notify('info', text, rolling ? ['Watch Rollout'] : []).then((a) => {
    if (a === 'Watch Rollout') void vscode.commands.executeCommand('ecsLens.watchRollout', { cluster: plan.cluster, service: plan.serviceName });
  });
  return { action: plan.action, serviceArn: service.serviceArn, cluster: plan.cluster, service: plan.serviceName };
}

function nameOfRevision(taskDefinition: string): string {
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}
