/**
 * Code actions: for each diagnostic with a remedy, the edits that apply it. Schema-level fixes live here; rule
 * fixes live in the rule rows. `fixAll` applies every certain fix, re-linting between passes.
 */
import type { EcsDocument } from './document';
import { changesToText, minimalEdit, type TextEdit } from './edits';
import { analyze, lint } from './lint';
import { valueAt } from './paths';
import { rulesById } from './rules/index';
import type { FixProposal, JsonChange } from './rules/types';
import { serviceReadOnly, taskReadOnly } from './schema-info';
import type { Diagnostic, JsonPath, LintOptions } from './types';

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  diagnostic: Diagnostic;
  edits: TextEdit[];
  /** A certain fix: the one to prefer, and the ones "fix all" applies. */
  isPreferred: boolean;
}

/** Schema and document-level fixes, keyed by diagnostic code. */
const builtInFixes: Record<string, (doc: EcsDocument, d: Diagnostic, path: JsonPath) => FixProposal[] | undefined> = {
  'schema.unknown-key': (doc, d, path) => {
    const suggestion = d.data?.suggestion;
    if (typeof suggestion !== 'string') return undefined;
    const parent = valueAt(doc.json.value, path.slice(0, -1));
    const taken = parent !== null && typeof parent === 'object' && suggestion in parent;
    if (taken) return undefined;
    return [{ title: `Rename "${String(path[path.length - 1])}" to "${suggestion}"`, changes: [{ path, rename: suggestion }], certain: true }];
  },
  'schema.type': (doc, d, path) => {
    const value = valueAt(doc.json.value, path);
    const expected = d.data?.expected;
    if ((expected === 'integer' || expected === 'number') && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
      const n = Number(value);
      if (expected === 'integer' && !Number.isInteger(n)) return undefined;
      return [{ title: `Convert "${value}" to the number ${n}`, changes: [{ path, value: n }], certain: true }];
    }
    if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      return [{ title: `Convert ${value} to the string "${value}"`, changes: [{ path, value: String(value) }], certain: true }];
    }
    if (expected === 'array' && value !== undefined && !Array.isArray(value) && typeof value !== 'object') {
      return [{ title: `Wrap ${JSON.stringify(value)} in a list`, changes: [{ path, value: [value] }], certain: false }];
    }
    return undefined;
  },
  'schema.null': (_doc, _d, path) => [{ title: `Remove "${String(path[path.length - 1])}" (null)`, changes: [{ path, remove: true }], certain: true }],
  'schema.empty-enum': (_doc, _d, path) => [{ title: `Remove the empty "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: true }],
  'schema.enum': (_doc, d, path) => {
    const suggestion = d.data?.suggestion;
    return typeof suggestion === 'string' ? [{ title: `Change to "${suggestion}"`, changes: [{ path, value: suggestion }], certain: true }] : undefined;
  },
  'describe.read-only': (_doc, _d, path) => [{ title: `Remove read-only "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: true }],
  'describe.wrapper': (doc) => {
    const unwrapped = unwrapDescribeOutput(doc);
    return unwrapped === undefined ? undefined : [{ title: 'Unwrap describe output and drop read-only fields', changes: [{ path: [], value: unwrapped }], certain: true }];
  },
};

/** The register/create input hidden in describe output: inner object, tags moved in, read-only fields dropped. */
export function unwrapDescribeOutput(doc: EcsDocument): Record<string, unknown> | undefined {
  const root = doc.json.value as Record<string, unknown>;
  if (doc.kind === 'task-definition-describe') {
    const inner = { ...(root.taskDefinition as Record<string, unknown>) };
    for (const k of taskReadOnly) delete inner[k];
    if (Array.isArray(root.tags) && root.tags.length > 0 && inner.tags === undefined) inner.tags = root.tags;
    return inner;
  }
  if (doc.kind === 'services-describe') {
    const service = Array.isArray(root.services) ? root.services[0] : root.service;
    if (!service || typeof service !== 'object') return undefined;
    const inner = { ...(service as Record<string, unknown>) };
    for (const k of serviceReadOnly) delete inner[k];
    return inner;
  }
  return undefined;
}

export function proposalsFor(doc: EcsDocument, d: Diagnostic): FixProposal[] {
  const path = d.data?.path;
  if (!Array.isArray(path)) return [];
  const builtIn = builtInFixes[d.code];
  if (builtIn) return builtIn(doc, d, path) ?? [];
  const rule = rulesById.get(d.code);
  return rule?.fix?.({ doc, diagnostic: d }) ?? [];
}

/** Applies JSON changes to the document text and returns the new text. */
export function applyChanges(doc: EcsDocument, changes: JsonChange[]): string {
  return changesToText(doc.json, changes);
}

/** The text after a proposal, or undefined when its changes do not fit the document (a fix never throws). */
function tryApply(doc: EcsDocument, changes: JsonChange[]): string | undefined {
  try {
    return applyChanges(doc, changes);
  } catch {
    return undefined;
  }
}

export function getCodeActions(input: string | EcsDocument, diagnostics: Diagnostic[], options: LintOptions = {}): CodeAction[] {
  const doc = typeof input === 'string' ? analyze(input, options) : input;
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    for (const p of proposalsFor(doc, d)) {
      const after = tryApply(doc, p.changes);
      const edit = after === undefined ? undefined : minimalEdit(doc.json, after);
      if (edit) actions.push({ title: p.title, kind: 'quickfix', diagnostic: d, edits: [edit], isPreferred: p.certain });
    }
  }
  return actions;
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
}

/**
 * Applies every certain fix. One fix per pass, re-linting in between, so fixes never work on stale offsets;
 * a result that does not parse as JSON is never returned.
 */
export function fixAll(text: string, options: LintOptions = {}, maxFixes = 200): FixAllResult {
  let current = text;
  let applied = 0;
  const tried = new Set<string>();
  while (applied < maxFixes) {
    const doc = analyze(current, options);
    if (doc.json.syntaxErrors.length > 0) break;
    let next: string | undefined;
    for (const d of lint(doc, options)) {
      const certain = proposalsFor(doc, d).find((p) => p.certain);
      if (!certain) continue;
      const candidate = tryApply(doc, certain.changes);
      if (candidate === undefined) continue;
      const key = `${d.code}@${JSON.stringify(d.data?.path)}:${candidate.length}`;
      if (candidate === current || tried.has(key)) continue;
      tried.add(key);
      if (analyze(candidate, options).json.syntaxErrors.length > 0) continue;
      next = candidate;
      break;
    }
    if (next === undefined) break;
    current = next;
    applied++;
  }
  return { text: current, applied };
}
