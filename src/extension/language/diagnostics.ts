/**
 * Publishes diagnostics: at once when a document opens, debounced while it is edited. A result is published
 * only for the version it was computed from, so a slow pass never overwrites a newer one.
 */
import * as vscode from 'vscode';
import { toDiagnostic } from '../convert';
import { isJson, type DocumentAnalyses } from '../documents';
import { runSafe } from '../safe';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ecs-lens');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after diagnostics of a document were published (the language status and the workspace index listen). */
  readonly onDidPublish = this.changed.event;

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Validates now. */
  validate(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    if (!isJson(document) || document.isClosed) return;
    runSafe(this.log, `validating ${document.uri.fsPath}`, undefined, () => {
      const version = document.version;
      const diagnostics = this.analyses.diagnostics(document);
      if (document.version !== version) return; // stale: a newer pass is scheduled
      this.collection.set(document.uri, diagnostics.map((d) => toDiagnostic(d)));
      this.changed.fire(document.uri);
    });
  }

  /** Validates after the configured pause; a newer call for the same document replaces the pending one. */
  schedule(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.validate(document);
      }, this.analyses.get(document).settings.delay),
    );
  }

  clear(uri: vscode.Uri): void {
    this.cancel(uri);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.clear();
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t);
      this.timers.delete(key);
    }
  }

  dispose(): void {
    this.clearAll();
    this.collection.dispose();
    this.changed.dispose();
  }
}
