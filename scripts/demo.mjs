#!/usr/bin/env node
// `npm start`: try ECS Lens in a real VS Code on the examples/ workspace, offline.
//
// - Desktop VS Code on PATH (`code`): builds and opens examples/ with this repository as the extension under
//   development (no packaging, no install: F5-style).
// - Otherwise: code-server (installed on first use, see scripts/code-server/install.mjs) with the packaged
//   ecs-lens.vsix in a fresh profile, served on 127.0.0.1:PORT until Ctrl-C. Open the printed URL in a browser.
//
// Either way the local ECS endpoint (tools/endpoint, seeded account) runs beside the editor until Ctrl-C, and
// the editor's process gets ECS_LENS_DEMO_ENDPOINT plus dummy credentials and a region, so the ECS Lens view
// shows live clusters without an AWS account. Only the editor started here gets them: the endpoint protection
// (a workspace can never redirect signed requests; loopback http only) stays as it is.
//
// Env: PORT (default 8080, or a free one if taken) · ECS_LENS_DEMO=code-server to skip desktop VS Code ·
//      ECS_LENS_VSIX to serve a prebuilt .vsix · ECS_LENS_CODE_SERVER_DIR (install folder) ·
//      ECS_LENS_DEMO_AWS=off for no local endpoint (the tree then uses your own AWS credentials).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { endpointEnvironment, startLocalEndpoint } from './code-server/endpoint.mjs';
import { ensureCodeServer } from './code-server/install.mjs';
import {
  REPO_ROOT,
  freePort,
  installExtensions,
  installSignalHandlers,
  isStopping,
  log,
  makeProfile,
  makeTempRoot,
  packageExtension,
  portIsFree,
  run,
  runCleanups,
  startCodeServer,
} from './code-server/session.mjs';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const WITH_ENDPOINT = process.env.ECS_LENS_DEMO_AWS !== 'off';

/** The local ECS endpoint for the demo (port 4600, as `npm run endpoint`, or a free one), or none. */
async function demoEndpoint(logFile) {
  if (!WITH_ENDPOINT) return undefined;
  const port = (await portIsFree(4600)) ? 4600 : await freePort();
  return startLocalEndpoint({ port, logFile });
}

function printEndpoint(endpoint) {
  if (!endpoint) return;
  console.log(`Live clusters: open ECS Lens in the activity bar. The Clusters view reads a seeded account from the local`);
  console.log(`ECS endpoint at ${endpoint.url} (no AWS account needed; \`prod\` has a rollout, \`restricted\` denies access).\n`);
}

/** Desktop `code`, unless it is code-server's own remote CLI (present in code-server terminals). */
function desktopCode() {
  if (process.env.ECS_LENS_DEMO === 'code-server') return undefined;
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found && !/code-server|remote-cli/.test(fs.realpathSync(found)) ? found : undefined;
}

async function withDesktop(code) {
  log('npm run build');
  await run('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT });
  const endpoint = await demoEndpoint();
  log(`${code} --extensionDevelopmentPath=${REPO_ROOT} ${EXAMPLES}`);
  // `code` hands over to the running (or a new) VS Code window and returns at once. Spawned plainly, not via
  // run(): that one kills the process group on exit, which could take the new VS Code window with it. The new
  // window's processes get the environment of this command line (the endpoint and its dummy credentials).
  const env = endpoint ? { ...process.env, ...endpointEnvironment(endpoint.url) } : process.env;
  const r = spawnSync(code, [`--extensionDevelopmentPath=${REPO_ROOT}`, '--new-window', EXAMPLES], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${code} exited with ${r.status ?? r.signal}`);
  if (!endpoint) return;
  printEndpoint(endpoint);
  console.log('Press Ctrl-C to stop the local ECS endpoint.\n');
  await new Promise(() => {}); // until Ctrl-C: the signal handler runs the cleanups (the endpoint stops) and exits
}

async function withCodeServer() {
  const bin = await ensureCodeServer();
  const vsix = await packageExtension();
  const tmp = makeTempRoot('ecs-lens-demo-');
  // The demo edits nothing on disk by itself, but a user will: give them a copy, so examples/ stays pristine.
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(EXAMPLES, workspace, { recursive: true });
  const profile = makeProfile(tmp);
  await installExtensions(bin, profile, [vsix]);

  const endpoint = await demoEndpoint(path.join(tmp, 'endpoint.log'));
  const wanted = Number(process.env.PORT || 8080);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  const env = endpoint ? endpointEnvironment(endpoint.url) : {};
  const server = await startCodeServer({ bin, profile, folder: workspace, port, env, logFile: path.join(tmp, 'code-server.log') });
  console.log(`\nECS Lens demo: VS Code (code-server 4.100.3) with the examples workspace at\n\n    ${server.url}\n`);
  console.log('Try task-definitions/broken-types.json (squiggles, hovers, quick fixes) and the Problems panel.');
  printEndpoint(endpoint);
  console.log('The workspace is a temporary copy of examples/; edits are thrown away. Press Ctrl-C to stop.\n');
  const exit = await server.exited; // runs until Ctrl-C (handled by installSignalHandlers) or a crash
  if (isStopping()) return;
  throw new Error(`code-server stopped unexpectedly (${JSON.stringify(exit)})`);
}

// Ctrl-C is how a demo ends: exit 0 so npm does not report a failure.
installSignalHandlers({ interruptExitCode: 0 });
try {
  const code = desktopCode();
  if (code) await withDesktop(code);
  else await withCodeServer();
} catch (err) {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
