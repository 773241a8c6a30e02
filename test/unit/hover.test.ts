/**
 * Hovers, json-languageservice style: inline documents with a cursor marker `|`. Every key of the task-definition
 * and service schemas, at every depth, has a hover; values that carry meaning get their own explanation.
 */
import assert from 'node:assert/strict';
import { hover, type Hover } from '../../src/core/language/hover';
import { schemaFor, type SchemaNode } from '../../src/core/schema/info';
import type { JsonPath } from '../../src/core/types';
import { fargateTask, json } from './helpers';

/** The hover at the `|` in `text` (the marker itself is removed). */
function hoverAt(text: string, options?: Parameters<typeof hover>[2]): Hover | null {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'the document needs a | marker');
  return hover(text.slice(0, offset) + text.slice(offset + 1), offset, options);
}

/** Every member path of a schema, at every depth (list items as index 0, map keys as "key"). */
function memberPaths(node: SchemaNode, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = [...prefix, key];
    out.push(path);
    let inner: SchemaNode | undefined = child;
    let innerPath = path;
    while (inner?.type === 'array' && inner.items) {
      innerPath = [...innerPath, 0];
      inner = inner.items;
    }
    if (inner?.properties) out.push(...memberPaths(inner, innerPath));
    if (inner && typeof inner.additionalProperties === 'object' && inner.additionalProperties.properties) out.push(...memberPaths(inner.additionalProperties, [...innerPath, 'key']));
  }
  return out;
}

/** A document that has exactly `path` (every level created, the leaf set to a value of its type). */
function documentWith(kind: 'task-definition' | 'service', path: JsonPath): string {
  const root: Record<string, unknown> = kind === 'task-definition' ? { family: 'web', containerDefinitions: [{ name: 'app', image: 'x' }] } : { serviceName: 'web', desiredCount: 1 };
  let node: Record<string, unknown> | unknown[] = root;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    const next = path[i + 1];
    const child = last ? 'VALUE' : typeof next === 'number' ? [] : {};
    if (Array.isArray(node)) {
      node[seg as number] = (node[seg as number] as object | undefined) ?? child;
      node = node[seg as number] as Record<string, unknown>;
    } else {
      const existing = node[seg as string];
      node[seg as string] = last ? child : existing && typeof existing === 'object' ? existing : child;
      node = node[seg as string] as Record<string, unknown>;
    }
  });
  return json(root);
}

describe('hover on keys', () => {
  it('shows the field summary, the concept and a docs link on a key', () => {
    const h = hoverAt('{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x", "portMappings": [ { "containerPort": 80, "host|Port": 0 } ] } ] }');
    assert.ok(h);
    assert.match(h.contents, /^\*\*`hostPort`\*\* · integer, 0 to 65535 · optional/);
    assert.match(h.contents, /dynamic host port/i);
    assert.match(h.contents, /https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('the range covers exactly the key', () => {
    const text = '{ "family": "web", "networkMode": "bridge", "containerDefinitions": [] }';
    const h = hover(text, text.indexOf('networkMode') + 2);
    assert.deepEqual(h?.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 32 } });
  });

  it('marks required members and shows defaults', () => {
    const name = hoverAt('{ "family": "web", "containerDefinitions": [ { "na|me": "app", "image": "x" } ] }');
    assert.match(name?.contents ?? '', /\*\*required\*\*/);
    const essential = hoverAt('{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x", "ess|ential": true } ] }');
    assert.match(essential?.contents ?? '', /Default: `true`/);
  });

  it('works the same in describe output and JSONC, and not at all outside ECS files', () => {
    const describe = hoverAt('{ "taskDefinition": { "family": "web", "network|Mode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "b" } ] } }');
    assert.match(describe?.contents ?? '', /\*\*`networkMode`\*\*/);
    const jsonc = hoverAt('// comment\n{ "family": "web", "network|Mode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "b", }, ], }');
    assert.match(jsonc?.contents ?? '', /\*\*`networkMode`\*\*/);
    assert.equal(hoverAt('{ "name": "my-package", "ver|sion": "1.0.0" }'), null);
    assert.equal(hoverAt('{ "family": "web", "containerDefinitions": [], "madeUp|Key": 1 }'), null);
  });

  for (const kind of ['task-definition', 'service'] as const) {
    it(`every ${kind} member at every depth has a non-empty hover`, () => {
      const paths = memberPaths(schemaFor(kind)).filter((p) => p[p.length - 1] !== 'key');
      assert.ok(paths.length > (kind === 'task-definition' ? 150 : 100), `${paths.length} members`);
      const missing: string[] = [];
      for (const path of paths) {
        const text = documentWith(kind, path);
        const key = String(path[path.length - 1]);
        // The last occurrence of the key is the deepest one, which is the member under test.
        const offset = text.lastIndexOf(`"${key}"`) + 1;
        const h = hover(text, offset, { kind });
        const name = typeof path[path.length - 1] === 'number' ? undefined : key;
        if (!h || !h.contents.includes(`\`${name}\``) || !/ · /.test(h.contents) || h.contents.split('\n\n')[1]?.trim().length === 0) missing.push(path.join('.'));
      }
      assert.deepEqual(missing, []);
    });
  }

  it('links to the concept page when the host can open one', () => {
    const h = hoverAt(json(fargateTask()).replace('"executionRoleArn"', '"execution|RoleArn"'), { conceptLink: (id) => `command:ecsLens.showConcept?${encodeURIComponent(JSON.stringify([id]))}` });
    assert.ok(h);
    assert.match(h.contents, /\(command:ecsLens\.showConcept\?/);
  });
});

describe('hover on values', () => {
  it('explains an enum value against the others', () => {
    const h = hoverAt('{ "family": "web", "networkMode": "bri|dge", "containerDefinitions": [] }');
    assert.ok(h);
    assert.match(h.contents, /\*\*`bridge`\*\* — a value of `networkMode`/);
    assert.match(h.contents, /Other values: `awsvpc`, `host`, `none`/);
    assert.deepEqual(h.range.start.character, 34);
  });

  it('hostPort 0 is a dynamic host port in bridge mode, not in awsvpc', () => {
    const bridge = hoverAt('{ "family": "w", "networkMode": "bridge", "containerDefinitions": [ { "name": "a", "image": "b", "portMappings": [ { "containerPort": 80, "hostPort": |0 } ] } ] }');
    assert.match(bridge?.contents ?? '', /dynamic host port/);
    const awsvpc = hoverAt('{ "family": "w", "networkMode": "awsvpc", "containerDefinitions": [ { "name": "a", "image": "b", "portMappings": [ { "containerPort": 80, "hostPort": |0 } ] } ] }');
    assert.match(awsvpc?.contents ?? '', /no port translation/);
  });

  it('task cpu and memory in units, with the Fargate sizes that go with them', () => {
    assert.match(hoverAt('{ "family": "w", "cpu": "10|24", "containerDefinitions": [] }')?.contents ?? '', /1024 CPU units = 1 vCPU\. On Fargate this size allows memory 2048 to 8192 in steps of 1024 MiB/);
    assert.match(hoverAt('{ "family": "w", "memory": "2 |GB", "containerDefinitions": [] }')?.contents ?? '', /2048 MiB = 2 GiB\. On Fargate it goes with cpu "256" \(0\.25 vCPU\) or "512" \(0\.5 vCPU\) or "1024" \(1 vCPU\)/);
  });

  it('ARNs, secret references and image references say what they point at', () => {
    const role = hoverAt('{ "family": "w", "taskRoleArn": "arn:aws:iam::123456789012:role/app|-role", "containerDefinitions": [] }');
    assert.match(role?.contents ?? '', /the IAM role `app-role` \(IAM\), in account `123456789012`, global/);
    const secret = hoverAt('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "b", "secrets": [ { "name": "P", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf:pass|word::" } ] } ] }');
    assert.match(secret?.contents ?? '', /Secrets Manager secret `prod\/db` in account `123456789012`, Region `eu-west-1`, the value of its JSON key `password`/);
    const parameter = hoverAt('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "b", "secrets": [ { "name": "P", "valueFrom": "my-para|meter" } ] } ] }');
    assert.match(parameter?.contents ?? '', /Parameter Store parameter name/);
    const ecr = hoverAt('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/sh|op:1.4" } ] }');
    assert.match(ecr?.contents ?? '', /Amazon ECR private registry of account `123456789012` in `us-east-1`, repository `shop`/);
    assert.match(ecr?.contents ?? '', /Tag `1\.4`/);
    const hub = hoverAt('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "ngi|nx" } ] }');
    assert.match(hub?.contents ?? '', /Docker Hub, repository `library\/nginx` \(an official image\)/);
    assert.match(hub?.contents ?? '', /No tag: Docker pulls `latest`/);
    const digest = hoverAt('{ "family": "w", "containerDefinitions": [ { "name": "a", "image": "public.ecr.aws/nginx/nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab|cdef" } ] }');
    assert.match(digest?.contents ?? '', /ECR Public Gallery.*\n\nPinned by digest/s);
  });

  it('a value with nothing special to say falls back to the key\'s hover', () => {
    const h = hoverAt('{ "family": "w|eb", "containerDefinitions": [] }');
    assert.match(h?.contents ?? '', /\*\*`family`\*\*/);
  });
});

describe('hover on every enum value', () => {
  /** Every enum of a schema with the path of a member that uses it. */
  function enumPaths(node: SchemaNode, prefix: JsonPath = []): Array<{ path: JsonPath; values: string[] }> {
    const out: Array<{ path: JsonPath; values: string[] }> = [];
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      let inner: SchemaNode | undefined = child;
      let path: JsonPath = [...prefix, key];
      while (inner?.type === 'array' && inner.items) {
        path = [...path, 0];
        inner = inner.items;
      }
      if (inner?.enum) out.push({ path, values: inner.enum });
      if (inner?.properties) out.push(...enumPaths(inner, path));
    }
    return out;
  }

  for (const kind of ['task-definition', 'service'] as const) {
    it(`every ${kind} enum value explains itself against the others`, () => {
      const missing: string[] = [];
      let count = 0;
      for (const { path, values } of enumPaths(schemaFor(kind))) {
        for (const value of values) {
          count++;
          const text = documentWith(kind, path).replace('"VALUE"', JSON.stringify(value));
          const h = hover(text, text.lastIndexOf(JSON.stringify(value)) + 1, { kind });
          const body = h?.contents.split('\n\n')[1] ?? '';
          if (!h || !h.contents.startsWith(`**\`${value}\`**`) || body.length < 20) missing.push(`${path.join('.')}=${value}`);
        }
      }
      assert.ok(count > 40, `${count} values`);
      assert.deepEqual(missing, []);
    });
  }
});
