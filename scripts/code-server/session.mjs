// Starting and stopping a real VS Code (code-server + headless Chromium) for the integration runner, the demo
// and the screenshot script. Everything started here is registered with the cleanup stack of proc.mjs.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, onCleanup, run, runCapture, sleep, spawnGroup } from './proc.mjs';

export { installSignalHandlers, isStopping, log, onCleanup, run, runCleanups, sleep } from './proc.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Flags from shared/design/REAL-VSCODE.md: without the networking ones Chromium keeps trying to reach Google's
// hosts, which this machine's closed network refuses many times a second.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/**
 * User settings for a fresh profile: nothing may cover the editor (welcome page, walkthroughs, tips,
 * notifications about updates or recommendations) and nothing may phone home or touch the documents
 * (auto save would write the suites' edits to disk).
 */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'json.schemaDownload.enable': false,
  'npm.autoDetect': 'off',
  'git.enabled': false,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port (the demo prefers a stable, memorable port). */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A temporary folder removed by the cleanups (unless ECS_LENS_KEEP_TMP is set, for post-mortems). */
export function makeTempRoot(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => {
    if (process.env.ECS_LENS_KEEP_TMP) log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** `npm run package` → the repo's ecs-lens.vsix (the real packaged product, as users install it). */
export async function packageExtension() {
  if (process.env.ECS_LENS_VSIX) {
    const vsix = path.resolve(process.env.ECS_LENS_VSIX);
    if (!fs.existsSync(vsix)) throw new Error(`ECS_LENS_VSIX=${vsix} does not exist`);
    log(`using prebuilt ${vsix} (ECS_LENS_VSIX)`);
    return vsix;
  }
  log('npm run package');
  await run('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = path.join(REPO_ROOT, 'ecs-lens.vsix');
  if (!fs.existsSync(vsix)) throw new Error('npm run package did not produce ecs-lens.vsix at the repository root');
  return vsix;
}

// ---------------------------------------------------------------------------------------------------------------
// code-server

/** A fresh VS Code profile: user data (with our settings) and an empty extensions folder. */
export function makeProfile(root, settings = {}) {
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2),
  );
  // code-server keeps its own logs and a heartbeat file under XDG_DATA_HOME (~/.local/share/code-server by
  // default), and VS Code leaves vscode-ipc-*.sock files in TMPDIR: pointing these into the profile keeps every
  // run out of the user's home and /tmp (the profile folder is removed at the end).
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const xdg = { XDG_DATA_HOME: path.join(root, 'xdg-data'), XDG_CONFIG_HOME: path.join(root, 'xdg-config'), TMPDIR: tmp };
  return { userDataDir, extensionsDir, configFile: path.join(root, 'code-server.yaml'), xdg };
}

/** Installs .vsix files into the profile the way a user would (`code --install-extension`). */
export async function installExtensions(bin, profile, vsixFiles) {
  const args = ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
  args.push('--config', profile.configFile);
  for (const vsix of vsixFiles) args.push('--install-extension', vsix);
  const { code, output } = await runCapture(bin, args, { env: cleanEnv(profile.xdg) });
  if (code !== 0 || /failed installing/i.test(output)) {
    throw new Error(`code-server --install-extension failed (${code}):\n${output}`);
  }
  for (const line of output.trim().split('\n')) {
    if (line.trim() && !/Wrote default config file/.test(line)) log(line.trim());
  }
}

/**
 * The environment for code-server: ours minus VS Code's own variables, which leak in when this script runs in
 * a VS Code terminal and would make code-server's CLI talk to that other VS Code instead of starting.
 */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * Starts code-server on 127.0.0.1:port with `folder` open and waits until it answers HTTP. It runs in its own
 * process group (detached) so that stopping it also stops its extension host and pty host children.
 * `env` is added to its environment, which the extension host inherits (that is how tests get their orders).
 */
export async function startCodeServer({ bin, profile, folder, port, env = {}, logFile, quiet = true, workspaceTrust = false }) {
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // Trust is off (every folder trusted) unless a run tests restricted mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--config', profile.configFile,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    folder,
  ];
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const { exit, stop, hasExited } = spawnGroup(bin, args, {
    stdio: ['ignore', quiet ? out : 'inherit', quiet ? out : 'inherit'],
    env: cleanEnv({ ...profile.xdg, ...env }),
  });
  if (typeof out === 'number') fs.closeSync(out);

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited()) {
      const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
      throw new Error(`code-server exited during startup.\n${tail}`);
    }
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s`);
    await sleep(250);
  }
  return { url, stop, exited: exit };
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/**
 * Opens the workbench in headless Chromium. Opening it is what starts the extension host in code-server.
 * Resolves once the workbench has rendered.
 */
export async function openWorkbench(url, { width = 1280, height = 800, verbose = false } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is not installed: run `npm install` (it is a devDependency)');
  }
  const browser = await chromium.launch({
    executablePath: process.env.ECS_LENS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    // Our own handlers close the browser as part of the cleanup stack; Playwright's would race them.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Bounded: a wedged browser must not hang the cleanup; Playwright kills it on process exit regardless.
  onCleanup(() => Promise.race([browser.close(), sleep(5000)]));
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (verbose) {
    page.on('console', (m) => {
      if (m.type() === 'error') log(`browser: ${m.text()}`);
    });
  }
  page.on('pageerror', (e) => verbose && log(`browser page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return { browser, page };
}

/** Extension host logs of a profile, shown when the tests never started or went silent. */
export function extensionHostLogs(userDataDir) {
  const found = [];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // The host's own log (load errors, crashes) and our extension's output channel; not telemetry & co.
      else if (/^(remote)?exthost\.log$/i.test(e.name) || p.includes(`${path.sep}ecs-lens.ecs-lens${path.sep}`)) {
        found.push(p);
      }
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found;
}
