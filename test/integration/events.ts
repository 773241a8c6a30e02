/**
 * What the in-host test entry reports to whoever started VS Code.
 *
 * Under @vscode/test-electron the extension host's console is the runner's terminal, so plain console output is
 * enough. Under code-server the extension host is a grandchild of a server process whose logs go elsewhere, so
 * the entry also appends one JSON object per line to the file named by ECS_LENS_TEST_RESULTS; the runner
 * (scripts/integration.mjs) tails that file. Appending whole lines with one write keeps a reader that polls the
 * file from ever seeing half an event that it would then parse.
 */
import * as fs from 'node:fs';

/** One line of the results file. `seq` lets the runner notice a second run (e.g. after a window reload). */
export type TestEvent =
  | { type: 'start'; vscodeVersion: string; appName: string; uiKind: string; node: string; files: string[] }
  | { type: 'suite'; title: string; depth: number }
  | { type: 'pass'; title: string; fullTitle: string; durationMs: number; depth: number }
  | { type: 'fail'; title: string; fullTitle: string; depth: number; message: string; stack?: string }
  | { type: 'pending'; title: string; fullTitle: string; depth: number }
  | { type: 'note'; text: string }
  | { type: 'end'; passed: number; failed: number; pending: number; durationMs: number }
  | { type: 'crash'; message: string; stack?: string };

/** Env var naming the JSON-lines results file; unset under @vscode/test-electron. */
export const RESULTS_ENV = 'ECS_LENS_TEST_RESULTS';

export function resultsFile(): string | undefined {
  return process.env[RESULTS_ENV] || undefined;
}

/** Appends one event to the results file when there is one. Never throws: reporting must not fail a test. */
export function emit(event: TestEvent): void {
  const file = resultsFile();
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify(event)}\n`);
  } catch (err) {
    console.error(`[ecs-lens tests] cannot write ${file}: ${String(err)}`);
  }
}

/**
 * A line for humans that is not a test result: measurements such as the activation time. Printed (not asserted)
 * because timings on a shared 2-core CI machine are too noisy to be a pass/fail criterion.
 */
export function note(text: string): void {
  console.log(text);
  emit({ type: 'note', text });
}
