/**
 * The two sides of a "what will change" diff as read-only virtual documents (`ecs-lens-diff:` scheme), opened
 * with `vscode.diff`. Both sides are canonical forms from src/core/normalize (sorted lists, defaults dropped,
 * units in numbers), so only real changes show. The user's file is never one of the sides: nothing a diff
 * does can touch it. The texts are kept while a document shows them, and for the last few diffs.
 */
import * as vscode from 'vscode';

export const DIFF_SCHEME = 'ecs-lens-diff';

/** One side: a name for the tab (`web:12 (latest ACTIVE)`) and its text. */
export interface DiffSide {
  label: string;
  text: string;
}

const KEPT = 20;

export class DiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  /** The editor document a diff side was made from (commands run with the diff active act on it). */
  private readonly sources = new Map<string, vscode.Uri>();
  private counter = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Keep the texts of recent diffs: a tab that VS Code reopens still finds its text.
        if (doc.uri.scheme === DIFF_SCHEME && this.texts.size > KEPT) {
          this.texts.delete(doc.uri.toString());
          this.sources.delete(doc.uri.toString());
        }
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** The document a diff side shows a normalized form of, if any. */
  sourceOf(uri: vscode.Uri): vscode.Uri | undefined {
    return this.sources.get(uri.toString());
  }

  /** A read-only document holding `side.text`, named by its label. */
  uri(side: DiffSide, source?: vscode.Uri): vscode.Uri {
    // A file name cannot hold a slash: `prod/web` is shown with a division slash, which reads the same.
    const name = side.label.replace(/[\\/]/g, '\u2215');
    const uri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${++this.counter}/${name}.json` });
    this.texts.set(uri.toString(), side.text);
    if (source) this.sources.set(uri.toString(), source);
    if (this.texts.size > KEPT * 2) {
      const oldest = this.texts.keys().next().value!;
      this.texts.delete(oldest);
      this.sources.delete(oldest);
    }
    return uri;
  }

  /** Opens `left` → `right` in the diff editor; returns both URIs. `source`: the document both sides come from. */
  async show(left: DiffSide, right: DiffSide, title: string, source?: vscode.Uri): Promise<{ left: vscode.Uri; right: vscode.Uri }> {
    const uris = { left: this.uri(left, source), right: this.uri(right, source) };
    await vscode.commands.executeCommand('vscode.diff', uris.left, uris.right, title, { preview: true });
    return uris;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }
}
