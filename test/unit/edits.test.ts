import assert from 'node:assert/strict';
import { analyze } from '../../src/core/document/document';
import { applyChanges, fixAll } from '../../src/core/fixes';
import type { JsonChange } from '../../src/core/rules/types';

const apply = (text: string, changes: JsonChange[]) => applyChanges(analyze(text), changes);

describe('edits', () => {
  it('removes a member of an inline object without re-laying it out', () => {
    const text = '{\n  "portMappings": [ { "containerPort": 8080, "hostPort": 80, "protocol": "tcp" } ]\n}';
    assert.equal(apply(text, [{ path: ['portMappings', 0, 'hostPort'], remove: true }]), '{\n  "portMappings": [ { "containerPort": 8080, "protocol": "tcp" } ]\n}');
  });

  it('removes the last item with the separator before it', () => {
    assert.equal(apply('{"a": ["FARGATE", "EC2"]}', [{ path: ['a', 1], remove: true }]), '{"a": ["FARGATE"]}');
    assert.equal(apply('{\n  "a": 1,\n  "b": 2\n}', [{ path: ['b'], remove: true }]), '{\n  "a": 1\n}');
  });

  it('removes the only member and keeps comments elsewhere', () => {
    const text = '{\n  // keep me\n  "x": { "y": null }\n}';
    assert.equal(apply(text, [{ path: ['x', 'y'], remove: true }]), '{\n  // keep me\n  "x": {  }\n}');
  });

  it('sets values with the indentation the document uses', () => {
    const text = '{\n    "family": "web"\n}';
    assert.equal(apply(text, [{ path: ['networkMode'], value: 'awsvpc' }]), '{\n    "family": "web",\n    "networkMode": "awsvpc"\n}');
  });

  it('renames a key and keeps its value as written', () => {
    assert.equal(apply('{"Essential" : true}', [{ path: ['Essential'], rename: 'essential' }]), '{"essential" : true}');
  });

  describe('a value that is set keeps the layout of the value it replaces', () => {
    it('a one-line list stays on one line, spaced as it was', () => {
      const text = '{\n  "requiresCompatibilities": ["EC2"],\n  "x": 1\n}';
      assert.equal(apply(text, [{ path: ['requiresCompatibilities'], value: ['EC2', 'FARGATE'] }]), '{\n  "requiresCompatibilities": ["EC2", "FARGATE"],\n  "x": 1\n}');
      const padded = '{\n  "a": [ "EC2" ]\n}';
      assert.equal(apply(padded, [{ path: ['a'], value: ['FARGATE', 'EC2'] }]), '{\n  "a": [ "FARGATE", "EC2" ]\n}');
    });

    it('a one-line health-check command inside a one-line object stays on its line', () => {
      const text = '{\n  "healthCheck": { "command": ["curl -f http://localhost/"], "interval": 30 }\n}';
      assert.equal(
        apply(text, [{ path: ['healthCheck', 'command'], value: ['CMD-SHELL', 'curl -f http://localhost/'] }]),
        '{\n  "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/"], "interval": 30 }\n}',
      );
    });

    it('compact JSON stays compact (no spaces after commas and colons)', () => {
      const text = '{"a":["x"],"b":{"c":1}}';
      assert.equal(apply(text, [{ path: ['a'], value: ['CMD', 'x'] }, { path: ['b'], value: { c: 1, d: [1, 2] } }]), '{"a":["CMD","x"],"b":{"c":1,"d":[1,2]}}');
    });

    it('a list or object that replaces a scalar stays on its line, spaced like the document', () => {
      const text = '{\n  "env": [{ "name": "A", "value": "1" }],\n  "command": "run"\n}';
      assert.equal(apply(text, [{ path: ['command'], value: ['run'] }]), '{\n  "env": [{ "name": "A", "value": "1" }],\n  "command": ["run"]\n}');
      assert.equal(apply(text, [{ path: ['command'], value: { a: 1 } }]), '{\n  "env": [{ "name": "A", "value": "1" }],\n  "command": { "a": 1 }\n}');
    });

    it('a multi-line value stays multi-line, and its members keep their own layouts', () => {
      const text = '{\n  "hc": {\n    "command": ["CMD", "true"],\n    "interval": 30\n  }\n}';
      assert.equal(
        apply(text, [{ path: ['hc'], value: { command: ['CMD-SHELL', 'true'], interval: 30, retries: [1] } }]),
        '{\n  "hc": {\n    "command": ["CMD-SHELL", "true"],\n    "interval": 30,\n    "retries": [\n      1\n    ]\n  }\n}',
      );
    });

    it('keeps tabs and CRLF line ends', () => {
      const text = '{\r\n\t"a": {\r\n\t\t"b": [1]\r\n\t}\r\n}';
      assert.equal(apply(text, [{ path: ['a'], value: { b: [2] } }]), '{\r\n\t"a": {\r\n\t\t"b": [2]\r\n\t}\r\n}');
      assert.equal(apply(text, [{ path: ['a', 'c'], value: true }]), '{\r\n\t"a": {\r\n\t\t"b": [1],\r\n\t\t"c": true\r\n\t}\r\n}');
    });
  });

  describe('members added to an object or list', () => {
    it('stay on the line of a one-line object, with its spacing', () => {
      const text = '{\n  "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" }\n}';
      assert.equal(
        apply(text, [{ path: ['options', 'awslogs-stream-prefix'], value: 'web' }]),
        '{\n  "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" }\n}',
      );
      assert.equal(apply('{"o":{"a":1}}', [{ path: ['o', 'b'], value: [1, 2] }]), '{"o":{"a":1,"b":[1,2]}}');
    });

    it('go into an empty one-line object or list on its line', () => {
      assert.equal(apply('{\n  "a": { "x": 1 },\n  "o": {}\n}', [{ path: ['o', 'b'], value: 1 }]), '{\n  "a": { "x": 1 },\n  "o": { "b": 1 }\n}');
      assert.equal(apply('{\n  "volumes": []\n}', [{ path: ['volumes', -1], value: { name: 'data' } }]), '{\n  "volumes": [{ "name": "data" }]\n}');
    });

    it('append to a one-line list', () => {
      assert.equal(apply('{"a": ["EC2"]}', [{ path: ['a', -1], value: 'FARGATE' }]), '{"a": ["EC2", "FARGATE"]}');
    });

    it('create missing parents inside a one-line object on that line', () => {
      const text = '{\n  "logConfiguration": { "logDriver": "awslogs" }\n}';
      assert.equal(
        apply(text, [{ path: ['logConfiguration', 'options', 'awslogs-group'], value: '/ecs/web' }, { path: ['logConfiguration', 'options', 'awslogs-region'], value: 'eu-west-1' }]),
        '{\n  "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" } }\n}',
      );
    });

    it('in a multi-line list, take the layout of the item before', () => {
      const text = '{\n  "environment": [\n    { "name": "A", "value": "1" }\n  ]\n}';
      assert.equal(
        apply(text, [{ path: ['environment', -1], value: { name: 'B', value: '2' } }]),
        '{\n  "environment": [\n    { "name": "A", "value": "1" },\n    { "name": "B", "value": "2" }\n  ]\n}',
      );
    });

    it('JSONC: a comment after the last member stays on its line, and trailing commas stay the style', () => {
      const text = '{\n  "a": 1 // one\n}';
      assert.equal(apply(text, [{ path: ['b'], value: 2 }]), '{\n  "a": 1, // one\n  "b": 2\n}');
      const trailing = '{\n  "env": [\n    { "name": "A" }, // first\n  ],\n}';
      assert.equal(
        apply(trailing, [{ path: ['env', -1], value: { name: 'B' } }, { path: ['x'], value: true }]),
        '{\n  "env": [\n    { "name": "A" }, // first\n    { "name": "B" },\n  ],\n  "x": true,\n}',
      );
    });
  });

  it('fix all keeps one-line lists and objects on one line', () => {
    const text = [
      '{',
      '  "family": "web",',
      '  "networkMode": "awsvpc",',
      '  "requiresCompatibilities": ["FARGATE"],',
      '  "cpu": "256",',
      '  "memory": "512",',
      '  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",',
      '  "containerDefinitions": [',
      '    {',
      '      "name": "app",',
      '      "image": "public.ecr.aws/nginx/nginx:1.27",',
      '      "essential": "true",',
      '      "healthCheck": { "command": ["curl -f http://localhost/ || exit 1"], "interval": 30 },',
      '      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" } }',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const expected = text
      .replace('"essential": "true"', '"essential": true')
      .replace('["curl -f', '["CMD-SHELL", "curl -f')
      .replace('"awslogs-region": "us-east-1" }', '"awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" }');
    const result = fixAll(text);
    assert.equal(result.applied, 3);
    assert.equal(result.text, expected);
  });
});

