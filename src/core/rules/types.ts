/** The shape of one rule row. Every cross-field ECS check is a row in the table (rules/index.ts). */
import type { EcsDocument } from '../document/document';
import type { Diagnostic, DiagnosticData, EcsTarget, JsonPath, Severity, WorkspaceIndex } from '../types';

export interface Problem {
  /** The key or value the problem is about, relative to the checked object; the range covers exactly it. */
  path: JsonPath;
  /** Whether to underline the key or the value at `path` (default: value). */
  target?: 'key' | 'value';
  /** What is wrong, why, and which AWS error or run-time failure it prevents. */
  message: string;
  /** What the rule's fix needs (kept in the diagnostic's `data`). */
  data?: DiagnosticData;
}

export interface RuleContext {
  doc: EcsDocument;
  /** The task definition or service being checked (paths in `report` are relative to it). */
  target: EcsTarget;
  /** Other ECS files, when the caller knows them (editor workspace, CLI file list). */
  workspace?: WorkspaceIndex;
  report(problem: Problem): void;
}

/**
 * One change of a fix, as JSON: set the value at a path (creating parents as needed), or remove it.
 * Paths are absolute in the document (diagnostic `data.path` already is). Applied as minimal text edits
 * (src/core/fixes/edits.ts) that keep the layout of what they replace, so the user's formatting and comments
 * stay as they are.
 */
export type JsonChange =
  | { path: JsonPath; value: unknown }
  | { path: JsonPath; remove: true }
  /** Renames the key at `path` to `newKey`, keeping its value text as written. */
  | { path: JsonPath; rename: string }
  /** Replaces characters of the text itself (for what is not JSON, such as a byte order mark). */
  | { path: JsonPath; text: { offset: number; length: number; content: string } };

export interface FixProposal {
  /** Imperative, short: 'Set "networkMode" to "awsvpc"'. */
  title: string;
  changes: JsonChange[];
  /** Safe to apply without looking (fix all applies only these). */
  certain: boolean;
}

export interface FixContext {
  doc: EcsDocument;
  diagnostic: Diagnostic;
}

/** A kind of ECS object a rule can look at. */
export type RuleScope = EcsTarget['kind'];

export interface Rule {
  /** Stable id, used as the diagnostic code and in `ecsLens.rules` settings, e.g. `fargate-cpu-memory`. */
  id: string;
  /** Default severity; settings and `--rule id=level` override it. */
  severity: Severity;
  /** Which objects the rule looks at: one kind, or several (tags mean the same on task definitions and services). */
  appliesTo: RuleScope | readonly RuleScope[];
  /** One line: what the rule checks. */
  title: string;
  /** Where to read more (AWS documentation URL). */
  docs: string;
  check(ctx: RuleContext): void;
  /** The remedy, where one is certain (or a reasonable proposal with `certain: false`). */
  fix?(ctx: FixContext): FixProposal[] | undefined;
}
