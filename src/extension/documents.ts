/**
 * The analysis of each open document, one per document version: the parse and classification (an `EcsDocument`)
 * that lint, hover, completion and code actions all share. Diagnostics are not computed here: `diagnostics()`
 * asks the language service, which memoizes them on the document, so a hover or completion request right after a
 * keystroke never runs the linter.
 */
import type * as vscode from 'vscode';
import { EcsDocument } from '../core/document/document';
import type { EcsLanguageService } from '../core/language-service';
import type { Diagnostic } from '../core/types';
import { kindFor, type Settings, type SettingsCache } from './config';

export const JSON_SELECTOR: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export interface Analysis {
  version: number;
  doc: EcsDocument;
  settings: Settings;
  /** Why the document is not validated, if it is not ('too-large' only for files that look like ECS). */
  skipped?: 'disabled' | 'too-large';
}

/** Documents people edit, and read-only ECS documents ECS Lens opens itself (revisions from AWS). */
const VALIDATED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'ecs-lens']);

export function isJson(document: vscode.TextDocument): boolean {
  return (document.languageId === 'json' || document.languageId === 'jsonc') && VALIDATED_SCHEMES.has(document.uri.scheme);
}

const EMPTY = new EcsDocument('', 'none');

export class DocumentAnalyses {
  private readonly cache = new Map<string, Analysis>();

  constructor(
    private readonly settings: SettingsCache,
    readonly service: EcsLanguageService,
  ) {}

  /** The analysis of the document's current version: parsed on first use, never linted here. */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    const settings = this.settings.for(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const analysis = this.compute(document, settings);
    this.cache.set(key, analysis);
    return analysis;
  }

  /** The diagnostics of the document's current version (computed once per version and settings). */
  diagnostics(document: vscode.TextDocument): Diagnostic[] {
    const a = this.get(document);
    return a.skipped ? [] : this.service.validate(a.doc, a.settings);
  }

  /** Whether the diagnostics last computed for this document would come back unchanged (its task definitions did not change). */
  isCurrent(document: vscode.TextDocument): boolean {
    const a = this.cache.get(document.uri.toString());
    return a === undefined || a.version !== document.version || a.skipped !== undefined || this.service.isValidationCurrent(a.doc, a.settings);
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

  private compute(document: vscode.TextDocument, settings: Settings): Analysis {
    const version = document.version;
    const text = document.getText();
    if (text.length > settings.maxFileSizeKB * 1024) {
      // Not parsed at all; say so only where the user may expect ECS Lens (not on a large package-lock.json).
      const looksEcs = /"(containerDefinitions|serviceName|taskDefinition)"/.test(text.slice(0, 65536));
      return { version, settings, doc: EMPTY, ...(looksEcs ? { skipped: 'too-large' as const } : {}) };
    }
    const doc = this.service.parse(text, kindFor(document, settings));
    return { version, settings, doc, ...(settings.enable ? {} : { skipped: 'disabled' as const }) };
  }
}
