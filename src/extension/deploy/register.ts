/**
 * "ECS Lens: Register Task Definition Revision": the editor's task definition (unsaved edits included) becomes a
 * new revision of its family. Lint first (errors block unless overridden in a modal; placeholders always
 * block), the diff against the family's latest ACTIVE revision (both normalized), a modal confirmation naming
 * the family, account, region and what changes, RegisterTaskDefinition, and a notification with the new ARN.
 * One registration per document at a time: a double click registers once. The user's file is never written.
 */
import * as vscode from 'vscode';
import { applyTaskDefinition, planTaskDefinition, type TaskDefinitionPlan } from '../../aws/register';
import { summarizeChanges } from '../../core/normalize/changes';
import { baseName, connect, type Connection, type DeployHost, documentFor, documentLabel, passBlockers, prepareDocument, refreshTree, showFailure, whereLine } from './flow';

/** A registration's outcome: the revision registered, or the one the file already matched. */
export interface RegisterResult {
  family: string;
  arn: string;
  revision: number;
  /** False when the file matched the latest ACTIVE revision and nothing was sent. */
  registered: boolean;
}

const inFlight = new Map<string, Promise<RegisterResult | undefined>>();

/** The confirmation's text: what will happen, where, and what changes. */
function confirmation(plan: TaskDefinitionPlan, conn: Connection, doc: vscode.TextDocument, force: boolean): { message: string; detail: string } {
  const live = plan.live?.taskDefinition;
  const message = live ? `Register a new revision of task definition family "${plan.family}"?` : `Register the first revision of task definition family "${plan.family}"?`;
  const detail = [
    whereLine(conn),
    live ? `Latest ACTIVE revision: ${plan.family}:${live.revision}.` : `The family has no ACTIVE revision in ${conn.region}.`,
    live ? `Changes: ${summarizeChanges(plan.changes, 8)}.` : '',
    doc.isDirty ? 'The editor’s unsaved changes are included; the file itself is not saved or changed.' : '',
    force ? `Sent despite its lint errors, as you chose.` : '',
  ];
  return { message, detail: detail.filter(Boolean).join('\n') };
}

/** Acts on the notification of a new (or matching) revision. */
function revisionActions(host: DeployHost, arn: string, action: string | undefined): void {
  if (action === 'Deploy to Service…') void vscode.commands.executeCommand('ecsLens.deployToService', arn);
  else if (action === 'Open Revision') void vscode.commands.executeCommand('ecsLens.clusters.openRevision', arn);
  else if (action === 'Copy ARN') {
    void vscode.env.clipboard.writeText(arn).then(() => vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000));
    host.log.info(`copied ${arn}`);
  }
}

/**
 * Registers a document as a new revision (the whole flow). With `notify` the outcome is a notification with
 * its actions; without (deploy registers first), the caller goes on with the ARN.
 */
export async function registerDocument(host: DeployHost, doc: vscode.TextDocument, options: { notify: boolean } = { notify: true }): Promise<RegisterResult | undefined> {
  const label = documentLabel(doc);
  const prepared = prepareDocument(host, doc);
  if (prepared.kind === 'service') {
    void host.prompts.notify('error', `${label} is a service file: a service is created or updated, not registered.`, ['Create or Update Service from This File']).then((a) => {
      if (a) void vscode.commands.executeCommand('ecsLens.applyServiceFile', doc.uri);
    });
    return undefined;
  }
  const pass = await passBlockers(host, prepared, label, 'Register');
  if (!pass) return undefined;
  let conn: Connection;
  let plan: TaskDefinitionPlan;
  try {
    conn = await connect(host);
    plan = await planTaskDefinition(conn.gw, prepared, { fileLabel: label, signal: conn.signal });
  } catch (e) {
    showFailure(host, e, `Could not compare ${label} with its family's latest revision`, 'Nothing was registered.');
    return undefined;
  }
  const live = plan.live?.taskDefinition;
  if (live && !plan.changed) {
    host.log.info(`register ${label}: matches ${plan.family}:${live.revision}; nothing to register`);
    if (options.notify) {
      void host.prompts.notify('info', `${label} matches ${plan.family}:${live.revision}, the latest ACTIVE revision: nothing to register.`, ['Deploy to Service…', 'Open Revision']).then((a) => revisionActions(host, live.arn, a));
    }
    return { family: plan.family, arn: live.arn, revision: live.revision, registered: false };
  }
  await host.diffs.show(
    { label: live ? `${plan.family}:${live.revision} (latest ACTIVE)` : `${plan.family} (no ACTIVE revision)`, text: plan.liveCanonical },
    { label: `${baseName(label)} (to register)`, text: plan.fileCanonical },
    `${live ? `${plan.family}:${live.revision}` : plan.family} ↔ ${label} (normalized): what Register sends`,
    doc.uri,
  );
  const { message, detail } = confirmation(plan, conn, doc, pass.force);
  if ((await host.prompts.modal(message, detail, ['Register'])) !== 'Register') {
    host.log.info(`register ${label}: not confirmed; nothing was sent`);
    return undefined;
  }
  host.log.info(`register ${label}: RegisterTaskDefinition for family ${plan.family} in ${conn.where}, as confirmed (changes: ${live ? summarizeChanges(plan.changes, 20) : 'first revision'})`);
  let arn: string;
  let revision: number;
  try {
    ({ arn, revision } = (await applyTaskDefinition(conn.gw, plan, { signal: conn.signal })).taskDefinition);
  } catch (e) {
    showFailure(host, e, `ECS did not register ${label}`, 'Nothing was registered; your file is unchanged.');
    return undefined;
  }
  host.log.info(`register ${label}: registered ${arn}`);
  refreshTree(host, [`family:${plan.family}`], 'task-definitions');
  if (options.notify) {
    void host.prompts.notify('info', `Registered ${plan.family}:${revision} (${arn}).`, ['Deploy to Service…', 'Copy ARN', 'Open Revision']).then((a) => revisionActions(host, arn, a));
  }
  return { family: plan.family, arn, revision, registered: true };
}

/** `ecsLens.registerTaskDefinition [uri]`: one registration per document at a time (a second click joins the first). */
export async function registerCommand(host: DeployHost, arg: unknown): Promise<RegisterResult | undefined> {
  const doc = await documentFor(host, arg, 'a task definition');
  const key = doc.uri.toString();
  const running = inFlight.get(key);
  if (running) {
    host.log.info(`register ${documentLabel(doc)}: already in progress; not started twice`);
    return running;
  }
  const p = registerDocument(host, doc).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}
