/** What every operation handler receives: the caller's region state, the simulated time and who is calling. */
import type { Json } from '../model';
import type { RegionState } from '../state';

export interface OpContext {
  r: RegionState;
  /** Simulated time in ms (clock.ts). */
  now: number;
  /** The IAM principal of the calling access key (ListAccountSettings, registeredBy, createdBy). */
  principalArn: string;
  /** Whether ListServiceDeployments and its siblings exist (they can be switched off to test fallbacks). */
  serviceDeploymentsApi: boolean;
}

/** One ECS action: request members in, response members out; throws EcsError for ECS's errors. */
export type Operation = (ctx: OpContext, input: Json) => Json;
