/** Completion from the engine, on the analysis of the document's current version. */
import * as vscode from 'vscode';
import type { CompletionItem as EngineItem } from '../../core/language/completion';
import { toRange } from '../convert';
import type { DocumentAnalyses } from '../documents';
import { runSafe } from '../safe';

/** LSP completion item kinds are 1-based, VS Code's enum is 0-based. */
function toItem(e: EngineItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(e.label, (e.kind - 1) as vscode.CompletionItemKind);
  item.detail = e.detail;
  if (e.documentation) item.documentation = new vscode.MarkdownString(e.documentation.value);
  item.sortText = e.sortText;
  item.filterText = e.filterText;
  item.range = toRange(e.textEdit.range);
  item.insertText = e.insertTextFormat === 2 ? new vscode.SnippetString(e.textEdit.newText) : e.textEdit.newText;
  return item;
}

export class EcsCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['"', ':', '[', '{', ','];

  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    return runSafe(this.log, 'completion', [], () => {
      const analysis = this.analyses.get(document);
      if (analysis.skipped === 'too-large' || !analysis.doc.isEcs) return [];
      return this.analyses.service.complete(analysis.doc, document.offsetAt(position)).items.map(toItem);
    });
  }
}
