/** Output formats of `ecs-lens lint`: text for people, JSON for scripts, SARIF 2.1.0 for code scanning. */
import type { Diagnostic, Severity } from '../core/types';
import type { Rule } from '../core/rules/types';

export interface FileResult {
  /** The path as the user gave it (relative paths stay relative). */
  file: string;
  diagnostics: Diagnostic[];
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: FileResult[]): string {
  const out = results.flatMap((r) =>
    r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: d.severity, code: d.code, message: d.message })),
  );
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other tools read it. Paths are relative to the working folder. */
export function formatSarif(results: FileResult[], rules: Rule[], version: string): string {
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const sarifRules = [...used].sort().map((id) => {
    const rule = ruleById.get(id);
    return {
      id,
      shortDescription: { text: rule?.title ?? schemaRuleTitle(id) },
      ...(rule ? { helpUri: rule.docs, defaultConfiguration: { level: SARIF_LEVEL[rule.severity] } } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ecs-lens', version, informationUri: 'https://github.com/ecs-lens/ecs-lens', rules: sarifRules } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/').replace(/^\.\//, '') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function schemaRuleTitle(id: string): string {
  const titles: Record<string, string> = {
    'json.syntax': 'JSON syntax error',
    'json.duplicate-key': 'Duplicate key in an object',
    'schema.unknown-key': 'Key not accepted by the ECS API',
    'schema.type': 'Value of the wrong JSON type',
    'schema.enum': 'Value not among the allowed values',
    'schema.required': 'Required member missing',
    'schema.range': 'Number outside the allowed range',
    'schema.pattern': 'Value does not match the required format',
    'schema.length': 'String too short or too long',
    'schema.items': 'Too few or too many list items',
    'schema.null': 'null value the AWS CLI rejects',
    'schema.empty-enum': 'Empty string instead of an allowed value',
    'schema.union': 'Exactly one member must be set',
    'describe.read-only': 'Read-only field from describe output',
    'describe.wrapper': 'Describe output instead of request input',
    'template.placeholder': 'Template placeholder, checked once rendered',
  };
  return titles[id] ?? id;
}
