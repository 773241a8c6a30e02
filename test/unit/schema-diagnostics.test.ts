import assert from 'node:assert/strict';
import { fixAll } from '../../src/core/fixes';
import { lint } from '../../src/core/lint';
import { applyFix, codes, errors, fargateTask, json, lintJson, textAt, withCode } from './helpers';

describe('schema diagnostics', () => {
  it('accepts a minimal valid Fargate task definition', () => {
    assert.deepEqual(lintJson(fargateTask()), []);
  });

  it('flags an unknown key on the key itself, with the nearest valid key', () => {
    const text = json(fargateTask({}, { imagee: 'x' }));
    const [d] = withCode(lint(text), 'schema.unknown-key');
    assert.equal(textAt(text, d), '"imagee"');
    assert.match(d.message, /Did you mean "image"\?/);
    assert.match(d.message, /Unknown parameter in containerDefinitions\[0\]: "imagee"/);
    assert.equal(d.severity, 'error');
  });

  it('suggests a key that differs only in case', () => {
    const text = json(fargateTask({}, { portMappings: [{ ContainerPort: 80 }] }));
    const [d] = withCode(lint(text), 'schema.unknown-key');
    assert.equal(d.data?.suggestion, 'containerPort');
  });

  it('names the expected type with an example and the AWS CLI error', () => {
    const text = json(fargateTask({}, { cpu: '256' }));
    const [d] = withCode(lint(text), 'schema.type');
    assert.equal(textAt(text, d), '"256"');
    assert.match(d.message, /must be an integer \(for example 256\), not a string/);
    assert.match(d.message, /Invalid type for parameter containerDefinitions\[0\]\.cpu/);
  });

  it('wants task-level cpu and memory as strings', () => {
    const text = json(fargateTask({ cpu: 256 }));
    const [d] = withCode(lint(text), 'schema.type');
    assert.equal(textAt(text, d), '256');
    assert.match(d.message, /must be a string/);
  });

  it('lists the allowed values of an enum and suggests the right case', () => {
    const text = json(fargateTask({ networkMode: 'AWSVPC' }));
    const [d] = withCode(lint(text), 'schema.enum');
    assert.equal(textAt(text, d), '"AWSVPC"');
    assert.match(d.message, /Allowed values: .*awsvpc.*bridge/);
    assert.equal(d.data?.suggestion, 'awsvpc');
  });

  it('reports exact numeric ranges', () => {
    const text = json(fargateTask({}, { healthCheck: { command: ['CMD', 'true'], timeout: 90 } }));
    const [d] = withCode(lint(text), 'schema.range');
    assert.equal(textAt(text, d), '90');
    assert.match(d.message, /between 2 and 60/);
  });

  it('checks name patterns', () => {
    const [d] = withCode(lintJson(fargateTask({ family: 'my app' })), 'schema.pattern');
    assert.match(d.message, /1-255 letters, digits, underscores or hyphens/);
  });

  it('reports missing required members on the parent key', () => {
    const text = json(fargateTask({}, { healthCheck: { interval: 30 } }));
    const [d] = withCode(lint(text), 'schema.required');
    assert.equal(textAt(text, d), '"healthCheck"');
    assert.match(d.message, /Missing required key "command"/);
  });

  it('flags read-only describe fields as warnings, not errors', () => {
    const diags = lintJson(fargateTask({ revision: 3, status: 'ACTIVE', taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:3' }));
    assert.deepEqual(codes(diags), ['describe.read-only', 'describe.read-only', 'describe.read-only']);
    assert.equal(errors(diags).length, 0);
  });

  it('treats null as a warning with a removal fix', () => {
    const text = json(fargateTask({ ipcMode: null }));
    const after = applyFix(text, 'schema.null');
    assert.ok(!after.includes('ipcMode'));
  });

  it('treats template placeholders as information', () => {
    const diags = lintJson(fargateTask({ family: '{{ must_env `NAME` }}', cpu: '${CPU}' }));
    assert.deepEqual(codes(diags), ['template.placeholder', 'template.placeholder']);
    assert.ok(diags.every((d) => d.severity === 'information'));
  });

  it('fixes a string where an integer is required', () => {
    const after = applyFix(json(fargateTask({}, { memory: '512' })), 'schema.type');
    assert.match(after, /"memory": 512/);
  });

  it('renames an unknown key to its suggestion', () => {
    const after = applyFix(json(fargateTask({}, { Essential: true, essential: undefined })), 'schema.unknown-key');
    assert.match(after, /"essential": true/);
  });

  it('unwraps describe-task-definition output: inner object, tags moved in, read-only fields dropped', () => {
    const described = { taskDefinition: fargateTask({ revision: 7, status: 'ACTIVE', compatibilities: ['EC2', 'FARGATE'] }), tags: [{ key: 'team', value: 'web' }] };
    const after = JSON.parse(applyFix(json(described), 'describe.wrapper'));
    assert.deepEqual(after, { ...fargateTask(), tags: [{ key: 'team', value: 'web' }] });
    assert.deepEqual(lint(json(after)), []);
  });

  it('fixes all certain problems at once and leaves the rest', () => {
    const text = json(fargateTask({ networkMode: 'AWSVPC', revision: 2 }, { memory: '512', Essential: true, essential: undefined }));
    const { text: fixed, applied } = fixAll(text);
    assert.equal(applied, 4);
    assert.deepEqual(lint(fixed), []);
  });
});

