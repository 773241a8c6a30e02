/**
 * The engine's shared floor: one parse per text, lint on demand and memoized, a workspace index that changes
 * one document at a time, and the lookups hover and completion will stand on (offset → location, schemaAt).
 */
import assert from 'node:assert/strict';
import { analyze, EcsDocument } from '../../src/core/document/document';
import { globToRegExp } from '../../src/core/glob';
import { createEcsLanguageService } from '../../src/core/language-service';
import { isLintCurrent, lint } from '../../src/core/lint';
import { schemaAt, serviceSchema, taskDefinitionSchema } from '../../src/core/schema/info';
import { TaskDefinitionIndex } from '../../src/core/workspace';
import { fargateTask, json } from './helpers';

const service = (taskDefinition: string): string =>
  json({
    serviceName: 'web',
    taskDefinition,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
    loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc', containerName: 'app', containerPort: 8080 }],
  });

describe('one parse per text, lint on demand', () => {
  it('analyze returns the same document for the same text and kind', () => {
    const text = json(fargateTask());
    const a = analyze(text);
    assert.equal(analyze(`${text}`), a);
    assert.notEqual(analyze(text, { kind: 'service' }), a);
    assert.equal(lint(text), lint(a), 'lint(text) reuses the parse and the memoized diagnostics of the same text');
  });

  it('memoizes diagnostics per document and severity settings', () => {
    const doc = new EcsDocument(json(fargateTask({ networkMode: 'bridge' })));
    const first = lint(doc);
    assert.ok(first.length > 0);
    assert.equal(lint(doc), first, 'the second call returns the memoized result');
    assert.equal(lint(doc, { rules: {} }), first, 'an empty settings object means the same');
    const off = lint(doc, { rules: { 'fargate-network-mode': 'off' } });
    assert.notEqual(off, first);
    assert.ok(!off.some((d) => d.code === 'fargate-network-mode'));
    assert.equal(lint(doc, { rules: { 'fargate-network-mode': 'off' } }), off, 'equal settings in a new object hit the memo');
  });

  it('re-checks a service only when the task definition it names changes', () => {
    const index = new TaskDefinitionIndex();
    index.set('file:///td.json', analyze(json(fargateTask())));
    index.set('file:///other.json', analyze(json(fargateTask({ family: 'other' }))));
    const svc = analyze(service('web:3'));
    const before = lint(svc, { workspace: index });
    assert.ok(before.some((d) => d.code === 'service-td-lb-container-port'), 'port 8080 is not mapped by the task definition');
    assert.ok(isLintCurrent(svc, { workspace: index }));

    // Another family changes: the service's diagnostics stay as they are.
    assert.deepEqual([...index.set('file:///other.json', analyze(json(fargateTask({ family: 'other', cpu: '512', memory: '1024' }))))], ['other']);
    assert.ok(isLintCurrent(svc, { workspace: index }));
    assert.equal(lint(svc, { workspace: index }), before);

    // Its own family changes: checked again, and the new port clears the problem.
    const fixed = fargateTask({}, { portMappings: [{ containerPort: 8080, protocol: 'tcp' }] });
    assert.deepEqual([...index.set('file:///td.json', analyze(json(fixed)))], ['web']);
    assert.equal(isLintCurrent(svc, { workspace: index }), false);
    const after = lint(svc, { workspace: index });
    assert.ok(!after.some((d) => d.code === 'service-td-lb-container-port'));

    // The task definition goes away: checked again (nothing to compare with).
    assert.deepEqual([...index.delete('file:///td.json')], ['web']);
    assert.equal(isLintCurrent(svc, { workspace: index }), false);
  });

  it('the language service façade takes the same document for validation, code actions and fix all', () => {
    const index = new TaskDefinitionIndex();
    const ls = createEcsLanguageService({ workspace: () => index });
    const doc = ls.parse(json(fargateTask({ networkMode: 'bridge' })));
    const diagnostics = ls.validate(doc);
    assert.equal(ls.validate(doc), diagnostics);
    assert.ok(ls.isValidationCurrent(doc));
    const actions = ls.codeActions(doc, diagnostics);
    assert.ok(actions.some((a) => a.isPreferred && a.title.includes('awsvpc')));
    const fixed = ls.fixAll(doc);
    assert.ok(fixed.applied >= 1);
    assert.equal(JSON.parse(fixed.text).networkMode, 'awsvpc');
    assert.equal(fixed.doc.text, fixed.text, 'fix all hands back the analysed result');
  });
});

describe('the workspace index, one document at a time', () => {
  it('reports the families each change touched and keeps lookups stable', () => {
    const index = new TaskDefinitionIndex();
    assert.deepEqual([...index.set('a', analyze(json(fargateTask())))], ['web']);
    const web = index.findTaskDefinition('web');
    assert.ok(web);
    assert.equal(index.findTaskDefinition('arn:aws:ecs:us-east-1:123456789012:task-definition/web:4'), web);
    assert.deepEqual([...index.set('b', analyze(json({ serviceName: 'x', desiredCount: 1 })))], [], 'a service adds nothing');
    assert.equal(index.findTaskDefinition('web'), web, 'unrelated documents do not replace entries');
    assert.deepEqual([...index.set('a', analyze(json(fargateTask({ family: 'api' }))))].sort(), ['api', 'web']);
    assert.equal(index.findTaskDefinition('web'), undefined);
    assert.deepEqual([...index.delete('a')], ['api']);
    assert.equal(index.entries.length, 0);
  });
});

describe('offset → location', () => {
  const text = '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "app", "portMappings": [ { "hostPort": 0 } ] }\n  ]\n}';
  const doc = analyze(text);
  const at = (needle: string, delta = 1): ReturnType<EcsDocument['locationAt']> => doc.locationAt(text.indexOf(needle) + delta);

  it('on a key', () => {
    assert.deepEqual(at('"family"'), { path: ['family'], on: 'key', span: { offset: text.indexOf('"family"'), length: 8 }, value: 'web' });
    assert.deepEqual(at('"hostPort"').path, ['containerDefinitions', 0, 'portMappings', 0, 'hostPort']);
    assert.equal(at('"hostPort"').on, 'key');
  });

  it('on a value', () => {
    const loc = at('"web"');
    assert.equal(loc.on, 'value');
    assert.deepEqual(loc.path, ['family']);
    assert.equal(loc.value, 'web');
    const port = doc.locationAt(text.indexOf(': 0') + 2);
    assert.deepEqual(port.path, ['containerDefinitions', 0, 'portMappings', 0, 'hostPort']);
    assert.equal(port.value, 0);
  });

  it('between members', () => {
    const loc = doc.locationAt(text.indexOf('{ "hostPort"') + 1);
    assert.equal(loc.on, 'gap');
    assert.deepEqual(loc.path, ['containerDefinitions', 0, 'portMappings', 0]);
  });

  it('anywhere in a document that does not parse, or is empty', () => {
    assert.deepEqual(analyze('').locationAt(0), { path: [], on: 'gap' });
    const broken = analyze('{ "family": "web", "cpu": ');
    assert.equal(broken.locationAt(5).on, 'key');
  });
});

describe('schemaAt', () => {
  it('walks properties, items and additionalProperties', () => {
    assert.equal(schemaAt(taskDefinitionSchema, ['containerDefinitions', 3, 'portMappings', 0, 'hostPort'])?.type, 'integer');
    assert.equal(schemaAt(taskDefinitionSchema, ['containerDefinitions', 0, 'dockerLabels', 'com.example'])?.type, 'string');
    assert.equal(schemaAt(taskDefinitionSchema, ['containerDefinitions', 0, 'logConfiguration', 'options', 'awslogs-group'])?.type, 'string');
    assert.deepEqual(schemaAt(serviceSchema, ['launchType'])?.enum?.includes('FARGATE'), true);
    assert.equal(schemaAt(taskDefinitionSchema, ['nope']), undefined);
    assert.equal(schemaAt(taskDefinitionSchema, ['family', 'deeper']), undefined);
  });
});

describe('association globs', () => {
  it('matches like files.associations', () => {
    assert.ok(globToRegExp('**/deploy/*-td.json').test('deploy/web-td.json'));
    assert.ok(globToRegExp('**/deploy/*-td.json').test('a/b/deploy/web-td.json'));
    assert.ok(!globToRegExp('**/deploy/*-td.json').test('xdeploy/web-td.json'));
    assert.ok(!globToRegExp('**/deploy/*-td.json').test('deploy/sub/web-td.json'));
    assert.ok(globToRegExp('**/fixtures/**').test('test/fixtures/a/b.json'));
    assert.ok(globToRegExp('*.{json,jsonc}').test('a.jsonc'));
    assert.ok(globToRegExp('a,b.json').test('a,b.json'));
  });
});
