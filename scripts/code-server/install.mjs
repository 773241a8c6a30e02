#!/usr/bin/env node
// Installs code-server (a real VS Code 1.100.3: browser workbench + Node extension host) into a cache folder of
// its own, and makes sure a headless Chromium is there to open its workbench.
//
// Why code-server and not @vscode/test-electron: these machines reach only the npm registry and Debian's apt, so
// VS Code builds cannot be downloaded; code-server ships VS Code inside an npm package. 4.100.3 is the newest
// release that runs on Node 20 (see shared/design/REAL-VSCODE.md).
//
// Usage: node scripts/code-server/install.mjs            (prints the code-server binary path)
// Env:   ECS_LENS_CODE_SERVER_DIR  install folder (default ~/.cache/ecs-lens/code-server-4.100.3)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installSignalHandlers, run, runCleanups } from './proc.mjs';

export const CODE_SERVER_VERSION = '4.100.3';

// code-server 4.100.3 pins @vscode/ripgrep 1.15.11 (lib/vscode/npm-shrinkwrap.json), whose postinstall downloads
// ripgrep v13.0.0-10 from GitHub unless the archive is already in its cache folder. GitHub is unreachable here,
// so we put an archive made from Debian's /usr/bin/rg where that postinstall looks first.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

/** Where code-server lives; one folder per version so an upgrade never reuses a half-matching install. */
export function codeServerDir() {
  return (
    process.env.ECS_LENS_CODE_SERVER_DIR ||
    path.join(os.homedir(), '.cache', 'ecs-lens', `code-server-${CODE_SERVER_VERSION}`)
  );
}

/** The code-server launcher inside an install folder. */
export function codeServerBin(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', '.bin', 'code-server');
}

// Written last, so an interrupted install (Ctrl-C in the middle of npm) is detected and redone.
const MARKER = '.ecs-lens-installed';

const CHROMIUM = '/usr/bin/chromium';

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;

/** apt-get install, as root only (a developer without root gets a clear message instead of a sudo prompt). */
async function aptInstall(packages, why) {
  if (!isRoot() || !hasCommand('apt-get')) {
    throw new Error(`Missing ${packages.join(', ')} (${why}). Install them, e.g. sudo apt-get install -y ${packages.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    await run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')} (${why})`);
  // With recommends: Chromium's fonts come that way, and screenshots need them.
  await run('apt-get', ['install', '-y', '-qq', ...packages], { env });
}

/** Debian's Chromium opens the workbench so that the extension host starts; playwright-core drives it. */
export async function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  await aptInstall(['chromium'], 'headless browser that opens the code-server workbench');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
  return CHROMIUM;
}

/** Places rg from PATH in @vscode/ripgrep's download cache under `tmpDir`. */
async function seedRipgrepCache(tmpDir) {
  const target = RIPGREP_TARGETS[process.arch];
  if (!target) throw new Error(`No ripgrep cache trick for arch ${process.arch}`);
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('rg (ripgrep) not found on PATH');
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  // The postinstall unpacks the archive and expects a file named exactly `rg` at its root.
  const staging = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  await run('tar', ['czf', archive, '-C', staging, 'rg']);
  log(`seeded ripgrep cache ${archive}`);
}

/** True when `dir` holds a finished install whose launcher runs. */
export function isInstalled(dir = codeServerDir()) {
  return fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(codeServerBin(dir));
}

/**
 * Installs code-server if needed and returns the path of its launcher.
 * Idempotent and cheap when already installed (one stat of the marker file).
 */
export async function ensureCodeServer({ dir = codeServerDir() } = {}) {
  if (isInstalled(dir)) return codeServerBin(dir);

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 1.5 min, about 300 MB)`);

  // Native modules (kerberos) need the krb5 headers; VS Code's search needs rg for the cache trick above.
  const missing = [];
  if (!dpkgInstalled('libkrb5-dev') && hasCommand('dpkg-query')) missing.push('libkrb5-dev');
  if (!hasCommand('rg')) missing.push('ripgrep');
  if (missing.length) await aptInstall(missing, 'needed to build code-server');

  // Start from an empty folder: a half-finished npm tree can fail in confusing ways.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // A package.json of its own keeps npm from walking up into some parent project and installing there.
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'ecs-lens-code-server', private: true, description: 'code-server for ECS Lens tests' }, null, 2),
  );
  // A private TMPDIR makes the ripgrep cache location predictable and keeps /tmp clean.
  const tmpDir = path.join(dir, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  await seedRipgrepCache(tmpDir);

  await run('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env: {
      ...process.env,
      TMPDIR: tmpDir,
      // code-server's postinstall runs `npm install` in lib/vscode; `yes` answers npm's prompts there.
      npm_config_yes: 'true',
      // The postinstall refuses to run as root unless this is "true"; npm 11 no longer knows --unsafe-perm as
      // a config but still exports it, and setting it here keeps working if a later npm stops doing so.
      npm_config_unsafe_perm: 'true',
      // No package-lock.json in the cache folder: nothing reads it, and the pinned version is the lock.
      npm_config_package_lock: 'false',
    },
  });

  // XDG folders inside the install folder: even `--version` writes a default config.yaml under XDG_CONFIG_HOME.
  const xdgEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmpDir, 'xdg'), XDG_DATA_HOME: path.join(tmpDir, 'xdg') };
  const version = spawnSync(codeServerBin(dir), ['--version'], { encoding: 'utf8', env: xdgEnv });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server did not install cleanly: ${version.stdout}${version.stderr}`);
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  // stdout also carries a log line or two; keep the one naming the versions ("4.100.3 <sha> with Code 1.100.3").
  const versionLine = version.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION)) ?? version.stdout.trim();
  fs.writeFileSync(path.join(dir, MARKER), `${versionLine}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s: code-server ${versionLine}`);
  return codeServerBin(dir);
}

// CLI: `node scripts/code-server/install.mjs [--with-chromium]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  installSignalHandlers();
  try {
    const bin = await ensureCodeServer();
    if (process.argv.includes('--with-chromium')) await ensureChromium();
    process.stdout.write(`${bin}\n`);
  } catch (err) {
    log(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await runCleanups();
  }
}
