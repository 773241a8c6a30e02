/** The JSON schemas as data: member names for classification, read-only members, and lookups by path. */
import serviceSchemaJson from '../../schemas/service.schema.json';
import taskSchemaJson from '../../schemas/task-definition.schema.json';

export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  readOnly?: boolean;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternName?: string;
  examples?: unknown[];
  default?: unknown;
}

export const taskDefinitionSchema = taskSchemaJson as SchemaNode;
export const serviceSchema = serviceSchemaJson as SchemaNode;

/** Top-level members that register-task-definition / create-service reject because describe output adds them. */
export function readOnlyMembers(schema: SchemaNode): Set<string> {
  return new Set(Object.entries(schema.properties ?? {}).filter(([, s]) => s.readOnly).map(([k]) => k));
}

export const taskReadOnly = readOnlyMembers(taskDefinitionSchema);
export const serviceReadOnly = readOnlyMembers(serviceSchema);
