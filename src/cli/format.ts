/** Output formats of `ecs-lens lint`: text for people, JSON for scripts, SARIF 2.1.0 for code scanning. */
import type { Diagnostic, Severity } from '../core/types';
import type { CodeInfo } from '../core/codes';

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
export function formatSarif(results: FileResult[], codes: readonly CodeInfo[], version: string): string {
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const byId = new Map(codes.map((c) => [c.id, c]));
  const sarifRules = [...used].sort().map((id) => {
    const info = byId.get(id);
    return {
      id,
      shortDescription: { text: info?.title ?? FILE_TITLES[id] ?? id },
      ...(info ? { helpUri: info.docs, defaultConfiguration: { level: SARIF_LEVEL[info.severity] } } : {}),
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

/** Codes only the CLI reports (a file it could not read at all). */
const FILE_TITLES: Record<string, string> = {
  'file.unreadable': 'File could not be read',
};
