/**
 * lint: text in, diagnostics out. Parse once, classify, then JSON syntax, duplicate keys, describe-output
 * leftovers, schema validation and the rule table; severities are mapped in one place at the end.
 */
import { EcsDocument, type EcsTarget } from './document';
import { DeferredRanges } from './parse';
import { validateService, validateTaskDefinition } from './generated/validators';
import { rules } from './rules/index';
import type { RuleContext } from './rules/types';
import { schemaDiagnostics } from './schema-diagnostics';
import { serviceReadOnly, serviceSchema, taskDefinitionSchema, taskReadOnly } from './schema-info';
import type { Diagnostic, JsonPath, LintOptions, Severity } from './types';

export function analyze(text: string, options: Pick<LintOptions, 'kind'> = {}): EcsDocument {
  return new EcsDocument(text, options.kind ?? 'auto');
}

export function lint(input: string | EcsDocument, options: LintOptions = {}): Diagnostic[] {
  const doc = typeof input === 'string' ? analyze(input, options) : input;
  if (!doc.isEcs) return [];
  const out: Diagnostic[] = [];
  const json = doc.json;
  // Problems are collected first and placed in the text together, in one pass.
  const ranges = new DeferredRanges<Diagnostic>();
  const diag = (range: Diagnostic['range'], severity: Severity, code: string, message: string, data?: Diagnostic['data']): void => {
    out.push({ range, severity, code, message, source: 'ecs-lens', ...(data ? { data } : {}) });
  };
  const deferred = (path: JsonPath, target: 'key' | 'value', severity: Severity, code: string, message: string, data?: Diagnostic['data']): void => {
    out.push(ranges.add({ severity, code, message, source: 'ecs-lens', data: { ...data, path } }, path, target));
  };

  for (const e of json.syntaxErrors) diag(json.rangeAt(e.offset, Math.max(e.length, 1)), 'error', 'json.syntax', e.message);
  for (const d of json.duplicateKeys) {
    diag(json.rangeAt(d.offset, d.length), 'warning', 'json.duplicate-key', `"${d.key}" appears more than once in this object. The AWS CLI keeps only the last value and silently drops the others.`, { path: d.path });
  }

  if (doc.kind === 'task-definition-describe') {
    deferred(['taskDefinition'], 'key', 'warning', 'describe.wrapper', 'This is describe-task-definition output. register-task-definition expects the object inside "taskDefinition"; as it is, the AWS CLI stops with: Unknown parameter in input: "taskDefinition". Unwrap it before registering.');
  } else if (doc.kind === 'services-describe') {
    const key = Array.isArray((json.value as Record<string, unknown>).services) ? 'services' : 'service';
    deferred([key], 'key', 'warning', 'describe.wrapper', `This is ${key === 'services' ? 'describe-services' : 'create-service or update-service'} output, not create-service input; take the service object out of "${key}" and drop the read-only members before using it as input.`);
  }

  for (const target of doc.targets) {
    readOnlyDiagnostics(target, ranges, out);
    out.push(
      ...schemaDiagnostics({
        validate: target.kind === 'task-definition' ? validateTaskDefinition : validateService,
        schema: target.kind === 'task-definition' ? taskDefinitionSchema : serviceSchema,
        value: target.value,
        at: target.at,
        skipRequired: json.syntaxErrors.length > 0,
      }, ranges),
    );
    // One context per checked object; `report` files problems under the rule that is running.
    let current = rules[0];
    const ctx: RuleContext = {
      doc,
      target,
      workspace: options.workspace,
      report: (p) => deferred([...target.at, ...p.path], p.target ?? 'value', current.severity, current.id, p.message, p.data),
    };
    for (const rule of rules) {
      if (rule.appliesTo !== target.kind) continue;
      current = rule;
      rule.check(ctx);
    }
  }
  ranges.resolve(json);
  return applySeverities(out, options.rules).sort(byPosition);
}

function readOnlyDiagnostics(target: EcsTarget, ranges: DeferredRanges<Diagnostic>, out: Diagnostic[]): void {
  const readOnly = target.kind === 'task-definition' ? taskReadOnly : serviceReadOnly;
  const command = target.kind === 'task-definition' ? 'register-task-definition' : 'create-service and update-service';
  for (const key of Object.keys(target.value)) {
    if (!readOnly.has(key)) continue;
    const path = [...target.at, key];
    const message = `"${key}" is a read-only field of describe output; ${command} reject${target.kind === 'service' ? '' : 's'} it (the AWS CLI stops with: Unknown parameter in input: "${key}"). Remove it before sending this file to AWS.`;
    out.push(ranges.add({ severity: 'warning', code: 'describe.read-only', message, source: 'ecs-lens', data: { path } }, path, 'key'));
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
