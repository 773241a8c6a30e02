/**
 * The local ECS: one object that owns the state, the simulated clock, throttling, injected faults and call
 * statistics, answers signed ECS requests and offers the control operations tests use. The HTTP layer
 * (server.ts) only moves bytes in and out of it.
 */
import { randomUUID } from 'node:crypto';
import { SimClock } from './clock';
import { EcsError } from './errors';
import { Faults, type FaultRule } from './faults';
import { parseBody } from './input';
import type { Json } from './model';
import { OPERATIONS, SERVICE_DEPLOYMENT_OPERATIONS } from './ops/index';
import { defaultScenario } from './scenarios';
import { runUntil } from './scheduler';
import { applySeed, type SeedSpec } from './seed';
import { EndpointState } from './state';
import { Throttle, type ThrottleCategory } from './throttle';

export const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export interface EndpointOptions {
  /** The seeded state: the built-in scenario (default), an empty account, or a seed of your own. */
  seed?: SeedSpec | 'default' | 'empty';
  /** Delay before every answer, in ms (real time). */
  latencyMs?: number;
  /** Delay for particular actions, overriding latencyMs. */
  latencyByOperation?: Record<string, number>;
  /** ECS's throttling (default), none (false), or changed categories. */
  throttle?: boolean | Record<string, Partial<ThrottleCategory>>;
  /** Simulated ms per real ms (1 = real time, 0 = frozen until advanced). */
  speed?: number;
  /** Simulated ms between two simulation steps (10,000 unless set): a rollout takes about a minute. */
  stepMs?: number;
  /** Whether ListServiceDeployments and its siblings exist (default true). */
  serviceDeploymentsApi?: boolean;
  /** Regions enabled for the account; others answer as a disabled opt-in region does. All when omitted. */
  regions?: string[];
  /** Errors injected from the start, in addition to the seed's. */
  faults?: FaultRule[];
  /** Receives one line per call (operation, status, ms). */
  log?: (line: string) => void;
}

export interface CallRecord {
  operation: string;
  region: string;
  accessKeyId: string;
  status: number;
  code?: string;
  cluster?: string;
}

export interface CallStats {
  total: number;
  byOperation: Record<string, number>;
  throttled: number;
  errors: Record<string, number>;
  /** The most ECS requests that were open at the same time (received, not yet answered). */
  maxInFlight: number;
  /** The most recent calls, oldest first (at most 2,000). */
  recent: CallRecord[];
}

export interface EcsResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const ACCOUNT = '123456789012';

/** Access key ids that stand for credentials AWS would refuse (see docs/aws-layer.md). */
function keyProblem(accessKeyId: string): EcsError | undefined {
  if (accessKeyId.includes('EXPIRED')) return new EcsError('ExpiredTokenException', 'The security token included in the request is expired');
  if (accessKeyId.includes('INVALID')) return new EcsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  return undefined;
}

export class LocalEcs {
  readonly clock: SimClock;
  readonly throttle: Throttle;
  readonly faults = new Faults();
  state!: EndpointState;
  latencyMs: number;
  latencyByOperation: Record<string, number>;
  stepMs: number;
  serviceDeploymentsApi: boolean;
  regions: string[] | undefined;
  private stats: CallStats = LocalEcs.emptyStats();
  private inFlight = 0;

  constructor(private readonly options: EndpointOptions = {}) {
    this.clock = new SimClock(options.speed ?? 1);
    this.throttle = new Throttle(typeof options.throttle === 'object' ? options.throttle : {}, options.throttle !== false);
    this.latencyMs = options.latencyMs ?? 0;
    this.latencyByOperation = { ...(options.latencyByOperation ?? {}) };
    this.stepMs = options.stepMs ?? 10_000;
    this.serviceDeploymentsApi = options.serviceDeploymentsApi ?? true;
    this.regions = options.regions;
    this.reset();
  }

  private static emptyStats(): CallStats {
    return { total: 0, byOperation: {}, throttled: 0, errors: {}, maxInFlight: 0, recent: [] };
  }

  /**
   * Back to the start: the seed played again at the current simulated time, faults as configured at start,
   * full throttle buckets, no call statistics. `seed` replaces the start seed for this and later resets.
   */
  reset(seed?: EndpointOptions['seed']): void {
    if (seed !== undefined) this.options.seed = seed;
    const spec = this.seedSpec();
    this.state = new EndpointState(spec.accountId ?? ACCOUNT);
    applySeed(this.state, spec, this.clock.now(), this.stepMs, this.principalOf('AKIASEEDSEEDSEEDSEED'));
    this.faults.clear();
    for (const f of [...(spec.faults ?? []), ...(this.options.faults ?? [])]) this.faults.add(f);
    this.throttle.reset();
    this.stats = LocalEcs.emptyStats();
  }

  private seedSpec(): SeedSpec {
    const seed = this.options.seed ?? 'default';
    if (seed === 'default') return defaultScenario();
    if (seed === 'empty') return { regions: {} };
    return seed;
  }

  /** Call statistics since the last reset. */
  calls(): CallStats {
    return structuredClone(this.stats);
  }

  resetCalls(): void {
    this.stats = LocalEcs.emptyStats();
  }

  /** Moves simulated time forward and runs the simulation steps that fall due. */
  advance(ms: number): void {
    this.clock.advance(ms);
    for (const r of this.state.regions.values()) runUntil(r, this.clock.now(), this.stepMs);
  }

  /** The HTTP layer reports each ECS request it starts and finishes (for `maxInFlight`). */
  requestStarted(): void {
    this.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
  }

  requestFinished(): void {
    this.inFlight--;
  }

  latencyFor(operation: string): number {
    return this.latencyByOperation[operation] ?? this.latencyMs;
  }

  /** The IAM principal behind an access key: session keys (ASIA...) are an assumed role, others a user. */
  principalOf(accessKeyId: string): string {
    const account = this.state?.account ?? ACCOUNT;
    return accessKeyId.startsWith('ASIA') ? `arn:aws:sts::${account}:assumed-role/EcsLensDeveloper/ecs-lens-session` : `arn:aws:iam::${account}:user/ecs-lens-developer`;
  }

  private record(call: CallRecord): void {
    const s = this.stats;
    s.total++;
    s.byOperation[call.operation] = (s.byOperation[call.operation] ?? 0) + 1;
    if (call.code === 'ThrottlingException') s.throttled++;
    if (call.code) s.errors[call.code] = (s.errors[call.code] ?? 0) + 1;
    s.recent.push(call);
    if (s.recent.length > 2000) s.recent.splice(0, s.recent.length - 2000);
    this.options.log?.(`${call.operation} ${call.region} ${call.status}${call.code ? ` ${call.code}` : ''}${call.cluster ? ` cluster=${call.cluster}` : ''}`);
  }

  /**
   * Answers one ECS request: authentication from the SigV4 `Authorization` header (the access key id and the
   * region of its credential scope), then throttling, injected faults, the action itself.
   */
  handle(headers: Record<string, string | string[] | undefined>, rawBody: string): EcsResponse {
    const target = String(headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    const scope = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(headers.authorization ?? ''));
    const accessKeyId = scope?.[1] ?? '';
    const region = scope?.[2] ?? '';
    let cluster: string | undefined;
    const answer = (status: number, body: Json, code?: string): EcsResponse => {
      this.record({ operation, region, accessKeyId, status, code, cluster });
      return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() } };
    };
    const fail = (e: EcsError): EcsResponse => answer(e.status, { __type: e.code, message: e.message }, e.code);
    try {
      if (!scope) throw new EcsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
      if (scope[3] !== 'ecs') throw new EcsError('InvalidSignatureException', "Credential should be scoped to correct service: 'ecs'.");
      const problem = keyProblem(accessKeyId);
      if (problem) throw problem;
      // A region that is not enabled for the account (an opt-in region) refuses the token.
      if (this.regions && !this.regions.includes(region)) throw new EcsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
      const handler = OPERATIONS[operation];
      if (!handler || (!this.serviceDeploymentsApi && SERVICE_DEPLOYMENT_OPERATIONS.has(operation))) {
        throw new EcsError('UnknownOperationException', `The operation ${operation} is not supported by this endpoint.`);
      }
      if (!this.throttle.take(operation)) throw new EcsError('ThrottlingException', 'Rate exceeded');
      const input = parseBody(rawBody);
      cluster = typeof input.cluster === 'string' ? input.cluster : undefined;
      const principalArn = this.principalOf(accessKeyId);
      const r = this.state.region(region);
      const fault = accessKeyId.includes('DENIED')
        ? new EcsError('AccessDeniedException', `User: ${principalArn} is not authorized to perform: ecs:${operation} on resource: * because no identity-based policy allows the ecs:${operation} action`)
        : this.faults.match({ operation, region, accessKeyId, principalArn, cluster, resourceArn: cluster ? r.arns.cluster(cluster.split('/').pop() ?? cluster) : '*' });
      if (fault) throw fault;
      const now = this.clock.now();
      runUntil(r, now, this.stepMs);
      const output = handler({ r, now, principalArn, serviceDeploymentsApi: this.serviceDeploymentsApi }, input);
      return answer(200, output);
    } catch (e) {
      if (e instanceof EcsError) return fail(e);
      this.options.log?.(`internal error in ${operation}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fail(new EcsError('ServerException', 'An internal error occurred in the local ECS endpoint.', 500));
    }
  }
}
