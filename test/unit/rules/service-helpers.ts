/** Inline service documents for the service rule tests. */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { getCodeActions } from '../../../src/core/fixes';
import type { Diagnostic, LintOptions } from '../../../src/core/types';
import { createWorkspaceIndex } from '../../../src/core/workspace';
import { applyFix, json, textAt, withCode } from '../helpers';

/** A valid create-service input for a Fargate service; `undefined` in `patch` drops a member. */
export function fargateService(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceName: 'web',
    cluster: 'prod',
    taskDefinition: 'web:3',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0a1b2c3d4e5f60718'], assignPublicIp: 'DISABLED' },
    },
    ...patch,
  };
}

/** A valid create-service input for an EC2 service whose task definition uses bridge networking. */
export function ec2Service(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2, launchType: 'EC2', ...patch };
}

/** A DAEMON service on EC2, as create-service input. */
export function daemonService(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { serviceName: 'agent', cluster: 'prod', taskDefinition: 'agent', launchType: 'EC2', schedulingStrategy: 'DAEMON', ...patch };
}

/**
 * Lints `value` and returns the single diagnostic with `code`, checking its severity and the exact text it
 * covers.
 */
export function only(value: unknown, code: string, severity: Diagnostic['severity'], covers: string, options?: LintOptions): Diagnostic {
  const text = typeof value === 'string' ? value : json(value);
  const found = withCode(lint(text, options), code);
  assert.equal(found.length, 1, `expected one ${code}; got ${found.length}`);
  const [d] = found;
  assert.equal(d.severity, severity);
  assert.equal(textAt(text, d), covers);
  return d;
}

/** Asserts that linting `value` reports nothing with `code`. */
export function none(value: unknown, code: string, options?: LintOptions): void {
  const text = typeof value === 'string' ? value : json(value);
  assert.deepEqual(withCode(lint(text, options), code).map((d) => d.message), []);
}

/** Lint options whose workspace holds these task definitions (services find them by family). */
export function workspaceOf(...tds: Array<Record<string, unknown>>): LintOptions {
  return { workspace: createWorkspaceIndex(tds.map((td, i) => ({ uri: `td-${i}.json`, text: json(td) }))) };
}

/** Applies the first fix (or the first whose title matches) for `code` and returns the parsed result. */
export function fixedService(value: unknown, code: string, options: LintOptions = {}, title?: RegExp): Record<string, unknown> {
  const text = typeof value === 'string' ? value : json(value);
  return JSON.parse(applyFix(text, code, options, title)) as Record<string, unknown>;
}

/** The quick fixes offered for the first `code` diagnostic: titles and whether each is certain (preferred). */
export function serviceFixes(value: unknown, code: string, options: LintOptions = {}): Array<{ title: string; certain: boolean }> {
  const text = typeof value === 'string' ? value : json(value);
  const d = withCode(lint(text, options), code)[0];
  assert.ok(d, `expected a ${code} diagnostic`);
  return getCodeActions(text, [d], options).map((a) => ({ title: a.title, certain: a.isPreferred }));
}
