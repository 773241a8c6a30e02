/**
 * Concept and field pages as read-only virtual Markdown documents (`ecs-lens-concept:` URIs) shown in the
 * Markdown preview; "Explain This Field" for the key or value at the cursor; "Show in My File" for a concept.
 */
import * as vscode from 'vscode';
import { conceptById, locationPrefix, pathPattern } from '../../core/knowledge/index';
import { conceptPage, fieldOfPattern, fieldPage, findConceptInDocument } from '../../core/knowledge/pages';
import { conceptsAt } from '../../core/knowledge/index';
import type { DocumentAnalyses } from '../documents';
import { isJson } from '../documents';
import { toRange } from '../convert';

export const CONCEPT_SCHEME = 'ecs-lens-concept';

export function conceptUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: CONCEPT_SCHEME, path: `/${id}.md` });
}

export function fieldUri(kind: 'task-definition' | 'service', pattern: string): vscode.Uri {
  return vscode.Uri.from({ scheme: CONCEPT_SCHEME, path: `/field/${locationPrefix(kind)}/${pattern}.md` });
}

/** Links between pages are relative, so the Markdown preview follows them within the scheme. */
const relativeLink = (id: string): string | undefined => (conceptById(id) ? `${id}.md` : undefined);

export class ConceptPages implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const field = /^\/field\/(TD|SVC)\/(.+)\.md$/.exec(uri.path);
    if (field) {
      const f = fieldOfPattern(field[1] === 'TD' ? 'task-definition' : 'service', field[2]);
      return f ? fieldPage(f, (id) => `../../${id}.md`) : `# Unknown field\n\n\`${field[2]}\` is not a member ECS Lens knows.\n`;
    }
    const id = uri.path.replace(/^\/|\.md$/g, '');
    const c = conceptById(id);
    return c ? conceptPage(c, relativeLink) : `# Unknown concept\n\nThere is no concept \`${id}\`.\n`;
  }
}

/** Opens a page in the Markdown preview (the source is read-only anyway). */
export async function openPage(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** The page for the key or value at the cursor: a value's own concept, else the member's page. */
export function pageAtCursor(analyses: DocumentAnalyses, editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
  if (!editor || (editor.document.languageId !== 'json' && editor.document.languageId !== 'jsonc')) return undefined;
  const analysis = analyses.get(editor.document);
  const doc = analysis.doc;
  if (!doc.isEcs) return undefined;
  const loc = doc.locationAt(editor.document.offsetAt(editor.selection.active));
  const target = doc.targetAt(loc.path);
  if (!target || loc.on === 'gap') return undefined;
  const rel = loc.path.slice(target.at.length);
  if (rel.length === 0) return undefined;
  if (loc.on === 'value' && (typeof loc.value === 'string' || typeof loc.value === 'number')) {
    const valueConcept = conceptsAt(target.kind, rel, loc.value)[0];
    if (valueConcept) return conceptUri(valueConcept.id);
  }
  let pattern = pathPattern(rel);
  while (pattern.endsWith('[]')) pattern = pattern.slice(0, -2);
  return fieldOfPattern(target.kind, pattern) ? fieldUri(target.kind, pattern) : undefined;
}

/** Reveals the first key of the concept in the active (or last active) ECS editor. */
export async function showConceptInFile(analyses: DocumentAnalyses, id: string, editor: vscode.TextEditor | undefined): Promise<boolean> {
  const c = conceptById(id);
  if (!c || !editor || !isJson(editor.document)) return false;
  const doc = analyses.get(editor.document).doc;
  const path = findConceptInDocument(doc, c);
  if (!path) return false;
  const range = toRange(doc.json.rangeOf(path, 'key'));
  const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  shown.selection = new vscode.Selection(range.start, range.end);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
