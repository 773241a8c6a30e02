/**
 * Test-only extension that starts the integration suites inside a code-server extension host.
 *
 * @vscode/test-electron tells VS Code which test entry to load (`--extensionTestsPath`); code-server has no such
 * switch, so this tiny extension plays that role: it activates once the workbench has started and, only when
 * ECS_LENS_TEST_ENTRY names the compiled mocha entry, loads it and calls its `run()`. Keeping it separate keeps
 * test code out of the product's bundle. The extension host inherits code-server's environment, which is how
 * the runner (scripts/integration.mjs) passes the variables.
 */
import * as fs from 'node:fs';

interface TestEntry {
  run(): Promise<void>;
}

function writeEvent(event: object): void {
  const file = process.env.ECS_LENS_TEST_RESULTS;
  if (file) fs.appendFileSync(file, `${JSON.stringify(event)}\n`);
}

export function activate(): void {
  const entry = process.env.ECS_LENS_TEST_ENTRY;
  if (!entry) return;
  // A reloaded window starts a new extension host with the same environment; the runner wants one run only.
  const lock = `${process.env.ECS_LENS_TEST_RESULTS ?? entry}.started`;
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  // Not awaited: activation must return promptly, and the result travels through the results file.
  void (async () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tests = require(entry) as TestEntry;
      await tests.run();
    } catch (err) {
      // Test failures were already streamed; this also catches a crash before mocha started (bad entry, etc.).
      const e = err instanceof Error ? err : new Error(String(err));
      writeEvent({ type: 'crash', message: e.message, stack: e.stack });
    } finally {
      writeEvent({ type: 'exit' });
    }
  })();
}

export function deactivate(): void {}
