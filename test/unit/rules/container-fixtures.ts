/** Inline task definitions for the container rule tests. */
import assert from 'node:assert/strict';
import { getCodeActions } from '../../../src/core/fixes';
import { lint } from '../../../src/core/lint';
import type { Diagnostic } from '../../../src/core/types';
import { withCode } from '../helpers';

type Obj = Record<string, unknown>;

/** A container with a pinned image and a memory limit (so EC2 tasks without task memory are valid). */
export function container(name: string, extra: Obj = {}): Obj {
  return { name, image: 'public.ecr.aws/docker/library/nginx:1.27', memory: 256, ...extra };
}

/** An EC2 task definition (bridge network, no task-level size) holding `containers`. */
export function ec2Task(containers: Obj[], patch: Obj = {}): Obj {
  return { family: 'app', requiresCompatibilities: ['EC2'], networkMode: 'bridge', containerDefinitions: containers, ...patch };
}

/** A Fargate task definition (1 vCPU, 2 GB) holding `containers`. */
export function fargate(containers: Obj[], patch: Obj = {}): Obj {
  return {
    family: 'app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1024',
    memory: '2048',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: containers,
    ...patch,
  };
}

/** The single diagnostic with `code` (fails when there is none or more than one). */
export function one(text: string, code: string): Diagnostic {
  const found = withCode(lint(text), code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${found.map((d) => d.message).join(' | ')}`);
  return found[0];
}

/** No diagnostic with `code`. */
export function none(text: string, code: string): void {
  const found = withCode(lint(text), code);
  assert.deepEqual(found.map((d) => d.message), [], `expected no ${code}`);
}

/** The quick fixes offered for a diagnostic: title and whether it is certain. */
export function fixesFor(text: string, d: Diagnostic): Array<{ title: string; certain: boolean }> {
  return getCodeActions(text, [d]).map((a) => ({ title: a.title, certain: a.isPreferred }));
}
