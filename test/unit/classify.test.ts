import assert from 'node:assert/strict';
import { analyze } from '../../src/core/document/document';
import { lint } from '../../src/core/lint';
import { fargateTask, json } from './helpers';

const kind = (v: unknown) => analyze(typeof v === 'string' ? v : JSON.stringify(v)).kind;

describe('classify', () => {
  it('recognises task definitions', () => {
    assert.equal(kind(fargateTask()), 'task-definition');
    assert.equal(kind({ family: 'x', containerDefinitions: [] }), 'task-definition');
    assert.equal(kind({ family: 'x', networkMode: 'awsvpc' }), 'task-definition');
  });

  it('recognises describe-task-definition output', () => {
    assert.equal(kind({ taskDefinition: fargateTask({ revision: 2 }), tags: [] }), 'task-definition-describe');
  });

  it('recognises services, including ecspresso files without serviceName', () => {
    assert.equal(kind({ serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', desiredCount: 2 }), 'service');
    assert.equal(kind({ schedulingStrategy: 'DAEMON' }), 'service');
    assert.equal(kind({ launchType: 'FARGATE', desiredCount: 1, networkConfiguration: {} }), 'service');
  });

  it('recognises describe-services output', () => {
    assert.equal(kind({ services: [{ serviceName: 'web', serviceArn: 'arn', runningCount: 1 }], failures: [] }), 'services-describe');
  });

  it('leaves unrelated JSON alone', () => {
    const unrelated = [
      { name: 'my-app', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: {} },
      { compilerOptions: { strict: true }, include: ['src'] },
      { family: 'Helvetica', size: 12 },
      { desiredCount: 3, color: 'blue', shape: 'round', weight: 2 },
      [1, 2, 3],
      'just a string',
      { services: [] },
      {},
    ];
    for (const v of unrelated) {
      assert.equal(kind(v), 'none', JSON.stringify(v));
      assert.deepEqual(lint(JSON.stringify(v)), [], JSON.stringify(v));
    }
  });

  it('gives unrelated broken JSON no diagnostics either', () => {
    assert.deepEqual(lint('{"name": "x", "version": '), []);
    assert.deepEqual(lint(''), []);
  });

  it('lets settings force a kind', () => {
    assert.equal(analyze('{"foo": 1}', { kind: 'task-definition' }).kind, 'task-definition');
    assert.ok(lint('{"foo": 1}', { kind: 'task-definition' }).some((d) => d.code === 'schema.unknown-key'));
    assert.deepEqual(lint(json(fargateTask({ cpu: 1 })), { kind: 'none' }), []);
  });
});
