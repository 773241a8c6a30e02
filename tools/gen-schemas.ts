/**
 * Writes schemas/task-definition.schema.json and schemas/service.schema.json from the ECS model in the
 * installed @aws-sdk/client-ecs, our constraints (schema-overlay.ts) and our descriptions
 * (schemas/src/descriptions.json). Run `npm run gen:schemas` after upgrading the SDK; the drift test fails
 * until the schemas match the SDK again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTEGER_FORMATS, loadSdkModel, type NumberFormat, type SdkModel, type SdkType } from './sdk-model';
import { extraRequired, memberConstraints, type Constraint } from './schema-overlay';

type JsonSchema = Record<string, unknown>;

const root = join(__dirname, '..');
const allowMissing = process.argv.includes('--allow-missing');
const descriptionsFile = join(root, 'schemas/src/descriptions.json');
const descriptions: Record<string, string> = existsSync(descriptionsFile)
  ? (JSON.parse(readFileSync(descriptionsFile, 'utf8')) as Record<string, string>)
  : {};
const missing: string[] = [];
/** Our explanation of each enum value, by the SDK's enum type name: hovers and VS Code's JSON support show them. */
const enumDescriptions = JSON.parse(readFileSync(join(root, 'schemas/src/enum-descriptions.json'), 'utf8')) as Record<string, Record<string, string>>;
/** Where members apply (Fargate, EC2, Windows, external instances, Managed Instances), by `Shape.member`. */
const platforms = JSON.parse(readFileSync(join(root, 'schemas/src/platforms.json'), 'utf8')) as Record<string, { not?: string[]; only?: string[]; note?: string }>;

/** Fields that describe output carries and register/create input rejects; the linter flags them as read-only. */
const readOnlyDescriptions: Record<string, string> = {
  'TaskDefinition.taskDefinitionArn': 'Read-only. The ARN ECS gave this revision (family plus revision number). It appears in describe output; register-task-definition does not accept it.',
  'TaskDefinition.revision': 'Read-only. The revision number ECS assigned when the definition was registered; a new registration always gets the next number.',
  'TaskDefinition.status': 'Read-only. ACTIVE, INACTIVE or DELETE_IN_PROGRESS, as reported by describe-task-definition.',
  'TaskDefinition.requiresAttributes': 'Read-only. Container-instance attributes ECS derived from this definition; it is computed again on every registration.',
  'TaskDefinition.compatibilities': 'Read-only. The launch types ECS found this definition compatible with. You state what you need in `requiresCompatibilities` instead.',
  'TaskDefinition.registeredAt': 'Read-only. When this revision was registered.',
  'TaskDefinition.deregisteredAt': 'Read-only. When this revision was deregistered, if it was.',
  'TaskDefinition.deleteRequestedAt': 'Read-only. When deletion of this revision was requested, if it was.',
  'TaskDefinition.registeredBy': 'Read-only. The IAM principal that registered this revision.',
  'Service.serviceArn': 'Read-only. The ARN of an existing service, from describe-services. create-service names a service with `serviceName`.',
  'Service.clusterArn': 'Read-only. The cluster of an existing service. The input member is `cluster`.',
  'Service.status': 'Read-only. ACTIVE, DRAINING or INACTIVE, as reported for an existing service.',
  'Service.runningCount': 'Read-only. How many tasks of the service are running right now.',
  'Service.pendingCount': 'Read-only. How many tasks of the service are starting right now.',
  'Service.platformFamily': 'Read-only. The operating system family the running Fargate tasks use; set by ECS.',
  'Service.taskSets': 'Read-only. Task sets of a service that uses the EXTERNAL or CODE_DEPLOY controller.',
  'Service.deployments': 'Read-only. The deployments ECS is running or has finished for this service.',
  'Service.roleArn': 'Read-only. The IAM role of an existing service. The input member is `role`.',
  'Service.events': 'Read-only. The most recent service events (the messages shown in the console).',
  'Service.createdAt': 'Read-only. When the service was created.',
  'Service.currentServiceDeployment': 'Read-only. The ARN of the deployment currently in progress.',
  'Service.currentServiceRevisions': 'Read-only. The service revisions currently running.',
  'Service.createdBy': 'Read-only. The IAM principal that created the service.',
  'Service.resourceManagementType': 'Read-only. Who manages the service\'s resources, as reported by ECS.',
};

function describe(key: string): string {
  const text = descriptions[key] ?? readOnlyDescriptions[key];
  if (text === undefined) {
    missing.push(key);
    return '';
  }
  return text;
}

function applyConstraint(schema: JsonSchema, c: Constraint | undefined): void {
  if (!c) return;
  const { items, patternName, typeOverride, ...rest } = c;
  if (typeOverride) schema.type = typeOverride.type;
  Object.assign(schema, rest);
  if (patternName) schema.patternName = patternName;
  if (items && schema.items) applyConstraint(schema.items as JsonSchema, items);
}

/**
 * The JSON type of a model number: int and long are "integer", double and float "number". A number whose
 * format the SDK does not show is an error unless the overlay gives its type, so a new member never falls back
 * to a guess (every number used to be "integer", which rejected canary percents such as 2.5).
 */
function numberType(format: NumberFormat | undefined, key: string): 'integer' | 'number' {
  if (format) return INTEGER_FORMATS.has(format) ? 'integer' : 'number';
  const override = memberConstraints[key.replace(/(\[\]|\{\})+$/, '')]?.typeOverride;
  if (override) return override.type;
  throw new Error(`@aws-sdk/client-ecs shows no number format for ${key}; give it a typeOverride in tools/schema-overlay.ts`);
}

function typeSchema(model: SdkModel, t: SdkType, key: string): JsonSchema {
  switch (t.kind) {
    case 'string':
      if (!t.values) return { type: 'string' };
      return {
        type: 'string',
        enum: [...t.values],
        ...(t.enumName && enumDescriptions[t.enumName] ? { markdownEnumDescriptions: t.values.map((v) => enumDescriptions[t.enumName!][v] ?? '') } : {}),
      };
    case 'number':
      return { type: numberType(t.format, key) };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamp':
      return { type: 'string' };
    case 'document':
      return {};
    case 'list':
      return { type: 'array', items: typeSchema(model, t.item, key + '[]') };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(model, t.value, key + '{}') };
    case 'structure':
      return structSchema(model, t.name);
  }
}

function structSchema(model: SdkModel, name: string, members?: Array<[string, string]>): JsonSchema {
  const shape = model.shapes.get(name);
  if (!shape) throw new Error(`no shape ${name}`);
  const properties: Record<string, JsonSchema> = {};
  const list = members ?? Object.keys(shape.members).map((m): [string, string] => [name, m]);
  for (const [owner, member] of list) {
    const t = model.shapes.get(owner)!.members[member];
    const key = `${owner}.${member}`;
    const schema = typeSchema(model, t, key);
    applyConstraint(schema, memberConstraints[key]);
    properties[member] = { description: describe(key), ...schema, ...(platforms[key] ? { 'x-platforms': platforms[key] } : {}) };
  }
  const required = [...new Set([...(members ? [] : shape.required), ...(extraRequired[name] ?? [])])];
  const out: JsonSchema = { title: name, type: 'object', properties };
  if (required.length) out.required = required;
  out.additionalProperties = false;
  if (shape.union) Object.assign(out, { minProperties: 1, maxProperties: 1 });
  return out;
}

function addReadOnly(schema: JsonSchema, model: SdkModel, outputShape: string, inputs: string[]): void {
  const props = schema.properties as Record<string, JsonSchema>;
  for (const member of Object.keys(model.shapes.get(outputShape)!.members)) {
    if (inputs.some((i) => member in model.shapes.get(i)!.members)) continue;
    props[member] = { description: describe(`${outputShape}.${member}`), readOnly: true };
  }
}

function main(): void {
  const model = loadSdkModel([
    'RegisterTaskDefinitionRequest', 'CreateServiceRequest', 'UpdateServiceRequest', 'TaskDefinition', 'Service',
  ]);
  const header = (title: string, description: string): JsonSchema => ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated by tools/gen-schemas.ts from @aws-sdk/client-ecs ${model.version}; edit tools/schema-overlay.ts or schemas/src/descriptions.json, not this file.`,
    title,
    description,
  });

  const task = structSchema(model, 'RegisterTaskDefinitionRequest');
  addReadOnly(task, model, 'TaskDefinition', ['RegisterTaskDefinitionRequest']);
  const taskSchema = {
    ...header('Amazon ECS task definition', 'The input of `aws ecs register-task-definition --cli-input-json` (RegisterTaskDefinition).'),
    ...task,
    title: 'Amazon ECS task definition',
  };

  // A service file is the input of create-service or update-service: the union of both members.
  const create = model.shapes.get('CreateServiceRequest')!;
  const update = model.shapes.get('UpdateServiceRequest')!;
  const members: Array<[string, string]> = Object.keys(create.members).map((m) => ['CreateServiceRequest', m]);
  for (const m of Object.keys(update.members)) if (!(m in create.members)) members.push(['UpdateServiceRequest', m]);
  const service = structSchema(model, 'CreateServiceRequest', members);
  addReadOnly(service, model, 'Service', ['CreateServiceRequest', 'UpdateServiceRequest']);
  const serviceSchema = {
    ...header('Amazon ECS service', 'The input of `aws ecs create-service` or `aws ecs update-service --cli-input-json`.'),
    ...service,
    title: 'Amazon ECS service',
  };

  if (missing.length && !allowMissing) {
    console.error(`${missing.length} members have no description in schemas/src/descriptions.json:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  writeFileSync(join(root, 'schemas/task-definition.schema.json'), JSON.stringify(taskSchema, null, 2) + '\n');
  writeFileSync(join(root, 'schemas/service.schema.json'), JSON.stringify(serviceSchema, null, 2) + '\n');
  console.log(`wrote 2 schemas from @aws-sdk/client-ecs ${model.version}${missing.length ? ` (${missing.length} descriptions missing)` : ''}`);
}

main();
