/**
 * Mocha entry point that runs INSIDE the VS Code extension host.
 *
 * Two callers load it:
 *  - @vscode/test-electron, as `extensionTestsPath` (it calls `run()` and treats a rejection as failure);
 *  - the test harness extension (test/integration/harness) under code-server, which calls `run()` when
 *    ECS_LENS_TEST_ENTRY points here.
 *
 * Env (all optional):
 *  - ECS_LENS_TEST_RESULTS  JSON-lines results file (see events.ts); when set, results are streamed there too.
 *  - ECS_LENS_TEST_SUITES   comma-separated suite names to run (file names without `.test.js`), e.g. `editing`.
 *  - ECS_LENS_TEST_GREP     mocha grep over full test titles.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaClass from 'mocha';
import * as vscode from 'vscode';
import { emit, resultsFile } from './events';

// The activation suite goes first: it is the only one that can see (and time) the extension's activation,
// because every other suite opens JSON documents, which activates the extension as a side effect.
const FIRST = ['activation'];

function suiteFiles(): string[] {
  const dir = path.join(__dirname, 'suites');
  const wanted = (process.env.ECS_LENS_TEST_SUITES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.slice(0, -'.test.js'.length))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort((a, b) => {
      const rank = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
      return rank(a) - rank(b) || a.localeCompare(b);
    });
  if (wanted.length > 0) {
    const unknown = wanted.filter((w) => !names.includes(w));
    if (unknown.length) throw new Error(`ECS_LENS_TEST_SUITES names unknown suites: ${unknown.join(', ')}`);
  }
  return names.map((n) => path.join(dir, `${n}.test.js`));
}

/** Nesting depth of a runnable or suite, for indentation in the runner's output (root suite is depth 0). */
function depthOf(node: { parent?: unknown }): number {
  let depth = 0;
  let p = node.parent as { parent?: unknown; root?: boolean } | undefined;
  while (p && !p.root) {
    depth++;
    p = p.parent as typeof p;
  }
  return depth;
}

export async function run(): Promise<void> {
  const streaming = resultsFile() !== undefined;
  // Mocha 12 is an ES module; a dynamic import loads it from this CommonJS file in every Node the
  // extension host may run on (require(esm) is not available in older Electron builds).
  const { default: Mocha } = (await import('mocha')) as unknown as { default: typeof MochaClass };

  const mocha = new Mocha({
    ui: 'tdd',
    color: !streaming,
    // Under code-server the runner prints from the streamed events; 'spec' would only reach the server log.
    reporter: streaming ? class Silent {} : 'spec',
    timeout: 30_000,
    grep: process.env.ECS_LENS_TEST_GREP || undefined,
  } as Mocha.MochaOptions);

  const files = suiteFiles();
  files.forEach((f) => mocha.addFile(f));
  emit({
    type: 'start',
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.UIKind[vscode.env.uiKind] ?? String(vscode.env.uiKind),
    node: process.version,
    files: files.map((f) => path.basename(f)),
  });
  console.log(`Running ${files.length} suite file(s) in ${vscode.env.appName} ${vscode.version}`);

  await mocha.loadFilesAsync();
  const started = Date.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('suite', (s: Mocha.Suite) => {
      if (!s.root) emit({ type: 'suite', title: s.title, depth: depthOf(s) });
    });
    runner.on('pass', (t: Mocha.Test) =>
      emit({ type: 'pass', title: t.title, fullTitle: t.fullTitle(), durationMs: t.duration ?? 0, depth: depthOf(t) }),
    );
    runner.on('fail', (t: Mocha.Runnable, err: Error) =>
      emit({
        type: 'fail',
        title: t.title,
        fullTitle: t.fullTitle(),
        depth: depthOf(t),
        message: err?.message ?? String(err),
        stack: err?.stack,
      }),
    );
    runner.on('pending', (t: Mocha.Test) =>
      emit({ type: 'pending', title: t.title, fullTitle: t.fullTitle(), depth: depthOf(t) }),
    );
    runner.on('end', () => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      emit({
        type: 'end',
        passed: stats.passes,
        failed: stats.failures,
        pending: stats.pending,
        durationMs: Date.now() - started,
      });
    });
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
