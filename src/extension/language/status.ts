/**
 * The language status item: tells whether the active JSON file was recognised as an ECS task definition or
 * service, with a count of its problems. It exists only while the active document is ECS.
 *
 * It sits next to VS Code's own JSON status, which says "No schema validation" for these files (no JSON schema
 * is associated with them in VS Code). Read together, "No schema validation" and "ECS task definition" look like
 * a contradiction, so the item says who checks the file.
 */
import * as vscode from 'vscode';
import { kindLabel } from '../../core/document/document';
import { JSON_SELECTOR, isJson, type DocumentAnalyses } from '../documents';

/**
 * The hover line has room for little more than VS Code's own "No schema validation – no JSON schema configured"
 * (a longer line is cut at the window's edge), so the detail only says who checked the file and what it found;
 * the link's tooltip and the screen-reader label say against what, and that VS Code's JSON schemas are not used.
 */
const EXPLAINED =
  "ECS Lens checks this file against the ECS API's schema and rules; VS Code's generic JSON schema validation (\"No schema validation\") is not used for it.";

export interface StatusSnapshot {
  text: string;
  detail?: string;
  /** The tooltip of the item's link: what ECS Lens checks the file against. */
  explanation?: string;
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
      item.command = undefined;
      item.accessibilityInformation = undefined;
      return;
    }
    item.text = kindLabel(analysis.doc.kind);
    const diagnostics = document ? this.analyses.diagnostics(document) : [];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
    item.detail = analysis.skipped === 'disabled' ? 'not checked: ecsLens.validate.enable is off' : `ECS Lens found ${counts || 'no problems'}`;
    item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Show problems', command: 'workbench.actions.view.problems', tooltip: EXPLAINED };
    item.accessibilityInformation = { label: `${item.text}, ${item.detail}. ${EXPLAINED}` };
  }

  snapshot(): StatusSnapshot | undefined {
    return this.item ? { text: this.item.text, detail: this.item.detail, explanation: this.item.command?.tooltip } : undefined;
  }

  dispose(): void {
    this.item?.dispose();
  }
}
