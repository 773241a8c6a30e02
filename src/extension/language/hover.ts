/** Hovers from the engine, on the analysis of the document's current version (never a second parse, never a lint). */
import * as vscode from 'vscode';
import { toRange } from '../convert';
import type { DocumentAnalyses } from '../documents';
import { runSafe } from '../safe';

/** Commands a hover's Markdown may run (links to concept pages). */
export const HOVER_COMMANDS = ['ecsLens.showConcept'];

/** `command:ecsLens.showConcept?["id"]`: opens a concept page from a hover. */
export function conceptCommandLink(id: string): string {
  return `command:ecsLens.showConcept?${encodeURIComponent(JSON.stringify([id]))}`;
}

export class EcsHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return runSafe(this.log, 'hover', undefined, () => {
      const analysis = this.analyses.get(document);
      if (analysis.skipped === 'too-large' || !analysis.doc.isEcs) return undefined;
      const h = this.analyses.service.hover(analysis.doc, document.offsetAt(position));
      if (!h) return undefined;
      const markdown = new vscode.MarkdownString(h.contents);
      markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
      return new vscode.Hover(markdown, toRange(h.range));
    });
  }
}
