/** Shared data types of the engine. Plain data, LSP-shaped, no VS Code types. */
import type { WorkspaceIndex } from './rules/types';

/** A zero-based line and UTF-16 character offset, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found in a document. `code` is a stable id that settings, fixes and docs refer to. */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: 'ecs-lens';
  /** What a quick fix needs (paths, replacement values); never shown to the user. */
  data?: DiagnosticData;
}

export interface DiagnosticData {
  /** The JSON path of the offending key or value. */
  path?: JsonPath;
  /** A suggested replacement key ("did you mean"). */
  suggestion?: string;
  [key: string]: unknown;
}

export type JsonPath = Array<string | number>;

/** What a JSON document is, decided from its content (or forced by settings). */
export type DocumentKind =
  | 'task-definition'
  | 'service'
  | 'task-definition-describe'
  | 'services-describe'
  | 'none';

export type KindOption = 'auto' | Exclude<DocumentKind, 'none'> | 'none';

export type RuleLevel = Severity | 'off';

export interface LintOptions {
  /** Force a kind instead of classifying by content ('none' disables ECS diagnostics). */
  kind?: KindOption;
  /** Severity overrides by diagnostic code or rule id. */
  rules?: Record<string, RuleLevel>;
  /** Other ECS files, for checks across files (a service and the task definition it names). */
  workspace?: WorkspaceIndex;
}
