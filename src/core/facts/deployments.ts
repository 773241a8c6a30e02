/**
 * Service deployments: the controllers, the ECS-native strategies (rolling, blue/green, linear, canary) and their
 * settings, and the stages of lifecycle hooks.
 */

/** The deployment controllers other than ECS: they deploy through task sets and bring their own failure handling. */
export const NON_ECS_CONTROLLERS: ReadonlySet<string> = new Set(['CODE_DEPLOY', 'EXTERNAL']);

/** Strategies that run a second (green) service revision and shift traffic to it: all of them need the ECS controller. */
export const TRAFFIC_SHIFTING_STRATEGIES: ReadonlySet<string> = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);

/** The strategies that shift production traffic in steps, which need a load balancer or Service Connect to shift. */
export const STEPPED_STRATEGIES: ReadonlySet<string> = new Set(['LINEAR', 'CANARY']);

/** The settings object each stepped strategy reads, and the strategy each object belongs to. */
export const STRATEGY_CONFIGURATIONS: Readonly<Record<string, { strategy: string; percent: string; minPercent: number }>> = {
  linearConfiguration: { strategy: 'LINEAR', percent: 'stepPercent', minPercent: 3 },
  canaryConfiguration: { strategy: 'CANARY', percent: 'canaryPercent', minPercent: 0.1 },
};

/** Linear and canary percentages are given in tenths of a percent. */
export const TRAFFIC_PERCENT_STEP = 0.1;

/** The target type a lifecycle hook has when `targetType` is left out. */
export const DEFAULT_HOOK_TARGET_TYPE = 'AWS_LAMBDA';

/** Stages at which only a Lambda hook can run: a PAUSE hook cannot hold traffic mid-shift. */
export const LAMBDA_ONLY_HOOK_STAGES: ReadonlySet<string> = new Set(['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT']);

/** The deployment percentages ECS applies when a REPLICA service leaves them out. */
export const REPLICA_DEFAULT_PERCENTS = { maximumPercent: 200, minimumHealthyPercent: 100 } as const;
