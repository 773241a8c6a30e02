/**
 * "ECS Lens: Compare with Live": the editor's task definition against its family's latest ACTIVE revision, or a
 * service file against the live service it names (`cluster` + `serviceName`), in the diff editor, both sides
 * normalized (src/aws/register.ts plans, src/core/normalize canonical forms). Reads only.
 */
import * as vscode from 'vscode';
import { planService, planTaskDefinition, type ServicePlan, type TaskDefinitionPlan } from '../../aws/register';
import { baseName, connect, type DeployHost, documentFor, documentLabel, prepareDocument, showFailure } from './flow';

/** What the comparison found (the command's result, for tests and other extensions). */
export interface CompareResult {
  kind: 'task-definition' | 'service';
  /** `web:12`, `prod/web`. */
  live: string;
  exists: boolean;
  changed: boolean;
  changes: string[];
}

function liveName(plan: TaskDefinitionPlan | ServicePlan): { name: string; exists: boolean } {
  if (plan.kind === 'service') return { name: `${plan.clusterName}/${plan.serviceName}`, exists: plan.action === 'update' };
  return plan.live ? { name: `${plan.family}:${plan.live.taskDefinition.revision}`, exists: true } : { name: plan.family, exists: false };
}

/** `ecsLens.compareWithLive [uri]`. */
export async function compareWithLive(host: DeployHost, arg: unknown): Promise<CompareResult | undefined> {
  const doc = await documentFor(host, arg, 'a task definition or service file');
  const label = documentLabel(doc);
  const prepared = prepareDocument(host, doc);
  // Only what makes a comparison meaningless stops it; lint errors and placeholders show in the diff as written.
  const stop = prepared.blockers.find((b) => b.reason === 'syntax' || b.reason === 'not-ecs' || b.reason === 'several' || b.reason === 'name');
  if (stop) {
    void host.prompts.notify('error', `Compare with Live: ${label}: ${stop.message}`);
    return undefined;
  }
  let plan: TaskDefinitionPlan | ServicePlan;
  try {
    const conn = await connect(host);
    plan = prepared.kind === 'service' ? await planService(conn.gw, prepared, { fileLabel: label, signal: conn.signal }) : await planTaskDefinition(conn.gw, prepared, { fileLabel: label, signal: conn.signal });
  } catch (e) {
    showFailure(host, e, `Could not compare ${label} with what is live`);
    return undefined;
  }
  const { name, exists } = liveName(plan);
  const what = plan.kind === 'service' ? (exists ? `${name} (live service)` : `${name} (no such service)`) : exists ? `${name} (latest ACTIVE)` : `${name} (no ACTIVE revision)`;
  await host.diffs.show({ label: what, text: plan.liveCanonical }, { label: `${baseName(label)} (normalized)`, text: plan.fileCanonical }, `${name} (live) ↔ ${label} (normalized)`, doc.uri);
  if (!exists) vscode.window.setStatusBarMessage(`ECS Lens: ${name} does not exist yet in ${host.aws.resolved?.region ?? 'this region'}`, 5000);
  else if (!plan.changed) vscode.window.setStatusBarMessage(`ECS Lens: ${label} matches ${name}`, 5000);
  host.log.info(`compare ${label} with ${what}: ${plan.changed ? `different (${plan.changes.join(', ') || 'new'})` : 'no differences'}`);
  return { kind: plan.kind, live: name, exists, changed: plan.changed, changes: plan.changes };
}
