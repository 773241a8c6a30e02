// The local ECS endpoint (tools/endpoint, run with tsx) for the demo and the integration run: started on a
// free loopback port with its seeded account, registered with the cleanup stack (it stops with the run), and
// the environment that points the extension at it.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, freePort, log, sleep } from './session.mjs';
import { spawnGroup } from './proc.mjs';

/**
 * Starts `npm run endpoint`'s server (seeded account, ECS's throttling) on 127.0.0.1 and waits until it
 * answers. Returns its URL. `logFile` receives its output (one line per call unless `quiet`).
 */
export async function startLocalEndpoint({ port, logFile, quiet = true, args = [] } = {}) {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  if (!fs.existsSync(tsx)) throw new Error('tsx is not installed: run `npm ci` first');
  const chosen = port ?? (await freePort());
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const { hasExited } = spawnGroup(tsx, ['tools/endpoint/main.ts', '--port', String(chosen), ...(quiet ? ['--quiet'] : []), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') fs.closeSync(out);
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited()) {
      const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`the local ECS endpoint exited during startup.\n${tail}`);
    }
    try {
      const res = await fetch(`${url}/_control/summary`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local ECS endpoint did not answer on ${url} within 60 s`);
    await sleep(200);
  }
  log(`local ECS endpoint ${url} (seeded account 123456789012)`);
  return { url };
}

/**
 * The environment of the editor process that points ECS Lens at the local endpoint: ECS_LENS_DEMO_ENDPOINT
 * (honoured only for a loopback http URL, only in a trusted workspace, and never settable by a workspace)
 * and dummy credentials (AWS's documented example key: the endpoint accepts any) with a region. AWS_PROFILE
 * and a session token from the caller's shell would otherwise take over the SDK's default chain.
 */
export function endpointEnvironment(url) {
  return {
    ECS_LENS_DEMO_ENDPOINT: url,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_REGION: 'us-east-1',
  };
}

/**
 * Shared AWS config and credentials files for a test run, so that the run never reads the developer's own
 * ~/.aws: an SSO profile without a cached token (signing in is required), a profile with static example keys,
 * both in the local endpoint's account. Returns the variables that point the SDK at them.
 */
export function writeTestAwsFiles(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'config');
  const credentials = path.join(dir, 'credentials');
  fs.writeFileSync(
    config,
    [
      '[profile sso-dev]',
      'sso_session = ecs-lens-test',
      'sso_account_id = 123456789012',
      'sso_role_name = Developer',
      'region = eu-west-1',
      '',
      '[sso-session ecs-lens-test]',
      'sso_start_url = https://ecs-lens-test.awsapps.com/start',
      'sso_region = us-east-1',
      '',
      '[profile static-dev]',
      'region = us-east-1',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(credentials, ['[static-dev]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', ''].join('\n'));
  return { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
}
