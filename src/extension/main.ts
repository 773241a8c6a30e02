/**
 * The VS Code adapter: one context object owns settings, the per-version analyses, the providers and every
 * disposable. All ECS knowledge lives in src/core; this layer only wires it to the editor.
 */
import * as vscode from 'vscode';
import { EcsCodeActions, FIX_ALL_KIND } from './codeActions';
import { readSettings, SECTION, type Settings } from './config';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentAnalyses, JSON_SELECTOR, isJson } from './documents';
import { KindStatus, type StatusSnapshot } from './status';
import { WorkspaceTaskDefinitions } from './workspaceIndex';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface EcsLensApi {
  /** Milliseconds `activate` took. */
  activationMs: number;
  /** The language status shown for the active editor, if any. */
  getLanguageStatus(): StatusSnapshot | undefined;
  /** The kind ECS Lens recognised for an open document. */
  getDocumentKind(uri: vscode.Uri): string | undefined;
}

class EcsLensContext implements vscode.Disposable {
  private settings: Settings = readSettings();
  readonly log = vscode.window.createOutputChannel('ECS Lens', { log: true });
  readonly taskDefinitions = new WorkspaceTaskDefinitions(this.log);
  readonly analyses = new DocumentAnalyses(
    () => this.settings,
    () => this.taskDefinitions.get(),
  );
  readonly diagnostics = new DiagnosticsPublisher(this.analyses, () => this.settings.delay, this.log);
  readonly status = new KindStatus(this.analyses);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const d = this.disposables;
    d.push(this.log, this.diagnostics, this.status, this.taskDefinitions);
    d.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.diagnostics.validate(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.diagnostics.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.analyses.forget(doc.uri);
        this.diagnostics.clear(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.reload();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.status.update(editor)),
      this.diagnostics.onDidPublish((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.status.update();
      }),
      vscode.languages.registerCodeActionsProvider(JSON_SELECTOR, new EcsCodeActions(this.analyses, () => this.settings, this.log), EcsCodeActions.metadata),
      vscode.commands.registerCommand('ecsLens.fixAll', () => vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND.value, apply: 'first' })),
      vscode.commands.registerCommand('ecsLens.showOutput', () => this.log.show()),
      this.taskDefinitions.onDidChange(() => this.revalidateServices()),
    );
    this.taskDefinitions.scan().catch((err: unknown) => this.log.warn(`could not scan the workspace for task definitions: ${String(err)}`));
    this.validateOpenDocuments();
  }

  private reload(): void {
    this.settings = readSettings();
    this.log.info(`settings changed: validation ${this.settings.enable ? 'on' : 'off'}`);
    this.analyses.clear();
    this.validateOpenDocuments();
  }

  /** A task definition changed: services that name it must be checked again (debounced, they may be many). */
  private revalidateServices(): void {
    const uris = new Set(this.analyses.forgetServices().map((u) => u.toString()));
    for (const doc of vscode.workspace.textDocuments) {
      if (uris.has(doc.uri.toString())) this.diagnostics.schedule(doc);
    }
  }

  private validateOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (isJson(doc)) this.diagnostics.validate(doc);
    }
    this.status.update();
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

let context: EcsLensContext | undefined;

export function activate(extensionContext: vscode.ExtensionContext): EcsLensApi {
  const started = Date.now();
  try {
    context = new EcsLensContext();
    extensionContext.subscriptions.push(context);
  } catch (err) {
    void vscode.window.showErrorMessage(`ECS Lens failed to start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
  const ctx = context;
  const activationMs = Date.now() - started;
  ctx.log.info(`activated in ${activationMs} ms`);
  return {
    activationMs,
    getLanguageStatus: () => ctx.status.snapshot(),
    getDocumentKind: (uri) => ctx.analyses.peek(uri)?.doc.kind,
  };
}

export function deactivate(): void {
  context = undefined;
}
