/** Writes docs/rules.md from the rule table (`npm run gen:rules-doc`); a unit test keeps it current. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_CODES } from '../src/core/codes';
import { ruleApplies, rules } from '../src/core/rules/index';

export function rulesMarkdown(): string {
  const lines = [
    '# ECS Lens rules',
    '',
    'Generated from the rule table by `npm run gen:rules-doc`; do not edit by hand.',
    'Change a severity with the `ecsLens.rules` setting or `ecs-lens lint --rule ID=LEVEL` (error, warning, information, hint, off).',
    '',
    '## Schema and document checks',
    '',
    '| code | default | what it reports |',
    '|---|---|---|',
    ...Object.values(BUILT_IN_CODES).map((c) => `| \`${c.id}\` | ${c.severity} | ${c.summary ?? c.title} |`),
  ];
  for (const [kind, title] of [['task-definition', 'Task definitions'], ['service', 'Services']] as const) {
    const rows = rules.filter((r) => ruleApplies(r, kind));
    lines.push('', `## ${title} (${rows.length} rules)`, '', '| id | default | checks | quick fix |', '|---|---|---|---|');
    for (const r of rows) lines.push(`| [\`${r.id}\`](${r.docs}) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} | ${r.fix ? 'yes' : ''} |`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  writeFileSync(join(__dirname, '../docs/rules.md'), rulesMarkdown());
  console.log(`wrote docs/rules.md (${rules.length} rules)`);
}
