/**
 * Decides from content whether a JSON value is an ECS task definition, a service, or describe output of
 * either. Unrelated JSON (package.json, tsconfig.json, ...) must come out as 'none' so it gets no ECS
 * diagnostics at all; when in doubt, say 'none'.
 */
import { serviceSchema, taskDefinitionSchema } from '../schema/info';
import type { DocumentKind } from '../types';
import { isObj } from '../values';

const taskMembers = new Set(Object.keys(taskDefinitionSchema.properties ?? {}));
const serviceMembers = new Set(Object.keys(serviceSchema.properties ?? {}));

/** Members that, on their own, mark a service: no other common JSON format uses them at the top level. */
const SERVICE_MARKERS = new Set([
  'serviceName', 'desiredCount', 'launchType', 'schedulingStrategy', 'loadBalancers', 'deploymentConfiguration',
  'deploymentController', 'capacityProviderStrategy', 'networkConfiguration', 'placementStrategy',
  'serviceRegistries', 'healthCheckGracePeriodSeconds', 'serviceConnectConfiguration', 'enableExecuteCommand',
  'enableECSManagedTags', 'forceNewDeployment', 'serviceArn', 'runningCount',
]);


export function looksLikeTaskDefinition(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (Array.isArray(v.containerDefinitions)) return true;
  if (typeof v.family !== 'string') return false;
  // `family` alone is too common a word; ask for a second task-definition member.
  return Object.keys(v).some((k) => k !== 'family' && taskMembers.has(k) && !serviceMembers.has(k));
}

export function looksLikeService(v: unknown): boolean {
  if (!isObj(v) || Array.isArray(v.containerDefinitions)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0 || !keys.some((k) => SERVICE_MARKERS.has(k))) return false;
  // Most keys must be service members: a marker alone in unrelated JSON is not enough.
  const known = keys.filter((k) => serviceMembers.has(k)).length;
  return known * 2 >= keys.length;
}

export function classifyValue(value: unknown): DocumentKind {
  if (!isObj(value)) return 'none';
  if (looksLikeTaskDefinition(value)) return 'task-definition';
  if (isObj(value.taskDefinition) && looksLikeTaskDefinition(value.taskDefinition)) return 'task-definition-describe';
  if (Array.isArray(value.services) && value.services.length > 0 && value.services.every((s) => looksLikeService(s))) {
    return 'services-describe';
  }
  if (isObj(value.service) && looksLikeService(value.service)) return 'services-describe';
  if (looksLikeService(value)) return 'service';
  return 'none';
}
