/**
 * From a prepared file (src/core/normalize/prepare.ts) to ECS: what is live, the diff, and the one mutating call
 * — RegisterTaskDefinition for a task definition; CreateService or UpdateService for a service file. Plans read
 * only; `apply*` send. The CLI and the editor confirm between the two. Only the `EcsGateway` interface is used.
 */
import { changedMembers } from '../core/normalize/changes';
import { canonicalText, normalizeService, normalizeTaskDefinition } from '../core/normalize/normalize';
import type { PreparedFile } from '../core/normalize/prepare';
import { unifiedDiff } from '../core/normalize/diff';
import { toUpdateServiceInput } from '../core/facts/service-inputs';
import { type CallOptions, type EcsGateway, GatewayError, isGatewayError, type JsonObject, type Service, type TaskDefinitionDescription, type UpdateServiceInput } from './gateway';

/** Options of the plan functions: the signal, and how the diff names the file. */
export interface PlanOptions extends CallOptions {
  /** How the file is named in the diff header (its path). Default "file". */
  fileLabel?: string;
}

/** A registration, read but not sent: the latest ACTIVE revision, the diff and the input. */
export interface TaskDefinitionPlan {
  kind: 'task-definition';
  family: string;
  /** The family's latest ACTIVE revision, when it has one. */
  live?: TaskDefinitionDescription;
  /** Its canonical text ('' without one). */
  liveCanonical: string;
  fileCanonical: string;
  /** A unified diff live → file of the canonical forms; '' when they are equal. */
  diff: string;
  changed: boolean;
  /** The members that differ (`containerDefinitions[app].image`, `tags`), for a confirmation. */
  changes: string[];
  /** RegisterTaskDefinition input (tags included). */
  input: JsonObject;
}

/** A service file's change, read but not sent: create or update, the diff, the input, what UpdateService leaves out. */
export interface ServicePlan {
  kind: 'service';
  /** The cluster as the file names it (a name or an ARN; `default` when it names none). */
  cluster: string;
  /** Its name, for messages. */
  clusterName: string;
  serviceName: string;
  /** Create when the service does not exist (or is INACTIVE), update otherwise. */
  action: 'create' | 'update';
  live?: Service;
  liveCanonical: string;
  fileCanonical: string;
  diff: string;
  changed: boolean;
  /** The members that differ from the live service. */
  changes: string[];
  /** CreateService input, or UpdateService input (`service` instead of `serviceName`, create-only members left out). */
  input: JsonObject;
  /** Update only: members of the file that UpdateService does not take. */
  leftOut: string[];
  /** Of those, the ones whose value differs from the live service: the update cannot apply them. */
  leftOutChanged: string[];
}

function requirePrepared(prepared: PreparedFile, kind: 'task-definition' | 'service'): string {
  if (prepared.kind !== kind || !prepared.name) {
    throw new GatewayError('invalid-parameters', `The file is not a ${kind === 'task-definition' ? 'task definition' : 'service'} with a usable name.`);
  }
  return prepared.name;
}

/** The canonical text of a described revision (tags included). */
export function liveTaskDefinitionText(live: TaskDefinitionDescription): string {
  return canonicalText(normalizeTaskDefinition({ taskDefinition: live.taskDefinition.document, tags: live.tags }).value);
}

/** The canonical text of a described service. */
export function liveServiceText(live: Service): string {
  return canonicalText(normalizeService(live.document).value);
}

/** The latest ACTIVE revision of `family`, or undefined when it has none. */
export async function latestRevision(gw: EcsGateway, family: string, o: CallOptions = {}): Promise<TaskDefinitionDescription | undefined> {
  try {
    const live = await gw.describeTaskDefinition(family, o);
    return live.taskDefinition.status === 'ACTIVE' ? live : undefined;
  } catch (e) {
    if (isGatewayError(e) && e.kind === 'not-found') return undefined;
    throw e;
  }
}

/** Reads the family's latest ACTIVE revision and compares the file with it. Sends nothing. */
export async function planTaskDefinition(gw: EcsGateway, prepared: PreparedFile, o: PlanOptions = {}): Promise<TaskDefinitionPlan> {
  const family = requirePrepared(prepared, 'task-definition');
  const live = await latestRevision(gw, family, o);
  const liveCanonical = live ? liveTaskDefinitionText(live) : '';
  const liveLabel = live ? `${family}:${live.taskDefinition.revision} (latest ACTIVE revision)` : `${family} (no ACTIVE revision)`;
  const diff = unifiedDiff(liveCanonical, prepared.canonical, liveLabel, o.fileLabel ?? 'file');
  const changes = live ? changedMembers(normalizeTaskDefinition({ taskDefinition: live.taskDefinition.document, tags: live.tags }).value, prepared.normalized.value) : [];
  return { kind: 'task-definition', family, ...(live ? { live } : {}), liveCanonical, fileCanonical: prepared.canonical, diff, changed: diff !== '', changes, input: prepared.input as JsonObject };
}

/** Registers the planned revision: the new ARN and revision are in the answer. */
export function applyTaskDefinition(gw: EcsGateway, plan: TaskDefinitionPlan, o: CallOptions = {}): Promise<TaskDefinitionDescription> {
  return gw.registerTaskDefinition(plan.input, o);
}

/** A bare family (`web`) names its latest ACTIVE revision: resolve it so the diff compares revisions. */
async function resolvedTaskDefinition(gw: EcsGateway, reference: unknown, o: CallOptions): Promise<unknown> {
  if (typeof reference !== 'string' || reference.includes(':')) return reference;
  const live = await latestRevision(gw, reference, o).catch((e: unknown) => {
    if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem)) throw e;
    return undefined;
  });
  return live ? `${live.taskDefinition.family}:${live.taskDefinition.revision}` : reference;
}

/**
 * Reads the live service the file names (`cluster` + `serviceName`) and compares: create when it does not exist,
 * update otherwise (UpdateService input, and the create-only members that it leaves out). Sends nothing.
 */
export async function planService(gw: EcsGateway, prepared: PreparedFile, o: PlanOptions = {}): Promise<ServicePlan> {
  const serviceName = requirePrepared(prepared, 'service');
  const cluster = prepared.cluster ?? 'default';
  const { items } = await gw.describeServices(cluster, [serviceName], o);
  const found = items[0];
  if (found?.status === 'DRAINING') {
    throw new GatewayError('conflict', `Service ${serviceName} in cluster ${cluster} is being deleted (DRAINING): wait until it is gone, then create it again.`, { operation: 'DescribeServices' });
  }
  const live = found && found.status !== 'INACTIVE' ? found : undefined;
  // Compare what the file asks for with what runs: the cluster it falls back to, the revision a family names.
  const compared = normalizeService({ ...prepared.input, cluster, taskDefinition: await resolvedTaskDefinition(gw, prepared.input.taskDefinition, o) });
  const fileCanonical = canonicalText(compared.value);
  const liveCanonical = live ? liveServiceText(live) : '';
  const clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
  const name = `${clusterName}/${serviceName}`;
  const liveLabel = live ? `${name} (live service)` : `${name} (no such service)`;
  const diff = unifiedDiff(liveCanonical, fileCanonical, liveLabel, o.fileLabel ?? 'file');
  const liveValue = live ? normalizeService(live.document).value : undefined;
  const changes = liveValue ? changedMembers(liveValue, compared.value) : [];
  const base = { kind: 'service' as const, cluster, clusterName, serviceName, liveCanonical, fileCanonical, diff, changed: diff !== '', changes };
  if (!live || !liveValue) return { ...base, action: 'create', input: prepared.input as JsonObject, leftOut: [], leftOutChanged: [] };
  const { input, dropped } = toUpdateServiceInput(prepared.input);
  const leftOutChanged = dropped.filter((k) => JSON.stringify(compared.value[k]) !== JSON.stringify(liveValue[k]));
  return { ...base, action: 'update', live, input: input as JsonObject, leftOut: dropped, leftOutChanged };
}

/** Creates or updates the service as planned. */
export function applyService(gw: EcsGateway, plan: ServicePlan, o: CallOptions = {}): Promise<Service> {
  return plan.action === 'create' ? gw.createService(plan.input, o) : gw.updateService(plan.input as UpdateServiceInput, o);
}
