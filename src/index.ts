/**
 * The ECS Lens library: a synchronous, pure façade over the engine, shared by the VS Code extension and the CLI.
 *
 * ```ts
 * import { lint } from 'ecs-lens';
 * const problems = lint(fs.readFileSync('taskdef.json', 'utf8'));
 * ```
 */
export { analyze, lint } from './core/lint';
export { EcsDocument, kindLabel } from './core/document';
export { rules, rulesById } from './core/rules/index';
export { fixAll, getCodeActions, type CodeAction, type FixAllResult } from './core/fixes';
export type { TextEdit } from './core/edits';
export type { Rule, FixProposal, JsonChange, WorkspaceIndex } from './core/rules/types';
export type { Diagnostic, DiagnosticData, DocumentKind, JsonPath, KindOption, LintOptions, Position, Range, RuleLevel, Severity } from './core/types';
