/**
 * `npm run endpoint -- [--port N] [--latency MS] [--data FILE] [--speed X] [--step-ms MS] [--no-throttle]
 * [--no-service-deployments] [--quiet]`: the local ECS endpoint with its seeded account, until Ctrl-C.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SeedSpec } from './seed';
import { startEndpoint } from './server';

const USAGE = `Usage: npm run endpoint -- [options]

  --port N                  Port on 127.0.0.1 (default 4600; 0 picks a free one).
  --latency MS              Delay before every answer (default 0).
  --data FILE               Seed from a JSON file (format: docs/aws-layer.md) instead of the built-in account.
  --empty                   Start with an empty account.
  --speed X                 Simulated seconds per real second for rollouts (default 1).
  --step-ms MS              Simulated time between two scheduler steps (default 10000).
  --no-throttle             Do not throttle (ECS's token buckets are on by default).
  --no-service-deployments  Answer ListServiceDeployments & co. with UnknownOperationException.
  --quiet                   Do not print a line per call.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4600' },
      latency: { type: 'string', default: '0' },
      data: { type: 'string' },
      empty: { type: 'boolean', default: false },
      speed: { type: 'string', default: '1' },
      'step-ms': { type: 'string', default: '10000' },
      'no-throttle': { type: 'boolean', default: false },
      'no-service-deployments': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const number = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a number >= 0, not "${v}"`);
    return n;
  };
  const seed: SeedSpec | 'default' | 'empty' = values.data ? (JSON.parse(readFileSync(values.data, 'utf8')) as SeedSpec) : values.empty ? 'empty' : 'default';
  const endpoint = await startEndpoint({
    port: number('port', values.port),
    latencyMs: number('latency', values.latency),
    seed,
    speed: number('speed', values.speed),
    stepMs: number('step-ms', values['step-ms']) || 10_000,
    throttle: !values['no-throttle'],
    serviceDeploymentsApi: !values['no-service-deployments'],
    log: values.quiet ? undefined : (line) => process.stdout.write(`${new Date().toISOString().slice(11, 23)} ${line}\n`),
  });
  process.stdout.write(
    `Local ECS endpoint: ${endpoint.url}\n` +
      `  account 123456789012; seeded regions: ${[...endpoint.ecs.state.regions.keys()].join(', ') || 'none'}; any access key works\n` +
      `  try: AWS_ACCESS_KEY_ID=AKIAEXAMPLE AWS_SECRET_ACCESS_KEY=x AWS_REGION=us-east-1 npx tsx src/cli/tree.ts --endpoint ${endpoint.url}\n` +
      `  control API: ${endpoint.url}/_control/summary (see docs/aws-layer.md). Ctrl-C stops.\n`,
  );
  const stop = (): void => {
    void endpoint.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`endpoint: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
