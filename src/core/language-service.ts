/**
 * One façade over the engine, in the shape of vscode-json-languageservice: create it once with what the host
 * knows (the workspace's task definitions), then hand it analysed documents. Every feature takes the same
 * `EcsDocument`, so a document version is parsed once, and `validate` is memoized on it.
 */
import { analyze, type EcsDocument } from './document/document';
import { fixAll, getCodeActions, type CodeAction, type FixAllResult } from './fixes/index';
import { complete, type CompletionList } from './language/completion';
import { hover, type Hover } from './language/hover';
import { isLintCurrent, lint } from './lint';
import type { Diagnostic, KindOption, LintOptions, RuleLevel, WorkspaceIndex } from './types';

/** What can change between calls: severities by code or rule id. */
export interface LanguageSettings {
  rules?: Record<string, RuleLevel>;
}

export interface EcsLanguageServiceParams {
  /** The task definitions other documents hold, for checks across files (read on each call). */
  workspace?: () => WorkspaceIndex | undefined;
  /** A link that opens a concept's page in the host (hovers link to it). */
  conceptLink?: (id: string) => string;
}

export interface EcsLanguageService {
  /** The analysed document of a text (a recent identical text reuses its parse). */
  parse(text: string, kind?: KindOption): EcsDocument;
  /** Diagnostics, computed once per document and settings (and again only when a task definition it uses changed). */
  validate(doc: EcsDocument, settings?: LanguageSettings): Diagnostic[];
  /** Whether `validate` would return what it returned last time without computing anything. */
  isValidationCurrent(doc: EcsDocument, settings?: LanguageSettings): boolean;
  /** Quick fixes for some of the document's diagnostics. */
  codeActions(doc: EcsDocument, diagnostics: Diagnostic[], settings?: LanguageSettings): CodeAction[];
  /** Every certain fix, applied in one go. */
  fixAll(doc: EcsDocument, settings?: LanguageSettings): FixAllResult;
  /** What the key or value at `offset` means; null where ECS Lens has nothing to say. */
  hover(doc: EcsDocument, offset: number): Hover | null;
  /** Keys, values and whole objects that fit at `offset`. */
  complete(doc: EcsDocument, offset: number): CompletionList;
}

export function createEcsLanguageService(params: EcsLanguageServiceParams = {}): EcsLanguageService {
  const options = (doc: EcsDocument, settings: LanguageSettings = {}): LintOptions => ({
    kind: doc.kindOption,
    rules: settings.rules,
    workspace: params.workspace?.(),
  });
  return {
    parse: (text, kind = 'auto') => analyze(text, { kind }),
    validate: (doc, settings) => lint(doc, options(doc, settings)),
    isValidationCurrent: (doc, settings) => isLintCurrent(doc, options(doc, settings)),
    codeActions: (doc, diagnostics, settings) => getCodeActions(doc, diagnostics, options(doc, settings)),
    fixAll: (doc, settings) => fixAll(doc, options(doc, settings)),
    hover: (doc, offset) => hover(doc, offset, { conceptLink: params.conceptLink }),
    complete: (doc, offset) => complete(doc, offset, { workspace: params.workspace?.() }),
  };
}
