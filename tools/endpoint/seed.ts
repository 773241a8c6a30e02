/**
 * Builds the endpoint's state from a seed: a small JSON description of families, clusters, services with their
 * deployment history, rollouts under way and standalone tasks (the format of `--data FILE`). The seed is played
 * as a timeline through the same operations and simulation that callers reach over HTTP, so every ARN, count,
 * event and service deployment in the seeded state is one ECS could have produced.
 */
import type { FaultRule } from './faults';
import type { Json, Tag } from './model';
import { addContainerInstance, CreateCluster } from './ops/clusters';
import type { OpContext } from './ops/context';
import { CreateService, UpdateService } from './ops/services';
import { DeregisterTaskDefinition, registerTaskDefinition } from './ops/task-definitions';
import { runUntil } from './scheduler';
import type { EndpointState, RegionState } from './state';
import { launchTask } from './tasks';

export interface SeedSpec {
  /** The fake account: 123456789012 unless set. */
  accountId?: string;
  /** Seeded regions; any other region starts empty. */
  regions: Record<string, RegionSeed>;
  /** Errors injected from the start (see faults.ts). */
  faults?: FaultRule[];
}

export interface RegionSeed {
  taskDefinitions?: FamilySeed[];
  clusters?: ClusterSeed[];
}

/**
 * A family: `revisions` registrations of `definition` (RegisterTaskDefinition input without `family`), two hours
 * apart, ending three days before now. In every string `{revision}`, `{region}` and `{account}` are replaced.
 */
export interface FamilySeed {
  family: string;
  definition: Json;
  revisions?: number;
  /** Members merged over `definition` for one revision (by number), e.g. a failing marker. */
  overrides?: Record<string, Json>;
  /** Revisions deregistered (INACTIVE) once the history has been played. */
  inactive?: number[];
  tags?: Tag[];
}

export interface ClusterSeed {
  name: string;
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: Json[];
  settings?: { name: string; value: string }[];
  tags?: Tag[];
  /** EC2 container instances (ACTIVE), and how many more are DRAINING. */
  containerInstances?: number;
  drainingInstances?: number;
  services?: ServiceSeed[];
  tasks?: TaskSeed[];
}

export interface ServiceSeed {
  name: string;
  /** `family:revision` deployed one after the other (each ten minutes after its registration). */
  deployments: string[];
  desiredCount: number;
  launchType?: 'FARGATE' | 'EC2';
  circuitBreaker?: { enable: boolean; rollback: boolean };
  loadBalancer?: boolean;
  deploymentConfiguration?: Json;
  /** A rollout started this long before now, still under way (or just failed) when the endpoint starts. */
  rollout?: { taskDefinition: string; secondsAgo: number };
  /** Makes `count` services named `name-001`, `name-002`, ... */
  count?: number;
  tags?: Tag[];
}

/** A standalone task (RunTask) started `minutesAgo`; what it does is its revision's behaviour (tasks.ts). */
export interface TaskSeed {
  taskDefinition: string;
  minutesAgo: number;
  startedBy?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function substitute(v: unknown, vars: Record<string, string>): unknown {
  if (typeof v === 'string') return v.replace(/\{(revision|region|account)\}/g, (_, k: string) => vars[k]);
  if (Array.isArray(v)) return v.map((x) => substitute(x, vars));
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, vars)]));
  return v;
}

function networkConfiguration(r: RegionState): Json {
  return {
    awsvpcConfiguration: {
      subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'],
      securityGroups: [`sg-0${r.ids.hex(16)}`],
      assignPublicIp: 'DISABLED',
    },
  };
}

interface Event {
  at: number;
  order: number;
  run: (ctx: OpContext) => void;
}

/** Plays one region's seed; `now` is the simulated time the endpoint starts at. */
function seedRegion(state: EndpointState, regionName: string, seed: RegionSeed, now: number, stepMs: number, principalArn: string): void {
  const r = state.region(regionName);
  const ctx: OpContext = { r, now: now - 3 * DAY, principalArn, serviceDeploymentsApi: true };
  const events: Event[] = [];
  const at = (time: number, run: Event['run']): void => {
    events.push({ at: time, order: events.length, run });
  };
  const registeredAt = new Map<string, number>();
  const start = now - 3 * DAY;

  // Clusters and container instances first.
  for (const c of seed.clusters ?? []) {
    at(start - DAY, (x) => {
      CreateCluster(x, { clusterName: c.name, capacityProviders: c.capacityProviders, defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy, settings: c.settings, tags: c.tags });
      const rec = r.cluster(c.name);
      for (let i = 0; i < (c.containerInstances ?? 0); i++) addContainerInstance(x, rec, { capacityProviderName: c.capacityProviders?.[0] });
      for (let i = 0; i < (c.drainingInstances ?? 0); i++) addContainerInstance(x, rec, { status: 'DRAINING', capacityProviderName: c.capacityProviders?.[0] });
    });
  }

  // Revisions two hours apart, the newest of each family three days ago at the latest.
  (seed.taskDefinitions ?? []).forEach((f, fi) => {
    const n = f.revisions ?? 1;
    for (let rev = 1; rev <= n; rev++) {
      const time = start - (n - rev) * 2 * HOUR + fi * 1000;
      registeredAt.set(`${f.family}:${rev}`, time);
      at(time, (x) => {
        const vars = { revision: String(rev), region: regionName, account: r.account };
        const input = substitute({ ...f.definition, ...(f.overrides?.[String(rev)] ?? {}), family: f.family, tags: f.tags }, vars) as Json;
        registerTaskDefinition(x, input);
      });
    }
    for (const rev of f.inactive ?? []) at(now - 2 * HOUR, (x) => DeregisterTaskDefinition(x, { taskDefinition: `${f.family}:${rev}` }));
  });

  // Services: created with their first revision, then updated through the rest of their history.
  for (const c of seed.clusters ?? []) {
    for (const s of c.services ?? []) {
      const names = s.count ? Array.from({ length: s.count }, (_, i) => `${s.name}-${String(i + 1).padStart(3, '0')}`) : [s.name];
      for (const name of names) {
        s.deployments.forEach((td, i) => {
          const time = Math.max(registeredAt.get(td) ?? start, start) + 10 * 60_000 + i * 60_000;
          at(time, (x) => {
            if (i > 0) {
              UpdateService(x, { cluster: c.name, service: name, taskDefinition: td });
              return;
            }
            const tdef = r.taskDefinition(td);
            const awsvpc = tdef.networkMode === 'awsvpc';
            CreateService(x, {
              cluster: c.name,
              serviceName: name,
              taskDefinition: td,
              desiredCount: s.desiredCount,
              ...(s.launchType ? { launchType: s.launchType } : {}),
              ...(awsvpc ? { networkConfiguration: networkConfiguration(r) } : {}),
              deploymentConfiguration: { ...(s.circuitBreaker ? { deploymentCircuitBreaker: s.circuitBreaker } : {}), ...(s.deploymentConfiguration ?? {}) },
              ...(s.loadBalancer
                ? {
                    loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:${regionName}:${r.account}:targetgroup/${name}-tg/${r.ids.hex(16)}`, containerName: String(tdef.containerDefinitions[0].name), containerPort: Number((tdef.containerDefinitions[0].portMappings as Json[] | undefined)?.[0]?.containerPort ?? 8080) }],
                    healthCheckGracePeriodSeconds: 60,
                  }
                : {}),
              tags: s.tags ?? [],
              propagateTags: 'SERVICE',
              enableECSManagedTags: true,
            });
          });
        });
        if (s.rollout) {
          const { taskDefinition, secondsAgo } = s.rollout;
          at(now - secondsAgo * 1000, (x) => UpdateService(x, { cluster: c.name, service: name, taskDefinition }));
        }
      }
    }
    for (const t of c.tasks ?? []) {
      at(now - t.minutesAgo * 60_000, (x) => {
        const td = r.taskDefinition(t.taskDefinition);
        const family = td.family;
        launchTask(r, r.cluster(c.name), { td, group: `family:${family}`, startedBy: t.startedBy, launchType: td.compatibilities.includes('FARGATE') ? 'FARGATE' : 'EC2', now: x.now });
      });
    }
  }

  events.sort((a, b) => a.at - b.at || a.order - b.order);
  r.lastStep = start - DAY;
  for (const e of events) {
    runUntil(r, e.at, stepMs);
    ctx.now = e.at;
    e.run(ctx);
  }
  runUntil(r, now, stepMs);
}

/** Fills `state` from `spec` at simulated time `now`. */
export function applySeed(state: EndpointState, spec: SeedSpec, now: number, stepMs: number, principalArn: string): void {
  for (const [region, seed] of Object.entries(spec.regions)) seedRegion(state, region, seed, now, stepMs, principalArn);
}
