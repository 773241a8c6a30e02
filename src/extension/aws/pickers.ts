/**
 * Choosing the AWS profile and region (quick picks that write `ecsLens.aws.profile` / `ecsLens.aws.region`),
 * the status bar's switch menu, and signing in with `aws sso login` typed into a terminal for the user to run.
 */
import * as vscode from 'vscode';
import type { AwsSession } from './session';
import { ENVIRONMENT_PROFILE, profileLabel, updateAwsSetting } from './settings';

/** Regions where ECS runs, in the console's order (a profile's own region is added when it is not here). */
export const ECS_REGIONS: ReadonlyArray<[string, string]> = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-1', 'US West (N. California)'],
  ['us-west-2', 'US West (Oregon)'],
  ['af-south-1', 'Africa (Cape Town)'],
  ['ap-east-1', 'Asia Pacific (Hong Kong)'],
  ['ap-south-1', 'Asia Pacific (Mumbai)'],
  ['ap-south-2', 'Asia Pacific (Hyderabad)'],
  ['ap-northeast-1', 'Asia Pacific (Tokyo)'],
  ['ap-northeast-2', 'Asia Pacific (Seoul)'],
  ['ap-northeast-3', 'Asia Pacific (Osaka)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
  ['ap-southeast-2', 'Asia Pacific (Sydney)'],
  ['ap-southeast-3', 'Asia Pacific (Jakarta)'],
  ['ap-southeast-4', 'Asia Pacific (Melbourne)'],
  ['ap-southeast-5', 'Asia Pacific (Malaysia)'],
  ['ap-southeast-7', 'Asia Pacific (Thailand)'],
  ['ca-central-1', 'Canada (Central)'],
  ['ca-west-1', 'Canada West (Calgary)'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['eu-central-2', 'Europe (Zurich)'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-west-2', 'Europe (London)'],
  ['eu-west-3', 'Europe (Paris)'],
  ['eu-south-1', 'Europe (Milan)'],
  ['eu-south-2', 'Europe (Spain)'],
  ['eu-north-1', 'Europe (Stockholm)'],
  ['il-central-1', 'Israel (Tel Aviv)'],
  ['me-south-1', 'Middle East (Bahrain)'],
  ['me-central-1', 'Middle East (UAE)'],
  ['mx-central-1', 'Mexico (Central)'],
  ['sa-east-1', 'South America (São Paulo)'],
  ['us-gov-east-1', 'AWS GovCloud (US-East)'],
  ['us-gov-west-1', 'AWS GovCloud (US-West)'],
  ['cn-north-1', 'China (Beijing)'],
  ['cn-northwest-1', 'China (Ningxia)'],
];

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The only commands ECS Lens ever types into a terminal for the user. */
const SIGN_IN = /^aws sso login( --profile [\w.@+=,-]+)?$/;

type Pick<T> = vscode.QuickPickItem & { value?: T };

/** `ecsLens.aws.chooseProfile [name | "" | "(environment)"]`. */
export async function chooseProfile(session: AwsSession, arg?: unknown): Promise<void> {
  if (typeof arg === 'string') {
    await updateAwsSetting('profile', arg.trim() || undefined);
    return;
  }
  const current = session.settings.credentials;
  const mark = (yes: boolean): string | undefined => (yes ? 'current' : undefined);
  const items: Pick<string>[] = [
    { label: '$(key) Default credential chain', description: mark(current.kind === 'default'), detail: 'AWS_PROFILE, environment variables, SSO, shared files, container and instance roles', value: '' },
    { label: '$(terminal) Environment credentials', description: mark(current.kind === 'environment'), detail: 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN of the editor’s process', value: ENVIRONMENT_PROFILE },
  ];
  try {
    const profiles = await session.listProfiles();
    if (profiles.length > 0) items.push({ label: 'Profiles', kind: vscode.QuickPickItemKind.Separator });
    for (const p of profiles) {
      const here = current.kind === 'profile' && current.profile === p.name;
      items.push({ label: `$(account) ${p.name}`, description: [here ? 'current' : '', p.kind, p.region].filter(Boolean).join(' · '), detail: p.ssoSession ? `SSO: ${p.ssoSession}` : undefined, value: p.name });
    }
  } catch (e) {
    items.push({ label: '$(warning) Could not read ~/.aws/config or ~/.aws/credentials', detail: e instanceof Error ? e.message : String(e) });
  }
  const pick = await vscode.window.showQuickPick(items, { title: 'ECS Lens: AWS credentials', placeHolder: `Now: ${profileLabel(current)}`, matchOnDescription: true });
  if (pick?.value !== undefined) await updateAwsSetting('profile', pick.value || undefined);
}

/** `ecsLens.aws.chooseRegion [region | ""]`. */
export async function chooseRegion(session: AwsSession, arg?: unknown): Promise<void> {
  if (typeof arg === 'string') {
    const region = arg.trim();
    if (region && !REGION.test(region)) throw new Error(`"${region}" is not a region name (for example us-east-1)`);
    await updateAwsSetting('region', region || undefined);
    return;
  }
  const now = session.resolved?.region ?? session.settings.region;
  const known = new Map(ECS_REGIONS);
  // The profiles' regions are worth offering first: they are where this user's accounts are.
  const mine = new Set<string>();
  try {
    for (const p of await session.listProfiles()) if (p.region && REGION.test(p.region)) mine.add(p.region);
  } catch {
    // the files are optional here
  }
  const item = (id: string): Pick<string> => ({ label: id, description: [id === now ? 'current' : '', known.get(id) ?? ''].filter(Boolean).join(' · '), value: id });
  const items: Pick<string>[] = [];
  if (session.settings.region) items.push({ label: '$(discard) Use AWS_REGION or the profile’s region', value: '' });
  if (mine.size > 0) items.push({ label: 'Your profiles’ regions', kind: vscode.QuickPickItemKind.Separator }, ...[...mine].sort().map(item));
  items.push({ label: 'All regions', kind: vscode.QuickPickItemKind.Separator }, ...ECS_REGIONS.map(([id]) => item(id)).filter((i) => !mine.has(i.value!)));
  items.push({ label: '$(edit) Other region…', value: '?' });
  const pick = await vscode.window.showQuickPick(items, { title: 'ECS Lens: AWS region', placeHolder: now ? `Now: ${now}` : 'Choose a region', matchOnDescription: true });
  if (pick?.value === undefined) return;
  let region = pick.value;
  if (region === '?') {
    const typed = await vscode.window.showInputBox({ title: 'ECS Lens: AWS region', prompt: 'Region name', validateInput: (v) => (REGION.test(v.trim()) ? undefined : 'A region name, for example eu-central-1') });
    if (!typed) return;
    region = typed.trim();
  }
  await updateAwsSetting('region', region || undefined);
}

/** The status-bar item's menu. */
export async function switchSession(session: AwsSession): Promise<void> {
  const s = session.settings;
  const items: Pick<string>[] = [
    { label: '$(account) Choose credentials…', description: profileLabel(s.credentials), value: 'ecsLens.aws.chooseProfile' },
    { label: '$(globe) Choose region…', description: session.resolved?.region ?? s.region ?? '', value: 'ecsLens.aws.chooseRegion' },
    { label: '$(refresh) Refresh clusters', value: 'ecsLens.clusters.refresh' },
    { label: '$(output) Show log', value: 'ecsLens.showOutput' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'ECS Lens: AWS' });
  if (pick?.value) await vscode.commands.executeCommand(pick.value);
}

/** A sign-in command from an argument (a command string, a profile name, or a node that carries one). */
export function signInCommand(arg: unknown): string | undefined {
  const raw = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'command' in arg && typeof arg.command === 'string' ? arg.command : undefined;
  if (raw === undefined) return undefined;
  const command = raw.startsWith('aws ') ? raw.trim() : `aws sso login --profile ${raw.trim()}`;
  return SIGN_IN.test(command) ? command : undefined;
}

/** Opens a terminal with the sign-in command typed, not run: the user sees it and presses Enter. */
export function openSignInTerminal(command: string): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: 'AWS sign-in', isTransient: true });
  terminal.show();
  terminal.sendText(command, false);
  return terminal;
}
