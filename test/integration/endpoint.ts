/**
 * For the suites that read the local ECS endpoint the runner starts (scripts/integration.mjs puts its URL in
 * ECS_LENS_DEMO_ENDPOINT): its control API, one ECS call straight to it (to set up or check what the
 * extension did, outside the extension), polling, and finding rows of the Clusters view.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, sleep, type EcsLensApi, type TestHooks, type TreeItemSnapshot } from './helpers';

/** Empty under @vscode/test-electron, which starts no endpoint: the suites skip themselves then. */
export const ENDPOINT = process.env.ECS_LENS_DEMO_ENDPOINT ?? '';
export const ACCOUNT = '123456789012';

/** The endpoint's control API (tools/endpoint/control.ts): GET without a body, POST with one. */
export async function control(route: string, body?: unknown, method?: string): Promise<unknown> {
  const res = await fetch(`${ENDPOINT}/_control/${route}`, { method: method ?? (body === undefined ? 'GET' : 'POST'), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  assert.ok(res.ok, `control ${route}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Calls per ECS action since the last `resetCalls()`. */
export async function callsByOperation(): Promise<Record<string, number>> {
  return ((await control('calls')) as { byOperation: Record<string, number> }).byOperation;
}

export async function resetCalls(): Promise<void> {
  await control('calls', undefined, 'DELETE');
}

/** The ECS actions that change something. */
export const MUTATING = ['RegisterTaskDefinition', 'DeregisterTaskDefinition', 'CreateService', 'UpdateService', 'StopTask', 'StopServiceDeployment'];

/** The mutating calls made since the last `resetCalls()`, by action. */
export async function mutatingCalls(): Promise<Record<string, number>> {
  const calls = await callsByOperation();
  return Object.fromEntries(MUTATING.filter((op) => calls[op]).map((op) => [op, calls[op]!]));
}

/** One ECS call straight to the endpoint (it reads the access key and region from the SigV4 header, not the signature). */
export async function ecs(operation: string, input: unknown, region = 'us-east-1'): Promise<Record<string, unknown>> {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/${region}/ecs/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
  });
  const out = (await res.json()) as Record<string, unknown>;
  assert.ok(res.ok, `${operation}: ${JSON.stringify(out)}`);
  return out;
}

/** A service as DescribeServices returns it (only what the suites read). */
export interface LiveService {
  serviceArn: string;
  desiredCount: number;
  runningCount: number;
  taskDefinition: string;
  deployments: Array<{ status: string; taskDefinition: string; rolloutState?: string }>;
  tags?: Array<{ key: string; value: string }>;
}

export async function liveService(cluster: string, service: string): Promise<LiveService | undefined> {
  const out = await ecs('DescribeServices', { cluster, services: [service], include: ['TAGS'] });
  return (out.services as LiveService[])[0];
}

/** Polls an async read until the predicate holds. */
export async function eventually<T>(read: () => Promise<T> | T, predicate: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (predicate(v)) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(v).slice(0, 2000)}`);
    await sleep(100);
  }
}

export function find(items: TreeItemSnapshot[], label: string | RegExp): TreeItemSnapshot {
  const found = items.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
  assert.ok(found, `no "${String(label)}" among: ${items.map((i) => i.label).join(', ')}`);
  return found;
}

export const ofKind = (items: TreeItemSnapshot[], kind: string): TreeItemSnapshot[] => items.filter((i) => i.contextValue?.split('.')[0] === kind);

/**
 * For the suites that change the account: the extension's API and test hooks, with the endpoint back to its seeded
 * account (simulated clock stopped, no faults), rollout watches that poll fast, and the tree read again.
 */
export async function seededAccount(): Promise<{ api: EcsLensApi; hooks: TestHooks }> {
  const api = await activate();
  assert.ok(api.testing, 'the test hooks exist in a test run');
  const hooks = api.testing;
  await control('reset', { seed: 'default' });
  await control('clock', { speed: 0 });
  await control('faults', undefined, 'DELETE');
  hooks.setWatchOptions({ intervalMs: 250, maxIntervalMs: 1000, timeoutMs: 120_000 });
  await vscode.commands.executeCommand('ecsLens.clusters.refresh');
  return { api, hooks };
}
