/**
 * Readers shared by the service rules. A service file is create-service or update-service input, or an
 * ecspresso service definition (which leaves out serviceName, cluster and taskDefinition). Values are untrusted.
 */
import { containsPlaceholder } from '../../placeholders';
import type { Diagnostic, JsonPath } from '../../types';
import type { FixContext, Problem, RuleContext } from '../types';
import { asArray, isObj, str, type Obj } from '../util';

export const DOCS = {
  createService: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  serviceParams: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html',
  schedulingStrategy: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html',
  capacityProvider: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  deploymentConfiguration: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html',
  circuitBreaker: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html',
  alarms: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html',
  placementStrategy: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html',
  placementConstraint: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html',
  taskPlacement: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html',
  awsvpc: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html',
  loadBalancer: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  serviceLinkedRole: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html',
  tagging: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html',
  fargateTaskDefinition: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  serviceConnect: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html',
  healthCheck: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html',
} as const;

/** The capacity providers that run tasks on Fargate. */
export const FARGATE_PROVIDERS: ReadonlySet<string> = new Set(['FARGATE', 'FARGATE_SPOT']);

/** A string value that is set and not a template placeholder (so it can be judged now). */
export function known(v: unknown): string | undefined {
  const s = str(v);
  return s !== undefined && !containsPlaceholder(s) ? s : undefined;
}

export function nonEmptyArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0;
}

export function objAt(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  return isObj(v) ? v : undefined;
}

/** Each object entry of an array member, with its index. */
export function entries(o: Obj, key: string): Array<{ e: Obj; i: number }> {
  return asArray(o[key]).flatMap((e, i) => (isObj(e) ? [{ e, i }] : []));
}

export function isDaemon(svc: Obj): boolean {
  return svc.schedulingStrategy === 'DAEMON';
}

/** The deployment controller type; ECS when not given. */
export function controllerType(svc: Obj): string | undefined {
  const dc = objAt(svc, 'deploymentController');
  if (!dc) return 'ECS';
  return dc.type === undefined ? 'ECS' : known(dc.type);
}

/** Names of the capacity providers in the strategy that can be judged (placeholders left out). */
export function providerNames(svc: Obj): string[] {
  return entries(svc, 'capacityProviderStrategy').flatMap(({ e }) => {
    const name = known(e.capacityProvider);
    return name === undefined ? [] : [name];
  });
}

/**
 * How the service says it runs on Fargate: through `launchType`, or a FARGATE / FARGATE_SPOT capacity provider
 * (a strategy cannot mix Fargate and Auto Scaling group providers). Undefined when it does not say so.
 */
export function fargateSource(svc: Obj): { path: JsonPath; label: string } | undefined {
  if (svc.launchType === 'FARGATE') return { path: ['launchType'], label: 'launchType "FARGATE"' };
  for (const { e, i } of entries(svc, 'capacityProviderStrategy')) {
    const name = known(e.capacityProvider);
    if (name !== undefined && FARGATE_PROVIDERS.has(name)) {
      return { path: ['capacityProviderStrategy', i, 'capacityProvider'], label: `capacity provider "${name}"` };
    }
  }
  return undefined;
}

/** True when the file is clearly create-service input (not update-service, not an ecspresso service file). */
export function isCreateServiceInput(svc: Obj): boolean {
  return typeof svc.serviceName === 'string' && typeof svc.taskDefinition === 'string' && !('service' in svc);
}

/** Reports with the checked object's own position kept in `data.at`, so fixes can build absolute paths. */
export function reportAt(ctx: RuleContext, problem: Problem): void {
  ctx.report({ ...problem, data: { ...problem.data, at: ctx.target.at } });
}

/** The absolute path of the object the rule checked (from `data.at`), or [] for a plain service file. */
export function baseOf(d: Diagnostic): JsonPath {
  const at = d.data?.at;
  return Array.isArray(at) ? (at as JsonPath) : [];
}

/** The absolute path of the reported key or value. */
export function pathOf(ctx: FixContext): JsonPath | undefined {
  const p = ctx.diagnostic.data?.path;
  return Array.isArray(p) ? p : undefined;
}

/** `"a", "b" and "c"` */
export function listOf(items: readonly unknown[]): string {
  const quoted = items.map((x) => (typeof x === 'string' ? `"${x}"` : String(x)));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
