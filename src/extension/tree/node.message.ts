/**
 * Nodes that are not AWS resources: a message (empty states, notices), an error with the actions that fix it
 * (sign in, choose credentials or region, retry, show log), an action, and "Load more…". Errors and empty
 * states are nodes, not pop-ups: they stay where the data would be, and one failing cluster never blanks the
 * tree.
 */
import * as vscode from 'vscode';
import { isGatewayError, type GatewayErrorKind } from '../../aws/gateway';
import { icon, md, plural, tooltip, type Tone } from './format';
import { CONTEXT, TreeNode, type TreeHost } from './node';

export class MessageNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode | undefined,
    readonly id: string,
    private readonly label: string,
    private readonly options: { icon?: string; tone?: Tone; detail?: string; command?: vscode.Command; actions?: ActionSpec[] } = {},
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const actions = this.options.actions ?? [];
    const item = new vscode.TreeItem(this.label, actions.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = icon(this.options.icon ?? 'info', this.options.tone ?? 'idle');
    if (this.options.detail) item.tooltip = this.options.detail;
    item.command = this.options.command;
    item.contextValue = CONTEXT.message;
    return item;
  }

  getChildren(): TreeNode[] {
    return (this.options.actions ?? []).map((a) => new ActionNode(this.host, this, a));
  }
}

export interface ActionSpec {
  key: string;
  label: string;
  icon: string;
  command: string;
  arguments?: unknown[];
  tooltip?: string;
}

/** One thing the user can do about an error or an empty state; a click runs it. */
export class ActionNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly action: ActionSpec,
  ) {
    super(host, parent);
    this.id = `${parent.id}/${action.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.action.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = icon(this.action.icon, 'busy');
    item.command = { title: this.action.label, command: this.action.command, arguments: this.action.arguments ?? [] };
    if (this.action.tooltip) item.tooltip = this.action.tooltip;
    item.contextValue = CONTEXT.action;
    return item;
  }
}

const TITLES: Partial<Record<GatewayErrorKind, string>> = {
  'no-credentials': 'No AWS credentials',
  'sso-login-required': 'Sign-in required',
  'expired-credentials': 'Credentials expired',
  'invalid-credentials': 'Credentials refused',
  'access-denied': 'Access denied',
  throttled: 'Throttled by AWS',
  'endpoint-unreachable': 'Cannot reach the ECS endpoint',
  'unknown-region': 'Unknown region',
  'no-region': 'No region chosen',
  'invalid-parameters': 'Cannot ask ECS',
  'not-found': 'Not found',
  unsupported: 'Not supported here',
  'server-error': 'ECS failed',
  cancelled: 'Cancelled',
};

/** The kind of an error (`unknown` for anything that is not a GatewayError). */
export function errorKind(e: unknown): GatewayErrorKind {
  return isGatewayError(e) ? e.kind : 'unknown';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The error that stopped a load, with what fixes it as child actions; "Retry" loads the same page again. */
export class ErrorNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode | undefined,
    readonly error: unknown,
    private readonly retryLoad: () => Promise<void>,
  ) {
    super(host, parent);
    this.id = `${parent?.id ?? 'root'}#error`;
  }

  get kind(): GatewayErrorKind {
    return errorKind(this.error);
  }

  /** The sign-in command, when the error is an expired or missing SSO token. */
  get signInCommand(): string | undefined {
    return isGatewayError(this.error) ? this.error.command : undefined;
  }

  retry(): Promise<void> {
    return this.retryLoad();
  }

  private get title(): string {
    if (this.host.session.settings.blocked === errorMessage(this.error)) return 'AWS settings need a fix';
    return TITLES[this.kind] ?? 'Could not load';
  }

  getTreeItem(): vscode.TreeItem {
    const message = errorMessage(this.error);
    const item = new vscode.TreeItem(this.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = message.length > 140 ? `${message.slice(0, 139)}…` : message;
    const d = isGatewayError(this.error) ? this.error.details : {};
    item.tooltip = tooltip(
      this.title,
      [
        ['Operation', d.operation],
        ['AWS error', d.code],
        ['Request id', d.requestId],
        ['Attempts', d.attempts],
      ],
      md(message),
      d.awsMessage && d.awsMessage !== message ? `ECS said: ${md(d.awsMessage)}` : '',
    );
    item.iconPath = icon(this.kind === 'throttled' || this.kind === 'cancelled' ? 'warning' : 'error', this.kind === 'throttled' ? 'warn' : 'error');
    item.contextValue = CONTEXT.error;
    return item;
  }

  getChildren(): TreeNode[] {
    return this.actions().map((a) => new ActionNode(this.host, this, a));
  }

  private actions(): ActionSpec[] {
    const retry: ActionSpec = { key: 'retry', label: 'Retry', icon: 'refresh', command: 'ecsLens.clusters.retry', arguments: [this] };
    const log: ActionSpec = { key: 'log', label: 'Show log', icon: 'output', command: 'ecsLens.showOutput' };
    const profile: ActionSpec = { key: 'profile', label: 'Choose credentials…', icon: 'account', command: 'ecsLens.aws.chooseProfile' };
    const region: ActionSpec = { key: 'region', label: 'Choose region…', icon: 'globe', command: 'ecsLens.aws.chooseRegion' };
    const settings: ActionSpec = { key: 'settings', label: 'Open AWS settings', icon: 'settings-gear', command: 'workbench.action.openSettings', arguments: ['ecsLens.aws'] };
    const sso = this.signInCommand;
    switch (this.kind) {
      case 'sso-login-required':
        return [
          ...(sso
            ? [
                { key: 'signin', label: `Sign in: ${sso}`, icon: 'terminal', command: 'ecsLens.aws.signIn', arguments: [sso], tooltip: 'Opens a terminal with the command typed: press Enter to run it, then Retry.' },
                { key: 'copy', label: 'Copy sign-in command', icon: 'copy', command: 'ecsLens.aws.copySignInCommand', arguments: [sso] },
              ]
            : []),
          retry,
          profile,
        ];
      case 'no-credentials':
      case 'expired-credentials':
      case 'invalid-credentials':
        return [profile, retry, log];
      case 'access-denied':
        return [retry, profile, log];
      case 'no-region':
      case 'unknown-region':
        return [region, retry];
      case 'endpoint-unreachable':
        return [retry, log, ...(this.host.session.settings.endpointSource === 'settings' ? [settings] : [])];
      case 'invalid-parameters':
        return this.host.session.settings.blocked ? [settings] : [retry, log];
      default:
        return [retry, log];
    }
  }
}

/** The owner of a "Load more…" node: a node whose children come a page at a time. */
export interface Pageable {
  readonly id: string;
  loadMore(): Promise<void>;
  readonly shownCount: number;
  readonly isLoading: boolean;
}

/** "Load more…": the next page of the owner's children (ECS lists 100 at a time). */
export class LoadMoreNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly owner: Pageable,
    private readonly what: string,
  ) {
    super(host, parent);
    this.id = `${owner.id}#more`;
  }

  getTreeItem(): vscode.TreeItem {
    const loading = this.owner.isLoading;
    const item = new vscode.TreeItem(loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${plural(this.owner.shownCount, this.what)} shown`;
    item.iconPath = icon(loading ? 'loading~spin' : 'ellipsis', 'busy');
    item.command = { title: 'Load more', command: 'ecsLens.clusters.loadMore', arguments: [this] };
    item.contextValue = CONTEXT.loadMore;
    return item;
  }
}
