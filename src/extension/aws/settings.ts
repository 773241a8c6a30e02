/**
 * The AWS settings, read in one place: `ecsLens.aws.profile`, `ecsLens.aws.region`, `ecsLens.aws.endpoint`, and
 * the demo's `ECS_LENS_DEMO_ENDPOINT`.
 *
 * The endpoint is where signed requests go, and a signed request carries the session token: a repository must
 * never be able to redirect it. So the endpoint is read from user (or remote machine) settings only, whatever a
 * workspace's settings say, only in a trusted workspace, and only when it is https or plain http to this
 * machine (as the CLI's `--endpoint`). The demo variable is set on the editor's own process by `npm start`
 * (never by a workspace) and is honoured only for a loopback http URL.
 */
import * as vscode from 'vscode';
import { endpointProblem, type CredentialSource, type GatewayOptions } from '../../aws/gateway';

export const AWS_SECTION = 'ecsLens.aws';
/** The `ecsLens.aws.profile` value that means "the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables only". */
export const ENVIRONMENT_PROFILE = '(environment)';
export const DEMO_ENDPOINT_ENV = 'ECS_LENS_DEMO_ENDPOINT';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PROFILE = /^[\w.@+=,-]+$/;

/** Everything the AWS session is made of; two equal values make the same session. */
export interface AwsSettings {
  credentials: CredentialSource;
  /** Unset: AWS_REGION, then the profile's region (the SDK resolves it). */
  region?: string;
  endpoint?: string;
  /** Where the endpoint came from. */
  endpointSource?: 'settings' | 'demo';
  /** Why nothing can be read until the user changes a setting (an unsafe endpoint, a malformed value). */
  blocked?: string;
  /** Settings that were ignored, and why (shown in the tree and the log). */
  notices: string[];
}


function describeSource(c: CredentialSource): string {
  return c.kind === 'profile' ? c.profile : c.kind === 'environment' ? ENVIRONMENT_PROFILE : '';
}

/** The credential source a profile setting names: empty → the SDK's default chain. */
export function credentialsFor(profile: string): CredentialSource {
  const p = profile.trim();
  if (!p) return { kind: 'default' };
  if (p === ENVIRONMENT_PROFILE) return { kind: 'environment' };
  return { kind: 'profile', profile: p };
}

/** Reads and checks the AWS settings. `trusted`: whether the workspace is trusted. */
export function readAwsSettings(trusted: boolean, env: NodeJS.ProcessEnv = process.env): AwsSettings {
  const c = vscode.workspace.getConfiguration(AWS_SECTION);
  const notices: string[] = [];
  let blocked: string | undefined;

  // An untrusted workspace does not choose which of the user's profiles signs requests (VS Code also skips
  // restricted settings there; this holds whatever the host does).
  const profileLevels = c.inspect<unknown>('profile');
  const rawProfile = trusted ? c.get<unknown>('profile') : profileLevels?.globalValue;
  if (!trusted && profileLevels?.workspaceValue !== undefined && profileLevels.workspaceValue !== profileLevels.globalValue) {
    notices.push('ecsLens.aws.profile from the workspace settings is ignored until you trust this workspace.');
  }
  let credentials: CredentialSource = { kind: 'default' };
  if (typeof rawProfile === 'string' && rawProfile.trim()) {
    const p = rawProfile.trim();
    if (p === ENVIRONMENT_PROFILE || PROFILE.test(p)) credentials = credentialsFor(p);
    else blocked = `ecsLens.aws.profile "${p}" is not a profile name.`;
  }

  const rawRegion = c.get<unknown>('region');
  let region: string | undefined;
  if (typeof rawRegion === 'string' && rawRegion.trim()) {
    if (REGION.test(rawRegion.trim())) region = rawRegion.trim();
    else blocked ??= `ecsLens.aws.region "${rawRegion}" is not a region name (for example us-east-1).`;
  }

  // Only the user's own value: `inspect` tells the levels apart, `get` would merge a workspace's value in.
  const inspected = c.inspect<unknown>('endpoint');
  const userEndpoint = typeof inspected?.globalValue === 'string' ? inspected.globalValue.trim() : '';
  const workspaceEndpoint = [inspected?.workspaceValue, inspected?.workspaceFolderValue].find((v) => typeof v === 'string' && v.trim());
  if (workspaceEndpoint !== undefined && workspaceEndpoint !== inspected?.globalValue) {
    notices.push(`ecsLens.aws.endpoint is set in the workspace settings: ignored (only user settings can redirect signed requests).`);
  }
  const demoEndpoint = env[DEMO_ENDPOINT_ENV]?.trim() ?? '';
  let endpoint: string | undefined;
  let endpointSource: AwsSettings['endpointSource'];
  if (userEndpoint) {
    const problem = endpointProblem(userEndpoint);
    if (problem) blocked ??= `ecsLens.aws.endpoint ${problem}. Fix or clear the setting.`;
    else [endpoint, endpointSource] = [userEndpoint, 'settings'];
  } else if (demoEndpoint) {
    const problem = endpointProblem(demoEndpoint, { loopbackOnly: true });
    if (problem) notices.push(`${DEMO_ENDPOINT_ENV} ${problem}: ignored.`);
    else [endpoint, endpointSource] = [demoEndpoint, 'demo'];
  }
  if (endpoint && !trusted) {
    notices.push(`The custom endpoint ${endpoint} is ignored until you trust this workspace: requests go to AWS's own endpoint.`);
    endpoint = undefined;
    endpointSource = undefined;
    if (blocked?.startsWith('ecsLens.aws.endpoint')) blocked = undefined;
  }
  return { credentials, ...(region ? { region } : {}), ...(endpoint ? { endpoint, endpointSource } : {}), ...(blocked ? { blocked } : {}), notices };
}

/** Gateway options for these settings (the log is added by the session). */
export function gatewayOptions(s: AwsSettings, region = s.region): GatewayOptions {
  return { credentials: s.credentials, ...(region ? { region } : {}), ...(s.endpoint ? { endpoint: s.endpoint } : {}) };
}

/** Whether two settings make different sessions (a profile, region or endpoint change). */
export function sessionKey(s: AwsSettings): string {
  return JSON.stringify([s.credentials.kind, describeSource(s.credentials), s.region ?? '', s.endpoint ?? '', s.blocked ?? '', s.notices]);
}

/** The profile as people say it: `dev`, `default chain`, `environment`. */
export function profileLabel(c: CredentialSource): string {
  return c.kind === 'profile' ? c.profile : c.kind === 'environment' ? 'environment' : 'default chain';
}

/**
 * Writes a profile or region choice where it takes effect: in the workspace settings when the workspace
 * already sets it (a user value would stay hidden behind it), in the user settings otherwise.
 */
export async function updateAwsSetting(key: 'profile' | 'region', value: string | undefined): Promise<void> {
  const c = vscode.workspace.getConfiguration(AWS_SECTION);
  const inspected = c.inspect(key);
  await c.update(key, value, inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}
