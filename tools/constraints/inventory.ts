/**
 * The constraint inventory (docs/constraints/inventory.json): one hand-written row per constraint the ECS API
 * documents, saying how ECS Lens handles it. This module reads it and checks it against the SDK model and the
 * rule table; the unit test and the doc generator both use it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INVENTORY_FILE = join(__dirname, '../../docs/constraints/inventory.json');

export type HandlingKind = 'schema' | 'rule' | 'planned' | 'offline';

export interface InventoryRow {
  /** `Shape.member` as the SDK model names it, e.g. `PortMapping.containerPortRange`. */
  member: string;
  /** The constraint in our own words, one sentence. */
  constraint: string;
  /** `schema`, `rule:<id>`, `planned:<id>` or `offline: <why it needs the account or the running task>`. */
  handling: string;
  /** Where the fact comes from when it is not the member's own API documentation. */
  source?: string;
  /** For `planned:` rows: the severity the new rule should have. */
  severity?: 'error' | 'warning';
  /** For `planned:` rows: the AWS error or run-time failure the rule prevents. */
  prevents?: string;
}

export function loadInventory(file = INVENTORY_FILE): InventoryRow[] {
  return JSON.parse(readFileSync(file, 'utf8')) as InventoryRow[];
}

/** The kind of a handling value, or undefined when it has none of the four forms. */
export function handlingKind(handling: string): HandlingKind | undefined {
  if (handling === 'schema') return 'schema';
  if (/^rule:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handling)) return 'rule';
  if (/^planned:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handling)) return 'planned';
  if (/^offline: \S/.test(handling)) return 'offline';
  return undefined;
}

/** The rule id of a `rule:` or `planned:` handling. */
export function handlingId(handling: string): string | undefined {
  const m = /^(?:rule|planned):(.+)$/.exec(handling);
  return m?.[1];
}

export interface InventoryContext {
  /** Every `Shape.member` the model reaches from the request shapes. */
  members: ReadonlySet<string>;
  /** Members with at least one constraint sentence in their documentation. */
  constrained: ReadonlySet<string>;
  /** Ids of the rule table. */
  ruleIds: ReadonlySet<string>;
}

/**
 * Everything wrong with the inventory, as readable lines (empty when it is sound): members with constraint
 * sentences and no row, rows naming members the model lacks, `rule:` ids the table lacks, `planned:` ids the
 * table already has, planned rules described two ways, malformed rows.
 */
export function inventoryProblems(rows: readonly InventoryRow[], ctx: InventoryContext): string[] {
  const out: string[] = [];
  const named = new Set(rows.map((r) => r.member));
  const plannedSeen = new Map<string, InventoryRow>();
  for (const m of ctx.constrained) if (!named.has(m)) out.push(`${m}: its documentation states a constraint, and no row covers it`);
  rows.forEach((r, i) => {
    const where = `row ${i + 1} (${r.member})`;
    if (!ctx.members.has(r.member)) out.push(`${where}: the SDK model has no member ${r.member}`);
    if (typeof r.constraint !== 'string' || r.constraint.trim().length < 10) out.push(`${where}: constraint missing or too short`);
    const kind = handlingKind(r.handling);
    if (!kind) {
      out.push(`${where}: handling "${r.handling}" is not schema, rule:<id>, planned:<id> or "offline: <why>"`);
      return;
    }
    const id = handlingId(r.handling);
    if (kind === 'rule' && id && !ctx.ruleIds.has(id)) out.push(`${where}: rule "${id}" is not in the rule table`);
    if (kind === 'planned' && id && ctx.ruleIds.has(id)) out.push(`${where}: "${id}" is a rule of the table now; say rule:${id}`);
    if (kind === 'planned' && (!r.severity || !r.prevents)) out.push(`${where}: a planned rule needs severity and prevents`);
    if (kind !== 'planned' && (r.severity || r.prevents)) out.push(`${where}: severity and prevents belong to planned rows only`);
    if (kind === 'planned' && id) {
      const first = plannedSeen.get(id);
      if (!first) plannedSeen.set(id, r);
      else if (first.severity !== r.severity || first.prevents !== r.prevents) out.push(`${where}: planned rule "${id}" has another severity or prevents text than row ${rows.indexOf(first) + 1}`);
    }
    const extra = Object.keys(r).filter((k) => !['member', 'constraint', 'handling', 'source', 'severity', 'prevents'].includes(k));
    if (extra.length) out.push(`${where}: unknown fields ${extra.join(', ')}`);
  });
  return out;
}

/** Rows per handling kind, in a fixed order. */
export function countByKind(rows: readonly InventoryRow[]): Record<HandlingKind, number> {
  const out: Record<HandlingKind, number> = { schema: 0, rule: 0, planned: 0, offline: 0 };
  for (const r of rows) {
    const k = handlingKind(r.handling);
    if (k) out[k]++;
  }
  return out;
}
