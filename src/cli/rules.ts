/** `ecs-lens rules`: every diagnostic code users can configure, with its default severity and title. */
import { diagnosticCodes } from '../core/rules/index';
import { oneOf, parse } from './args';
import type { CommandResult } from './types';

export const RULES_USAGE = `rules [--format text|json] List every diagnostic code (schema, JSON and rule ids) with its default severity.`;

export function rulesCommand(argv: string[]): CommandResult {
  const { values } = parse('rules', argv, { format: { type: 'string', default: 'text' } });
  const format = oneOf('format', values.format, ['text', 'json'] as const);
  if (format === 'json') {
    return { code: 0, stdout: JSON.stringify(diagnosticCodes.map(({ id, severity, title, docs, group }) => ({ id, severity, title, docs, group })), null, 2) + '\n', stderr: '' };
  }
  const width = Math.max(...diagnosticCodes.map((c) => c.id.length)) + 2;
  const stdout = diagnosticCodes.map((c) => `${c.id.padEnd(width)}${c.severity.padEnd(12)}${c.title}`).join('\n') + '\n';
  return { code: 0, stdout, stderr: '' };
}
