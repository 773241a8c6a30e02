/** Whole-task limits: the 64 KiB size of a registered task definition. */
import type { Rule } from '../types';
import { DOCS, MAX_TASK_DEFINITION_BYTES } from '../../facts';
import { utf8Length } from '../helpers';

function formatBytes(n: number): string {
  return n.toLocaleString('en-US');
}

const taskDefinitionSize: Rule = {
  id: 'task-definition-size',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A task definition may be at most 64 KiB',
  docs: DOCS.quotas,
  check(ctx) {
    // Minifying never makes JSON longer, except numbers in exponent form ("1e5" → 100000). Without those, a
    // document whose own text fits in 64 KiB cannot hold a task definition that doesn't.
    const text = ctx.doc.text;
    if (text.length * 6 <= MAX_TASK_DEFINITION_BYTES) return;
    if (text.length <= MAX_TASK_DEFINITION_BYTES && !/\d[eE]/.test(text) && utf8Length(text) <= MAX_TASK_DEFINITION_BYTES) return;
    const td = ctx.target.value;
    // Minified JSON, member by member: {"k":v,"k":v}. Whitespace and comments in the file do not count.
    let total = 2;
    let largest: { key: string; bytes: number } | undefined;
    const keys = Object.keys(td);
    for (const key of keys) {
      const text = JSON.stringify(td[key]);
      if (text === undefined) continue;
      const bytes = utf8Length(JSON.stringify(key)) + 1 + utf8Length(text);
      total += bytes;
      if (!largest || bytes > largest.bytes) largest = { key, bytes };
    }
    total += Math.max(keys.length - 1, 0);
    if (total <= MAX_TASK_DEFINITION_BYTES || !largest) return;
    ctx.report({
      path: [largest.key],
      target: 'key',
      message: `This task definition is ${formatBytes(total)} bytes even as minified JSON, more than the ${formatBytes(MAX_TASK_DEFINITION_BYTES)} bytes (64 KiB) ECS accepts, so registration fails. "${largest.key}" takes ${formatBytes(largest.bytes)} bytes of it: move long values out, for example environment variables into environmentFiles (S3) or Secrets Manager / SSM parameters.`,
    });
  },
};

export const limitRules: Rule[] = [taskDefinitionSize];
