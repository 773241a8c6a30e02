/**
 * Writes docs/constraints.md from the constraint inventory (docs/constraints/inventory.json):
 * `npm run gen:constraints-doc`. A unit test keeps the page equal to what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countByKind, handlingId, handlingKind, loadInventory, type InventoryRow } from './constraints/inventory';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function handlingCell(r: InventoryRow): string {
  const kind = handlingKind(r.handling);
  const id = handlingId(r.handling);
  if (kind === 'rule') return `rule \`${id}\``;
  if (kind === 'planned') return `planned \`${id}\` (${r.severity})`;
  return cell(r.handling);
}

export function constraintsMarkdown(rows: readonly InventoryRow[] = loadInventory()): string {
  const counts = countByKind(rows);
  const lines = [
    '# ECS constraint inventory',
    '',
    'Generated from `docs/constraints/inventory.json` by `npm run gen:constraints-doc`; do not edit by hand.',
    '',
    'Every constraint that the member documentation of the ECS API states for RegisterTaskDefinition, CreateService',
    'and UpdateService (found by `tools/constraints/extract.ts`), plus the platform restrictions that only the',
    'developer guide states, and how ECS Lens handles each: the JSON schema, a rule of the rule table, a rule',
    'planned for the next step, or not checkable offline (with why).',
    '',
    '| handling | rows |',
    '|---|---|',
    `| schema | ${counts.schema} |`,
    `| rule | ${counts.rule} |`,
    `| planned | ${counts.planned} |`,
    `| offline | ${counts.offline} |`,
    `| **total** | ${rows.length} |`,
  ];

  // Shapes in the order the inventory first names them; rows keep their order within a shape.
  const byShape = new Map<string, InventoryRow[]>();
  for (const r of rows) {
    const shape = r.member.split('.')[0];
    let list = byShape.get(shape);
    if (!list) byShape.set(shape, (list = []));
    list.push(r);
  }
  for (const [shape, list] of byShape) {
    lines.push('', `## ${shape}`, '', '| member | constraint | handling |', '|---|---|---|');
    for (const r of list) {
      const source = r.source ? ` ([source](${r.source}))` : '';
      lines.push(`| \`${r.member.slice(shape.length + 1)}\` | ${cell(r.constraint)}${source} | ${handlingCell(r)} |`);
    }
  }

  // What the next step builds: one line per planned rule, with what it prevents.
  const planned = new Map<string, { severity?: string; prevents?: string; members: Set<string> }>();
  for (const r of rows) {
    if (handlingKind(r.handling) !== 'planned') continue;
    const id = handlingId(r.handling)!;
    const entry = planned.get(id) ?? { severity: r.severity, prevents: r.prevents, members: new Set<string>() };
    entry.members.add(r.member);
    planned.set(id, entry);
  }
  lines.push('', `## Planned rules (${planned.size})`, '', '| rule | severity | prevents | members |', '|---|---|---|---|');
  for (const [id, p] of [...planned].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${id}\` | ${p.severity ?? ''} | ${cell(p.prevents ?? '')} | ${[...p.members].map((m) => `\`${m}\``).join(', ')} |`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  const rows = loadInventory();
  writeFileSync(join(__dirname, '../docs/constraints.md'), constraintsMarkdown(rows));
  console.log(`wrote docs/constraints.md (${rows.length} rows)`);
}
