/** The JSON schemas as data, with their descriptions: member names for classification, and lookups by path. */
import serviceSchemaJson from '../../../schemas/service.schema.json';
import taskSchemaJson from '../../../schemas/task-definition.schema.json';

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
  /** One explanation per `enum` value, in the same order (VS Code's JSON schema annotation). */
  markdownEnumDescriptions?: string[];
  /** Where the member applies: platforms ECS rejects or ignores it on, the only ones it works on, a condition. */
  'x-platforms'?: { not?: string[]; only?: string[]; note?: string };
}

export const taskDefinitionSchema = taskSchemaJson as SchemaNode;
export const serviceSchema = serviceSchemaJson as SchemaNode;

/** The schema of the ECS object of a kind. */
export function schemaFor(kind: 'task-definition' | 'service'): SchemaNode {
  return kind === 'task-definition' ? taskDefinitionSchema : serviceSchema;
}

/**
 * The schema node that describes the value at `path` below `root`: walks `properties` for keys, `items` for list
 * indexes, and `additionalProperties` for the keys of a map. Undefined where the schema does not describe the path.
 */
export function schemaAt(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') {
      node = node.items;
    } else if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, seg)) {
      node = node.properties[seg];
    } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      node = node.additionalProperties;
    } else {
      return undefined;
    }
  }
  return node;
}
