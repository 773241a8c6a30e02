/**
 * The hover data behind enum values and "where it applies" lines, against the installed @aws-sdk/client-ecs:
 * every enum value reachable from the register/create/update inputs has a description, no description names
 * an enum or value the SDK lacks, and every platforms.json entry is a real `Shape.member` with known platforms.
 * An SDK upgrade that adds, renames or drops a value fails here until the data files follow.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSdkModel, type SdkModel, type SdkType } from '../../tools/sdk-model';

type EnumDescriptions = Record<string, Record<string, string>>;
interface PlatformEntry {
  not?: string[];
  only?: string[];
  note: string;
}
type Platforms = Record<string, PlatformEntry>;

const root = join(__dirname, '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
const descriptions = readJson<EnumDescriptions>('schemas/src/enum-descriptions.json');
const platforms = readJson<Platforms>('schemas/src/platforms.json');

/** The same input roots tools/gen-schemas.ts builds the editable part of the schemas from. */
const model = loadSdkModel(['RegisterTaskDefinitionRequest', 'CreateServiceRequest', 'UpdateServiceRequest']);

const PLATFORMS = new Set(['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES', 'WINDOWS', 'LINUX']);

/**
 * Upper-case literals a description may quote although no reachable enum has them: a capacity provider name,
 * the `value` that ResourceRequirement accepts for all devices, a Linux capability.
 */
const OTHER_LITERALS = new Set(['FARGATE_SPOT', 'ALL', 'SYS_PTRACE']);

/** Enum type name → its values, for every enum some member of the model uses (lists and maps included). */
function reachableEnums(m: SdkModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (t: SdkType): void => {
    if (t.kind === 'string' && t.enumName && t.values) out.set(t.enumName, t.values);
    else if (t.kind === 'list') walk(t.item);
    else if (t.kind === 'map') walk(t.value);
  };
  for (const shape of m.shapes.values()) for (const t of Object.values(shape.members)) walk(t);
  return out;
}

/** Problems of the enum descriptions against the model, as readable lines. */
function checkDescriptions(enums: Map<string, string[]>, data: EnumDescriptions): string[] {
  const out: string[] = [];
  const allValues = new Set([...enums.values()].flat());
  for (const [name, values] of enums) {
    for (const v of values) if (!data[name]?.[v]?.trim()) out.push(`${name}.${v}: no description`);
  }
  for (const [name, texts] of Object.entries(data)) {
    const values = enums.get(name);
    if (!values) {
      out.push(`${name}: no such enum is reachable in @aws-sdk/client-ecs ${model.version}`);
      continue;
    }
    for (const [v, text] of Object.entries(texts)) {
      if (!values.includes(v)) out.push(`${name}.${v}: ${name} has no value "${v}"`);
      out.push(...checkText(`${name}.${v}`, text, allValues));
      const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z`(])/).length;
      if (sentences > 3) out.push(`${name}.${v}: ${sentences} sentences, at most 3`);
    }
  }
  return out;
}

/** A text's inline code must be balanced, and every upper-case constant it quotes must be a real value. */
function checkText(where: string, text: string, allValues: Set<string>): string[] {
  const out: string[] = [];
  if ((text.match(/`/g) ?? []).length % 2) out.push(`${where}: unbalanced backticks`);
  for (const [, code] of text.matchAll(/`([^`]+)`/g)) {
    if (/^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(code) && !allValues.has(code) && !OTHER_LITERALS.has(code)) {
      out.push(`${where}: names \`${code}\`, which is no value of any reachable enum`);
    }
  }
  return out;
}

/** Problems of platforms.json against the model, as readable lines. */
function checkPlatforms(m: SdkModel, enums: Map<string, string[]>, data: Platforms): string[] {
  const out: string[] = [];
  const allValues = new Set([...enums.values()].flat());
  for (const [key, entry] of Object.entries(data)) {
    const [shape, member, ...rest] = key.split('.');
    if (rest.length || !member || !m.shapes.get(shape)?.members[member]) out.push(`${key}: not a Shape.member of the model`);
    const not = entry.not ?? [];
    const only = entry.only ?? [];
    if (!not.length && !only.length) out.push(`${key}: neither "not" nor "only" lists a platform`);
    for (const p of [...not, ...only]) if (!PLATFORMS.has(p)) out.push(`${key}: unknown platform "${p}"`);
    for (const p of not) if (only.includes(p)) out.push(`${key}: "${p}" is in both "not" and "only"`);
    if (new Set(not).size !== not.length || new Set(only).size !== only.length) out.push(`${key}: a platform is listed twice`);
    if (typeof entry.note !== 'string' || !entry.note.trim()) out.push(`${key}: no note`);
    else out.push(...checkText(key, entry.note, allValues));
    for (const k of Object.keys(entry)) if (!['not', 'only', 'note'].includes(k)) out.push(`${key}: unknown field "${k}"`);
  }
  return out;
}

describe(`enum descriptions and platforms match @aws-sdk/client-ecs ${model.version}`, () => {
  const enums = reachableEnums(model);

  it('finds the enums the schemas use', () => {
    for (const name of ['NetworkMode', 'LaunchType', 'Compatibility', 'LogDriver', 'ContainerCondition', 'DeploymentStrategy']) {
      assert.ok(enums.has(name), name);
    }
    assert.ok([...enums.values()].flat().length > 100);
  });

  it('describes every reachable enum value, and only those', () => {
    assert.deepEqual(checkDescriptions(enums, descriptions), []);
  });

  it('lists only real Shape.member keys and known platforms in platforms.json', () => {
    assert.deepEqual(checkPlatforms(model, enums, platforms), []);
  });

  it('covers the classic platform restrictions', () => {
    const expect: Array<[string, 'not' | 'only', string]> = [
      ['ContainerDefinition.links', 'not', 'FARGATE'],
      ['ContainerDefinition.privileged', 'not', 'WINDOWS'],
      ['RegisterTaskDefinitionRequest.ipcMode', 'not', 'FARGATE'],
      ['RegisterTaskDefinitionRequest.ephemeralStorage', 'only', 'FARGATE'],
      ['CreateServiceRequest.platformVersion', 'only', 'FARGATE'],
      ['CreateServiceRequest.serviceRegistries', 'not', 'EXTERNAL'],
      ['Volume.fsxWindowsFileServerVolumeConfiguration', 'only', 'WINDOWS'],
    ];
    for (const [key, list, platform] of expect) assert.ok(platforms[key]?.[list]?.includes(platform), `${key} ${list} ${platform}`);
  });

  it('detects drift: a new SDK value, a dropped value, a typo and a bad platform key are reported', () => {
    const grown = new Map(enums);
    grown.set('NetworkMode', [...enums.get('NetworkMode')!, 'nat']);
    const data = JSON.parse(JSON.stringify(descriptions)) as EnumDescriptions;
    data.LaunchType.SPOT = 'Runs on spare capacity.';
    data.NetworkMode.host += ' Compare with `MANAGED_INSTANCE`.';
    data.NoSuchEnum = { X: 'x' };
    const out = checkDescriptions(grown, data);
    assert.ok(out.includes('NetworkMode.nat: no description'), out.join('\n'));
    assert.ok(out.includes('LaunchType.SPOT: LaunchType has no value "SPOT"'), out.join('\n'));
    assert.ok(out.some((l) => l.startsWith('NetworkMode.host: names `MANAGED_INSTANCE`')), out.join('\n'));
    assert.ok(out.some((l) => l.startsWith('NoSuchEnum: no such enum')), out.join('\n'));

    const bad = checkPlatforms(model, enums, {
      'ContainerDefinition.linkz': { not: ['FARGATE'], note: 'typo' },
      'ContainerDefinition.links': { not: ['FARGATE', 'KUBERNETES'], note: 'bridge only' },
      'ContainerDefinition.user': { note: 'no list' },
    });
    assert.deepEqual(bad, [
      'ContainerDefinition.linkz: not a Shape.member of the model',
      'ContainerDefinition.links: unknown platform "KUBERNETES"',
      'ContainerDefinition.user: neither "not" nor "only" lists a platform',
    ]);
  });
});
