/**
 * lint: a document in, diagnostics out. JSON syntax, duplicate keys, describe-output leftovers, schema validation
 * and the rule table; severities are mapped in one place at the end. The result is memoized on the document for
 * the settings and the task definitions it was computed with, so a document version is linted at most once.
 */
import { BUILT_IN_CODES, severityOf } from './codes';
import { analyze, type EcsDocument } from './document/document';
import { DeferredRanges } from './document/parse';
import { SERVICE_READ_ONLY, TASK_READ_ONLY } from './facts/members';
import { validateService, validateTaskDefinition } from './generated/validators';
import { releaseTaskMemos } from './rules/helpers';
import { rulesFor } from './rules/index';
import type { RuleContext } from './rules/types';
import { schemaDiagnostics } from './schema/diagnostics';
import { schemaFor } from './schema/info';
import type { Diagnostic, EcsTarget, JsonPath, LintOptions, WorkspaceIndex } from './types';

interface Memo {
  rulesKey: string;
  /** Every task-definition lookup the rules made, with what it returned: still valid while each returns the same. */
  lookups: Map<string, Record<string, unknown> | undefined>;
  diagnostics: Diagnostic[];
}

/** The memo lint keeps on a document version (in the document itself: see EcsDocument.lintMemo). */
function memoOf(doc: EcsDocument): Memo | undefined {
  return doc.lintMemo as Memo | undefined;
}

/**
 * The diagnostics of a text or analysed document. For an `EcsDocument`, the result is computed once and returned
 * again (the same array: do not change it) while the severity settings are the same and every task definition the
 * checks looked up in `options.workspace` is still the same object.
 */
export function lint(input: string | EcsDocument, options: LintOptions = {}): Diagnostic[] {
  const doc = typeof input === 'string' ? analyze(input, options) : input;
  if (!doc.isEcs) return [];
  const rulesKey = keyOf(options.rules);
  const memo = memoOf(doc);
  if (memo && memo.rulesKey === rulesKey && stillValid(memo, options.workspace)) return memo.diagnostics;
  const lookups = new Map<string, Record<string, unknown> | undefined>();
  const workspace: WorkspaceIndex = {
    findTaskDefinition(reference) {
      const found = options.workspace?.findTaskDefinition(reference);
      lookups.set(reference, found);
      return found;
    },
  };
  const diagnostics = applySeverities(computeSafely(doc, workspace), options.rules).sort(byPosition);
  doc.lintMemo = { rulesKey, lookups, diagnostics } satisfies Memo;
  return diagnostics;
}

/**
 * Whether diagnostics memoized for `doc` would still be returned as they are: false when the task definitions a
 * service was checked against changed (the editor re-publishes only those services).
 */
export function isLintCurrent(doc: EcsDocument, options: LintOptions = {}): boolean {
  const memo = memoOf(doc);
  return memo !== undefined && memo.rulesKey === keyOf(options.rules) && stillValid(memo, options.workspace);
}

function stillValid(memo: Memo, workspace: WorkspaceIndex | undefined): boolean {
  for (const [reference, found] of memo.lookups) {
    if (workspace?.findTaskDefinition(reference) !== found) return false;
  }
  return true;
}

const keys = new WeakMap<object, string>();

function keyOf(levels: LintOptions['rules']): string {
  if (!levels) return '';
  if (Object.keys(levels).length === 0) return '';
  let key = keys.get(levels);
  if (key === undefined) {
    key = JSON.stringify(Object.entries(levels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    keys.set(levels, key);
  }
  return key;
}

/** lint never throws for any input: a value nested too deep for a recursive step is reported as such. */
function computeSafely(doc: EcsDocument, workspace: WorkspaceIndex): Diagnostic[] {
  try {
    return compute(doc, workspace);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const code = BUILT_IN_CODES['json.too-deep'];
    return [{ range: doc.json.rangeAt(0, Math.min(1, doc.text.length)), severity: code.severity, code: code.id, message: 'The document nests too deeply to be checked: far deeper than any ECS task definition or service. Check how it was generated.', source: 'ecs-lens' }];
  } finally {
    releaseTaskMemos();
  }
}

function compute(doc: EcsDocument, workspace: WorkspaceIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const json = doc.json;
  // Problems are collected first and placed in the text together, in one pass.
  const ranges = new DeferredRanges<Diagnostic>();
  const deferred = (path: JsonPath, target: 'key' | 'value', code: string, severity: Diagnostic['severity'], message: string, data?: Diagnostic['data']): void => {
    out.push(ranges.add({ severity, code, message, source: 'ecs-lens', data: { ...data, path } }, path, target));
  };

  for (const e of json.syntaxErrors) {
    out.push({ range: json.rangeAt(e.offset, Math.max(e.length, 1)), severity: severityOf(e.code), code: e.code, message: e.message, source: 'ecs-lens', ...(e.code === 'json.encoding' ? { data: { path: [] } } : {}) });
  }
  // A document cut short (or too deep to read) says nothing reliable about its members: report only that.
  if (json.truncated) return out;
  for (const d of json.duplicateKeys) {
    out.push({
      range: json.rangeAt(d.offset, d.length),
      severity: severityOf('json.duplicate-key'),
      code: 'json.duplicate-key',
      message: `"${d.key}" appears more than once in this object. The AWS CLI keeps only the last value and silently drops the others.`,
      source: 'ecs-lens',
      data: { path: d.path },
    });
  }

  const wrapper = BUILT_IN_CODES['describe.wrapper'];
  if (doc.kind === 'task-definition-describe') {
    deferred(['taskDefinition'], 'key', wrapper.id, wrapper.severity, 'This is describe-task-definition output. register-task-definition expects the object inside "taskDefinition"; as it is, the AWS CLI stops with: Unknown parameter in input: "taskDefinition". Unwrap it before registering.');
  } else if (doc.kind === 'services-describe') {
    const key = Array.isArray((json.value as Record<string, unknown>).services) ? 'services' : 'service';
    deferred([key], 'key', wrapper.id, wrapper.severity, `This is ${key === 'services' ? 'describe-services' : 'create-service or update-service'} output, not create-service input; take the service object out of "${key}" and drop the read-only members before using it as input.`);
  }

  for (const target of doc.targets) {
    readOnlyDiagnostics(target, deferred);
    out.push(
      ...schemaDiagnostics({
        validate: target.kind === 'task-definition' ? validateTaskDefinition : validateService,
        schema: schemaFor(target.kind),
        value: target.value,
        at: target.at,
        skipRequired: json.syntaxErrors.length > 0,
      }, ranges),
    );
    // One context per checked object; `report` files problems under the rule that is running.
    const active = rulesFor(target.kind);
    if (active.length === 0) continue;
    let current = active[0];
    const ctx: RuleContext = {
      doc,
      target,
      workspace,
      report: (p) => deferred([...target.at, ...p.path], p.target ?? 'value', current.id, current.severity, p.message, p.data),
    };
    for (let i = 0; i < active.length; i++) {
      current = active[i];
      current.check(ctx);
    }
  }
  ranges.resolve(json);
  return out;
}

function readOnlyDiagnostics(target: EcsTarget, deferred: (path: JsonPath, target: 'key' | 'value', code: string, severity: Diagnostic['severity'], message: string) => void): void {
  const readOnly = target.kind === 'task-definition' ? TASK_READ_ONLY : SERVICE_READ_ONLY;
  const command = target.kind === 'task-definition' ? 'register-task-definition' : 'create-service and update-service';
  const code = BUILT_IN_CODES['describe.read-only'];
  for (const key of Object.keys(target.value)) {
    if (!readOnly.has(key)) continue;
    const message = `"${key}" is a read-only field of describe output; ${command} reject${target.kind === 'service' ? '' : 's'} it (the AWS CLI stops with: Unknown parameter in input: "${key}"). Remove it before sending this file to AWS.`;
    deferred([...target.at, key], 'key', code.id, code.severity, message);
  }
}

function applySeverities(diags: Diagnostic[], levels: LintOptions['rules']): Diagnostic[] {
  if (!levels) return diags;
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const level = levels[d.code];
    if (level === 'off') continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
