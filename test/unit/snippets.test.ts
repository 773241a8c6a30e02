/**
 * Every contributed snippet, expanded the way VS Code expands it (with its defaults, and with each choice of every
 * choice tab stop), lints clean. Whole task definitions and services are checked as they are, services against the
 * task-definition snippets they name; parts are placed into a minimal valid document where they belong.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/document/document';
import { containsPlaceholder } from '../../src/core/document/placeholders';
import { lint } from '../../src/core/lint';
import { createWorkspaceIndex } from '../../src/core/workspace';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

const root = join(__dirname, '../..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets/ecs.json'), 'utf8')) as Record<string, Snippet>;

// ───────────────────────── VS Code snippet syntax ─────────────────────────

/** A parsed snippet: text, and tab stops ($1, ${1}, ${1:default}, ${1|a,b|}); $0 is tab stop 0. */
type SnippetNode = string | { index: number; children: SnippetNode[]; choices?: string[] };

/**
 * Parses the snippet grammar VS Code uses (TextMate syntax): `\$`, `\}` and `\\` are escapes, choices escape `,`
 * and `|`. Variables ($TM_FILENAME, ${CLIPBOARD}) are refused: ECS snippets must not depend on the editor's state.
 */
export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const parse = (inPlaceholder: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push(text);
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && '$}\\'.includes(source[pos + 1] ?? '')) {
        text += source[pos + 1];
        pos += 2;
      } else if (inPlaceholder && ch === '}') {
        pos++;
        flush();
        return out;
      } else if (ch === '$') {
        const simple = /^\$(\d+)/.exec(source.slice(pos));
        const braced = /^\$\{(\d+)([:|}])/.exec(source.slice(pos));
        if (simple) {
          flush();
          out.push({ index: Number(simple[1]), children: [] });
          pos += simple[0].length;
        } else if (braced) {
          flush();
          pos += braced[0].length;
          const index = Number(braced[1]);
          if (braced[2] === '}') out.push({ index, children: [] });
          else if (braced[2] === ':') out.push({ index, children: parse(true) });
          else out.push({ index, children: [], choices: parseChoices() });
        } else if (/^\$\{?[A-Za-z_]/.test(source.slice(pos))) {
          throw new Error(`snippet variable at ${pos}: ${source.slice(pos, pos + 20)}`);
        } else {
          text += ch;
          pos++;
        }
      } else {
        text += ch;
        pos++;
      }
    }
    if (inPlaceholder) throw new Error('unterminated placeholder');
    flush();
    return out;
  };
  const parseChoices = (): string[] => {
    const choices: string[] = [];
    let current = '';
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && ',|\\'.includes(source[pos + 1] ?? '')) {
        current += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        choices.push(current);
        current = '';
        pos++;
      } else if (ch === '|' && source[pos + 1] === '}') {
        choices.push(current);
        pos += 2;
        return choices;
      } else {
        current += ch;
        pos++;
      }
    }
    throw new Error('unterminated choice');
  };
  return parse(false);
}

type TabStop = Exclude<SnippetNode, string>;

/** Every tab stop, depth first in document order (the order VS Code reads them in). */
function tabStops(nodes: SnippetNode[]): TabStop[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...tabStops(n.children)]));
}

/**
 * The text VS Code inserts when the user accepts every default, except that `picks` chooses another option of a
 * choice. As in VS Code, the first occurrence of a tab stop that has a default or choices sets the value of all
 * occurrences with that number (mirrors); choices insert their first option.
 */
export function expandSnippet(body: string[], picks: ReadonlyMap<number, number> = new Map()): string {
  const nodes = parseSnippet(body.join('\n'));
  const primary = new Map<number, TabStop>();
  for (const t of tabStops(nodes)) if (!primary.has(t.index) && (t.choices || t.children.length > 0)) primary.set(t.index, t);
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (typeof n === 'string') return n;
        const p = primary.get(n.index);
        if (!p) return '';
        return p.choices ? p.choices[picks.get(n.index) ?? 0] : render(p.children);
      })
      .join('');
  return render(nodes);
}

/** The default expansion, then one expansion per other option of each choice tab stop (the rest at defaults). */
function variants(body: string[]): Array<{ label: string; text: string }> {
  const out = [{ label: 'defaults', text: expandSnippet(body) }];
  const seen = new Set<number>();
  for (const t of tabStops(parseSnippet(body.join('\n')))) {
    if (!t.choices || seen.has(t.index)) continue;
    seen.add(t.index);
    t.choices.forEach((choice, k) => {
      if (k > 0) out.push({ label: `$${t.index} = ${choice}`, text: expandSnippet(body, new Map([[t.index, k]])) });
    });
  }
  return out;
}

// ───────────────────────── where each snippet goes ─────────────────────────

const EXEC = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const fargate = (containers: string, extra = '') =>
  `{"family": "host", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "executionRoleArn": "${EXEC}"${extra}, "containerDefinitions": [${containers}]}`;
const app = (inner = '') => `{"name": "main", "image": "public.ecr.aws/nginx/nginx:1.30", "essential": true${inner}}`;
const service = (inner: string) =>
  `{"cluster": "default", "serviceName": "host", "taskDefinition": "host", "desiredCount": 2, ${inner}}`;
const awsvpc = '"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"]}}';

/** Parts: a minimal valid host document, with the snippet inserted where a user would insert it. */
const hosts: Record<string, (snippet: string) => string> = {
  'ecs-container': (s) => fargate(`${app()}, ${s}`),
  'ecs-port-mapping': (s) => fargate(app(`, "portMappings": [${s}]`)),
  'ecs-awslogs': (s) => fargate(app(`, ${s}`)),
  'ecs-health-check': (s) => fargate(app(`, ${s}`)),
  'ecs-secret': (s) => fargate(app(`, "secrets": [${s}]`)),
  'ecs-secret-ssm': (s) => fargate(app(`, "secrets": [${s}]`)),
  'ecs-efs-volume': (s) => fargate(app(`, "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]`), `, "volumes": [${s}]`),
  'ecs-load-balancer': (s) => service(`"launchType": "FARGATE", ${awsvpc}, "loadBalancers": [${s}]`),
  'ecs-deployment-configuration': (s) => service(`"launchType": "FARGATE", ${awsvpc}, ${s}`),
  'ecs-network-configuration': (s) => service(`"launchType": "FARGATE", ${s}`),
  'ecs-capacity-spot': (s) => service(`${awsvpc}, ${s}`),
};

const entries = Object.entries(snippets);
const kindOf = (prefix: string): 'task-definition' | 'service' | 'part' =>
  prefix.startsWith('ecs-task-') ? 'task-definition' : prefix.startsWith('ecs-service-') ? 'service' : 'part';

/** Every string value of a JSON value, with its path. */
function strings(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** The task-definition snippets with their defaults: the workspace the service snippets are checked against. */
const workspace = createWorkspaceIndex(
  entries.filter(([, s]) => kindOf(s.prefix) === 'task-definition').map(([, s]) => ({ uri: s.prefix, text: expandSnippet(s.body) })),
);

describe('snippets', () => {
  it('parse the snippet syntax the way VS Code does', () => {
    assert.equal(expandSnippet(['"${1:web}-${2|a,b|}" ${3} $0 \\$HOME ${4:x\\}y}']), '"web-a"   $HOME x}y');
    assert.equal(expandSnippet(['${1:a} ${2:${1:b}-c} $1'], new Map()), 'a a-c a');
    assert.equal(expandSnippet(['${1|x,y\\,z|}'], new Map([[1, 1]])), 'y,z');
    assert.throws(() => parseSnippet('$TM_FILENAME'), /variable/);
  });

  it('are at least 15, each with a unique prefix and a description', () => {
    assert.ok(entries.length >= 15, `only ${entries.length} snippets`);
    const prefixes = entries.map(([, s]) => s.prefix);
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), [], 'duplicate prefixes');
    for (const [name, s] of entries) {
      assert.match(s.prefix, /^ecs-[a-z0-9]+(-[a-z0-9]+)*$/, name);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), `${name}: body is a list of lines`);
      assert.ok(typeof s.description === 'string' && s.description.length >= 80, `${name}: a description that says what it gives and what to fill in`);
      assert.match(s.description, /\bFill in\b/, `${name}: the description says what to fill in`);
    }
  });

  it('cover every whole-definition topic', () => {
    const prefixes = new Set(entries.map(([, s]) => s.prefix));
    for (const p of [
      'ecs-task-fargate', 'ecs-task-ec2', 'ecs-task-firelens', 'ecs-task-otel', 'ecs-task-appmesh', 'ecs-task-secrets',
      'ecs-task-efs', 'ecs-task-gpu', 'ecs-task-windows', 'ecs-task-arm64', 'ecs-service-fargate', 'ecs-service-spot',
      'ecs-service-daemon', 'ecs-service-connect', 'ecs-service-blue-green',
    ]) {
      assert.ok(prefixes.has(p), p);
    }
  });

  it('number their tab stops 1..n in a row, give each one default, and end at $0', () => {
    for (const [name, s] of entries) {
      const stops = tabStops(parseSnippet(s.body.join('\n')));
      const numbers = [...new Set(stops.map((t) => t.index).filter((i) => i > 0))].sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(', ')}`);
      assert.equal(stops.filter((t) => t.index === 0).length, 1, `${name}: one $0`);
      // Mirrors that spell out a default must spell out the same one, or the first silently wins.
      const defaults = new Map<number, string>();
      for (const t of stops) {
        if (t.index === 0) continue;
        const value = t.choices ? `|${t.choices.join(',')}|` : expandSnippet([serialize(t.children)]);
        if (!t.choices && t.children.length === 0) continue;
        assert.equal(defaults.get(t.index) ?? value, value, `${name}: $${t.index} has two different defaults`);
        defaults.set(t.index, value);
      }
      for (const n of numbers) assert.ok(defaults.has(n), `${name}: $${n} has no default`);
    }
  });

  it('insert a whole definition under ecs-task-/ecs-service-, and a part under any other ecs- prefix', () => {
    for (const [name, s] of entries) {
      const kind = kindOf(s.prefix);
      const text = expandSnippet(s.body);
      if (kind === 'part') {
        assert.ok(hosts[s.prefix], `${name}: a part needs a host document in this test`);
      } else {
        assert.equal(analyze(text).kind, kind, `${name} is not recognised as a ${kind}`);
      }
    }
  });

  /** Warnings a snippet gets on purpose: the App Mesh one is kept for existing definitions, and says App Mesh has ended. */
  const EXPECTED_WARNINGS: Record<string, string[]> = { 'ecs-task-appmesh': ['proxy-app-mesh-discontinued'] };

  for (const [name, s] of entries) {
    const kind = kindOf(s.prefix);
    describe(s.prefix, () => {
      for (const v of variants(s.body)) {
        it(`lints clean with ${v.label}`, () => {
          const text = kind === 'part' ? hosts[s.prefix](v.text) : v.text;
          const doc = analyze(text);
          assert.deepEqual(doc.json.syntaxErrors, [], `${name} does not parse:\n${text}`);
          assert.equal(doc.kind, kind === 'part' ? doc.kind : kind, name);
          assert.notEqual(doc.kind, 'none', name);
          // Realistic values, never template text that the linter would skip as "filled in later".
          const templated = strings(doc.json.value).filter(([, value]) => containsPlaceholder(value));
          assert.deepEqual(templated, [], `${name}: template placeholders`);
          const diagnostics = lint(text, { workspace });
          const expected = EXPECTED_WARNINGS[s.prefix] ?? [];
          const problems = diagnostics.filter((d) => d.severity === 'error' || (d.severity === 'warning' && !expected.includes(d.code)));
          assert.deepEqual(problems.map((d) => `${d.severity} ${d.code}: ${d.message}`), [], text);
          assert.deepEqual(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code), expected, text);
        });
      }
    });
  }

  it('check services against the task-definition snippet they name, when one matches', () => {
    // Services with a load balancer or Service Connect must pair, so the cross-file checks (container, port, port name) ran.
    for (const [name, s] of entries.filter(([, x]) => kindOf(x.prefix) === 'service')) {
      const value = JSON.parse(expandSnippet(s.body)) as Record<string, unknown>;
      const needsPair = 'loadBalancers' in value || 'serviceConnectConfiguration' in value;
      if (needsPair) assert.ok(workspace.findTaskDefinition(String(value.taskDefinition)), `${name}: no task-definition snippet "${String(value.taskDefinition)}"`);
    }
  });

  it('are contributed for JSON and JSONC', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets.map((x: { language: string }) => x.language).sort(), ['json', 'jsonc']);
  });
});

/** Writes parsed nodes back as snippet text (to expand a placeholder's default on its own). */
function serialize(nodes: SnippetNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n.replace(/[\\$}]/g, (c) => `\\${c}`);
      if (n.choices) return `\${${n.index}|${n.choices.map((c) => c.replace(/[\\,|]/g, (x) => `\\${x}`)).join(',')}|}`;
      return n.children.length > 0 ? `\${${n.index}:${serialize(n.children)}}` : `\${${n.index}}`;
    })
    .join('');
}

/** The text VS Code inserts when the user accepts every default (kept for callers of the earlier helper). */
export function expand(body: string[]): string {
  return expandSnippet(body);
}
