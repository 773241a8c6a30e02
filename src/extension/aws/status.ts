/**
 * The AWS status-bar item: `$(cloud) profile · region`, click to switch. Shown once the session is in use (the
 * Clusters view was opened or an AWS command ran), so that people who only edit files see nothing of AWS.
 */
import * as vscode from 'vscode';
import type { AwsSession } from './session';
import { profileLabel } from './settings';

export const SWITCH_COMMAND = 'ecsLens.aws.switch';

export class AwsStatus implements vscode.Disposable {
  /** Created when the session starts, not at activation. */
  private itemValue: vscode.StatusBarItem | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: AwsSession) {
    this.subscription = session.onDidUpdate(() => this.update());
  }

  /** What the item says, for the tests (undefined while hidden). */
  get text(): string | undefined {
    return this.session.started ? this.itemValue?.text : undefined;
  }

  private get item(): vscode.StatusBarItem {
    if (!this.itemValue) {
      this.itemValue = vscode.window.createStatusBarItem('ecsLens.aws', vscode.StatusBarAlignment.Left, 50);
      this.itemValue.name = 'ECS Lens: AWS profile and region';
      this.itemValue.command = SWITCH_COMMAND;
    }
    return this.itemValue;
  }

  update(): void {
    if (!this.session.started) {
      this.itemValue?.hide();
      return;
    }
    const s = this.session.settings;
    const region = this.session.resolved?.region ?? s.region ?? 'region?';
    const profile = profileLabel(s.credentials);
    this.item.text = `$(cloud) ${profile} · ${region}`;
    const md = new vscode.MarkdownString(
      [
        '**ECS Lens · AWS**',
        '',
        `Credentials: ${s.credentials.kind === 'profile' ? `profile \`${s.credentials.profile}\`` : profile}  `,
        `Region: ${region}${s.region ? '' : ' (from AWS_REGION or the profile)'}  `,
        `Endpoint: ${s.endpoint ? `${s.endpoint}${s.endpointSource === 'demo' ? ' (demo)' : ''}` : 'AWS'}`,
        ...(s.blocked ? ['', `$(error) ${s.blocked}`] : []),
        ...s.notices.map((n) => `\n$(warning) ${n}`),
        '',
        'Click to switch profile or region.',
      ].join('\n'),
    );
    md.supportThemeIcons = true;
    this.item.tooltip = md;
    this.item.backgroundColor = s.blocked ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.itemValue?.dispose();
  }
}
