/**
 * Reads the ECS API model that ships inside the installed `@aws-sdk/client-ecs`: its runtime schemas
 * (member names, JSON types, required counts), its type declarations (which members take which enum) and the
 * request/response examples of its command declarations (which numbers are integers, longs or doubles).
 * The schema generator and the schema drift test both use it, so the SDK stays the source of truth.
 *
 * Where the number formats come from: the runtime schemas write every number as 1 (Smithy's NumericSchema)
 * and the schema-based JSON serde passes numbers through unchanged, so neither tells an Integer from a Double;
 * the model .d.ts files type them all as `number`, and the package ships no Smithy model. The one place the
 * package keeps the distinction is the generated usage example in each `dist-types/commands/*Command.d.ts`:
 * `cpu: Number("int")`, `canaryPercent: Number("double")`, written from the Smithy shape of every member.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(__filename);

export type SdkType =
  | { kind: 'string'; enumName?: string; values?: string[] }
  | { kind: 'number'; format?: NumberFormat }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'document' }
  | { kind: 'list'; item: SdkType }
  | { kind: 'map'; value: SdkType }
  | { kind: 'structure'; name: string };

/** The Smithy number shapes as the SDK's usage examples name them (`Number("int")`). */
export type NumberFormat = 'int' | 'long' | 'short' | 'byte' | 'float' | 'double' | 'bigInteger' | 'bigDecimal';

/** Whole numbers: JSON Schema "integer"; everything else is "number". */
export const INTEGER_FORMATS: ReadonlySet<NumberFormat> = new Set(['int', 'long', 'short', 'byte', 'bigInteger']);

export interface SdkShape {
  name: string;
  members: Record<string, SdkType>;
  required: string[];
  /** A Smithy union: exactly one member is set. */
  union: boolean;
}

export interface SdkModel {
  shapes: Map<string, SdkShape>;
  enums: Record<string, string[]>;
  version: string;
}

type Ref = number | unknown[] | (() => unknown);

const STRUCT = 3;
const LIST = 1;
const MAP = 2;
const UNION = 4;

/** Loads the model reachable from the named request shapes (e.g. `RegisterTaskDefinitionRequest`). */
export function loadSdkModel(roots: string[]): SdkModel {
  const pkgJson = require.resolve('@aws-sdk/client-ecs/package.json');
  const dir = dirname(pkgJson);
  const sdk = require('@aws-sdk/client-ecs') as Record<string, unknown>;
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;

  const enums: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(sdk)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && !k.endsWith('$')) {
      const values = Object.values(v as Record<string, unknown>);
      if (values.length > 0 && values.every((x) => typeof x === 'string')) enums[k] = values as string[];
    }
  }
  const memberTypes = readDeclaredMemberTypes(dir);
  const numberFormats = readNumberFormats(dir);
  const shapes = new Map<string, SdkShape>();

  const resolve = (ref: Ref): unknown => (typeof ref === 'function' ? ref() : ref);

  const typeOf = (raw: Ref, owner: string, member: string): SdkType => {
    let ref = resolve(raw);
    // A member schema with traits is written as [schemaRef, traits].
    if (Array.isArray(ref) && ref.length === 2 && typeof ref[1] === 'number' && (typeof ref[0] === 'function' || typeof ref[0] === 'number')) {
      ref = resolve(ref[0] as Ref);
    }
    if (typeof ref === 'number') {
      if (ref & 64) return { kind: 'list', item: typeOf(ref & ~64, owner, member + '[]') };
      if (ref & 128) return { kind: 'map', value: typeOf(ref & ~128, owner, member + '{}') };
      switch (ref) {
        case 0: {
          const declared = memberTypes.get(`${owner}.${member.replace(/(\[\]|\{\})+$/, '')}`);
          if (declared && enums[declared]) return { kind: 'string', enumName: declared, values: enums[declared] };
          return { kind: 'string' };
        }
        case 1: {
          const format = numberFormats.get(`${owner}.${member.replace(/(\[\]|\{\})+$/, '')}`);
          return format ? { kind: 'number', format } : { kind: 'number' };
        }
        case 2: return { kind: 'boolean' };
        case 15: return { kind: 'document' };
        default:
          if (ref >= 4 && ref <= 7) return { kind: 'timestamp' };
          return { kind: 'string' };
      }
    }
    if (!Array.isArray(ref)) throw new Error(`unexpected schema for ${owner}.${member}`);
    const [tag, , name] = ref as [number, string, string];
    if (tag === STRUCT || tag === UNION) {
      visit(ref);
      return { kind: 'structure', name };
    }
    if (tag === LIST) return { kind: 'list', item: typeOf(ref[4] as Ref, owner, member + '[]') };
    if (tag === MAP) return { kind: 'map', value: typeOf(ref[5] as Ref, owner, member + '{}') };
    throw new Error(`unknown schema tag ${tag} for ${owner}.${member}`);
  };

  const visit = (schema: unknown[]): void => {
    const [tag, , name, , memberNames, memberRefs, requiredCount] = schema as [number, string, string, number, string[], Ref[], number | undefined];
    if (shapes.has(name)) return;
    const shape: SdkShape = { name, members: {}, required: memberNames.slice(0, requiredCount ?? 0), union: tag === UNION };
    shapes.set(name, shape);
    memberNames.forEach((m, i) => {
      shape.members[m] = typeOf(memberRefs[i], name, m);
    });
  };

  for (const root of roots) {
    const schema = sdk[root + '$'];
    if (!Array.isArray(schema)) throw new Error(`@aws-sdk/client-ecs has no runtime schema ${root}$`);
    visit(schema);
  }
  return { shapes, enums, version };
}

/** `Shape.member` → declared type name, read from the SDK's .d.ts files (enums are plain strings at run time). */
function readDeclaredMemberTypes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of ['models_0.d.ts', 'models_1.d.ts']) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'dist-types', 'models', file), 'utf8');
    } catch {
      continue;
    }
    let current: string | undefined;
    for (const line of text.split('\n')) {
      const open = /^export interface (\w+) \{/.exec(line);
      if (open) {
        current = open[1];
        continue;
      }
      if (line.startsWith('}')) {
        current = undefined;
        continue;
      }
      const m = current && /^ {4}(\w+)\??: (\w+)(?:\[\])? \| undefined;/.exec(line);
      if (m && current) out.set(`${current}.${m[1]}`, m[2]);
    }
  }
  return out;
}

const NUMBER_FORMATS = new Set<string>(['int', 'long', 'short', 'byte', 'float', 'double', 'bigInteger', 'bigDecimal']);

type Frame = { kind: 'struct'; shape: string } | { kind: 'collection'; owner: string; member: string };

/**
 * `Shape.member` → the Smithy number format, read from the usage examples of the command declarations. Each
 * example nests the members of a request (and, commented out, of the response) with the shape name after
 * every opening bracket (`portMappings: [ // PortMappingList`, `{ // PortMapping`), so a stack of open
 * structures gives the owner of each `Number("…")`. A number inside a list or map belongs to the member that
 * holds the collection (`ignoredExitCodes: [ Number("int") ]` → `ContainerRestartPolicy.ignoredExitCodes`).
 */
export function readNumberFormats(dir: string): Map<string, NumberFormat> {
  const out = new Map<string, NumberFormat>();
  const commands = join(dir, 'dist-types', 'commands');
  let files: string[];
  try {
    files = readdirSync(commands).filter((f) => f.endsWith('Command.d.ts'));
  } catch {
    return out;
  }
  const record = (key: string, format: string, file: string): void => {
    if (!NUMBER_FORMATS.has(format)) throw new Error(`${file}: unknown number format "${format}" for ${key}`);
    const known = out.get(key);
    if (known && known !== format) throw new Error(`${file}: ${key} is ${known} elsewhere and ${format} here`);
    out.set(key, format as NumberFormat);
  };
  for (const file of files) {
    const lines = readFileSync(join(commands, file), 'utf8').split('\n');
    let stack: Frame[] = [];
    for (let i = 0; i < lines.length; i++) {
      // Example lines are " * <code>" (the request) or " * // <code>" (the response).
      const m = /^ \* (?:\/\/ )?(.*)$/.exec(lines[i]);
      if (!m) {
        stack = [];
        continue;
      }
      const code = m[1];
      const root = /^(?:const input = )?\{ \/\/ (\w+)$/.exec(code);
      if (root && stack.length === 0) {
        stack.push({ kind: 'struct', shape: root[1] });
        continue;
      }
      if (stack.length === 0) continue;
      const top = stack[stack.length - 1];
      // The shape name is left out where the example writes a list of strings inline (`add: [`).
      const open = /^\s*(?:(\w+|"<keys>"): )?([[{])(?: \/\/ (\w+))?\s*(?:\/\/.*)?$/.exec(code);
      if (open) {
        const [, key, bracket, name] = open;
        const next = /^ \* (?:\/\/ )?(.*)$/.exec(lines[i + 1] ?? '')?.[1] ?? '';
        // A map is written like a structure; its entries are "<keys>".
        const isMap = bracket === '{' && /^\s*"<keys>":/.test(next);
        // A structure the example already expanded elsewhere is opened without its name: its numbers are
        // skipped here (shape ''), and read where the example names it.
        if (bracket === '{' && !isMap) stack.push({ kind: 'struct', shape: name ?? '' });
        else if (key && key !== '"<keys>"' && top.kind === 'struct') stack.push({ kind: 'collection', owner: top.shape, member: key });
        else if (top.kind === 'collection') stack.push({ ...top });
        else stack.push({ kind: 'collection', owner: name ?? '', member: '' });
        continue;
      }
      if (/^\s*[\]}],?\s*(?:\/\/.*)?$/.test(code)) {
        stack.pop();
        continue;
      }
      const num = /^\s*(?:(\w+|"<keys>"): )?Number\("(\w+)"\)/.exec(code);
      if (!num) continue;
      const [, key, format] = num;
      if (key && key !== '"<keys>"' && top.kind === 'struct') {
        if (top.shape) record(`${top.shape}.${key}`, format, file);
      }
      else if (top.kind === 'collection' && top.member) record(`${top.owner}.${top.member}`, format, file);
    }
  }
  return out;
}
