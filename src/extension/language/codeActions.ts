/**
 * Quick fixes for engine diagnostics, and `source.fixAll.ecsLens` (usable in `editor.codeActionsOnSave`),
 * which applies every certain fix in one edit.
 */
import * as vscode from 'vscode';
import { minimalEdit } from '../../core/fixes/edits';
import { sameDiagnostic, toDiagnostic, toRange } from '../convert';
import type { DocumentAnalyses } from '../documents';
import { runSafe } from '../safe';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('ecsLens');

export class EcsCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return runSafe(this.log, 'code actions', [], () => {
      const analysis = this.analyses.get(document);
      if (!analysis.doc.isEcs || analysis.skipped) return [];
      // `only` is source.fixAll.ecsLens itself or a parent kind (source.fixAll, source): on save or on request.
      if (context.only?.contains(FIX_ALL_KIND)) return this.fixAllAction(document);
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];

      // Our own diagnostics of this version under the range, not only those VS Code passes in `context`:
      // its marker copies can lag behind a fresh publish.
      const core = this.analyses.diagnostics(document).filter((d) => toRange(d.range).intersection(range) !== undefined);
      const actions: vscode.CodeAction[] = [];
      for (const a of this.analyses.service.codeActions(analysis.doc, core, analysis.settings)) {
        const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of a.edits) action.edit.replace(document.uri, toRange(e.range), e.newText);
        const shown = context.diagnostics.filter((v) => v.source === 'ecs-lens' && sameDiagnostic(v, a.diagnostic));
        action.diagnostics = shown.length ? shown : [toDiagnostic(a.diagnostic)];
        action.isPreferred = a.isPreferred;
        actions.push(action);
      }
      return actions;
    });
  }

  private fixAllAction(document: vscode.TextDocument): vscode.CodeAction[] {
    const analysis = this.analyses.get(document);
    const result = this.analyses.service.fixAll(analysis.doc, analysis.settings);
    if (result.applied === 0) return [];
    const edit = minimalEdit(analysis.doc.json, result.text);
    if (!edit) return [];
    const action = new vscode.CodeAction(`Fix all ECS problems with a certain fix (${result.applied})`, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(edit.range), edit.newText);
    return [action];
  }
}
