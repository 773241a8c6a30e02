/** The rule table: every cross-field ECS rule, in one list, and the catalogue of every diagnostic code. */
import { BUILT_IN_CODES, type CodeInfo } from '../codes';
import { containerRules } from './container/index';
import { serviceRules } from './service/index';
import { taskRules } from './task/index';
import type { Rule, RuleScope } from './types';

export const rules: Rule[] = [...taskRules, ...containerRules, ...serviceRules];

/** Whether `rule` looks at objects of `kind`. */
export function ruleApplies(rule: Rule, kind: RuleScope): boolean {
  return typeof rule.appliesTo === 'string' ? rule.appliesTo === kind : rule.appliesTo.includes(kind);
}

const byKind = new Map<RuleScope, Rule[]>();
let tableLength = -1;

/**
 * The rules that look at objects of `kind`, in table order: computed once rather than asking every rule on every
 * lint. (Computed again when the table's length changes, so a test or benchmark that empties it is honoured.)
 */
export function rulesFor(kind: RuleScope): readonly Rule[] {
  if (tableLength !== rules.length) {
    byKind.clear();
    tableLength = rules.length;
  }
  let list = byKind.get(kind);
  if (!list) byKind.set(kind, (list = rules.filter((r) => ruleApplies(r, kind))));
  return list;
}

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

/**
 * Every diagnostic code users can see and configure: the built-in ones (JSON, schema, describe output,
 * templates), then the rules. The CLI's `rules` command, SARIF output, docs/rules.md and the editor's code links
 * all read this list.
 */
export const diagnosticCodes: readonly CodeInfo[] = [
  ...Object.values(BUILT_IN_CODES),
  ...rules.map((r): CodeInfo => ({ id: r.id, title: r.title, severity: r.severity, docs: r.docs, group: 'rule' })),
];

export const codesById: ReadonlyMap<string, CodeInfo> = new Map(diagnosticCodes.map((c) => [c.id, c]));
