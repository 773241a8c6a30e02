/** Shared helpers for unit tests: lint inline documents, find diagnostics, apply fixes and check the result. */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/document/document';
import { lint } from '../../src/core/lint';
import { getCodeActions } from '../../src/core/fixes';
import type { Diagnostic, LintOptions } from '../../src/core/types';

/** A minimal valid Fargate task definition; override members with `patch`. */
export function fargateTask(patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
        },
        ...container,
      },
    ],
    ...patch,
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function lintJson(value: unknown, options?: LintOptions): Diagnostic[] {
  return lint(typeof value === 'string' ? value : json(value), options);
}

export function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}

export function withCode(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

export function errors(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.severity === 'error');
}

/** The text a range of `text` covers. */
export function textAt(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = d.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/**
 * Applies the first quick fix for the first diagnostic with `code`, then checks what every fix must keep:
 * the targeted problem is gone, no new error appeared, and the result still parses.
 */
export function applyFix(text: string, code: string, options: LintOptions = {}, title?: RegExp): string {
  const before = lint(text, options);
  const target = before.find((d) => d.code === code);
  assert.ok(target, `expected a ${code} diagnostic; got ${codes(before).join(', ') || 'none'}`);
  const actions = getCodeActions(text, [target], options).filter((a) => !title || title.test(a.title));
  assert.ok(actions.length > 0, `expected a quick fix for ${code}`);
  const [edit] = actions[0].edits;
  const doc = analyze(text);
  const start = doc.json.lineIndex.offsetAt(edit.range.start);
  const end = doc.json.lineIndex.offsetAt(edit.range.end);
  const after = text.slice(0, start) + edit.newText + text.slice(end);
  assert.equal(analyze(after).json.syntaxErrors.length, 0, `fix result does not parse:\n${after}`);
  const remaining = lint(after, options);
  const samePlace = remaining.filter((d) => d.code === code && JSON.stringify(d.data?.path) === JSON.stringify(target.data?.path));
  assert.equal(samePlace.length, 0, `${code} is still reported after the fix:\n${after}`);
  const beforeErrors = new Set(errors(before).map((d) => `${d.code} ${d.message}`));
  const newErrors = errors(remaining).filter((d) => !beforeErrors.has(`${d.code} ${d.message}`));
  assert.deepEqual(newErrors.map((d) => `${d.code}: ${d.message}`), [], 'the fix introduced new errors');
  // Text outside the edit is unchanged.
  assert.equal(after.slice(0, start), text.slice(0, start));
  assert.equal(after.slice(start + edit.newText.length), text.slice(end));
  return after;
}
