/**
 * Our schemas against the installed @aws-sdk/client-ecs: every member and enum value the SDK has must be in
 * our schema, and our schema must have none it doesn't; every number has the JSON type of its Smithy format
 * (int and long: "integer", double and float: "number") unless the overlay overrides it with a reason.
 * Fails after an SDK upgrade until `npm run gen:schemas`.
 */
import assert from 'node:assert/strict';
import serviceSchema from '../../schemas/service.schema.json';
import taskSchema from '../../schemas/task-definition.schema.json';
import { memberConstraints } from '../../tools/schema-overlay';
import { INTEGER_FORMATS, loadSdkModel, type SdkModel, type SdkType } from '../../tools/sdk-model';

interface Node {
  type?: string;
  enum?: string[];
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
  readOnly?: boolean;
  required?: string[];
  description?: string;
}

const model = loadSdkModel(['RegisterTaskDefinitionRequest', 'CreateServiceRequest', 'UpdateServiceRequest', 'TaskDefinition', 'Service']);

/** The JSON type a model number must have: the overlay's override, else what its Smithy format says. */
function expectedNumberType(t: Extract<SdkType, { kind: 'number' }>, key: string): 'integer' | 'number' | undefined {
  const override = memberConstraints[key]?.typeOverride;
  if (override) return override.type;
  if (!t.format) return undefined;
  return INTEGER_FORMATS.has(t.format) ? 'integer' : 'number';
}

/**
 * Compares one schema node with the SDK type, collecting differences as readable lines. `key` is the model's
 * `Shape.member` the node belongs to (list items and map values belong to their member).
 */
function compare(m: SdkModel, schema: Node, t: SdkType, where: string, out: string[], key: string): void {
  switch (t.kind) {
    case 'string':
      if (schema.type !== 'string') out.push(`${where}: type ${schema.type}, SDK has string`);
      if (t.values) {
        const ours = new Set(schema.enum ?? []);
        const theirs = new Set(t.values);
        for (const v of theirs) if (!ours.has(v)) out.push(`${where}: enum lacks "${v}" (SDK ${t.enumName})`);
        for (const v of ours) if (!theirs.has(v)) out.push(`${where}: enum has "${v}", SDK ${t.enumName} does not`);
      } else if (schema.enum) out.push(`${where}: enum where the SDK has a plain string`);
      return;
    case 'number': {
      const expected = expectedNumberType(t, key);
      if (!expected) out.push(`${where}: the SDK shows no number format for ${key}`);
      else if (schema.type !== expected) out.push(`${where}: type ${schema.type}, SDK has ${t.format ?? 'a number'} (${expected})`);
      return;
    }
    case 'boolean':
      if (schema.type !== 'boolean') out.push(`${where}: type ${schema.type}, SDK has boolean`);
      return;
    case 'list':
      if (schema.type !== 'array' || !schema.items) out.push(`${where}: not a list`);
      else compare(m, schema.items, t.item, `${where}[]`, out, key);
      return;
    case 'map':
      if (schema.type !== 'object' || typeof schema.additionalProperties !== 'object') out.push(`${where}: not a map`);
      else compare(m, schema.additionalProperties, t.value, `${where}{}`, out, key);
      return;
    case 'structure':
      compareMembers(m, schema, [t.name], where, out);
      return;
    default:
      return;
  }
}

function compareMembers(m: SdkModel, schema: Node, shapes: string[], where: string, out: string[]): void {
  const props = schema.properties ?? {};
  // The first shape that has a member owns it, as in the generator (CreateService before UpdateService).
  const sdkMembers = new Map<string, { t: SdkType; owner: string }>();
  for (const name of shapes) {
    for (const [k, t] of Object.entries(m.shapes.get(name)!.members)) if (!sdkMembers.has(k)) sdkMembers.set(k, { t, owner: name });
  }
  for (const [k, { t, owner }] of sdkMembers) {
    if (!props[k]) out.push(`${where}.${k}: missing from our schema`);
    else {
      if (!props[k].description) out.push(`${where}.${k}: no description`);
      compare(m, props[k], t, `${where}.${k}`, out, `${owner}.${k}`);
    }
  }
  for (const k of Object.keys(props)) if (!sdkMembers.has(k) && !props[k].readOnly) out.push(`${where}.${k}: not in the SDK`);
  if (schema.type !== 'object') out.push(`${where}: not an object`);
  if (schema.additionalProperties !== false) out.push(`${where}: accepts unknown keys`);
}

describe(`schemas match @aws-sdk/client-ecs ${model.version}`, () => {
  it('task-definition.schema.json has exactly the RegisterTaskDefinition members and enums', () => {
    const out: string[] = [];
    compareMembers(model, taskSchema as Node, ['RegisterTaskDefinitionRequest'], 'task', out);
    assert.deepEqual(out, []);
  });

  it('service.schema.json has exactly the CreateService + UpdateService members and enums', () => {
    const out: string[] = [];
    compareMembers(model, serviceSchema as Node, ['CreateServiceRequest', 'UpdateServiceRequest'], 'service', out);
    assert.deepEqual(out, []);
  });

  it('marks exactly the describe-only members read-only', () => {
    const readOnly = (s: Node) => Object.keys(s.properties ?? {}).filter((k) => s.properties![k].readOnly).sort();
    const taskOnly = Object.keys(model.shapes.get('TaskDefinition')!.members).filter((k) => !(k in model.shapes.get('RegisterTaskDefinitionRequest')!.members));
    assert.deepEqual(readOnly(taskSchema as Node), taskOnly.sort());
    assert.ok(readOnly(taskSchema as Node).includes('taskDefinitionArn'));
    assert.ok(readOnly(serviceSchema as Node).includes('runningCount'));
  });

  it('uses the exact JSON types ECS expects where the SDK only says "number" or "string"', () => {
    const t = taskSchema as Node;
    const c = t.properties!.containerDefinitions.items!;
    assert.equal(t.properties!.cpu.type, 'string');
    assert.equal(t.properties!.memory.type, 'string');
    for (const k of ['cpu', 'memory', 'memoryReservation']) assert.equal(c.properties![k].type, 'integer', k);
    assert.deepEqual(c.required, ['name', 'image']);
    assert.deepEqual(t.required, ['family', 'containerDefinitions']);
  });

  it('takes each number\'s JSON type from the model: doubles are numbers, ints and longs integers', () => {
    const dc = (serviceSchema as Node).properties!.deploymentConfiguration.properties!;
    assert.equal(dc.canaryConfiguration.properties!.canaryPercent.type, 'number');
    assert.equal(dc.linearConfiguration.properties!.stepPercent.type, 'number');
    assert.equal(dc.canaryConfiguration.properties!.canaryBakeTimeInMinutes.type, 'integer');
    // Every number the requests reach has a format in the SDK; none relies on a default.
    let numbers = 0;
    for (const [shape, s] of model.shapes) {
      for (const [k, t] of Object.entries(s.members)) {
        const n = t.kind === 'list' ? t.item : t.kind === 'map' ? t.value : t;
        if (n.kind !== 'number') continue;
        numbers++;
        assert.ok(n.format || memberConstraints[`${shape}.${k}`]?.typeOverride, `${shape}.${k} has no number format`);
      }
    }
    assert.ok(numbers > 50, `only ${numbers} numbers found`);
  });

  it('every type override of the overlay says why', () => {
    for (const [key, c] of Object.entries(memberConstraints)) {
      if (c.typeOverride) assert.ok(c.typeOverride.reason.length > 20, `${key}: typeOverride without a reason`);
    }
  });

  it('detects a drift: a number of the wrong JSON type is reported', () => {
    const clone = JSON.parse(JSON.stringify(serviceSchema)) as Node;
    const canary = clone.properties!.deploymentConfiguration.properties!.canaryConfiguration.properties!;
    canary.canaryPercent.type = 'integer';
    canary.canaryBakeTimeInMinutes.type = 'number';
    const out: string[] = [];
    compareMembers(model, clone, ['CreateServiceRequest', 'UpdateServiceRequest'], 'service', out);
    assert.deepEqual(out, [
      'service.deploymentConfiguration.canaryConfiguration.canaryPercent: type integer, SDK has double (number)',
      'service.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes: type number, SDK has int (integer)',
    ]);
  });

  it('detects a drift: a member missing from our schema is reported', () => {
    const clone = JSON.parse(JSON.stringify(taskSchema)) as Node;
    delete clone.properties!.pidMode;
    clone.properties!.networkMode.enum = ['bridge', 'host', 'awsvpc', 'none', 'default'];
    const out: string[] = [];
    compareMembers(model, clone, ['RegisterTaskDefinitionRequest'], 'task', out);
    assert.ok(out.includes('task.pidMode: missing from our schema'), out.join('\n'));
    assert.ok(out.includes('task.networkMode: enum has "default", SDK NetworkMode does not'), out.join('\n'));
  });
});
