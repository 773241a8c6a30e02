/**
 * The language status item: tells whether the active JSON file was recognised as an ECS task definition or
 * service, with a count of its problems. It exists only while the active document is ECS.
 */
import * as vscode from 'vscode';
import { kindLabel } from '../../core/document/document';
import { JSON_SELECTOR, isJson, type DocumentAnalyses } from '../documents';

export interface StatusSnapshot {
  text: string;
  detail?: string;
}

export class KindStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;

  constructor(private readonly analyses: DocumentAnalyses) {}

  update(editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): void {
    const document = editor?.document;
    const analysis = document && isJson(document) ? this.analyses.get(document) : undefined;
    if (!analysis || (!analysis.doc.isEcs && analysis.skipped !== 'too-large')) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    const item = (this.item ??= vscode.languages.createLanguageStatusItem('ecsLens.kind', JSON_SELECTOR));
    item.name = 'ECS Lens';
    if (analysis.skipped === 'too-large') {
      item.text = 'ECS Lens: file too large';
      item.detail = 'Raise ecsLens.validate.maxFileSizeKB to validate it';
      item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    item.text = kindLabel(analysis.doc.kind);
    const diagnostics = document ? this.analyses.diagnostics(document) : [];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    item.detail = analysis.skipped === 'disabled' ? 'validation is off' : errors + warnings === 0 ? 'no problems' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  }

  snapshot(): StatusSnapshot | undefined {
    return this.item ? { text: this.item.text, detail: this.item.detail } : undefined;
  }

  dispose(): void {
    this.item?.dispose();
  }
}
