/**
 * Where a service runs against what the task definition it names can run: Fargate Spot (Linux X86_64 only), a
 * pinned Fargate platform version, and the launch types ECS registered the task definition for. Silent unless the
 * caller's workspace holds that task definition.
 */
import type { Rule } from '../types';
import { linkedTaskDefinition } from './linked';
import {
  compareVersions,
  compatibilities,
  DOCS,
  FARGATE_LINUX_PLATFORM_VERSIONS,
  FARGATE_SPOT_PLATFORM,
  fargatePlatformVersionNeeds,
  isWindows,
  RETIRED_FARGATE_LINUX_PLATFORM_VERSIONS,
} from '../../facts';
import { asArray, baseOf, changeTo, entries, fargateSource, isObj, known, listOf, listWords, reportedPath } from '../helpers';

export const fargateSpotPlatform: Rule = {
  id: 'fargate-spot-platform',
  severity: 'warning',
  appliesTo: 'service',
  title: 'Fargate Spot runs Linux X86_64 tasks only',
  docs: DOCS.fargateCapacityProviders,
  check(ctx) {
    const svc = ctx.target.value;
    const items = entries(svc, 'capacityProviderStrategy');
    const spot = items.find(({ e }) => known(e.capacityProvider) === 'FARGATE_SPOT');
    const linked = spot && linkedTaskDefinition(ctx);
    if (!spot || !linked) return;
    const platform = isObj(linked.td.runtimePlatform) ? linked.td.runtimePlatform : {};
    const arch = known(platform.cpuArchitecture);
    const reason = isWindows(linked.td)
      ? `runs Windows containers (${String(platform.operatingSystemFamily)})`
      : arch !== undefined && arch !== FARGATE_SPOT_PLATFORM.cpuArchitecture
        ? `runs on ${arch}`
        : undefined;
    if (!reason) return;
    ctx.report({
      path: ['capacityProviderStrategy', spot.i, 'capacityProvider'],
      message:
        `Fargate Spot runs Linux tasks on X86_64 only, and task definition "${linked.reference}" ${reason}. ` +
        'The share of tasks this strategy gives to FARGATE_SPOT cannot be placed, so the service never reaches its desired count. Use "FARGATE" for these tasks.',
      data: { index: spot.i, alone: items.length === 1 },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { index, alone } = ctx.diagnostic.data ?? {};
    if (!path || typeof index !== 'number') return undefined;
    if (alone === true) return [changeTo(path, 'FARGATE', false)];
    return [{ title: 'Remove the FARGATE_SPOT item', changes: [{ path: [...baseOf(ctx), 'capacityProviderStrategy', index], remove: true }], certain: false }];
  },
};

export const fargatePlatformVersion: Rule = {
  id: 'service-fargate-platform-version',
  severity: 'warning',
  appliesTo: 'service',
  title: "A pinned Fargate platform version supports what the task definition uses",
  docs: DOCS.fargatePlatformVersions,
  check(ctx) {
    const svc = ctx.target.value;
    const version = known(svc.platformVersion);
    if (version === undefined || !FARGATE_LINUX_PLATFORM_VERSIONS.includes(version) || !fargateSource(svc)) return;
    const linked = linkedTaskDefinition(ctx);
    // Windows has a single Fargate platform version (1.0.0), which supports what Windows tasks can use.
    if (!linked || isWindows(linked.td)) return;
    const needs = fargatePlatformVersionNeeds(linked.td).filter((n) => compareVersions(version, n.version) < 0);
    if (needs.length === 0) return;
    const required = needs.reduce((max, n) => (compareVersions(n.version, max) > 0 ? n.version : max), needs[0].version);
    ctx.report({
      path: ['platformVersion'],
      message:
        `This service pins Fargate platform version ${version}, but task definition "${linked.reference}" uses ${listWords(needs.map((n) => `${n.what} (${n.version})`))}, ` +
        `which need${needs.length === 1 ? 's' : ''} platform version ${required} or later. The tasks fail to start on ${version}. Use "${required}" or "LATEST".`,
      data: { required },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const required = ctx.diagnostic.data?.required;
    if (!path || typeof required !== 'string') return undefined;
    return [
      changeTo(path, 'LATEST', false),
      changeTo(path, required, false),
    ];
  },
};

export const fargatePlatformRetired: Rule = {
  id: 'service-fargate-platform-retired',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A pinned Fargate Linux platform version that AWS has retired',
  docs: DOCS.fargatePlatformVersionsRetired,
  check(ctx) {
    const svc = ctx.target.value;
    const version = known(svc.platformVersion);
    // Describe output records what a service ran with; the rule is about what a file would create or update.
    if (ctx.doc.kind === 'services-describe') return;
    if (version === undefined || !RETIRED_FARGATE_LINUX_PLATFORM_VERSIONS.includes(version) || !fargateSource(svc)) return;
    const linked = linkedTaskDefinition(ctx);
    // 1.0.0 is also the (current) Windows version: only a Linux task definition in the workspace tells them apart.
    if (linked ? isWindows(linked.td) : version === '1.0.0') return;
    ctx.report({
      path: ['platformVersion'],
      message:
        `Fargate Linux platform version ${version} is retired (1.3.0 was the last, in March 2026): ECS no longer starts new tasks ` +
        `or creates services on it, so this service cannot run as written. Use "LATEST", which is 1.4.0; tasks on 1.4.0 pull ` +
        'images and fetch secrets through their own network interface, so a private subnet needs a NAT gateway or VPC endpoints for them.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [
      changeTo(path, 'LATEST', false),
      changeTo(path, '1.4.0', false),
    ];
  },
};

/** The launch types ECS computed for a registered task definition (describe output), when the file has them. */
function computedCompatibilities(td: Record<string, unknown>): string[] | undefined {
  const list = asArray(td.compatibilities);
  return list.length > 0 && list.every((c) => typeof c === 'string') ? (list as string[]) : undefined;
}

/** The service's launchType when it is EC2 or EXTERNAL (Fargate has its own rule, service-td-fargate-compatibility). */
function instanceLaunchType(svc: Record<string, unknown>): string | undefined {
  const launchType = known(svc.launchType);
  return launchType === 'EC2' || launchType === 'EXTERNAL' ? launchType : undefined;
}

export const launchTypeCompatibility: Rule = {
  id: 'service-td-launch-type-compatibility',
  severity: 'error',
  appliesTo: 'service',
  title: "The service's launch type is among the task definition's compatibilities",
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    const launchType = instanceLaunchType(svc);
    const linked = launchType && linkedTaskDefinition(ctx);
    const computed = linked ? computedCompatibilities(linked.td) : undefined;
    if (!launchType || !linked || !computed || computed.includes(launchType)) return;
    ctx.report({
      path: ['launchType'],
      message:
        `ECS registered task definition "${linked.reference}" as compatible with ${listOf(computed)} only (its "compatibilities"), not "${launchType}", ` +
        `so it refuses to run its tasks with launchType "${launchType}" and rejects the service. Use one of those launch types, or a task definition that suits ${launchType}.`,
    });
  },
};

export const requiresCompatibilitiesIntent: Rule = {
  id: 'service-td-requires-compatibilities',
  severity: 'information',
  appliesTo: 'service',
  title: "The service's launch type is one the task definition was written for",
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    const launchType = instanceLaunchType(svc);
    const linked = launchType && linkedTaskDefinition(ctx);
    if (!launchType || !linked || computedCompatibilities(linked.td)) return;
    const required = compatibilities(linked.td);
    if (required.length === 0 || required.some((r) => known(r) === undefined) || required.includes(launchType)) return;
    ctx.report({
      path: ['launchType'],
      message:
        `Task definition "${linked.reference}" requires ${listOf(required)} only, and this service runs it with launchType "${launchType}". ` +
        (launchType === 'EC2'
          ? 'ECS accepts this when the definition also validates for EC2 (registered task definitions list every launch type they fit in "compatibilities", and a Fargate definition usually fits EC2), '
          : 'ECS accepts this only when the definition also validates for external instances (no awsvpc, no EFS), ') +
        `but the definition was not written for ${launchType}: check that this is the launch type you meant, or add "${launchType}" to requiresCompatibilities so ECS validates it for ${launchType}.`,
    });
  },
};

export const platformTaskDefinitionRules: Rule[] = [fargateSpotPlatform, fargatePlatformVersion, fargatePlatformRetired, launchTypeCompatibility, requiresCompatibilitiesIntent];
