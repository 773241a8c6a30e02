/**
 * Shared data types of the engine: plain data, LSP-shaped, no VS Code types. The bottom floor of src/core: this
 * module imports nothing, and every other module may import it.
 */

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

/** The kinds a user can force (settings, `--kind`), in the order help texts list them. */
export const KIND_OPTIONS: readonly KindOption[] = ['auto', 'task-definition', 'service', 'none'];

export type RuleLevel = Severity | 'off';

/** The levels a user can give a diagnostic code (settings, `--rule id=level`). */
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** One ECS object inside a document: the whole document, or one entry of describe output. */
export interface EcsTarget {
  kind: 'task-definition' | 'service';
  value: Record<string, unknown>;
  /** Where the object sits in the document. */
  at: JsonPath;
}

/** Task definitions the workspace (or the CLI's file list) knows, for checks across files. */
export interface WorkspaceIndex {
  /**
   * Finds a task definition by the reference a service uses: `family`, `family:revision` or an ARN. The same
   * object comes back for as long as that task definition is unchanged, so callers can tell when it changed.
   */
  findTaskDefinition(reference: string): Record<string, unknown> | undefined;
}

/** Where an offset falls in a JSON document: the path of the member or item, and whether on its key or value. */
export interface JsonLocation {
  /** The path of the property or item at the offset (for a key: the property the key names). */
  path: JsonPath;
  /** On the key of a property, on a value, or between members of an object or items of a list. */
  on: 'key' | 'value' | 'gap';
  /** The key or value text's range, as offsets: [start, end). Absent for a gap. */
  span?: { offset: number; length: number };
  /** The value there, when `on` is 'value' (and for a key: the property's value). */
  value?: unknown;
}

export interface LintOptions {
  /** Force a kind instead of classifying by content ('none' disables ECS diagnostics). */
  kind?: KindOption;
  /** Severity overrides by diagnostic code or rule id. */
  rules?: Record<string, RuleLevel>;
  /** Other ECS files, for checks across files (a service and the task definition it names). */
  workspace?: WorkspaceIndex;
}
