/**
 * The control API, on paths ECS never uses (`/_control/...`), for tests and demos driving the endpoint from
 * outside the process. Every route maps to a method of LocalEcs:
 *
 *   POST   /_control/reset      {seed?: "default" | "empty" | SeedSpec}    state, faults, throttle, statistics
 *   GET    /_control/calls                                                 call statistics since the reset
 *   DELETE /_control/calls
 *   GET    /_control/faults     POST {FaultRule}     DELETE (all)
 *   POST   /_control/latency    {ms?, operations?: {Action: ms}}
 *   POST   /_control/throttle   {enabled?, categories?: {name: {burst?, rate?, operations?}}}
 *   GET    /_control/clock      POST {advanceMs?, speed?}
 *   POST   /_control/config     {serviceDeploymentsApi?, stepMs?, regions?: string[] | null}
 *   GET    /_control/summary                                               clusters, services, tasks per region
 */
import type { LocalEcs } from './engine';
import type { FaultRule } from './faults';
import type { Json } from './model';

export interface ControlResponse {
  status: number;
  body: unknown;
}

function summary(ecs: LocalEcs): Json {
  const out: Json = {};
  for (const [name, r] of ecs.state.regions) {
    out[name] = {
      clusters: Object.fromEntries(
        [...r.clusters.values()].map((c) => [c.cluster.clusterName, { services: c.services.size, tasks: c.tasks.size, containerInstances: c.instances.size }]),
      ),
      families: r.families.size,
      serviceDeployments: r.serviceDeployments.size,
    };
  }
  return out;
}

/** Answers one control request; `body` is the parsed JSON body (or {}). */
export function handleControl(ecs: LocalEcs, method: string, path: string, body: Json): ControlResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  const ok = (b: unknown = { ok: true }): ControlResponse => ({ status: 200, body: b });
  try {
    switch (route) {
      case 'POST /_control/reset':
        ecs.reset(body.seed as Parameters<LocalEcs['reset']>[0]);
        return ok();
      case 'GET /_control/calls':
        return ok(ecs.calls());
      case 'DELETE /_control/calls':
        ecs.resetCalls();
        return ok();
      case 'GET /_control/faults':
        return ok(ecs.faults.list());
      case 'POST /_control/faults':
        ecs.faults.add(body as unknown as FaultRule);
        return ok();
      case 'DELETE /_control/faults':
        ecs.faults.clear();
        return ok();
      case 'POST /_control/latency':
        if (typeof body.ms === 'number') ecs.latencyMs = body.ms;
        if (body.operations && typeof body.operations === 'object') Object.assign(ecs.latencyByOperation, body.operations);
        return ok({ ms: ecs.latencyMs, operations: ecs.latencyByOperation });
      case 'POST /_control/throttle':
        if (typeof body.enabled === 'boolean') ecs.throttle.enabled = body.enabled;
        if (body.categories && typeof body.categories === 'object') ecs.throttle.configure(body.categories as Record<string, Json>);
        return ok({ enabled: ecs.throttle.enabled, categories: ecs.throttle.describe() });
      case 'GET /_control/clock':
        return ok({ now: ecs.clock.now(), speed: ecs.clock.speed });
      case 'POST /_control/clock':
        if (typeof body.speed === 'number') ecs.clock.setSpeed(body.speed);
        if (typeof body.advanceMs === 'number') ecs.advance(body.advanceMs);
        return ok({ now: ecs.clock.now(), speed: ecs.clock.speed });
      case 'POST /_control/config':
        if (typeof body.serviceDeploymentsApi === 'boolean') ecs.serviceDeploymentsApi = body.serviceDeploymentsApi;
        if (typeof body.stepMs === 'number' && body.stepMs > 0) ecs.stepMs = body.stepMs;
        if (body.regions === null || Array.isArray(body.regions)) ecs.regions = (body.regions as string[] | null) ?? undefined;
        return ok({ serviceDeploymentsApi: ecs.serviceDeploymentsApi, stepMs: ecs.stepMs, regions: ecs.regions ?? null });
      case 'GET /_control/summary':
        return ok(summary(ecs));
      default:
        return { status: 404, body: { message: `no control route ${route}` } };
    }
  } catch (e) {
    return { status: 400, body: { message: e instanceof Error ? e.message : String(e) } };
  }
}
