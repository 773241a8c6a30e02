/**
 * Code actions: for each diagnostic with a remedy, the edits that apply it. Schema-level fixes live here; rule
 * fixes live in the rule rows. `fixAll` applies every certain fix, re-linting between passes.
 */
import { analyze, type EcsDocument } from '../document/document';
import { valueAt } from '../document/paths';
import { DEFAULT_SPELLED_OUT } from '../facts/defaults';
import { lint } from '../lint';
import { requestInput } from '../normalize/normalize';
import { rulesById } from '../rules/index';
import type { FixProposal, JsonChange } from '../rules/types';
import type { Diagnostic, JsonPath, LintOptions } from '../types';
import { changesToText, minimalEdit, type TextEdit } from './edits';

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
    const key = String(path[path.length - 1]);
    const remove: FixProposal = { title: `Remove the unknown key "${key}"`, changes: [{ path, remove: true }], certain: false };
    const suggestion = d.data?.suggestion;
    if (typeof suggestion !== 'string') return [remove];
    const parent = valueAt(doc.json.value, path.slice(0, -1));
    const taken = parent !== null && typeof parent === 'object' && suggestion in parent;
    // When the suggested key is already there, this one is most likely a leftover: offer to drop it.
    if (taken) return [remove];
    return [{ title: `Rename "${key}" to "${suggestion}"`, changes: [{ path, rename: suggestion }], certain: true }];
  },
  'schema.type': (doc, d, path) => {
    const value = valueAt(doc.json.value, path);
    const expected = d.data?.expected;
    if ((expected === 'integer' || expected === 'number') && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
      const n = Number(value);
      if (expected === 'integer' && !Number.isInteger(n)) return undefined;
      return [{ title: `Convert "${value}" to the number ${n}`, changes: [{ path, value: n }], certain: true }];
    }
    if (expected === 'boolean' && typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value)) {
      const b = value.trim().toLowerCase() === 'true';
      return [{ title: `Convert "${value}" to the boolean ${b}`, changes: [{ path, value: b }], certain: true }];
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
  'schema.enum': (doc, d, path) => {
    const omit = defaultSpelledOut(doc, path);
    if (omit) return [omit];
    const suggestion = d.data?.suggestion;
    return typeof suggestion === 'string' ? [{ title: `Change to "${suggestion}"`, changes: [{ path, value: suggestion }], certain: true }] : undefined;
  },
  'json.encoding': (doc) => {
    if (doc.text.charCodeAt(0) !== 0xfeff) return undefined;
    return [{ title: 'Remove the byte order mark (save as UTF-8 without BOM)', changes: [{ path: [], text: { offset: 0, length: 1, content: '' } }], certain: true }];
  },
  'describe.read-only': (_doc, _d, path) => [{ title: `Remove read-only "${String(path[path.length - 1])}"`, changes: [{ path, remove: true }], certain: true }],
  'describe.wrapper': (doc) => {
    const kind = doc.kind === 'task-definition-describe' ? 'task-definition' : doc.kind === 'services-describe' ? 'service' : undefined;
    const unwrapped = kind && requestInput(kind, doc.json.value).input;
    return unwrapped === undefined ? undefined : [{ title: 'Unwrap describe output and drop read-only fields', changes: [{ path: [], value: unwrapped }], certain: true }];
  },
};

/**
 * A top-level member that spells out its default with a word the API does not take ("networkMode": "default"):
 * removing the key is what that word means, so the fix is certain.
 */
function defaultSpelledOut(doc: EcsDocument, path: JsonPath): FixProposal | undefined {
  const target = doc.targetAt(path);
  if (!target || path.length !== target.at.length + 1) return undefined;
  const shape = target.kind === 'task-definition' ? 'RegisterTaskDefinitionRequest' : 'CreateServiceRequest';
  const key = String(path[path.length - 1]);
  const word = DEFAULT_SPELLED_OUT[`${shape}.${key}`];
  if (word === undefined || valueAt(doc.json.value, path) !== word) return undefined;
  return { title: `Remove "${key}" ("${word}" means leaving it out)`, changes: [{ path, remove: true }], certain: true };
}

export function proposalsFor(doc: EcsDocument, d: Diagnostic): FixProposal[] {
  const path = d.data?.path;
  if (!Array.isArray(path)) return [];
  try {
    const builtIn = builtInFixes[d.code];
    if (builtIn) return builtIn(doc, d, path) ?? [];
    const rule = rulesById.get(d.code);
    return rule?.fix?.({ doc, diagnostic: d }) ?? [];
  } catch (err) {
    // A value nested too deep to print or edit gets no fix; anything else is a bug and surfaces.
    if (err instanceof RangeError) return [];
    throw err;
  }
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
  /** The analysed document of `text` (the input document itself when nothing was applied). */
  doc: EcsDocument;
}

/**
 * Applies every certain fix. One fix per pass, re-linting in between, so fixes never work on stale offsets;
 * a result that does not parse as JSON is never returned.
 */
export function fixAll(input: string | EcsDocument, options: LintOptions = {}, maxFixes = 200): FixAllResult {
  let doc = typeof input === 'string' ? analyze(input, options) : input;
  let current = doc.text;
  let applied = 0;
  const tried = new Set<string>();
  while (applied < maxFixes) {
    // Only a byte order mark may be fixed in a document that does not parse cleanly.
    if (doc.json.syntaxErrors.some((e) => e.code !== 'json.encoding')) break;
    let next: EcsDocument | undefined;
    for (const d of lint(doc, options)) {
      const certain = proposalsFor(doc, d).find((p) => p.certain);
      if (!certain) continue;
      const candidate = tryApply(doc, certain.changes);
      if (candidate === undefined) continue;
      const key = `${d.code}@${JSON.stringify(d.data?.path)}:${candidate.length}`;
      if (candidate === current || tried.has(key)) continue;
      tried.add(key);
      const after = analyze(candidate, options);
      if (after.json.syntaxErrors.some((e) => e.code === 'json.syntax')) continue;
      next = after;
      break;
    }
    if (next === undefined) break;
    doc = next;
    current = next.text;
    applied++;
  }
  return { text: current, applied, doc };
}
