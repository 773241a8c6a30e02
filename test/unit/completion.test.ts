/** Completion with a cursor marker `|`, as json-languageservice tests it. */
import assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { analyze } from '../../src/core/document/document';
import { complete, type CompletionList } from '../../src/core/language/completion';
import { TEMPLATES } from '../../src/core/language/templates';
import { lint } from '../../src/core/lint';
import { TaskDefinitionIndex } from '../../src/core/workspace';
import { fargateTask, json } from './helpers';

function completeAt(text: string, options?: Parameters<typeof complete>[2]): CompletionList & { text: string; offset: number } {
  const offset = text.indexOf('|');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  return { ...complete(clean, offset, options), text: clean, offset };
}

const labels = (list: CompletionList): string[] => list.items.map((i) => i.label);

/** Expands a snippet with its defaults: `${1:x}` → x, `${1|a,b|}` → a, `$1` → ''. */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** Applies a completion item to the text it was computed for. */
function accept(result: ReturnType<typeof completeAt>, label: string): string {
  const item = result.items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${labels(result).join(', ')}`);
  const doc = analyze(result.text);
  const { start, end } = item.textEdit.range;
  const from = doc.json.lineIndex.offsetAt(start);
  const to = doc.json.lineIndex.offsetAt(end);
  const newText = item.insertTextFormat === 2 ? expand(item.textEdit.newText) : item.textEdit.newText;
  return applyEdits(result.text, [{ offset: from, length: to - from, content: newText }]);
}

describe('completion of keys', () => {
  it('offers the keys valid at the cursor that are not there yet, required ones first', () => {
    const r = completeAt('{ "family": "web", "containerDefinitions": [ { "name": "app", | } ] }');
    assert.ok(labels(r).includes('image'));
    assert.ok(!labels(r).includes('name'), 'already present');
    assert.ok(labels(r).includes('portMappings'));
    const sorted = [...r.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0].label, 'image', 'required first');
    const image = r.items.find((i) => i.label === 'image');
    assert.match(image?.documentation?.value ?? '', /\*\*`image`\*\*/);
    assert.match(image?.detail ?? '', /^required/);
  });

  it('inserts a key with a value of its type, and the result parses', () => {
    const r = completeAt('{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x" } ], | }');
    const after = accept(r, 'networkMode');
    assert.equal(JSON.parse(after).networkMode, 'awsvpc');
    const booleans = accept(completeAt('{ "family": "web", "containerDefinitions": [ { "name": "app", "image": "x", | } ] }'), 'essential');
    assert.equal(JSON.parse(booleans).containerDefinitions[0].essential, true);
  });

  it('replaces the key being typed, quotes included', () => {
    const r = completeAt('{ "family": "web", "containerDefinitions": [], "netw|" }');
    const item = r.items.find((i) => i.label === 'networkMode');
    assert.equal(item?.filterText, '"networkMode"');
    const after = accept(r, 'networkMode');
    assert.equal(JSON.parse(after).networkMode, 'awsvpc');
  });

  it('adds a comma when another member follows', () => {
    const r = completeAt('{ "family": "web", | "containerDefinitions": [] }');
    const after = accept(r, 'cpu');
    assert.deepEqual(Object.keys(JSON.parse(after)), ['family', 'cpu', 'containerDefinitions']);
  });

  it('works in describe output and JSONC, and offers nothing outside ECS files', () => {
    assert.ok(labels(completeAt('{ "taskDefinition": { "family": "web", "containerDefinitions": [], | } }')).includes('networkMode'));
    assert.ok(labels(completeAt('// c\n{ "family": "web", "containerDefinitions": [], | }')).includes('networkMode'));
    assert.deepEqual(labels(completeAt('{ "name": "pkg", "version": "1.0.0", | }')), []);
    assert.ok(labels(completeAt('{ "serviceName": "web", "desiredCount": 1, | }')).includes('launchType'));
  });
});

describe('completion of values', () => {
  it('enum values with their explanations, and booleans', () => {
    const r = completeAt('{ "family": "web", "containerDefinitions": [], "networkMode": | }');
    assert.deepEqual(labels(r), ['awsvpc', 'bridge', 'host', 'none']);
    assert.equal(accept(r, 'host').includes('"networkMode": "host"'), true);
    assert.deepEqual(labels(completeAt('{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "b", "essential": | } ] }')), ['true', 'false']);
    assert.ok(labels(completeAt('{ "family": "web", "requiresCompatibilities": [ | ], "containerDefinitions": [] }')).includes('FARGATE'));
  });

  it('the Fargate memory values allowed for the task cpu, and the cpu values for the memory', () => {
    const memory = completeAt('{ "family": "web", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "containerDefinitions": [], "memory": | }');
    assert.deepEqual(labels(memory), ['1024', '2048', '3072', '4096']);
    const cpu = completeAt('{ "family": "web", "requiresCompatibilities": ["FARGATE"], "memory": "16384", "containerDefinitions": [], "cpu": | }');
    assert.deepEqual(labels(cpu), ['2048', '4096', '8192']);
  });

  it('container and volume names taken from the document', () => {
    const doc = '{ "family": "web", "volumes": [ { "name": "data" }, { "name": "cache" } ], "containerDefinitions": [ { "name": "init", "image": "a" }, { "name": "app", "image": "b", "dependsOn": [ { "containerName": | } ] } ] }';
    assert.deepEqual(labels(completeAt(doc)), ['init']);
    assert.deepEqual(labels(completeAt(doc.replace('"dependsOn": [ { "containerName": | } ]', '"mountPoints": [ { "sourceVolume": | } ]'))).sort(), ['cache', 'data']);
    assert.deepEqual(labels(completeAt(doc.replace('"dependsOn": [ { "containerName": | } ]', '"volumesFrom": [ { "sourceContainer": | } ]'))), ['init']);
    assert.deepEqual(labels(completeAt(doc.replace('"dependsOn": [ { "containerName": | } ]', '"links": [ | ]'))), ['init']);
  });

  it('a service completes the container names and ports of the task definition it names', () => {
    const index = new TaskDefinitionIndex();
    index.set('td', analyze(json(fargateTask({}, { portMappings: [{ containerPort: 8080 }, { containerPort: 9090 }] }))));
    const lb = '{ "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 1, "loadBalancers": [ { "containerName": "app", "containerPort": | } ] }';
    assert.deepEqual(labels(completeAt(lb, { workspace: index })), ['8080', '9090']);
    assert.deepEqual(labels(completeAt(lb.replace('"containerName": "app", "containerPort": |', '"containerName": |'), { workspace: index })), ['app']);
    assert.deepEqual(labels(completeAt(lb)), [], 'without the task definition there is nothing to offer');
  });
});

describe('whole-object completions', () => {
  it('a new container, port mapping and secret where list items belong', () => {
    assert.ok(labels(completeAt('{ "family": "web", "containerDefinitions": [ | ] }')).includes('New container'));
    assert.ok(labels(completeAt('{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "b", "portMappings": [ | ] } ] }')).includes('New port mapping'));
    assert.ok(labels(completeAt('{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "b", "secrets": [ | ] } ] }')).includes('Secret from Secrets Manager'));
  });

  it('a key whose value has a template inserts that whole object', () => {
    const after = accept(completeAt('{ "family": "web", "containerDefinitions": [ { "name": "a", "image": "b", | } ] }'), 'logConfiguration');
    assert.equal(JSON.parse(after).containerDefinitions[0].logConfiguration.logDriver, 'awslogs');
  });

  for (const t of TEMPLATES) {
    it(`template "${t.label}" (${t.at}) lints clean once inserted with its defaults`, () => {
      const [kind, pattern] = t.at.split(':');
      const value = JSON.parse(expand(t.body)) as unknown;
      const doc =
        kind === 'TD'
          ? fargateTask({ volumes: [{ name: 'data' }] }, { name: 'app', mountPoints: [], dependsOn: [] })
          : { serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } } };
      const host = doc as Record<string, unknown>;
      const placeAt = (obj: Record<string, unknown>, segs: string[]): void => {
        const [head, ...rest] = segs;
        const isList = head.endsWith('[]');
        const key = head.replace('[]', '');
        if (rest.length === 0) {
          if (isList) obj[key] = [value];
          else obj[key] = value;
          return;
        }
        const next = isList ? (obj[key] as Array<Record<string, unknown>>)[0] : (obj[key] as Record<string, unknown>);
        placeAt(next, rest);
      };
      placeAt(host, pattern.split('.'));
      if (kind === 'SVC' && pattern === 'capacityProviderStrategy[]') delete host.launchType;
      if (pattern.endsWith('dependsOn[]')) (host.containerDefinitions as Array<Record<string, unknown>>).unshift({ name: 'init', image: 'busybox', essential: false });
      const problems = lint(json(host), { kind: kind === 'TD' ? 'task-definition' : 'service' }).filter((d) => d.severity === 'error');
      assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), []);
    });
  }
});
