// Process bookkeeping shared by the install script, the integration runner, the demo and the screenshots:
// every child runs in a process group of its own and is registered here, and one cleanup stack stops them
// all, on normal completion, on failure, on a timeout, on SIGINT/SIGTERM/SIGHUP and, as a last resort,
// synchronously on process exit. So no run leaves an npm, a code-server or a Chromium behind.

import { spawn } from 'node:child_process';

export function log(message) {
  process.stderr.write(`[ecs-lens] ${message}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups = [];
/** Process groups to SIGKILL synchronously if the process exits before the async cleanups ran. */
const liveGroups = new Set();
let cleaningUp;

/** Registers an async cleanup; they run last-registered-first, like a stack of `finally` blocks. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** True once the cleanups started: a child exiting after that was stopped by us, not crashed. */
export function isStopping() {
  return cleaningUp !== undefined;
}

export function runCleanups() {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (err) {
        log(`cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaningUp;
}

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

/**
 * Spawns `command` as the leader of a new process group and registers it for cleanup. Returns the child and
 * a promise of its exit. `stop()` sends SIGTERM to the whole group, then SIGKILL after `graceMs`: children of
 * children (npm's postinstall scripts, code-server's extension host) go with it.
 */
export function spawnGroup(command, args, options = {}, { graceMs = 5000 } = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  let exited = false;
  const exit = new Promise((resolve) => {
    child.once('error', (error) => {
      exited = true;
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const stop = async () => {
    if (child.pid === undefined) return;
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      const done = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) log(`${command} did not stop within ${graceMs / 1000} s; killing its process group`);
    }
    // The group may outlive its leader (a grandchild still shutting down): always finish it off.
    killGroup(child.pid, 'SIGKILL');
    liveGroups.delete(child.pid);
  };
  onCleanup(stop);
  return { child, exit, stop, hasExited: () => exited };
}

/**
 * Runs a command to completion (stdio inherited unless given) and rejects on a non-zero exit. Asynchronous on
 * purpose: a synchronous spawn would block the event loop, and with it the overall timeout and signal handlers.
 */
export async function run(command, args, options = {}) {
  const { exit, stop } = spawnGroup(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  const result = await exit;
  await stop(); // reaps any grandchild left in the group, and unregisters it
  if (result.error) throw result.error;
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}`);
  }
}

/** Like run(), but captures stdout+stderr and returns them (for short commands whose output we inspect). */
export async function runCapture(command, args, options = {}) {
  const { child, exit, stop } = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const result = await exit;
  await stop();
  return { code: result.error ? -1 : result.code, output: result.error ? String(result.error) : output };
}

let handlersInstalled = false;
/**
 * Signals end the run through the same cleanups as a normal finish. `interruptExitCode` is for the demo, where
 * Ctrl-C is the normal way to stop and should not make npm print an error.
 */
export function installSignalHandlers({ interruptExitCode = 130 } = {}) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', interruptExitCode],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      log(`${signal}: stopping everything this run started`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}
