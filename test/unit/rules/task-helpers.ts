/** Inline task definitions and assertions for the task-definition rule tests. */
import assert from 'node:assert/strict';
import { getCodeActions } from '../../../src/core/fixes';
import { lint } from '../../../src/core/lint';
import type { Diagnostic, LintOptions } from '../../../src/core/types';
import { applyFix, fargateTask, json, textAt, withCode } from '../helpers';

export { fargateTask };

/** A valid EC2 task definition in bridge mode with one container; `patch` and `container` override members. */
export function ec2Task(patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'worker',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [
      { name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }], ...container },
    ],
    ...patch,
  };
}

/** A Windows task for EC2 (default network mode). */
export function windowsEc2Task(patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  const td = ec2Task({ family: 'iis', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' }, ...patch }, container);
  if (!('networkMode' in patch)) delete td.networkMode;
  return td;
}

/** A Windows task for Fargate (1 vCPU, 2 GB). */
export function windowsFargateTask(patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return fargateTask({ cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE', cpuArchitecture: 'X86_64' }, ...patch }, container);
}

/** Removes members from an object (for "member missing" cases). */
export function without<T extends Record<string, unknown>>(value: T, ...keys: string[]): T {
  const copy = { ...value };
  for (const k of keys) delete copy[k];
  return copy;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : json(value);
}

/** The single diagnostic with `code`, after checking its severity and the exact text it covers. */
export function only(value: unknown, code: string, severity: Diagnostic['severity'], covers: string, options?: LintOptions): Diagnostic {
  const t = text(value);
  const found = withCode(lint(t, options), code);
  assert.equal(found.length, 1, `expected one ${code}; got ${found.map((d) => d.message).join(' | ') || 'none'}`);
  const [d] = found;
  assert.equal(d.severity, severity);
  assert.equal(textAt(t, d), covers);
  return d;
}

/** All diagnostics with `code`, with the text each covers. */
export function all(value: unknown, code: string): Array<{ d: Diagnostic; covers: string }> {
  const t = text(value);
  return withCode(lint(t), code).map((d) => ({ d, covers: textAt(t, d) }));
}

/** Asserts that linting `value` reports nothing with `code`. */
export function none(value: unknown, code: string, options?: LintOptions): void {
  assert.deepEqual(withCode(lint(text(value), options), code).map((d) => d.message), []);
}

/** Applies the first fix (or the first whose title matches) for `code` and returns the parsed result. */
export function fixed(value: unknown, code: string, title?: RegExp): Record<string, unknown> {
  return JSON.parse(applyFix(text(value), code, {}, title)) as Record<string, unknown>;
}

/** The quick fixes offered for the first `code` diagnostic: titles and whether each is certain. */
export function fixesFor(value: unknown, code: string): Array<{ title: string; certain: boolean }> {
  const t = text(value);
  const d = withCode(lint(t), code)[0];
  assert.ok(d, `expected a ${code} diagnostic`);
  return getCodeActions(t, [d]).map((a) => ({ title: a.title, certain: a.isPreferred }));
}

/** The first container of a (fixed) task definition. */
export function container0(td: Record<string, unknown>): Record<string, unknown> {
  return (td.containerDefinitions as Array<Record<string, unknown>>)[0];
}
