/**
 * The first row of the Clusters view: who and where (profile · region, the account, a custom endpoint).
 * Clicking it switches profile or region; the inline buttons do the same.
 */
import * as vscode from 'vscode';
import { profileLabel } from '../aws/settings';
import { icon, tooltip } from './format';
import { CONTEXT, TreeNode, type TreeHost } from './node';

export class HeaderNode extends TreeNode {
  readonly id = 'header';
  private account: string | undefined;
  private accountGeneration = -1;

  constructor(host: TreeHost) {
    super(host, undefined);
  }

  getTreeItem(): vscode.TreeItem {
    const session = this.host.session;
    const s = session.settings;
    const region = session.resolved?.region ?? s.region;
    this.fetchAccount();
    const item = new vscode.TreeItem(`${profileLabel(s.credentials)} · ${region ?? 'region?'}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const endpoint = s.endpoint ? new URL(s.endpoint).host : undefined;
    item.description = [this.account && `account ${this.account}`, endpoint && `${endpoint}${s.endpointSource === 'demo' ? ' (demo)' : ''}`].filter(Boolean).join(' · ');
    item.iconPath = icon(s.blocked ? 'warning' : 'account', s.blocked ? 'warn' : 'plain');
    item.tooltip = tooltip(
      'AWS session',
      [
        ['Credentials', s.credentials.kind === 'profile' ? `profile ${s.credentials.profile}` : profileLabel(s.credentials)],
        ['Region', region ? `${region}${s.region ? '' : ' (from AWS_REGION or the profile)'}` : 'not resolved yet'],
        ['Account', this.account],
        ['Endpoint', s.endpoint ? `${s.endpoint}${s.endpointSource === 'demo' ? ' (demo, from ECS_LENS_DEMO_ENDPOINT)' : ''}` : 'AWS'],
      ],
      ...s.notices,
      s.blocked ?? '',
      'Click to switch profile or region.',
    );
    item.command = { title: 'Switch', command: 'ecsLens.aws.switch' };
    item.contextValue = CONTEXT.header;
    return item;
  }

  /** A refresh of the whole view asks for the account again (credentials may have been fixed meanwhile). */
  invalidate(): void {
    this.accountGeneration = -1;
  }

  /** The account id, once per session (ECS names it; a failure leaves the header without it). */
  private fetchAccount(): void {
    const session = this.host.session;
    if (this.accountGeneration === session.generation || session.settings.blocked) return;
    this.accountGeneration = session.generation;
    this.account = undefined;
    const generation = session.generation;
    void (async () => {
      try {
        const gw = session.gateway();
        await session.resolve();
        const account = await gw.getAccountId({ signal: session.signal });
        if (generation !== session.generation) return;
        this.account = account;
        this.host.changed(this);
      } catch {
        // The clusters show the error where it matters, with its actions.
      }
    })();
  }
}
