/**
 * The diagnostic codes that do not come from a rule row: JSON syntax, schema validation, describe-output
 * leftovers and template placeholders. Each has its title, default severity and documentation here, once; the
 * rule table adds its own rows (rules/index.ts `diagnosticCodes`), and the CLI's `rules` command, SARIF and
 * docs/rules.md read the combined list.
 */
import { DOCS } from './facts/docs';
import type { Severity } from './types';

const REGISTER = DOCS.registerTaskDefinition;

export interface CodeInfo {
  /** The diagnostic code, also the key in `ecsLens.rules` and `--rule`. */
  id: string;
  title: string;
  /** The severity before settings change it. */
  severity: Severity;
  /** Where to read more. */
  docs: string;
  /** Where the code comes from. */
  group: 'json' | 'schema' | 'describe' | 'template' | 'rule';
  /** For built-in codes: what it reports, and its fix (docs/rules.md). */
  summary?: string;
}

function code(id: string, severity: Severity, title: string, summary: string, docs = REGISTER): CodeInfo {
  return { id, severity, title, summary, docs, group: id.slice(0, id.indexOf('.')) as CodeInfo['group'] };
}

export const BUILT_IN_CODES = {
  'json.syntax': code('json.syntax', 'error', 'JSON syntax error', 'The text is not valid JSON (comments and trailing commas are accepted).'),
  'json.duplicate-key': code('json.duplicate-key', 'warning', 'Duplicate key in an object', 'A key appears twice in one object; the AWS CLI keeps only the last value.'),
  'json.encoding': code('json.encoding', 'error', 'Byte order mark or an encoding other than UTF-8', 'A UTF-8 byte order mark (fix: remove it), or text that is UTF-16 or binary.'),
  'json.too-deep': code('json.too-deep', 'error', 'Nesting deeper than any ECS document', 'Nesting thousands of levels deep, which no ECS document has; the file is not read further.'),
  'schema.unknown-key': code('schema.unknown-key', 'error', 'Key not accepted by the ECS API', 'A key the ECS API does not accept, with the nearest valid key. Fix: rename, or remove the key.'),
  'schema.required': code('schema.required', 'error', 'Required member missing', 'A required member is missing.'),
  'schema.type': code('schema.type', 'error', 'Value of the wrong JSON type', 'A value of the wrong JSON type, with an example. Fix: convert "256" ↔ 256, "true" → true.'),
  'schema.null': code('schema.null', 'warning', 'null value the AWS CLI rejects', 'A null value, which the AWS CLI rejects. Fix: remove the key.'),
  'schema.enum': code('schema.enum', 'error', 'Value not among the allowed values', 'A value outside the allowed values, which are listed. Fix: correct the case.'),
  'schema.empty-enum': code('schema.empty-enum', 'warning', 'Empty string instead of an allowed value', 'An empty string where a value from a list is expected. Fix: remove the key.'),
  'schema.range': code('schema.range', 'error', 'Number outside the allowed range', 'A number outside its allowed range (health-check timings, ports, ephemeral storage, ...).'),
  'schema.pattern': code('schema.pattern', 'error', 'Value does not match the required format', 'A name or value in the wrong format (family and container names, port names, ...).'),
  'schema.length': code('schema.length', 'error', 'String too short or too long', 'A string that is too short or too long.'),
  'schema.items': code('schema.items', 'error', 'Too few or too many list items', 'Too few or too many list items (10 containers, 5 load balancers, 16 subnets, ...).'),
  'schema.union': code('schema.union', 'error', 'Exactly one member must be set', 'An object that must set exactly one of its members.'),
  'describe.read-only': code('describe.read-only', 'warning', 'Read-only field from describe output', 'A read-only field of describe output (revision, status, ...). Fix: remove it.'),
  'describe.wrapper': code('describe.wrapper', 'warning', 'Describe output instead of request input', 'describe-task-definition / describe-services output instead of request input. Fix: unwrap.'),
  'template.placeholder': code('template.placeholder', 'information', 'Template placeholder, checked once rendered', 'A template placeholder (${VAR}, {{ ... }}, <NAME>) where a checked value belongs; checked once rendered.'),
} satisfies Record<string, CodeInfo>;

export type BuiltInCode = keyof typeof BUILT_IN_CODES;

/** The default severity of a built-in code. */
export function severityOf(id: BuiltInCode): Severity {
  return BUILT_IN_CODES[id].severity;
}
