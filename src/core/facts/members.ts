/** Members of describe output that request input rejects: derived once from the schemas' `readOnly` flags. */
import { serviceSchema, taskDefinitionSchema, type SchemaNode } from '../schema/info';

function readOnlyMembers(schema: SchemaNode): ReadonlySet<string> {
  return new Set(Object.entries(schema.properties ?? {}).filter(([, s]) => s.readOnly).map(([k]) => k));
}

/** Top-level members of describe-task-definition output that register-task-definition rejects. */
export const TASK_READ_ONLY = readOnlyMembers(taskDefinitionSchema);
/** Top-level members of describe-services output that create-service and update-service reject. */
export const SERVICE_READ_ONLY = readOnlyMembers(serviceSchema);
