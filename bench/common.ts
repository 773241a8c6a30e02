/**
 * What both benchmarks share: the production bundle (what users run, not the TypeScript sources), the
 * documents (a realistic task definition of a given size, and the same with five common mistakes), and timing.
 */
import { join } from 'node:path';
import type * as EcsLens from '../src/index';

export const root = join(__dirname, '..');
// npm run bench builds the production bundle first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const lib = require(join(root, 'dist/index.js')) as typeof EcsLens;

/** A realistic, valid Fargate container: image, ports, environment, secrets, health check, logging. */
function container(name: string, envCount: number): Record<string, unknown> {
  return {
    name,
    image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${name}:1.42.0`,
    essential: name === 'app',
    cpu: 256,
    memory: 512,
    portMappings: [{ containerPort: 8080, protocol: 'tcp', name: `${name}-http`, appProtocol: 'http' }].filter(() => name === 'app'),
    environment: Array.from({ length: envCount }, (_, i) => ({ name: `FEATURE_${name.toUpperCase()}_${i}`, value: `enabled-for-tenant-${i}` })),
    secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf' }],
    healthCheck: { command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 30 },
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': name } },
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
  };
}

/** A valid task definition of about `bytes` bytes (pretty-printed, as people keep them in repositories). */
export function taskOfSize(bytes: number): Record<string, unknown> {
  const names = ['app', 'envoy', 'otel', 'fluent', 'worker', 'cache', 'metrics', 'auth', 'proxy', 'jobs'];
  const count = bytes < 10_000 ? 2 : 10;
  let env = 1;
  const build = (): Record<string, unknown> => ({
    family: 'shop',
    taskRoleArn: 'arn:aws:iam::123456789012:role/shop-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/shop-execution',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '4096',
    memory: '8192',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: names.slice(0, count).map((n) => container(n, env)),
  });
  while (JSON.stringify(build(), null, 2).length < bytes) env++;
  return build();
}

/** The same document with five mistakes people make: types, enum case, Fargate size, ports, unknown key. */
export function withMistakes(task: Record<string, unknown>): Record<string, unknown> {
  const t = JSON.parse(JSON.stringify(task)) as Record<string, unknown> & { containerDefinitions: Array<Record<string, unknown>> };
  t.memory = '3000';
  t.networkMode = 'AWSVPC';
  const app = t.containerDefinitions[0];
  app.cpu = '256';
  app.portMappings = [{ containerPort: 8080, hostPort: 80 }];
  app.enviroment = [];
  return t;
}

export function percentiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.floor(s.length * 0.95)] };
}

export function time(fn: () => unknown, iterations: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return percentiles(samples);
}

/**
 * Ours and theirs measured alternately in one loop (after a warm-up), so that both see the same JIT, GC and
 * machine state. `theirs` may return a promise (the JSON language service's API is asynchronous).
 */
export async function alternate(ours: () => unknown, theirs: () => unknown, iterations: number, warmup = 200): Promise<{ ours: { p50: number; p95: number }; theirs: { p50: number; p95: number } }> {
  for (let i = 0; i < warmup; i++) {
    ours();
    await theirs();
  }
  const samplesOurs: number[] = [];
  const samplesTheirs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    ours();
    const t1 = process.hrtime.bigint();
    await theirs();
    const t2 = process.hrtime.bigint();
    samplesOurs.push(Number(t1 - t0) / 1e6);
    samplesTheirs.push(Number(t2 - t1) / 1e6);
  }
  return { ours: percentiles(samplesOurs), theirs: percentiles(samplesTheirs) };
}

export const ms = (n: number): string => `${n.toFixed(3)} ms`;
