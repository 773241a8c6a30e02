/**
 * Task definitions: families, revisions, describe, register and deregister. RegisterTaskDefinition checks what
 * ECS checks on the server and stores the revision the way DescribeTaskDefinition returns it: with ECS's
 * defaults filled in (essential, cpu 0, protocol tcp, hostPort under awsvpc, empty lists) and "1 vCPU" / "2 GB"
 * converted, so that a register → describe round trip meets the same differences it meets on AWS.
 */
import { clientError, invalidParameter } from '../errors';
import { optionalEnum, optionalString, paginate, requiredString } from '../input';
import type { Json, Tag, TaskDefinition } from '../model';
import { epoch } from '../tasks';
import type { OpContext, Operation } from './context';
import { fargateMemoryChoices, taskCpuUnits, taskMemoryMiB } from '../../../src/core/facts/sizes';

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/;
const MAX_SIZE = 65_536;

/** The members RegisterTaskDefinition takes; anything else in the input is not sent by an SDK. */
const REGISTER_MEMBERS = [
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints',
  'requiresCompatibilities', 'cpu', 'memory', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators',
  'ephemeralStorage', 'runtimePlatform', 'enableFaultInjection',
] as const;

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)]));
  return v;
}

function validate(input: Json): void {
  const family = requiredString(input, 'family');
  if (!FAMILY.test(family)) throw clientError('Family must be 1-255 letters, numbers, hyphens and underscores.');
  const containers = input.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) throw clientError('Container list cannot be empty.');
  const names = new Set<string>();
  for (const c of containers as Json[]) {
    if (typeof c?.name !== 'string' || c.name === '') throw clientError('Container.name should not be null or empty.');
    if (typeof c.image !== 'string' || c.image === '') throw clientError('Container.image should not be null or empty.');
    if (names.has(c.name)) throw clientError(`Duplicate container name: ${c.name}.`);
    names.add(c.name);
    if (input.memory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
      throw clientError(`Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified.`);
    }
  }
  const compat = Array.isArray(input.requiresCompatibilities) ? (input.requiresCompatibilities as string[]) : [];
  if (compat.includes('FARGATE')) {
    if (input.networkMode !== 'awsvpc') throw clientError("Fargate only supports network mode 'awsvpc'.");
    if (input.cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.");
    if (input.memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.");
    const cpu = taskCpuUnits(input.cpu);
    const memory = taskMemoryMiB(input.memory);
    if (cpu === undefined || memory === undefined || !fargateMemoryChoices(cpu)?.includes(memory)) {
      throw clientError(`No Fargate configuration exists for given values: ${String(input.cpu)} CPU, ${String(input.memory)} memory. See the Amazon ECS documentation for the valid values.`);
    }
  }
  if (Array.isArray(input.tags) && input.tags.length > 50) throw invalidParameter('Tags can have at most 50 items.');
  const size = Buffer.byteLength(JSON.stringify(input));
  if (size > MAX_SIZE) throw clientError(`Actual task definition size of ${size} bytes exceeds the limit of ${MAX_SIZE} bytes.`);
}

/** The container members ECS fills in when they are left out. */
function withContainerDefaults(c: Json, awsvpc: boolean): Json {
  const out: Json = { ...c, cpu: c.cpu ?? 0, essential: c.essential ?? true };
  out.portMappings = (Array.isArray(c.portMappings) ? (c.portMappings as Json[]) : []).map((p) => ({
    ...p,
    ...(awsvpc && p.hostPort === undefined ? { hostPort: p.containerPort } : {}),
    protocol: p.protocol ?? 'tcp',
  }));
  for (const list of ['environment', 'mountPoints', 'volumesFrom']) out[list] = c[list] ?? [];
  return out;
}

/** The attributes ECS derives from a task definition (a subset: the ones everyday task definitions need). */
function requiresAttributes(td: Json, containers: Json[]): { name: string }[] {
  const names = new Set<string>();
  if (td.networkMode === 'awsvpc') names.add('ecs.capability.task-eni');
  if (td.taskRoleArn) names.add('com.amazonaws.ecs.capability.task-iam-role');
  for (const c of containers) {
    const log = c.logConfiguration as Json | undefined;
    if (log?.logDriver === 'awslogs') {
      names.add('com.amazonaws.ecs.capability.logging-driver.awslogs');
      names.add('com.amazonaws.ecs.capability.docker-remote-api.1.19');
      if (td.executionRoleArn) names.add('ecs.capability.execution-role-awslogs');
    }
    if (c.healthCheck) names.add('ecs.capability.container-health-check');
    if (c.dockerLabels) names.add('com.amazonaws.ecs.capability.docker-remote-api.1.18');
    if (Array.isArray(c.secrets) && c.secrets.length > 0) names.add('ecs.capability.secrets.asm.environment-variables');
  }
  return [...names].sort().map((name) => ({ name }));
}

/** Registers a revision (also used by the seed). */
export function registerTaskDefinition(ctx: OpContext, raw: Json): { taskDefinition: TaskDefinition; tags: Tag[] } {
  const input = dropNulls(raw) as Json;
  validate(input);
  const family = input.family as string;
  const revisions = ctx.r.families.get(family) ?? [];
  const awsvpc = input.networkMode === 'awsvpc';
  const containers = (input.containerDefinitions as Json[]).map((c) => withContainerDefaults(c, awsvpc));
  const compat = new Set(['EC2']);
  if (awsvpc && input.cpu !== undefined && input.memory !== undefined) compat.add('FARGATE');
  if (!awsvpc) compat.add('EXTERNAL');
  const kept = Object.fromEntries(REGISTER_MEMBERS.filter((m) => input[m] !== undefined).map((m) => [m, input[m]]));
  const td: TaskDefinition = {
    ...kept,
    taskDefinitionArn: ctx.r.arns.taskDefinition(family, revisions.length + 1),
    containerDefinitions: containers,
    family,
    revision: revisions.length + 1,
    volumes: (input.volumes as Json[] | undefined) ?? [],
    status: 'ACTIVE',
    requiresAttributes: requiresAttributes(input, containers),
    placementConstraints: (input.placementConstraints as Json[] | undefined) ?? [],
    compatibilities: [...compat],
    registeredAt: epoch(ctx.now),
    registeredBy: ctx.principalArn,
  };
  // ECS stores task-level sizes as plain numbers in strings.
  if (input.cpu !== undefined) td.cpu = String(taskCpuUnits(input.cpu) ?? input.cpu);
  if (input.memory !== undefined) td.memory = String(taskMemoryMiB(input.memory) ?? input.memory);
  revisions.push(td);
  ctx.r.families.set(family, revisions);
  const tags = Array.isArray(input.tags) ? (input.tags as Tag[]) : [];
  ctx.r.taskDefinitionTags.set(td.taskDefinitionArn, tags);
  return { taskDefinition: structuredClone(td), tags: structuredClone(tags) };
}

export const RegisterTaskDefinition: Operation = (ctx, input) => registerTaskDefinition(ctx, input) as unknown as Json;

export const DescribeTaskDefinition: Operation = (ctx, input) => {
  const td = ctx.r.taskDefinition(requiredString(input, 'taskDefinition'));
  const includeTags = Array.isArray(input.include) && input.include.includes('TAGS');
  return { taskDefinition: structuredClone(td), ...(includeTags ? { tags: structuredClone(ctx.r.taskDefinitionTags.get(td.taskDefinitionArn) ?? []) } : {}) };
};

export const DeregisterTaskDefinition: Operation = (ctx, input) => {
  const id = requiredString(input, 'taskDefinition');
  if (!id.includes(':')) throw clientError('Revision is required: give the family and revision (family:revision) or the full ARN.');
  const td = ctx.r.taskDefinition(id);
  if (td.status === 'ACTIVE') {
    td.status = 'INACTIVE';
    td.deregisteredAt = epoch(ctx.now);
  }
  return { taskDefinition: structuredClone(td) };
};

/** Families sorted by name; a family is ACTIVE while it has an ACTIVE revision. */
export const ListTaskDefinitionFamilies: Operation = (ctx, input) => {
  const prefix = optionalString(input, 'familyPrefix') ?? '';
  const status = optionalEnum(input, 'status', ['ACTIVE', 'INACTIVE', 'ALL'] as const) ?? 'ACTIVE';
  const families = [...ctx.r.families]
    .filter(([name, revs]) => name.startsWith(prefix) && (status === 'ALL' || revs.some((r) => r.status === 'ACTIVE') === (status === 'ACTIVE')))
    .map(([name]) => name)
    .sort();
  const page = paginate(families, (f) => f, input, 100, ['ListTaskDefinitionFamilies', prefix, status]);
  return { families: page.items, nextToken: page.nextToken };
};

/**
 * Revision ARNs by family name, then revision number (DESC reverses both). `familyPrefix` is, despite its name,
 * a whole family name, as in ECS.
 */
export const ListTaskDefinitions: Operation = (ctx, input) => {
  const family = optionalString(input, 'familyPrefix');
  const status = optionalEnum(input, 'status', ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'] as const) ?? 'ACTIVE';
  const sort = optionalEnum(input, 'sort', ['ASC', 'DESC'] as const) ?? 'ASC';
  const key = (td: TaskDefinition): string => `${td.family}:${String(td.revision).padStart(10, '0')}`;
  const revisions = [...ctx.r.families]
    .filter(([name]) => family === undefined || name === family)
    .flatMap(([, revs]) => revs.filter((r) => r.status === status))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  if (sort === 'DESC') revisions.reverse();
  const page = paginate(revisions, key, input, 100, ['ListTaskDefinitions', family, status, sort], sort === 'DESC');
  return { taskDefinitionArns: page.items.map((td) => td.taskDefinitionArn), nextToken: page.nextToken };
};
