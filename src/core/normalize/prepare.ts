/**
 * A file on its way to ECS, before anything is sent: parsed (JSON or JSONC, describe output included), linted,
 * checked for template placeholders, and turned into the request input that will be sent and the canonical form
 * it is compared in. The CLI and the editor share this step; it reads no file and calls no AWS.
 *
 * What is sent is the file's own members, cleaned the way the AWS CLI needs them: describe output unwrapped,
 * read-only members and nulls dropped, describe-task-definition's `tags` carried in. The canonical form (sorted,
 * defaults dropped, units in numbers) is only for the diff: sending it would drop members the user wrote.
 */
import { analyze } from '../document/document';
import { lint } from '../lint';
import type { Diagnostic, JsonPath, LintOptions } from '../types';
import { isObj, type Obj } from '../values';
import { canonicalText, normalizeService, normalizeTaskDefinition, requestInput, type Normalized } from './normalize';

/** What a file sends: a task definition (RegisterTaskDefinition) or a service (CreateService / UpdateService). */
export type FileKind = 'task-definition' | 'service';

/** Something that stops the file from being sent. Only lint errors give way to an explicit override (`force`). */
export interface Blocker {
  reason: 'syntax' | 'not-ecs' | 'several' | 'lint' | 'placeholder' | 'name';
  message: string;
  overridable: boolean;
}

/** A file ready to be compared and sent, or the reasons it cannot be. */
export interface PreparedFile {
  /** What the file holds; undefined when it is no ECS task definition or service. */
  kind?: FileKind;
  /** The task-definition family, or the service name. */
  name?: string;
  /** Services: the cluster the file names (`default` when it names none), as a name or ARN. */
  cluster?: string;
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  /** Why the file cannot be sent as it is (empty when it can). */
  blockers: Blocker[];
  /** Request input as it will be sent (RegisterTaskDefinition or CreateService). */
  input: Obj;
  /** The canonical form, for the diff. */
  normalized: Normalized;
  canonical: string;
}

/** Drops null members and null items at every level: ECS treats them as unset, the AWS CLI rejects them. */
export function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null).map(dropNulls);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNulls(x)]));
  return v;
}

function pathText(at: JsonPath, inner: string): string {
  const prefix = at.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
  return prefix && inner ? `${prefix}${inner.startsWith('[') ? '' : '.'}${inner}` : prefix || inner;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Prepares `text` for RegisterTaskDefinition or CreateService/UpdateService: `kind` forces how it is read.
 * Check `blockers` (or `blockersFor(prepared, force)`) before sending.
 */
export function prepareFile(text: string, options: LintOptions = {}): PreparedFile {
  const doc = analyze(text, { kind: options.kind ?? 'auto' });
  const diagnostics = doc.isEcs ? lint(doc, options) : [];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const blockers: Blocker[] = [];
  const empty: Normalized = { value: {}, placeholders: [], placeholderSites: [] };
  const syntax = doc.json.syntaxErrors.filter((e) => e.code === 'json.syntax');
  if (doc.json.value === undefined || syntax.length > 0) {
    const first = syntax[0];
    const where = first ? ` (line ${doc.json.rangeAt(first.offset, first.length).start.line + 1}: ${first.message})` : '';
    blockers.push({ reason: 'syntax', message: `The file is not valid JSON${where}; fix it first.`, overridable: false });
    return { diagnostics, errors, blockers, input: {}, normalized: empty, canonical: '' };
  }
  const target = doc.targets[0];
  if (!target) {
    blockers.push({ reason: 'not-ecs', message: 'The file is neither an ECS task definition nor a service (nor describe output of one).', overridable: false });
    return { diagnostics, errors, blockers, input: {}, normalized: empty, canonical: '' };
  }
  if (doc.targets.length > 1) {
    blockers.push({ reason: 'several', message: `The file describes ${doc.targets.length} services; send them one file at a time.`, overridable: false });
  }
  const kind = target.kind;
  const { input: raw } = requestInput(kind, doc.json.value);
  const input = dropNulls(raw) as Obj;
  const normalized = kind === 'task-definition' ? normalizeTaskDefinition(input) : normalizeService(input);
  const name = kind === 'task-definition' ? input.family : input.serviceName;
  const nameOk = typeof name === 'string' && name !== '' && !normalized.placeholders.includes(name);
  if (!nameOk) {
    const member = kind === 'task-definition' ? 'family' : 'serviceName';
    blockers.push({ reason: 'name', message: `The file has no usable "${member}": ECS needs it to know which ${kind === 'task-definition' ? 'family to add a revision to' : 'service to create or update'}.`, overridable: false });
  }
  if (errors.length > 0) {
    blockers.push({
      reason: 'lint',
      message: `${plural(errors.length, 'error')} found: ${errors.slice(0, 3).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join(' · ')}${errors.length > 3 ? ' · ...' : ''}`,
      overridable: true,
    });
  }
  if (normalized.placeholderSites.length > 0) {
    const sites = normalized.placeholderSites.map((p) => `${pathText(target.at, p.path)} = ${JSON.stringify(p.value)}`);
    blockers.push({
      reason: 'placeholder',
      message: `The file still holds ${plural(sites.length, 'template placeholder')} (${sites.slice(0, 5).join(', ')}${sites.length > 5 ? ', ...' : ''}): render the template first (envsubst, ecspresso render, your CI's templating) and send the rendered file.`,
      overridable: false,
    });
  }
  const cluster = kind === 'service' ? (typeof input.cluster === 'string' && input.cluster !== '' ? input.cluster : 'default') : undefined;
  return {
    kind,
    ...(nameOk ? { name: name as string } : {}),
    ...(cluster ? { cluster } : {}),
    diagnostics,
    errors,
    blockers,
    input,
    normalized,
    canonical: canonicalText(normalized.value),
  };
}

/** The blockers that apply: all of them, or with `force` all but lint errors. */
export function blockersFor(prepared: PreparedFile, force: boolean): Blocker[] {
  return prepared.blockers.filter((b) => !(force && b.overridable));
}
