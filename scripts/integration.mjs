#!/usr/bin/env node
// `npm run test:integration`: runs test/integration's mocha suites inside a real VS Code 1.100.3 extension host
// (code-server, opened by headless Chromium), with our packaged .vsix installed as a user would install it.
//
//   1. install code-server (cached) and Chromium if missing            scripts/code-server/install.mjs
//   2. `npm run package` → ecs-lens.vsix; compile the suites + harness   scripts/build-tests.mjs
//   3. for each workspace, one after the other: a fresh profile with ecs-lens.vsix + the test harness .vsix, and
//      a temp copy of the workspace folder:
//        - test/integration/fixtures: every suite but `examples` and `untrusted`
//        - examples/ (the demo workspace `npm start` opens, alone, as there): the `examples` suite
//        - test/integration/fixtures-untrusted, with workspace trust on and the folder untrusted: `untrusted`
//   4. start the local ECS endpoint (seeded account) and code-server with ECS_LENS_TEST_ENTRY /
//      ECS_LENS_TEST_RESULTS, the endpoint and dummy credentials (scripts/code-server/endpoint.mjs) in its
//      environment, open the workbench:
//      the harness extension activates on startup and runs mocha in the extension host
//   5. tail the JSON-lines results file, print mocha-style lines; at the end `N passed, N failed` for all of them
//
// Env:
//   ECS_LENS_IT_TIMEOUT_MS   overall limit (default 480000 = 8 min); past it the run fails instead of hanging
//   ECS_LENS_TEST_SUITES     comma-separated suite names (e.g. `diagnostics,editing`); ECS_LENS_TEST_GREP too
//   ECS_LENS_VSIX            test this .vsix instead of running `npm run package`
//   ECS_LENS_CODE_SERVER_DIR where code-server is installed (default ~/.cache/ecs-lens/code-server-4.100.3)
//   ECS_LENS_KEEP_TMP=1      keep the temp profile/workspace/logs for a post-mortem
//   ECS_LENS_IT_START_TIMEOUT_MS / ECS_LENS_IT_STALL_TIMEOUT_MS  limits for "never started" / "went silent"
//   ECS_LENS_IT_VERBOSE=1    also print browser console errors

import fs from 'node:fs';
import path from 'node:path';
import { buildTests } from './build-tests.mjs';
import { ensureChromium, ensureCodeServer } from './code-server/install.mjs';
import { endpointEnvironment, startLocalEndpoint, writeTestAwsFiles } from './code-server/endpoint.mjs';
import {
  REPO_ROOT,
  extensionHostLogs,
  freePort,
  installExtensions,
  installSignalHandlers,
  log,
  makeProfile,
  makeTempRoot,
  openWorkbench,
  packageExtension,
  run,
  runCleanups,
  sleep,
  startCodeServer,
} from './code-server/session.mjs';

const TIMEOUT_MS = Number(process.env.ECS_LENS_IT_TIMEOUT_MS || 8 * 60_000);
// How long the extension host may take to report that mocha started, once the workbench is open.
const START_TIMEOUT_MS = Number(process.env.ECS_LENS_IT_START_TIMEOUT_MS || 120_000);
// Longest silence allowed between two results once mocha runs: well above mocha's 30 s per-test timeout, so
// only a dead or hung extension host trips it (sooner than the overall timeout would).
const STALL_TIMEOUT_MS = Number(process.env.ECS_LENS_IT_STALL_TIMEOUT_MS || 120_000);
const VERBOSE = Boolean(process.env.ECS_LENS_IT_VERBOSE);

/** Prints results as they stream in and keeps the tally. */
class Printer {
  passed = 0;
  failed = 0;
  pending = 0;
  failures = [];
  started = false;
  ended = false;
  hostExited = false;
  crash = undefined;

  /** A new VS Code for the next workspace: the tallies go on, the per-host state starts again. */
  beginSession() {
    this.started = false;
    this.ended = false;
    this.hostExited = false;
  }

  handle(event) {
    const pad = (depth) => '  '.repeat(depth + 1);
    switch (event.type) {
      case 'start':
        this.started = true;
        console.log(
          `VS Code ${event.vscodeVersion} (${event.appName}, UI ${event.uiKind}, extension host on Node ${event.node})`,
        );
        console.log(`Suites: ${event.files.join(', ')}`);
        break;
      case 'suite':
        console.log(`\n${pad(event.depth - 1)}${event.title}`);
        break;
      case 'pass':
        this.passed++;
        console.log(`${pad(event.depth - 1)}  ✔ ${event.title} (${event.durationMs} ms)`);
        break;
      case 'fail':
        this.failed++;
        this.failures.push(event);
        console.log(`${pad(event.depth - 1)}  ✘ ${this.failures.length}) ${event.title}`);
        break;
      case 'pending':
        this.pending++;
        console.log(`${pad(event.depth - 1)}  - ${event.title} (skipped)`);
        break;
      case 'note':
        console.log(`    ${event.text}`);
        break;
      case 'end':
        this.ended = true;
        console.log(`\nmocha finished in ${(event.durationMs / 1000).toFixed(1)} s`);
        break;
      case 'crash':
        // After 'end', run() rejecting only means "some tests failed", which the tally already shows.
        if (!this.ended) this.crash = event;
        break;
      case 'exit':
        this.hostExited = true;
        break;
      default:
        break;
    }
  }

  printFailures() {
    this.failures.forEach((f, i) => {
      console.log(`\n  ${i + 1}) ${f.fullTitle}\n     ${f.message.split('\n').join('\n     ')}`);
      const frames = (f.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l) && !/node_modules|node:/.test(l));
      if (frames.length) console.log(frames.slice(0, 6).join('\n'));
    });
  }
}

/** Reads lines appended to `file` since the last call. */
function tailer(file) {
  let offset = 0;
  let partial = '';
  return () => {
    if (!fs.existsSync(file)) return [];
    const size = fs.statSync(file).size;
    if (size <= offset) return [];
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    fs.closeSync(fd);
    offset = size;
    const text = partial + buf.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    return lines.filter(Boolean).map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return { type: 'note', text: `(unparsable result line) ${l}` };
      }
    });
  };
}

function printLogTail(file, label, lines = 40) {
  if (!file || !fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  console.log(`\n--- last lines of ${label} (${file}) ---\n${text}\n---`);
}

/**
 * The workspaces to test in, each in a VS Code of its own, and the suites for each. The examples are not copied
 * into the fixtures: `npm start` opens examples/ alone, and the files of one workspace are checked against each
 * other (a service against the task definition it names), so they are tested alone too.
 */
function sessions(suitesDir) {
  const all = fs
    .readdirSync(suitesDir)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => f.slice(0, -'.test.js'.length));
  const wanted = (process.env.ECS_LENS_TEST_SUITES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length) throw new Error(`ECS_LENS_TEST_SUITES names unknown suites: ${unknown.join(', ')}`);
  const chosen = wanted.length ? all.filter((n) => wanted.includes(n)) : all;
  const alone = ['examples', 'untrusted'];
  return [
    { name: 'fixtures', folder: path.join(REPO_ROOT, 'test', 'integration', 'fixtures'), suites: chosen.filter((n) => !alone.includes(n)) },
    { name: 'examples', folder: path.join(REPO_ROOT, 'examples'), suites: chosen.filter((n) => n === 'examples') },
    // Workspace trust on, and this folder not trusted: restricted mode, as a freshly cloned repository opens.
    {
      name: 'untrusted',
      folder: path.join(REPO_ROOT, 'test', 'integration', 'fixtures-untrusted'),
      suites: chosen.filter((n) => n === 'untrusted'),
      untrusted: true,
    },
  ].filter((s) => s.suites.length > 0);
}

async function main() {
  const t0 = Date.now();
  const codeServer = await ensureCodeServer();
  await ensureChromium();

  const vsix = await packageExtension();
  const built = await buildTests();

  const tmp = makeTempRoot('ecs-lens-it-');
  const harnessVsix = path.join(tmp, 'ecs-lens-test-harness.vsix');
  await run(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', harnessVsix],
    { cwd: built.harnessDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );

  for (const session of sessions(path.join(path.dirname(built.entry), 'suites'))) {
    await runSession(session, { tmp: path.join(tmp, session.name), codeServer, vsixFiles: [vsix, harnessVsix], entry: built.entry, t0 });
  }

  printer.printFailures();
  const ran = printer.passed + printer.failed;
  if (ran === 0) console.log('\nNo test ran: treating the run as failed.');
  // A run with no test is a failed run (a broken suite filter must not look green): count it as one failure.
  console.log(`\n${closingLine(ran === 0 || printer.crash ? 1 : 0)}`);
  return printer.failed === 0 && ran > 0 && !printer.crash ? 0 : 1;
}

/** One VS Code (code-server + headless Chromium) on a temp copy of `session.folder`, running `session.suites`. */
async function runSession(session, { tmp, codeServer, vsixFiles, entry, t0 }) {
  fs.mkdirSync(tmp, { recursive: true });
  const profile = makeProfile(
    tmp,
    session.untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {},
  );
  await installExtensions(codeServer, profile, vsixFiles);

  // The suites edit documents and write .vscode/settings.json: they get a throwaway copy of the workspace.
  const workspace = path.join(tmp, session.name);
  fs.cpSync(session.folder, workspace, { recursive: true });

  const results = path.join(tmp, 'results.jsonl');
  const serverLog = path.join(tmp, 'code-server.log');
  // The clusters suite reads the local ECS endpoint (seeded account) through the extension's AWS session.
  const endpoint = await startLocalEndpoint({ logFile: path.join(tmp, 'endpoint.log') });
  const port = await freePort();
  const server = await startCodeServer({
    bin: codeServer,
    profile,
    folder: workspace,
    port,
    workspaceTrust: session.untrusted === true,
    logFile: serverLog,
    env: {
      ECS_LENS_TEST_ENTRY: entry,
      ECS_LENS_TEST_RESULTS: results,
      ECS_LENS_TEST_SUITES: session.suites.join(','),
      ECS_LENS_TEST_GREP: process.env.ECS_LENS_TEST_GREP ?? '',
      ECS_LENS_TEST_UNTRUSTED: session.untrusted ? '1' : '',
      ...endpointEnvironment(endpoint.url),
      ...writeTestAwsFiles(path.join(tmp, 'aws')),
    },
  });
  log(`workspace ${session.name}: code-server ${server.url}; ${((Date.now() - t0) / 1000).toFixed(1)} s since the start`);
  const { browser } = await openWorkbench(server.url, { verbose: VERBOSE });
  log('workbench open; waiting for the extension host to run the suites');

  printer.beginSession();
  const crashedBefore = printer.crash;
  console.log(`\nWorkspace: ${session.name}/`);
  const read = tailer(results);
  const openedAt = Date.now();
  let lastEventAt = Date.now();
  let serverExit;
  void server.exited.then((e) => (serverExit = e));
  while (!printer.hostExited) {
    for (const event of read()) {
      printer.handle(event);
      lastEventAt = Date.now();
    }
    if (printer.hostExited) break;
    if (serverExit) throw new Error(`code-server exited during the run (${JSON.stringify(serverExit)})`);
    if (!printer.started && Date.now() - openedAt > START_TIMEOUT_MS) {
      for (const f of extensionHostLogs(profile.userDataDir)) printLogTail(f, 'extension host log');
      printLogTail(serverLog, 'code-server log');
      throw new Error(`the suites did not start within ${START_TIMEOUT_MS / 1000} s of opening the workbench`);
    }
    if (printer.started && Date.now() - lastEventAt > STALL_TIMEOUT_MS) {
      for (const f of extensionHostLogs(profile.userDataDir)) printLogTail(f, 'extension host log');
      throw new Error(`no test result for ${STALL_TIMEOUT_MS / 1000} s: the extension host crashed or hangs`);
    }
    await sleep(100);
  }

  if (printer.crash && printer.crash !== crashedBefore) {
    console.log(`\nThe test entry crashed: ${printer.crash.message}\n${printer.crash.stack ?? ''}`);
    for (const f of extensionHostLogs(profile.userDataDir)) printLogTail(f, 'extension host log');
  }
  // The next workspace gets a VS Code of its own: stop this one now (the cleanups would only do it at the end).
  await Promise.race([browser.close(), sleep(5000)]);
  await server.stop();
}

// Module-level so that a timeout or an error can still report what had passed before it.
const printer = new Printer();
/** The closing line, counting the run-level problem (timeout, crash of the setup) as one failure. */
const closingLine = (extraFailures) =>
  `${printer.passed} passed, ${printer.failed + extraFailures} failed${printer.pending ? `, ${printer.pending} skipped` : ''}`;

installSignalHandlers();
const timer = setTimeout(() => {
  console.log(`\nIntegration run timed out after ${TIMEOUT_MS / 1000} s (ECS_LENS_IT_TIMEOUT_MS).`);
  console.log(closingLine(1));
  void runCleanups().finally(() => process.exit(1));
}, TIMEOUT_MS);

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.log(`\nIntegration run failed: ${err instanceof Error ? err.message : String(err)}`);
  console.log(closingLine(1));
} finally {
  clearTimeout(timer);
  await runCleanups();
}
process.exit(exitCode);
