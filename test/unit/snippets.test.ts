/** Every contributed snippet, expanded with its defaults and placed where it belongs, lints without problems. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/document/document';
import { lint } from '../../src/core/lint';

const root = join(__dirname, '../..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets/ecs.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

/** What VS Code inserts when the user accepts every default: placeholders → defaults, choices → first choice. */
export function expand(body: string[]): string {
  let text = body.join('\n');
  for (let guard = 0; guard < 20 && /\$\{\d+:[^${}]*\}/.test(text); guard++) text = text.replace(/\$\{\d+:([^${}]*)\}/g, '$1');
  return text.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\d+/g, '');
}

const EXEC = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const fargate = (container: string, extra = '') =>
  `{"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "executionRoleArn": "${EXEC}"${extra}, "containerDefinitions": [${container}]}`;
const app = (inner: string) => `{"name": "app", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true${inner}}`;

/** Where each fragment goes. */
const hosts: Record<string, (snippet: string) => string> = {
  'ecs-container': (s) => fargate(s),
  'ecs-port-mapping': (s) => fargate(app(`, "portMappings": [${s}]`)),
  'ecs-awslogs': (s) => fargate(app(`, ${s}`)),
  'ecs-health-check': (s) => fargate(app(`, ${s}`)),
  'ecs-secret': (s) => fargate(app(`, "secrets": [${s}]`)),
  'ecs-efs-volume': (s) => fargate(app(`, "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]`), `, "volumes": [${s}]`),
  'ecs-capacity-spot': (s) => `{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, ${s}}`,
};

describe('snippets', () => {
  it('have a prefix starting with "ecs-" and a description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.prefix, /^ecs-/, name);
      assert.ok(s.description.length > 20, name);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${s.prefix}: expands to a definition without problems`, () => {
      const expanded = expand(s.body);
      const host = hosts[s.prefix];
      const text = host ? host(expanded) : expanded;
      const doc = analyze(text);
      assert.deepEqual(doc.json.syntaxErrors, [], `${name} does not parse:\n${text}`);
      assert.notEqual(doc.kind, 'none', name);
      const problems = lint(text).filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), [], text);
    });
  }

  it('are contributed for JSON and JSONC', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets.map((x: { language: string }) => x.language).sort(), ['json', 'jsonc']);
  });
});
