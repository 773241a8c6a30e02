/**
 * Turns ajv errors into diagnostics people can act on: the range covers exactly the offending key or value,
 * unknown keys get a "did you mean", type errors name the expected type with an example, enum errors list the
 * allowed values, and each message names the AWS error it prevents.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DeferredRanges } from '../document/parse';
import { formatPath, pointerToPath, valueAt } from '../document/paths';
import { containsPlaceholder } from '../document/placeholders';
import type { SchemaNode } from './info';
import { prepareCandidates, suggest, type Candidates } from '../suggest';
import { BUILT_IN_CODES, severityOf, type BuiltInCode } from '../codes';
import type { Diagnostic, JsonPath } from '../types';

export interface SchemaCheck {
  validate: ValidateFunction;
  /** The value to validate (the task definition itself, also when wrapped in describe output). */
  value: unknown;
  /** Where that value sits in the document (e.g. ['taskDefinition']). */
  at: JsonPath;
  /** The schema the validator was compiled from, to look up what an error's schema path names. */
  schema: SchemaNode;
  /** Drop "missing member" errors, e.g. while the text has syntax errors and the value is partial. */
  skipRequired?: boolean;
}

const PY_TYPE: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  number: "<class 'int'>, <class 'float'>",
  boolean: "<class 'bool'>",
  array: "<class 'list'>, <class 'tuple'>",
  object: "<class 'dict'>",
};

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The Python type botocore names for a JSON value's type. */
const PY_VALUE_TYPE: Record<string, string> = { null: "<class 'NoneType'>", string: "<class 'str'>", integer: "<class 'int'>", number: "<class 'float'>", boolean: "<class 'bool'>", array: "<class 'list'>", object: "<class 'dict'>" };

function pyType(v: unknown): string {
  const t = jsonType(v);
  return PY_VALUE_TYPE[t] ?? t;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function show(v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    // Too deep to print (a value nested thousands of levels): its kind is enough.
    s = Array.isArray(v) ? '[...]' : '{...}';
  }
  return s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function exampleFor(schema: SchemaNode | undefined, type: string): string {
  if (schema?.examples?.length) return show(schema.examples[0]);
  if (schema?.enum?.length) return show(schema.enum[0]);
  switch (type) {
    case 'integer':
    case 'number':
      return String(schema?.default ?? schema?.minimum ?? 1);
    case 'string':
      return '"..."';
    case 'boolean':
      return 'true';
    case 'array':
      return '[ ... ]';
    default:
      return '{ ... }';
  }
}

function describeRange(s: SchemaNode | undefined): string {
  if (!s) return '';
  const { minimum: lo, maximum: hi } = s;
  if (lo !== undefined && hi !== undefined) return `between ${lo} and ${hi}`;
  if (lo !== undefined) return `at least ${lo}`;
  if (hi !== undefined) return `at most ${hi}`;
  return '';
}

/** Ranges are placed later, all in one pass (`ranges.resolve`). */
export function schemaDiagnostics(check: SchemaCheck, ranges: DeferredRanges<Diagnostic>): Diagnostic[] {
  const { validate, value, at } = check;
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // Where the value has the wrong type, other complaints about the same value are noise.
  const typeErrorAt = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') typeErrorAt.add(e.instancePath);
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type' && typeErrorAt.size > 0 && typeErrorAt.has(e.instancePath) && e.keyword !== 'additionalProperties' && e.keyword !== 'required') continue;
    if (check.skipRequired && e.keyword === 'required') continue;
    const d = toDiagnostic(e, value, at, check.schema, ranges);
    if (d) out.push(d);
  }
  return out;
}

/** The schema object that holds the failing keyword: `#/properties/cpu/type` → the `cpu` schema. */
function parentSchemaOf(root: SchemaNode, schemaPath: string): SchemaNode | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  let node: unknown = root;
  for (const raw of segments) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw];
  }
  return node && typeof node === 'object' ? (node as SchemaNode) : undefined;
}

/** parentSchemaOf, remembered: a validator has a fixed set of schema paths. */
const parentSchemas = new WeakMap<SchemaNode, Map<string, SchemaNode | undefined>>();

function cachedParentSchemaOf(root: SchemaNode, schemaPath: string): SchemaNode | undefined {
  let byPath = parentSchemas.get(root);
  if (!byPath) parentSchemas.set(root, (byPath = new Map()));
  if (byPath.has(schemaPath)) return byPath.get(schemaPath);
  const node = parentSchemaOf(root, schemaPath);
  byPath.set(schemaPath, node);
  return node;
}

/** The keys "did you mean" may propose in an object of this schema (read-only members are not input). */
const keyCandidates = new WeakMap<SchemaNode, Candidates>();
const NO_CANDIDATES = prepareCandidates([]);

function candidateKeys(schema: SchemaNode | undefined): Candidates {
  if (!schema) return NO_CANDIDATES;
  let found = keyCandidates.get(schema);
  if (!found) {
    found = prepareCandidates(Object.keys(schema.properties ?? {}).filter((k) => !schema.properties?.[k].readOnly));
    keyCandidates.set(schema, found);
  }
  return found;
}

/**
 * "Did you mean" for an unknown key, remembered per object schema: a typo stays in the text while it is edited,
 * and every version is linted again.
 */
const suggestions = new WeakMap<Candidates, Map<string, string | undefined>>();

function suggestKey(key: string, candidates: Candidates): string | undefined {
  let known = suggestions.get(candidates);
  if (!known) suggestions.set(candidates, (known = new Map()));
  if (known.has(key)) return known.get(key);
  const suggestion = suggest(key, candidates);
  if (known.size >= 256) known.clear();
  known.set(key, suggestion);
  return suggestion;
}

/** Keywords about a value that a template placeholder makes impossible to judge yet. */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength']);

function toDiagnostic(e: ErrorObject, root: unknown, at: JsonPath, rootSchema: SchemaNode, ranges: DeferredRanges<Diagnostic>): Diagnostic | undefined {
  const rel = pointerToPath(e.instancePath, root);
  const path = [...at, ...rel];
  const data = valueAt(root, rel);
  const schema = cachedParentSchemaOf(rootSchema, e.schemaPath);
  const where = formatPath(rel);
  const name = rel.length ? String(rel[rel.length - 1]) : 'input';
  const make = (code: string, message: string, target: 'key' | 'value' = 'value', extra: Record<string, unknown> = {}, where: JsonPath = path): Diagnostic =>
    ranges.add({ severity: code in BUILT_IN_CODES ? severityOf(code as BuiltInCode) : 'error', code, message, source: 'ecs-lens', data: { path: where, ...extra } }, where, target);

  // Values a render step fills in later cannot be judged yet.
  if (VALUE_KEYWORDS.has(e.keyword) && containsPlaceholder(data)) {
    return make('template.placeholder', `"${name}" holds a template placeholder (${show(data)}); ECS Lens checks it once the template is rendered.`);
  }

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const suggestion = suggestKey(key, candidateKeys(schema));
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      const context = rel.length ? where : 'the top level';
      const keyPath = [...path, key];
      const message = `Unknown key "${key}" in ${context}.${hint} The AWS CLI stops with: Unknown parameter in ${where}: "${key}".`;
      return make('schema.unknown-key', message, 'key', suggestion ? { suggestion } : {}, keyPath);
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const inContainer = schema?.title === 'ContainerDefinition' && (missing === 'name' || missing === 'image');
      const awsError = inContainer
        ? `ECS rejects it ("Container.${missing} should not be null or empty")`
        : `the AWS CLI stops with: Missing required parameter in ${where}: "${missing}"`;
      return make('schema.required', `Missing required key "${missing}"${rel.length ? ` in ${where}` : ''}; ${awsError}.`, 'key', { missing });
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type);
      if (data === null) {
        return make('schema.null', `"${name}" is null. The AWS CLI rejects null values ("Invalid type for parameter ${where}, value: None"); remove the key to leave it unset.`);
      }
      const example = exampleFor(schema, expected);
      return make('schema.type', `"${name}" must be ${article(expected)} (for example ${example}), not ${article(jsonType(data))}. The AWS CLI rejects it ("Invalid type for parameter ${where}, value: ${show(data)}, type: ${pyType(data)}, valid types: ${PY_TYPE[expected] ?? expected}").`, 'value', { expected, actual: jsonType(data) });
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => String(v));
      if (data === '') {
        return make('schema.empty-enum', `"${name}" is an empty string, which is not one of ${allowed.join(', ')}. Remove the key to leave it unset; ECS rejects the empty value.`, 'value', { allowed });
      }
      const near = typeof data === 'string' ? allowed.find((a) => a.toLowerCase() === data.toLowerCase()) : undefined;
      const hint = near ? ` Did you mean "${near}"? Values are case-sensitive.` : '';
      return make('schema.enum', `${show(data)} is not a valid "${name}". Allowed values: ${allowed.join(', ')}.${hint} ECS rejects the request with a ClientException.`, 'value', { allowed, ...(near ? { suggestion: near } : {}) });
    }
    case 'minimum':
    case 'maximum':
      return make('schema.range', `"${name}" is ${show(data)}, but it must be ${describeRange(schema)}. ECS rejects the request with a ClientException.`, 'value', { minimum: schema?.minimum, maximum: schema?.maximum });
    case 'pattern':
      return make('schema.pattern', `"${name}" must be ${schema?.patternName ?? `text matching ${schema?.pattern}`}; ${show(data)} is not. ECS rejects the request with a ClientException.`);
    case 'minLength':
      return make('schema.length', `"${name}" must not be ${data === '' ? 'empty' : `shorter than ${schema?.minLength} characters`}. ECS rejects the request with a ClientException.`);
    case 'maxLength':
      return make('schema.length', `"${name}" is ${(data as string).length} characters long; at most ${schema?.maxLength} are allowed. ECS rejects the request with a ClientException.`);
    case 'minItems':
      return make('schema.items', `"${name}" needs at least ${schema?.minItems} item${schema?.minItems === 1 ? '' : 's'}. ECS rejects the request with a ClientException.`);
    case 'maxItems':
      return make('schema.items', `"${name}" has ${(data as unknown[]).length} items; at most ${schema?.maxItems} are allowed. ECS rejects the request with a ClientException.`);
    case 'minProperties':
    case 'maxProperties':
      return make('schema.union', `"${name}" must set exactly one of ${Object.keys(schema?.properties ?? {}).join(', ')}.`);
    default:
      return make(`schema.${e.keyword}`, `"${name}" ${e.message ?? 'is not valid'}.`);
  }
}
