/**
 * The ECS Lens library: a synchronous, pure façade over the engine, shared by the VS Code extension and the CLI.
 *
 * ```ts
 * import { lint } from 'ecs-lens';
 * const problems = lint(fs.readFileSync('taskdef.json', 'utf8'));
 * ```
 */
export { lint } from './core/lint';
export { hover, type Hover, type HoverOptions } from './core/language/hover';
export { complete, CompletionItemKind, type CompletionItem, type CompletionList, type CompletionOptions } from './core/language/completion';
export { concepts, conceptById, THEMES, type Concept } from './core/knowledge/index';
export { analyze, EcsDocument, kindLabel } from './core/document/document';
export { createEcsLanguageService, type EcsLanguageService, type EcsLanguageServiceParams, type LanguageSettings } from './core/language-service';
export { diagnosticCodes, rules, rulesById } from './core/rules/index';
export type { CodeInfo } from './core/codes';
export { fixAll, getCodeActions, type CodeAction, type FixAllResult } from './core/fixes/index';
export { createWorkspaceIndex, TaskDefinitionIndex, type TaskDefinitionEntry, type WorkspaceDocument } from './core/workspace';
export type { TextEdit } from './core/fixes/edits';
export type { Rule, FixProposal, JsonChange } from './core/rules/types';
export type { Diagnostic, DiagnosticData, DocumentKind, JsonLocation, JsonPath, KindOption, LintOptions, Position, Range, RuleLevel, Severity, WorkspaceIndex } from './core/types';
