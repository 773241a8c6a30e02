/**
 * The canonical form of a task definition or service, for registering and for comparing a file with what runs:
 * describe output rebuilt as request input, read-only members and nulls dropped, lists whose order ECS ignores
 * sorted, units written the way ECS returns them, and members equal to an API default dropped, so that a file
 * that leaves a default out and a described revision that spells it out compare equal.
 */
import { containsPlaceholder } from '../document/placeholders';
import { unconditionalDefault } from '../facts/defaults';
import { SERVICE_READ_ONLY, TASK_READ_ONLY } from '../facts/members';
import { taskCpuUnits, taskMemoryMiB } from '../facts/sizes';
import { schemaFor, type SchemaNode } from '../schema/info';
import { isObj, type Obj } from '../values';

export interface Normalized {
  value: Obj;
  /** Template placeholders found (`${VAR}`, `{{ … }}`): a file with any must be rendered before it is sent. */
  placeholders: string[];
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
  placeholders: string[];
  awsvpc: boolean;
  daemon: boolean;
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
    case 'CreateServiceRequest.platformVersion':
      return 'LATEST';
    case 'DeploymentConfiguration.maximumPercent':
      return ctx.daemon ? 100 : 200;
    case 'DeploymentConfiguration.minimumHealthyPercent':
      return ctx.daemon ? 0 : 100;
    default:
      return undefined;
  }
}

/** A deployment circuit breaker with both switches off is the same as none. */
function isNeutral(shape: string, key: string, v: unknown): boolean {
  if (shape === 'DeploymentConfiguration' && key === 'deploymentCircuitBreaker' && isObj(v)) return v.enable === false && v.rollback === false;
  return false;
}

/**
 * `shape` and `key` name the member that holds `v` (for the sorted-list table); `rootShape` names the shape of
 * the top-level object, whose schema title is the document's title rather than the API shape.
 */
function normaliseValue(v: unknown, schema: SchemaNode | undefined, shape: string, key: string, ctx: Ctx, rootShape?: string): unknown {
  if (typeof v === 'string') {
    if (containsPlaceholder(v)) ctx.placeholders.push(v);
    return v;
  }
  if (Array.isArray(v)) {
    const itemSchema = schema?.items;
    const items = v.map((item) => normaliseValue(item, itemSchema, '', '', ctx)).filter((item) => !isEmpty(item));
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
    const value = normaliseValue(v[k], childSchema, objectShape, k, ctx);
    if (isEmpty(value) || isNeutral(objectShape, k, value)) continue;
    const member = `${objectShape}.${k}`;
    const def = schema?.properties?.[k] ? (unconditionalDefault(member) ?? { value: conditionalDefault(member, ctx) }) : undefined;
    if (def && def.value !== undefined && JSON.stringify(def.value) === JSON.stringify(value)) continue;
    out[k] = value;
  }
  if (objectShape === 'PortMapping' && ctx.awsvpc && out.hostPort === undefined && typeof out.containerPort === 'number' && out.containerPortRange === undefined) {
    // Under awsvpc the host port is the container port; describe output spells it out.
    out.hostPort = out.containerPort;
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
  const ctx: Ctx = { placeholders: [], awsvpc: src.networkMode === 'awsvpc', daemon: false };
  const value = normaliseValue(src, schemaFor('task-definition'), '', '', ctx, ROOT_SHAPE['task-definition']) as Obj;
  return { value, placeholders: ctx.placeholders, ...(tags ? { tags } : {}) };
}

/** A service (create-service input, or a service from describe-services) in its canonical create-service form. */
export function normalizeService(input: unknown): Normalized {
  const { input: src } = requestInput('service', input);
  if (src.cluster !== undefined) src.cluster = shortName(src.cluster, 'cluster');
  if (src.taskDefinition !== undefined) src.taskDefinition = shortName(src.taskDefinition, 'task-definition');
  const ctx: Ctx = { placeholders: [], awsvpc: false, daemon: src.schedulingStrategy === 'DAEMON' };
  const value = normaliseValue(src, schemaFor('service'), '', '', ctx, ROOT_SHAPE.service) as Obj;
  return { value, placeholders: ctx.placeholders };
}

/** Canonical JSON text: two-space indentation, a final newline. */
export function canonicalText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
