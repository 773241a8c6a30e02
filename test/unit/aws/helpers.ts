/**
 * Shared set-up of the AWS-layer tests: the local ECS endpoint in this process on a free port, the real SDK
 * client pointed at it, and an environment that cannot reach the developer's own AWS configuration.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEcsGateway, disposeClients, type EcsGateway, type GatewayLogEntry, type GatewayOptions } from '../../../src/aws/index';
import { ECS_THROTTLE_CATEGORIES, startEndpoint, type RunningEndpoint, type StartOptions } from '../../../tools/endpoint/index';

/** Credentials of the test environment: a session, so that the token is sent (and must never be logged). */
export const ACCESS_KEY_ID = 'ASIAQ3EXAMPLEKEY7TST';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampleSessionTokenValue';

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ECS', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'AWS_EC2_METADATA_DISABLED', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE'];

/**
 * Sets the test environment for a suite: environment credentials, us-east-1, and shared config files that do
 * not exist (never the developer's ~/.aws). Restores everything afterwards.
 */
export function useTestEnvironment(): { dir: string } {
  const saved = new Map<string, string | undefined>();
  const state = { dir: '' };
  before(() => {
    for (const k of KEYS) saved.set(k, process.env[k]);
    state.dir = mkdtempSync(join(tmpdir(), 'ecs-lens-aws-'));
    for (const k of KEYS) delete process.env[k];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(state.dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(state.dir, 'no-credentials'),
      // Instance metadata would take seconds to time out when the chain gets that far.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
  });
  after(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  return state;
}

/**
 * One endpoint for the suite, reset before every test (state, faults, throttle, statistics). Frozen simulated
 * clock and no throttling unless a test turns them on; SDK clients are disposed after each test so no
 * client-side rate limiter carries over.
 */
export function useEndpoint(options: StartOptions = {}): { endpoint: RunningEndpoint } {
  const holder = {} as { endpoint: RunningEndpoint };
  before(async () => {
    holder.endpoint = await startEndpoint({ speed: 0, throttle: false, ...options });
  });
  beforeEach(() => {
    const ecs = holder.endpoint.ecs;
    ecs.reset();
    ecs.latencyMs = options.latencyMs ?? 0;
    ecs.latencyByOperation = {};
    ecs.throttle.enabled = options.throttle !== undefined && options.throttle !== false;
    ecs.throttle.configure({ ...ECS_THROTTLE_CATEGORIES, ...(typeof options.throttle === 'object' ? options.throttle : {}) });
    ecs.serviceDeploymentsApi = true;
    ecs.regions = undefined;
  });
  afterEach(() => disposeClients());
  after(async () => {
    await holder.endpoint?.close();
  });
  return holder;
}

/** A gateway on the endpoint with the environment's credentials, collecting its log. */
export function gatewayFor(endpoint: RunningEndpoint, options: GatewayOptions = {}): { gw: EcsGateway; log: GatewayLogEntry[] } {
  const log: GatewayLogEntry[] = [];
  const gw = createEcsGateway({ credentials: { kind: 'environment' }, region: 'us-east-1', endpoint: endpoint.url, log: (e) => log.push(e), ...options });
  return { gw, log };
}

/** Calls the endpoint saw for one action since the last reset. */
export function callsOf(endpoint: RunningEndpoint, operation: string): number {
  return endpoint.ecs.calls().byOperation[operation] ?? 0;
}

/** Rejects unless `promise` rejects; resolves with the error. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
