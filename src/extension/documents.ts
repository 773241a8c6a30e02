/**
 * The analysis of each open document, one per document version: lint, hover, completion and code actions all
 * reuse it. Only JSON and JSONC documents are considered.
 */
import * as vscode from 'vscode';
import { EcsDocument } from '../core/document';
import { lint } from '../core/lint';
import type { Diagnostic } from '../core/types';
import type { WorkspaceIndex } from '../core/rules/types';
import { kindFor, type Settings } from './config';

export const JSON_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export interface Analysis {
  version: number;
  doc: EcsDocument;
  diagnostics: Diagnostic[];
  /** Why the document was not validated, if it was not ('too-large' only for files that look like ECS). */
  skipped?: 'disabled' | 'too-large';
}

/** Documents people edit. Others (git diffs, output channels, settings UIs) are not validated. */
const EDITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export function isJson(document: vscode.TextDocument): boolean {
  return (document.languageId === 'json' || document.languageId === 'jsonc') && EDITABLE_SCHEMES.has(document.uri.scheme);
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, Analysis>();

  constructor(
    private readonly settings: () => Settings,
    private readonly workspace: () => WorkspaceIndex | undefined = () => undefined,
  ) {}

  /** The analysis of the document's current version, computed on first use. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const analysis = this.compute(document);
    this.cache.set(key, analysis);
    return analysis;
  }

  peek(uri: vscode.Uri): Analysis | undefined {
    return this.cache.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }

  /** Forgets the analyses of services (their task definitions changed). */
  forgetServices(): vscode.Uri[] {
    const uris: vscode.Uri[] = [];
    for (const [key, a] of this.cache) {
      if (a.doc.kind === 'service' || a.doc.kind === 'services-describe') {
        this.cache.delete(key);
        uris.push(vscode.Uri.parse(key));
      }
    }
    return uris;
  }

  private compute(document: vscode.TextDocument): Analysis {
    const settings = this.settings();
    const version = document.version;
    const text = document.getText();
    if (text.length > settings.maxFileSizeKB * 1024) {
      // Not parsed at all; say so only where the user may expect ECS Lens (not on a large package-lock.json).
      const looksEcs = /"(containerDefinitions|serviceName|taskDefinition)"/.test(text.slice(0, 65536));
      return { version, doc: new EcsDocument('', 'none'), diagnostics: [], ...(looksEcs ? { skipped: 'too-large' as const } : {}) };
    }
    const doc = new EcsDocument(text, kindFor(document, settings));
    if (!settings.enable) return { version, doc, diagnostics: [], skipped: 'disabled' };
    const workspace = doc.kind === 'service' || doc.kind === 'services-describe' ? this.workspace() : undefined;
    return { version, doc, diagnostics: lint(doc, { rules: settings.rules, workspace }) };
  }
}
