import assert from 'node:assert/strict';
import { analyze } from '../../src/core/document/document';
import { applyChanges } from '../../src/core/fixes';
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
});
