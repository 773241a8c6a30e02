import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/document/document';
import { lint } from '../../src/core/lint';
import { createWorkspaceIndex, parseTaskDefinitionReference } from '../../src/core/workspace';
import { fargateTask, json } from './helpers';

const corpusDir = join(__dirname, '../../../shared/corpus');

const web = fargateTask();
const worker = fargateTask({ family: 'worker' }, { name: 'worker', portMappings: [] });
const describedWorker = { taskDefinition: { ...worker, revision: 7, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/worker:7' }, tags: [] };

describe('workspace index', () => {
  const index = createWorkspaceIndex([
    { uri: 'file:///repo/web.json', text: json(web) },
    { uri: 'file:///repo/worker-7.json', text: json(describedWorker) },
    { uri: 'file:///repo/service.json', text: json({ serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }) },
    { uri: 'file:///repo/package.json', text: json({ name: 'x', version: '1.0.0' }) },
    { uri: 'file:///repo/broken.json', text: '{ "family": ' },
  ]);

  it('keeps only the task definitions, describe output included', () => {
    assert.deepEqual(index.entries.map((e) => [e.family, e.uri, e.revision]), [
      ['web', 'file:///repo/web.json', undefined],
      ['worker', 'file:///repo/worker-7.json', 7],
    ]);
  });

  it('finds by family', () => {
    assert.equal(index.findTaskDefinition('web'), index.entries[0].value);
    assert.equal(index.findTaskDefinition('web')?.family, 'web');
  });

  it('finds by family:revision, whatever revision the file holds', () => {
    assert.equal(index.findTaskDefinition('web:42')?.family, 'web');
    assert.equal(index.findTaskDefinition('worker:7')?.family, 'worker');
  });

  it('finds by ARN, in any partition', () => {
    assert.equal(index.findTaskDefinition('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3')?.family, 'web');
    assert.equal(index.findTaskDefinition('arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/worker')?.family, 'worker');
  });

  it('unwraps describe output to the task definition itself', () => {
    const found = index.findEntry('worker');
    assert.equal(found?.uri, 'file:///repo/worker-7.json');
    assert.equal(found?.value.taskDefinitionArn, describedWorker.taskDefinition.taskDefinitionArn);
    assert.ok(Array.isArray(found?.value.containerDefinitions));
  });

  it('returns undefined for placeholders, unknown families and malformed references', () => {
    for (const ref of ['${TASK_DEFINITION}', '{{ must_env `TD` }}', '<TASK_DEF>', 'other', 'other:1', 'web:latest', 'web:1:2', '', 'arn:aws:ecs:us-east-1:1:service/web']) {
      assert.equal(index.findTaskDefinition(ref), undefined, ref);
    }
  });

  it('prefers the exact revision when several files hold the family', () => {
    const two = createWorkspaceIndex([
      { uri: 'a', text: json({ taskDefinition: { ...web, revision: 1 } }) },
      { uri: 'b', text: json({ taskDefinition: { ...web, revision: 2 } }) },
    ]);
    assert.equal(two.findEntry('web:2')?.uri, 'b');
    assert.equal(two.findEntry('web:9')?.uri, 'a');
    assert.equal(two.findEntry('web')?.uri, 'a');
  });

  it('accepts analysed documents and skips task definitions with a placeholder family', () => {
    const docs = [analyze(json(web)), analyze(json(fargateTask({ family: '{{ must_env `FAMILY` }}' })))];
    const fromDocs = createWorkspaceIndex(docs);
    assert.equal(fromDocs.entries.length, 1);
    assert.equal(fromDocs.entries[0].uri, undefined);
    assert.equal(fromDocs.findTaskDefinition('web')?.family, 'web');
  });

  it('parses references on their own', () => {
    assert.deepEqual(parseTaskDefinitionReference('web'), { family: 'web' });
    assert.deepEqual(parseTaskDefinitionReference(' web:3 '), { family: 'web', revision: 3 });
    assert.deepEqual(parseTaskDefinitionReference('arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task-definition/a_b-c:12'), { family: 'a_b-c', revision: 12 });
    assert.equal(parseTaskDefinitionReference(42), undefined);
  });

  it('feeds lint: a service is checked against the task definition it names', () => {
    const svc = json({ serviceName: 'web', taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5', desiredCount: 1, launchType: 'FARGATE' });
    const diags = lint(svc, { workspace: index });
    assert.ok(diags.some((d) => d.code === 'service-td-network-configuration'));
    assert.ok(!lint(svc).some((d) => d.code === 'service-td-network-configuration'));
  });

  (existsSync(corpusDir) ? it : it.skip)('with the whole corpus as workspace, no unsuspected service gains an error', () => {
    const read = (sub: string): Array<{ uri: string; text: string }> =>
      readdirSync(join(corpusDir, sub))
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ uri: f, text: readFileSync(join(corpusDir, sub, f), 'utf8') }));
    const services = read('services');
    const suspect = new Set(readFileSync(join(corpusDir, 'SUSPECT.tsv'), 'utf8').split('\n').map((row) => row.split('\t')[0]));
    const workspace = createWorkspaceIndex([...read('task-definitions'), ...services]);
    assert.ok(workspace.entries.length > 40);
    const found = services
      .filter((f) => !suspect.has(f.uri))
      .flatMap((f) => lint(f.text, { workspace }).filter((d) => d.severity === 'error').map((d) => `${f.uri} ${d.code}`));
    assert.deepEqual(found, []);
  });
});
