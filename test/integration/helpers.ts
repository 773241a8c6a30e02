/**
 * Shared helpers for the extension-host suites. Everything here goes through the public `vscode` API, so the
 * suites behave the same under @vscode/test-electron (desktop VS Code) and code-server (VS Code in a browser).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ecs-lens.ecs-lens';
export const SOURCE = 'ecs-lens';

/** The API object returned by the extension's activate(); every member optional so a missing one fails clearly. */
/** The API `activate` returns (src/extension/main.ts), as an outside consumer sees it. */
export interface EcsLensApi {
  activationMs?: number;
  getLanguageStatus?(): { text: string; detail?: string } | undefined;
  getDocumentKind?(uri: vscode.Uri): string | undefined;
  commandIds: readonly string[];
  isAwsLoaded(): boolean;
  getConceptTree(): Array<{ label: string; concepts: string[] }>;
  getClustersTree(id?: string): Promise<TreeItemSnapshot[]>;
  getAwsSession(): AwsSessionSnapshot;
  /** Present in test runs only (src/extension/main.ts). */
  testing?: TestHooks;
}

/** A question or notice of the AWS commands, as the extension recorded it (src/extension/deploy/prompts.ts). */
export interface PromptRecord {
  kind: 'modal' | 'pick' | 'input' | 'notice';
  severity?: 'info' | 'warning' | 'error';
  message: string;
  detail?: string;
  choices: string[];
  answer?: string;
}

/** A watched rollout (src/extension/deploy/watch.ts). */
export interface WatchRecord {
  cluster: string;
  service: string;
  taskDefinition?: string;
  title: string;
  messages: string[];
  result?: { outcome: string; ok: boolean; reason?: string; state: string; stopReasons: Array<{ reason: string; count: number }> };
  summary?: string;
}

/** The extension's test hooks (EcsLensTestHooks in src/extension/main.ts). */
export interface TestHooks {
  answer(...answers: Array<string | undefined | { kind: PromptRecord['kind']; answer?: string }>): void;
  prompts(): PromptRecord[];
  clearPrompts(): void;
  setWatchOptions(options: { intervalMs?: number; maxIntervalMs?: number; timeoutMs?: number }): void;
  rollouts(): WatchRecord[];
  stopWatching(): number;
  editorKind(): string;
  log(): string[];
}

/** One row of the Clusters view (src/extension/tree/provider.ts). */
export interface TreeItemSnapshot {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; arguments: unknown[] };
  arn?: string;
  consoleUrl?: string;
}

/** The AWS session as the extension reports it (src/extension/main.ts). */
export interface AwsSessionSnapshot {
  profile: string;
  region?: string;
  endpoint?: string;
  endpointSource?: 'settings' | 'demo';
  notices: string[];
  blocked?: string;
  started: boolean;
  statusText?: string;
  watchedServices: string[];
}

export function getExtension(): vscode.Extension<EcsLensApi> {
  const ext = vscode.extensions.getExtension<EcsLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** Activates (idempotently) and returns the extension's API. */
export async function activate(): Promise<EcsLensApi> {
  const api = await getExtension().activate();
  assert.ok(api, 'activate() returned no API object');
  return api;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The test workspace folder (a temporary copy of test/integration/fixtures made by the runner). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder; the runner must pass one');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a workspace file in an editor (which is what makes VS Code fire onLanguage:json and our validation). */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Throws away edits (of files and untitled documents) and closes every editor, so one test's dirty buffer cannot leak into the next test. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Our diagnostics for a document (other extensions, e.g. the built-in JSON one, publish their own). */
export function ecsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Diagnostic codes may be plain strings or `{ value, target }` (when the code links to docs). */
export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codesOf(uri: vscode.Uri): string[] {
  return ecsDiagnostics(uri).map(codeOf).sort();
}

function describe(diags: vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags
    .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`)
    .join('\n');
}

/**
 * Resolves with our diagnostics for `uri` once `predicate` holds for them, checking the current state first
 * and then on every onDidChangeDiagnostics for that document. Event-driven rather than polling so that the
 * measured latency is the real one, not the polling interval.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = ecsDiagnostics(uri);
      if (!predicate(diags)) return false;
      finish();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}. ` +
            `Current ecs-lens diagnostics:\n${describe(ecsDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** The validation debounce in force, so "nothing appeared" waits are long enough to mean something. */
export function validationDelayMs(): number {
  const value = vscode.workspace.getConfiguration('ecsLens').get<number>('validate.delay');
  return typeof value === 'number' && value >= 0 ? value : 300;
}

/**
 * Waits long enough that a validation triggered before the call must have been published by now. Used only
 * where a test asserts an ABSENCE, and always after a positive check elsewhere proved validation is running.
 */
export async function settle(): Promise<void> {
  await sleep(validationDelayMs() * 2 + 750);
}

/** Polls a value that has no change event in the API (the language status is read through our exports). */
export async function waitFor<T>(
  read: () => T,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await sleep(50);
  }
}

/** Updates a setting at workspace level (what a user does in .vscode/settings.json) and awaits the write. */
export async function setWorkspaceSetting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(section, value, vscode.ConfigurationTarget.Workspace);
}

/** Zero-based position of the first occurrence of `needle` in a document; fails the test when absent. */
export function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(offset);
}

/** Replaces the first occurrence of `from` with `to` through a WorkspaceEdit (no save: the buffer goes dirty). */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const start = positionOf(doc, from);
  const range = new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + from.length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the edit');
}

export { describe as describeDiagnostics };

/** The whole document, for requests that are not about one diagnostic (fix all, "no actions at all"). */
export function wholeRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/**
 * Code actions as the lightbulb or Ctrl+. gets them: `vscode.executeCodeActionProvider` asks every provider for
 * `range` (VS Code passes the diagnostics that intersect it). `kind` filters like `only` (e.g. 'source.fixAll').
 * Fails the test on a bare Command: our provider returns CodeAction objects only.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const ask = async () =>
    (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  let items = await ask();
  // VS Code cancels a code-action request, and answers it with nothing, when the set of providers changes
  // meanwhile, as it does while other extensions (the JSON language server) start. Ask again a few times; an
  // answer that is really empty costs two seconds.
  for (let retry = 0; items.length === 0 && retry < 4; retry++) {
    await new Promise((r) => setTimeout(r, 500));
    items = await ask();
  }
  for (const item of items) {
    assert.ok(typeof item.command !== 'string', `a bare Command came back instead of a CodeAction: ${item.title}`);
  }
  return items as vscode.CodeAction[];
}

/**
 * Quick fixes only (`only: quickfix`), i.e. without the built-in JSON extension's "Sort JSON" and other refactorings
 * that every JSON document gets.
 */
export function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return codeActionsAt(uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** Title and preferred flag of each action, for one readable assertion. */
export function titlesOf(actions: vscode.CodeAction[]): Array<[string, boolean]> {
  return actions.map((a) => [a.title, a.isPreferred === true]);
}

/** Applies a code action's WorkspaceEdit as VS Code does when the user picks it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit refused "${action.title}"`);
}

/** The one action titled `title`; fails with the titles on offer otherwise. */
export function actionTitled(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const found = actions.filter((a) => a.title === title);
  assert.equal(found.length, 1, `expected one action "${title}", got: ${JSON.stringify(actions.map((a) => a.title))}`);
  return found[0]!;
}

/** The one diagnostic with `code` (ours); fails with the current diagnostics otherwise. */
export function diagnosticWithCode(diags: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const found = diags.filter((d) => codeOf(d) === code);
  assert.equal(found.length, 1, `expected one ${code}, got:\n${describe(diags)}`);
  return found[0]!;
}

/** Replaces the first occurrence of `from`, failing when it is absent: expected texts are built from edits. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" not found while building an expected text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** A file's content on disk (not the editor buffer). */
export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeDisk(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/**
 * A language-specific setting at workspace level, i.e. `"[json]": { "editor.codeActionsOnSave": ... }` in
 * .vscode/settings.json; `undefined` removes it.
 */
export async function setLanguageSetting(languageId: string, section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration(section, { languageId })
    .update(key, value, vscode.ConfigurationTarget.Workspace, true);
}
