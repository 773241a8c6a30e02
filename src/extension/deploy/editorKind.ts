/**
 * The `ecsLens.editorKind` context key: what the active editor holds (`task-definition`, `service`, or empty),
 * so that package.json shows "Register Task Definition Revision" in the editor title of recognised task
 * definitions only, and "Create or Update Service from This File" on service files.
 */
import * as vscode from 'vscode';
import { isJson, type DocumentAnalyses } from '../documents';

export const EDITOR_KIND_KEY = 'ecsLens.editorKind';

export class EditorKindContext {
  private value: string | undefined;

  constructor(private readonly analyses: DocumentAnalyses) {}

  /** The key's value now (for the tests). */
  get current(): string {
    return this.value ?? '';
  }

  update(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): void {
    const doc = editor?.document;
    const analysis = doc && isJson(doc) ? this.analyses.get(doc) : undefined;
    const targets = analysis && !analysis.skipped ? analysis.doc.targets : [];
    // Describe output of several services is not one thing to send.
    const kind = targets.length === 1 ? targets[0]!.kind : '';
    if (kind === this.value) return;
    this.value = kind;
    void vscode.commands.executeCommand('setContext', EDITOR_KIND_KEY, kind);
  }
}
