/** The local ECS endpoint, for tests and benchmarks that start it in-process. */
export { startEndpoint, type RunningEndpoint, type StartOptions } from './server';
export { LocalEcs, type CallStats, type CallRecord, type EndpointOptions } from './engine';
export type { FaultRule } from './faults';
export type { SeedSpec } from './seed';
export { defaultScenario, benchScenario } from './scenarios';
export { ECS_THROTTLE_CATEGORIES, type ThrottleCategory } from './throttle';
export { BEHAVIOUR_ENV, BEHAVIOUR_LABEL } from './tasks';
