/**
 * A container of a task: status, health, exit code and reason (why it stopped), and the image it runs.
 */
import * as vscode from 'vscode';
import type { Container } from '../../aws/gateway';
import { icon, md, tooltip, type Tone } from './format';
import { CONTEXT, contextOf, TreeNode, type TreeHost } from './node';

export class ContainerNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode & { readonly arn: string | undefined },
    public container: Container,
  ) {
    super(host, parent);
    this.id = `${parent.arn ?? parent.id}/container/${container.name}`;
  }

  update(c: Container): this {
    this.container = c;
    return this;
  }

  get arn(): string | undefined {
    return this.container.containerArn;
  }

  /** The console shows containers on their task's page. */
  consoleUrl(): string | undefined {
    return this.parent?.consoleUrl();
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.container;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts = [c.lastStatus ?? 'UNKNOWN'];
    if (c.healthStatus && c.healthStatus !== 'UNKNOWN') parts.push(c.healthStatus);
    if (c.exitCode !== undefined) parts.push(`exit ${c.exitCode}`);
    if (c.reason) parts.push(c.reason);
    if (c.image) parts.push(c.image.slice(c.image.lastIndexOf('/') + 1));
    item.description = parts.join(' · ');
    const [iconId, tone] = this.statusIcon();
    item.iconPath = icon(iconId, tone);
    item.tooltip = tooltip(
      `Container ${c.name}`,
      [
        ['Status', c.lastStatus],
        ['Health', c.healthStatus],
        ['Exit code', c.exitCode],
        ['Image', c.image],
        ['Image digest', c.imageDigest],
      ],
      c.reason ? `**Reason:** ${md(c.reason)}` : '',
    );
    item.contextValue = contextOf(this, CONTEXT.container);
    return item;
  }

  private statusIcon(): [string, Tone] {
    const c = this.container;
    if (c.lastStatus === 'STOPPED') return c.exitCode === 0 ? ['circle-large-outline', 'idle'] : ['error', 'error'];
    if (c.healthStatus === 'UNHEALTHY') return ['error', 'error'];
    if (c.lastStatus !== 'RUNNING') return ['loading~spin', 'busy'];
    return ['package', c.healthStatus === 'HEALTHY' ? 'ok' : 'plain'];
  }
}
