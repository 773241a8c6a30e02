/**
 * The canonical form of a task definition or service, for registering and for comparing a file with what runs:
 * describe output rebuilt as request input, read-only members and nulls dropped, lists whose order ECS ignores
 * sorted, units written the way ECS returns them, and members equal to an API default dropped, so that a file
 * that leaves a default out and a described revision that spells it out compare equal.
 */
import { containsPlaceholder } from '../document/placeholders';
import { API_DEFAULTS, unconditionalDefault } from '../facts/defaults';
import { SERVICE_READ_ONLY, TASK_READ_ONLY } from '../facts/members';
import { taskCpuUnits, taskMemoryMiB } from '../facts/sizes';
import { schemaFor, type SchemaNode } from '../schema/info';
import { isObj, type Obj } from '../values';

export interface Normalized {
  value: Obj;
  /** Template placeholders found (`${VAR}`, `{{ … }}`): a file with any must be rendered before it is sent. */
  placeholders: string[];
  /** Where each placeholder sits: a path in the request input (`containerDefinitions[0].image`) and its value. */
  placeholderSites: { path: string; value: string }[];
  /** Tags carried from describe-task-definition output (`{ taskDefinition, tags }`). */
  tags?: unknown[];
}

const ROOT_SHAPE = { 'task-definition': 'RegisterTaskDefinitionRequest', service: 'CreateServiceRequest' } as const;

/** Lists whose order ECS does not keep or does not care about, with the key each item is sorted by. */
const SORTED_LISTS: Readonly<Record<string, (item: unknown) => string>> = {
  'RegisterTaskDefinitionRequest.containerDefinitions': (c) => field(c, 'name'),
  'RegisterTaskDefinitionRequest.volumes': (v) => field(v, 'name'),
  'RegisterTaskDefinitionRequest.placementConstraints': (p) => `${field(p, 'type')}\u0000${field(p, 'expression')}`,
  'RegisterTaskDefinitionRequest.requiresCompatibilities': (s) => String(s),
  'RegisterTaskDefinitionRequest.tags': (t) => field(t, 'key'),
  'ContainerDefinition.environment': (e) => field(e, 'name'),
  'ContainerDefinition.secrets': (s) => field(s, 'name'),
  'ContainerDefinition.portMappings': (p) => `${num(p, 'containerPort')}\u0000${field(p, 'protocol') || 'tcp'}\u0000${num(p, 'hostPort')}\u0000${field(p, 'containerPortRange')}`,
  'ContainerDefinition.mountPoints': (m) => `${field(m, 'sourceVolume')}\u0000${field(m, 'containerPath')}`,
  'ContainerDefinition.volumesFrom': (v) => field(v, 'sourceContainer'),
  'ContainerDefinition.ulimits': (u) => field(u, 'name'),
  'ContainerDefinition.dependsOn': (d) => field(d, 'containerName'),
  'ContainerDefinition.environmentFiles': (f) => field(f, 'value'),
  'ContainerDefinition.extraHosts': (h) => field(h, 'hostname'),
  'ContainerDefinition.systemControls': (s) => field(s, 'namespace'),
  'CreateServiceRequest.tags': (t) => field(t, 'key'),
  'CreateServiceRequest.loadBalancers': (l) => `${field(l, 'targetGroupArn')}${field(l, 'loadBalancerName')}\u0000${field(l, 'containerName')}\u0000${num(l, 'containerPort')}`,
  'CreateServiceRequest.serviceRegistries': (r) => field(r, 'registryArn'),
  'CreateServiceRequest.placementConstraints': (p) => `${field(p, 'type')}\u0000${field(p, 'expression')}`,
  'CreateServiceRequest.capacityProviderStrategy': (c) => field(c, 'capacityProvider'),
  'AwsVpcConfiguration.subnets': (s) => String(s),
  'AwsVpcConfiguration.securityGroups': (s) => String(s),
};

function field(v: unknown, key: string): string {
  return isObj(v) && typeof v[key] === 'string' ? (v[key] as string) : isObj(v) && isObj(v[key]) ? JSON.stringify(v[key]) : '';
}

function num(v: unknown, key: string): string {
  return isObj(v) && typeof v[key] === 'number' ? String(v[key]).padStart(6, '0') : '';
}

interface Ctx {
  placeholders: { path: string; value: string }[];
  awsvpc: boolean;
  daemon: boolean;
  /** Inside a command a shell runs: `$VAR` and `${VAR}` are the shell's, not a template's. */
  shell: boolean;
}

/** Lists of command words, where `$HOME` or `${PORT}` is shell syntax that ECS passes on as written. */
const SHELL_LISTS = new Set(['ContainerDefinition.command', 'ContainerDefinition.entryPoint', 'HealthCheck.command']);
/** The template syntax no shell uses: `{{ ... }}` (Go templates, ecspresso, Jinja) and `#{...}` (Octopus). */
const TEMPLATE_ONLY = /\{\{[^}]*\}\}|#\{[^}]*\}/;

/** `a.b[0].c` */
function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Drops nulls, empty lists and empty objects (ECS treats them as unset and describe output adds them). */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

/**
 * Defaults that depend on the rest of the service: describe-services spells them out, files rarely do. Fargate's
 * platform version defaults to LATEST; batch sizes default to 200/100 % for REPLICA and 100/0 % for DAEMON.
 */
function conditionalDefault(member: string, ctx: { daemon: boolean }): unknown {
  switch (member) {
    // Describe output spells out LATEST for Fargate and ENABLED rebalancing for new services; a file that
    // leaves them out gets the same.
    case 'CreateServiceRequest.platformVersion':
    case 'CreateServiceRequest.availabilityZoneRebalancing':
      return API_DEFAULTS[member].value;
    case 'DeploymentConfiguration.maximumPercent':
      return ctx.daemon ? 100 : 200;
    case 'DeploymentConfiguration.minimumHealthyPercent':
      return ctx.daemon ? 0 : 100;
    default:
      return undefined;
  }
}

/**
 * Members that mean "off" when both switches are off: a deployment circuit breaker or CloudWatch alarms
 * (describe-services spells out `{ enable: false, rollback: false }` for both), and a bake time of 0 minutes
 * outside blue/green deployments.
 */
function isNeutral(shape: string, key: string, v: unknown, parent: Obj): boolean {
  if (shape !== 'DeploymentConfiguration') return false;
  if ((key === 'deploymentCircuitBreaker' || key === 'alarms') && isObj(v)) {
    return v.enable === false && v.rollback === false && (v.alarmNames === undefined || (Array.isArray(v.alarmNames) && v.alarmNames.length === 0));
  }
  if (key === 'bakeTimeInMinutes') return v === 0 && parent.strategy !== 'BLUE_GREEN';
  return false;
}

/**
 * `shape` and `key` name the member that holds `v` (for the sorted-list table); `rootShape` names the shape of
 * the top-level object, whose schema title is the document's title rather than the API shape.
 */
function normaliseValue(v: unknown, schema: SchemaNode | undefined, shape: string, key: string, ctx: Ctx, path: string, rootShape?: string): unknown {
  if (typeof v === 'string') {
    if (ctx.shell ? TEMPLATE_ONLY.test(v) : containsPlaceholder(v)) ctx.placeholders.push({ path, value: v });
    return v;
  }
  if (Array.isArray(v)) {
    const itemSchema = schema?.items;
    const shell = ctx.shell;
    ctx.shell ||= SHELL_LISTS.has(`${shape}.${key}`);
    const items = v.map((item, i) => normaliseValue(item, itemSchema, '', '', ctx, childPath(path, i))).filter((item) => !isEmpty(item));
    ctx.shell = shell;
    const sortKey = SORTED_LISTS[`${shape}.${key}`];
    return sortKey ? [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)) : items;
  }
  if (!isObj(v)) return v;
  const objectShape = rootShape ?? (schema?.properties ? (schema.title ?? '') : '');
  const out: Obj = {};
  // Members in the schema's order, then map keys (labels, log options) in sorted order: key order means nothing to ECS.
  const known = schema?.properties ? Object.keys(schema.properties) : [];
  const keys = [...known.filter((k) => k in v), ...Object.keys(v).filter((k) => !known.includes(k)).sort()];
  for (const k of keys) {
    const childSchema = schema?.properties?.[k] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    const value = normaliseValue(v[k], childSchema, objectShape, k, ctx, childPath(path, k));
    if (isEmpty(value) || isNeutral(objectShape, k, value, v)) continue;
    const member = `${objectShape}.${k}`;
    const def = schema?.properties?.[k] ? (unconditionalDefault(member) ?? { value: conditionalDefault(member, ctx) }) : undefined;
    if (def && def.value !== undefined && JSON.stringify(def.value) === JSON.stringify(value)) continue;
    out[k] = value;
  }
  if (objectShape === 'PortMapping' && ctx.awsvpc && out.hostPort === undefined && typeof out.containerPort === 'number' && out.containerPortRange === undefined) {
    // Under awsvpc the host port is the container port; describe output spells it out (in its schema place).
    out.hostPort = out.containerPort;
    return Object.fromEntries([...known.filter((k) => k in out), ...Object.keys(out).filter((k) => !known.includes(k))].map((k) => [k, out[k]]));
  }
  return out;
}

/** The object inside describe output, or the value itself. */
function unwrap(kind: 'task-definition' | 'service', v: unknown): { inner: unknown; tags?: unknown[] } {
  if (!isObj(v)) return { inner: v };
  if (kind === 'task-definition' && isObj(v.taskDefinition)) return { inner: v.taskDefinition, ...(Array.isArray(v.tags) && v.tags.length ? { tags: v.tags } : {}) };
  if (kind === 'service') {
    if (Array.isArray(v.services) && isObj(v.services[0])) return { inner: v.services[0] };
    if (isObj(v.service) && !('serviceName' in v)) return { inner: v.service };
  }
  return { inner: v };
}

/**
 * Describe output (or request input) as request input, members kept as they are: the object inside the wrapper,
 * describe-task-definition's tags moved in, the read-only members dropped, and a described service's `roleArn`
 * and `clusterArn` written as the input members `role` and `cluster`. For services-describe output with several
 * services, the first.
 */
export function requestInput(kind: 'task-definition' | 'service', value: unknown): { input: Obj; tags?: unknown[] } {
  const { inner, tags } = unwrap(kind, value);
  const input: Obj = isObj(inner) ? { ...inner } : {};
  if (kind === 'task-definition') {
    for (const k of TASK_READ_ONLY) delete input[k];
    if (tags && input.tags === undefined) input.tags = tags;
  } else {
    if (input.role === undefined && typeof input.roleArn === 'string') input.role = input.roleArn;
    if (input.cluster === undefined && typeof input.clusterArn === 'string') input.cluster = input.clusterArn;
    for (const k of SERVICE_READ_ONLY) delete input[k];
  }
  return { input, ...(tags ? { tags } : {}) };
}

/** `arn:aws:ecs:region:account:task-definition/web:12` → `web:12`; a cluster ARN → its name. */
function shortName(v: unknown, kind: 'task-definition' | 'cluster'): unknown {
  if (typeof v !== 'string') return v;
  const m = kind === 'task-definition' ? /^arn:[^:]+:ecs:[^:]*:\d*:task-definition\/(.+)$/.exec(v) : /^arn:[^:]+:ecs:[^:]*:\d*:cluster\/(.+)$/.exec(v);
  return m ? m[1] : v;
}

/** A task definition (register input, describe output, JSONC already parsed) in its canonical form. */
export function normalizeTaskDefinition(input: unknown): Normalized {
  const { input: src, tags } = requestInput('task-definition', input);
  // ECS answers with task cpu and memory in units and MiB: "1 vCPU" → "1024", "2 GB" → "2048".
  const cpu = taskCpuUnits(src.cpu);
  if (cpu !== undefined && !containsPlaceholder(src.cpu)) src.cpu = String(cpu);
  const memory = taskMemoryMiB(src.memory);
  if (memory !== undefined && !containsPlaceholder(src.memory)) src.memory = String(memory);
  const ctx: Ctx = { placeholders: [], awsvpc: src.networkMode === 'awsvpc', daemon: false, shell: false };
  const value = normaliseValue(src, schemaFor('task-definition'), '', '', ctx, '', ROOT_SHAPE['task-definition']) as Obj;
  return { value, ...placeholders(ctx), ...(tags ? { tags } : {}) };
}

/** A service (create-service input, or a service from describe-services) in its canonical create-service form. */
export function normalizeService(input: unknown): Normalized {
  const { input: src } = requestInput('service', input);
  if (src.cluster !== undefined) src.cluster = shortName(src.cluster, 'cluster');
  if (src.taskDefinition !== undefined) src.taskDefinition = shortName(src.taskDefinition, 'task-definition');
  const ctx: Ctx = { placeholders: [], awsvpc: false, daemon: src.schedulingStrategy === 'DAEMON', shell: false };
  const value = normaliseValue(src, schemaFor('service'), '', '', ctx, '', ROOT_SHAPE.service) as Obj;
  return { value, ...placeholders(ctx) };
}

function placeholders(ctx: Ctx): Pick<Normalized, 'placeholders' | 'placeholderSites'> {
  return { placeholders: ctx.placeholders.map((p) => p.value), placeholderSites: ctx.placeholders };
}

/** Canonical JSON text: two-space indentation, a final newline. */
export function canonicalText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
