/**
 * The steps every AWS command of the editor shares (register, compare, deploy, service files, the tree's
 * actions): which document, prepared how (the vscode-free `prepareFile` with the editor's own settings), what
 * blocks it, the AWS session to send it in, how a failure is shown, and refreshing the Clusters view after a
 * change. Nothing here normalizes, diffs or judges a rollout: src/core and src/aws do.
 */
import * as vscode from 'vscode';
import { type EcsGateway, isGatewayError } from '../../aws/gateway';
import { blockersFor, prepareFile, type PreparedFile } from '../../core/normalize/prepare';
import type { AwsSession } from '../aws/session';
import { kindFor, type SettingsCache } from '../config';
import type { ClustersTree } from '../tree/provider';
import type { WorkspaceTaskDefinitions } from '../workspaceIndex';
import { DIFF_SCHEME, type DiffDocuments } from './diffs';
import type { Prompts } from './prompts';
import type { RolloutWatches } from './watch';

/** What the AWS commands need of the extension context (context.ts provides all of it). */
export interface DeployHost {
  readonly aws: AwsSession;
  readonly clusters: ClustersTree;
  readonly log: vscode.LogOutputChannel;
  readonly prompts: Prompts;
  readonly diffs: DiffDocuments;
  readonly watches: RolloutWatches;
  readonly settings: SettingsCache;
  readonly taskDefinitions: WorkspaceTaskDefinitions;
}

/**
 * The document a command works on: the URI a menu passed, else the active editor's. When the active editor is
 * one of our diffs (as it is right after a register or a compare), the document the diff was made from.
 */
export async function documentFor(host: DeployHost, arg: unknown, what: string): Promise<vscode.TextDocument> {
  let uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme === DIFF_SCHEME) uri = host.diffs.sourceOf(uri);
  if (!uri) throw new Error(`Open ${what} first.`);
  const target = uri;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) ?? (await vscode.workspace.openTextDocument(target));
}

/** How messages name a document: its workspace-relative path, or `Untitled-1`. */
export function documentLabel(doc: vscode.TextDocument): string {
  return doc.isUntitled ? doc.uri.path.replace(/^.*\//, '') : vscode.workspace.asRelativePath(doc.uri, false);
}

/** `deploy/web.json` → `web.json`. */
export function baseName(label: string): string {
  return label.slice(label.lastIndexOf('/') + 1);
}

/**
 * The document's text as it will be sent (unsaved edits included: what the editor shows is what is checked),
 * linted with the same settings and workspace task definitions as its diagnostics.
 */
export function prepareDocument(host: DeployHost, doc: vscode.TextDocument): PreparedFile {
  const settings = host.settings.for(doc.uri);
  return prepareFile(doc.getText(), { kind: kindFor(doc, settings), rules: settings.rules, workspace: host.taskDefinitions.index });
}

/**
 * Stops where the file cannot be sent: broken JSON, not ECS, no name, template placeholders (never
 * overridable: render first). Lint errors ask, in a modal, whether to send anyway. Resolves with whether the
 * user overrode lint errors, or undefined when nothing may be sent.
 */
export async function passBlockers(host: DeployHost, prepared: PreparedFile, label: string, verb: string): Promise<{ force: boolean } | undefined> {
  const hard = blockersFor(prepared, true);
  if (hard.length > 0) {
    const first = hard[0]!;
    // The log names where, never what: a placeholder's text may sit inside a value that is a secret.
    const sites = prepared.normalized.placeholderSites.map((p) => p.path);
    host.log.warn(`${verb} ${label}: not sent (${hard.map((b) => (b.reason === 'placeholder' ? `template placeholders at ${sites.join(', ')}` : b.reason)).join('; ')})`);
    void host.prompts.notify('error', `${verb}: ${label} was not sent. ${first.message}`, first.reason === 'placeholder' ? [] : ['Show Problems']).then((a) => {
      if (a === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return undefined;
  }
  const lint = prepared.blockers.find((b) => b.reason === 'lint');
  if (!lint) return { force: false };
  const n = prepared.errors.length;
  const answer = await host.prompts.modal(
    `${label} has ${n} error${n === 1 ? '' : 's'}. ${verb} it anyway?`,
    `${lint.message}\n\nECS may refuse the request, or tasks may fail to start. Fix the errors first unless you know ECS accepts them.`,
    [`${verb} Anyway`, 'Show Problems'],
    'error',
  );
  if (answer === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (answer !== `${verb} Anyway`) return undefined;
  host.log.warn(`${verb} ${label}: sent despite ${n} lint error(s), as confirmed`);
  return { force: true };
}

/** The AWS session a command works in: the gateway, the region, the account, and how to name them. */
export interface Connection {
  gw: EcsGateway;
  region: string;
  account?: string;
  /** A custom endpoint (a local ECS), when requests do not go to AWS's own. */
  endpoint?: string;
  /** `account 123456789012, us-east-1` (and the endpoint when it is not AWS's). */
  where: string;
  signal: AbortSignal;
}

/** Opens the session's gateway and resolves its region and account (credential problems reject). */
export async function connect(host: DeployHost): Promise<Connection> {
  const gw = host.aws.gateway();
  const session = await host.aws.resolve();
  const signal = host.aws.signal;
  const account = await gw.getAccountId({ signal }).catch((e: unknown) => {
    if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem || e.kind === 'cancelled')) throw e;
    return undefined;
  });
  const where = `account ${account ?? '(unknown)'}, ${session.region}${session.endpoint ? ` via ${session.endpoint}` : ''}`;
  return { gw, region: session.region, ...(account ? { account } : {}), ...(session.endpoint ? { endpoint: session.endpoint } : {}), where, signal };
}

/** The confirmations' "where" line: `Account 123456789012, region us-east-1 (endpoint http://127.0.0.1:4600).` */
export function whereLine(conn: Connection): string {
  return `Account ${conn.account ?? '(unknown)'}, region ${conn.region}${conn.endpoint ? ` (endpoint ${conn.endpoint})` : ''}.`;
}

/** What to do after a failed call, by its kind, after what was (not) done. */
function advice(kind: string, done: string): string {
  switch (kind) {
    case 'invalid-parameters':
      return `${done} Fix the file (the Problems panel may show why) and try again.`;
    case 'throttled':
      return `${done} Try again in a minute.`;
    case 'server-error':
    case 'unknown':
      return 'The request may have reached ECS: refresh the Clusters view or compare with live before trying again.';
    default:
      return done;
  }
}

/**
 * Shows a failed AWS call: the gateway's message (it says what to do), what was or was not done, and the
 * actions that fix it (sign in, choose credentials, the log). Logged too. Not awaited by callers.
 */
export function showFailure(host: DeployHost, e: unknown, what: string, done = ''): void {
  const message = e instanceof Error ? e.message : String(e);
  const kind = isGatewayError(e) ? e.kind : 'unknown';
  const text = `${what}: ${message}${isGatewayError(e) ? ` ${advice(kind, done)}` : done ? ` ${done}` : ''}`.trim();
  host.log.error(text);
  const signIn = isGatewayError(e) ? e.command : undefined;
  const actions = [...(signIn ? ['Sign In'] : []), ...(isGatewayError(e) && e.isCredentialProblem ? ['Choose Credentials…'] : []), 'Show Log'];
  void host.prompts.notify('error', text, actions).then((a) => {
    if (a === 'Sign In') void vscode.commands.executeCommand('ecsLens.aws.signIn', signIn);
    else if (a === 'Choose Credentials…') void vscode.commands.executeCommand('ecsLens.aws.chooseProfile');
    else if (a === 'Show Log') host.log.show();
  });
}

/**
 * Reloads what a change touched in the Clusters view: the nodes with these ids that the view has shown (a
 * cluster, a service, a family), or the parent list named by `fallback` when none of them is loaded yet.
 */
export function refreshTree(host: DeployHost, ids: Array<string | undefined>, fallback?: string): void {
  const nodes = ids.flatMap((id) => (id ? [host.clusters.resolve(id)] : [])).filter((n) => n !== undefined);
  if (nodes.length === 0 && fallback) {
    const parent = host.clusters.resolve(fallback);
    if (parent) nodes.push(parent);
  }
  for (const n of nodes) host.clusters.refresh(n);
}

/** `arn:aws:ecs:us-east-1:123456789012:cluster/prod` → `prod`. */
export function nameOf(arnOrName: string): string {
  return arnOrName.slice(arnOrName.lastIndexOf('/') + 1);
}

/** The cluster ARN of a service ARN (`...:service/prod/web` → `...:cluster/prod`); undefined for old-format ARNs. */
export function clusterArnOfService(serviceArn: string): string | undefined {
  const m = /^(arn:[\w-]+:ecs:[\w-]+:\d{12}):service\/([^/]+)\/[^/]+$/.exec(serviceArn);
  return m ? `${m[1]}:cluster/${m[2]}` : undefined;
}
