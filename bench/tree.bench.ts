/**
 * `npm run bench:tree`: what the tree costs on a big cluster under ECS's real limits. The local endpoint runs in
 * its own process (as AWS would: its work must not slow the client down), answers every call after 50 ms and
 * throttles like ECS (service reads: burst 100, 20 per second sustained); one cluster holds 2,000 services.
 * Measured through the EcsGateway over the real SDK client:
 * - the first page of services as the tree shows it (one ListServices page, described: 1 + 10 calls), in a
 *   process that has not called AWS yet and then with a new client in a warm process;
 * - every service described (20 ListServices pages + 200 DescribeServices batches: 220 calls at the least);
 * calls issued against that minimum, throttled answers, and throttling errors that reached the caller.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEcsGateway, disposeClients, type EcsGateway, isGatewayError } from '../src/aws/index';
import type { CallStats } from '../tools/endpoint/index';
import { benchScenario } from '../tools/endpoint/scenarios';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const LATENCY_MS = 50;
const CLUSTER = 'bench';

async function startEndpointProcess(): Promise<{ url: string; stop: () => void }> {
  const seed = join(mkdtempSync(join(tmpdir(), 'ecs-lens-bench-')), 'seed.json');
  writeFileSync(seed, JSON.stringify(benchScenario(SERVICES)));
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../tools/endpoint/main.ts'), '--port', '0', '--latency', String(LATENCY_MS), '--data', seed, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Local ECS endpoint: (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the endpoint exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGINT') };
}

async function control<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/_control/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIABENCHEXAMPLE0001', AWS_SECRET_ACCESS_KEY: 'bench', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const started = Date.now();
  const endpoint = await startEndpointProcess();
  const minimum = { firstPage: 1 + Math.ceil(Math.min(100, SERVICES) / 10), all: Math.ceil(SERVICES / 100) + Math.ceil(SERVICES / 10) };
  console.log(`local endpoint (own process, up in ${Date.now() - started} ms): ${SERVICES} services in one cluster, ${LATENCY_MS} ms per call, ECS throttling (service reads: burst 100, 20/s)`);

  const run = async (label: string, minimumCalls: number, fn: (gw: EcsGateway) => Promise<number>): Promise<void> => {
    disposeClients();
    await control(endpoint.url, 'POST', 'reset');
    const gw = createEcsGateway({ credentials: { kind: 'environment' }, region: 'us-east-1', endpoint: endpoint.url });
    let errors = 0;
    let count = 0;
    const t0 = performance.now();
    try {
      count = await fn(gw);
    } catch (e) {
      if (isGatewayError(e) && e.kind === 'throttled') errors++;
      else throw e;
    }
    const ms = performance.now() - t0;
    const stats = await control<CallStats>(endpoint.url, 'GET', 'calls');
    console.log(
      `${label.padEnd(38)} ${String(Math.round(ms)).padStart(6)} ms  ${String(count).padStart(5)} services  calls ${String(stats.total).padStart(3)} (API minimum ${minimumCalls}), throttled ${stats.throttled}, throttling errors reaching the caller: ${errors}`,
    );
  };

  try {
    // The first call of a process also pays for the SDK's set-up (credential and endpoint resolution, the socket).
    await run('first page of services, cold process', minimum.firstPage, async (gw) => (await gw.servicesPage(CLUSTER)).items.length);
    await run('first page of services, new client', minimum.firstPage, async (gw) => (await gw.servicesPage(CLUSTER)).items.length);
    await run('all services described', minimum.all, async (gw) => (await gw.allServices(CLUSTER)).items.length);
    await run('first page, then all (one client)', minimum.firstPage + minimum.all, async (gw) => {
      await gw.servicesPage(CLUSTER);
      return (await gw.allServices(CLUSTER)).items.length;
    });
  } finally {
    disposeClients();
    endpoint.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
