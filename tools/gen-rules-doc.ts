/** Writes docs/rules.md from the rule table (`npm run gen:rules-doc`); a unit test keeps it current. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../src/core/rules/index';

const SCHEMA_CODES: Array<[string, string, string]> = [
  ['json.syntax', 'error', 'The text is not valid JSON (comments and trailing commas are accepted).'],
  ['json.duplicate-key', 'warning', 'A key appears twice in one object; the AWS CLI keeps only the last value.'],
  ['schema.unknown-key', 'error', 'A key the ECS API does not accept, with the nearest valid key. Fix: rename.'],
  ['schema.type', 'error', 'A value of the wrong JSON type, with an example. Fix: convert "256" ↔ 256.'],
  ['schema.enum', 'error', 'A value outside the allowed values, which are listed. Fix: correct the case.'],
  ['schema.required', 'error', 'A required member is missing.'],
  ['schema.range', 'error', 'A number outside its allowed range (health-check timings, ports, ephemeral storage, ...).'],
  ['schema.pattern', 'error', 'A name or value in the wrong format (family and container names, port names, ...).'],
  ['schema.length', 'error', 'A string that is too short or too long.'],
  ['schema.items', 'error', 'Too few or too many list items (10 containers, 5 load balancers, 16 subnets, ...).'],
  ['schema.union', 'error', 'An object that must set exactly one of its members.'],
  ['schema.null', 'warning', 'A null value, which the AWS CLI rejects. Fix: remove the key.'],
  ['schema.empty-enum', 'warning', 'An empty string where a value from a list is expected. Fix: remove the key.'],
  ['describe.read-only', 'warning', 'A read-only field of describe output (revision, status, ...). Fix: remove it.'],
  ['describe.wrapper', 'warning', 'describe-task-definition / describe-services output instead of request input. Fix: unwrap.'],
  ['template.placeholder', 'information', 'A template placeholder (${VAR}, {{ ... }}, <NAME>) where a checked value belongs; checked once rendered.'],
];

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
    ...SCHEMA_CODES.map(([code, sev, what]) => `| \`${code}\` | ${sev} | ${what} |`),
  ];
  for (const [kind, title] of [['task-definition', 'Task definitions'], ['service', 'Services']] as const) {
    const rows = rules.filter((r) => r.appliesTo === kind);
    lines.push('', `## ${title} (${rows.length} rules)`, '', '| id | default | checks | quick fix |', '|---|---|---|---|');
    for (const r of rows) lines.push(`| [\`${r.id}\`](${r.docs}) | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} | ${r.fix ? 'yes' : ''} |`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  writeFileSync(join(__dirname, '../docs/rules.md'), rulesMarkdown());
  console.log(`wrote docs/rules.md (${rules.length} rules)`);
}
