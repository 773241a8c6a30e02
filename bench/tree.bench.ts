/**
 * `npm run bench:tree`: what the tree costs on a big cluster under ECS's real limits. The local endpoint
 * answers every call after 50 ms and throttles like ECS (service reads: burst 100, 20 per second sustained);
 * one cluster holds 2,000 services. Measured through the EcsGateway over the real SDK client:
 * - the first page of services as the tree shows it (one ListServices page, described: 1 + 10 calls), in a
 *   process that has not called AWS yet and then with a new client in a warm process;
 * - every service described (20 ListServices pages + 200 DescribeServices batches: 220 calls at the least);
 * calls issued against that minimum, throttled answers, and throttling errors that reached the caller.
 */
import { createEcsGateway, disposeClients, isGatewayError } from '../src/aws/index';
import { benchScenario, startEndpoint } from '../tools/endpoint/index';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const LATENCY_MS = 50;

async function main(): Promise<void> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIABENCHEXAMPLE0001', AWS_SECRET_ACCESS_KEY: 'bench', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const seeded = Date.now();
  const endpoint = await startEndpoint({ seed: benchScenario(SERVICES), latencyMs: LATENCY_MS, throttle: true, speed: 0 });
  const cluster = 'bench';
  const minimum = { firstPage: 1 + Math.ceil(Math.min(100, SERVICES) / 10), all: Math.ceil(SERVICES / 100) + Math.ceil(SERVICES / 10) };
  console.log(`local endpoint: ${SERVICES} services in one cluster, ${LATENCY_MS} ms per call, ECS throttling (service reads: burst 100, 20/s); seeded in ${Date.now() - seeded} ms`);

  const run = async (label: string, minimumCalls: number, fn: (gw: ReturnType<typeof createEcsGateway>) => Promise<number>): Promise<void> => {
    disposeClients();
    endpoint.ecs.reset();
    const gw = createEcsGateway({ credentials: { kind: 'environment' }, region: 'us-east-1', endpoint: endpoint.url });
    let errors = 0;
    let count = 0;
    const started = performance.now();
    try {
      count = await fn(gw);
    } catch (e) {
      if (isGatewayError(e) && e.kind === 'throttled') errors++;
      else throw e;
    }
    const ms = performance.now() - started;
    const stats = endpoint.ecs.calls();
    console.log(
      `${label.padEnd(34)} ${String(Math.round(ms)).padStart(6)} ms   ${String(count).padStart(5)} services   calls ${stats.total} (API minimum ${minimumCalls}, throttled ${stats.throttled})   throttling errors reaching the caller: ${errors}`,
    );
  };

  // The first call of a process also pays for the SDK's set-up (credential and endpoint resolution, the socket).
  await run('first page of services, cold', minimum.firstPage, async (gw) => (await gw.servicesPage(cluster)).items.length);
  await run('first page of services (tree)', minimum.firstPage, async (gw) => (await gw.servicesPage(cluster)).items.length);
  await run('all services described', minimum.all, async (gw) => (await gw.allServices(cluster)).items.length);
  await run('first page, then all (one session)', minimum.firstPage + minimum.all, async (gw) => {
    await gw.servicesPage(cluster);
    return (await gw.allServices(cluster)).items.length;
  });
  disposeClients();
  await endpoint.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
