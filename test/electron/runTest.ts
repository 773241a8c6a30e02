/**
 * Standard launcher for contributors with internet access: downloads desktop VS Code with @vscode/test-electron
 * and runs the same extension-host suites as `npm run test:integration` (which uses code-server instead,
 * because these CI machines cannot download VS Code).
 *
 * Run: `npm run build && node scripts/build-tests.mjs && node out/test/electron/runTest.js`
 * Env: VSCODE_TEST_VERSION  VS Code version to download (default: 'stable'; engines.vscode needs >= 1.100).
 *      ECS_LENS_TEST_SUITES / ECS_LENS_TEST_GREP are passed through to the in-host entry (see index.ts).
 *
 * Under Linux without a display, wrap it in `xvfb-run -a`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test/electron/runTest.js: three levels up is the repository root.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const extensionDevelopmentPath = repoRoot;
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }

  // The suites edit documents and write .vscode/settings.json: give them a throwaway copy of the fixtures.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-lens-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test', 'integration', 'fixtures'), workspace, { recursive: true });

  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [
        workspace,
        // Fresh profile and no other extensions: the results must not depend on the contributor's setup.
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
      extensionTestsEnv: {
        ECS_LENS_TEST_SUITES: process.env.ECS_LENS_TEST_SUITES ?? '',
        ECS_LENS_TEST_GREP: process.env.ECS_LENS_TEST_GREP ?? '',
      },
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
