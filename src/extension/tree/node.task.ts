/**
 * A task, as DescribeTasks reports it (Fargate and EC2 alike): last status, health, launch type, revision,
 * when it started, and for a stopped task when and why it stopped. Its containers are its children.
 */
import * as vscode from 'vscode';
import type { Task } from '../../aws/gateway';
import { ago, icon, md, shortTaskDefinition, tooltip, when, type Tone } from './format';
import { ContainerNode } from './node.container';
import { CONTEXT, contextOf, TreeNode, type TreeHost } from './node';

export class TaskNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    public task: Task,
  ) {
    super(host, parent);
    this.id = task.taskArn;
  }

  update(task: Task): this {
    this.task = task;
    return this;
  }

  get arn(): string {
    return this.task.taskArn;
  }

  get taskDefinitionArn(): string {
    return this.task.taskDefinitionArn;
  }

  get stopped(): boolean {
    return this.task.lastStatus === 'STOPPED' || this.task.desiredStatus === 'STOPPED';
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.task;
    const now = this.host.now();
    // The id's first 8 characters, like a short commit hash: the row keeps room for the status (the whole id
    // is in the tooltip, Copy ARN and the console).
    const item = new vscode.TreeItem(t.taskId.slice(0, 8), t.containers.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts = [t.lastStatus];
    if (t.healthStatus && t.healthStatus !== 'UNKNOWN') parts.push(t.healthStatus);
    if (t.launchType) parts.push(t.launchType);
    else if (t.capacityProviderName) parts.push(t.capacityProviderName);
    parts.push(shortTaskDefinition(t.taskDefinitionArn));
    if (t.lastStatus === 'STOPPED') parts.push(`stopped ${ago(t.stoppedAt, now) || 'just now'}${t.stoppedReason ? `: ${t.stoppedReason}` : ''}`);
    else if (t.desiredStatus === 'STOPPED') parts.push(`stopping${t.stoppedReason ? `: ${t.stoppedReason}` : ''}`);
    else if (t.startedAt) parts.push(`started ${ago(t.startedAt, now)}`);
    item.description = parts.join(' · ');
    const [iconId, tone] = this.statusIcon();
    item.iconPath = icon(iconId, tone);
    item.accessibilityInformation = { label: `Task ${t.taskId}, ${item.description}` };
    item.tooltip = tooltip(
      `Task ${t.taskId}`,
      [
        ['Last status', t.lastStatus],
        ['Desired status', t.desiredStatus],
        ['Health', t.healthStatus],
        ['Launch type', t.launchType],
        ['Capacity provider', t.capacityProviderName],
        ['Platform version', t.platformVersion],
        ['Task definition', shortTaskDefinition(t.taskDefinitionArn)],
        ['Group', t.group],
        ['Started by', t.startedBy],
        ['CPU / memory', t.cpu || t.memory ? `${t.cpu ?? '?'} units / ${t.memory ?? '?'} MiB` : undefined],
        ['Zone', t.availabilityZone],
        ['Private IP', t.privateIpv4Address],
        ['Container instance', t.containerInstanceArn?.slice(t.containerInstanceArn.lastIndexOf('/') + 1)],
        ['Created', when(t.createdAt, now)],
        ['Started', when(t.startedAt, now)],
        ['Stopped', when(t.stoppedAt, now)],
        ['Stop code', t.stopCode],
      ],
      t.stoppedReason ? `**Stopped reason:** ${md(t.stoppedReason)}` : '',
    );
    item.contextValue = contextOf(this, CONTEXT.task, this.stopped ? 'stopped' : 'running');
    return item;
  }

  private statusIcon(): [string, Tone] {
    const t = this.task;
    if (t.lastStatus === 'STOPPED') {
      const failed = t.stopCode === 'TaskFailedToStart' || t.containers.some((c) => c.exitCode !== undefined && c.exitCode !== 0) || t.containers.some((c) => c.exitCode === undefined && c.reason);
      return failed ? ['error', 'error'] : ['circle-large-outline', 'idle'];
    }
    if (t.desiredStatus === 'STOPPED') return ['debug-stop', 'warn'];
    if (t.healthStatus === 'UNHEALTHY') return ['error', 'error'];
    if (t.lastStatus !== 'RUNNING') return ['loading~spin', 'busy'];
    return t.healthStatus === 'HEALTHY' ? ['pass-filled', 'ok'] : ['circle-filled', 'ok'];
  }

  getChildren(): TreeNode[] {
    return this.task.containers.map((c) => this.host.node(`${this.task.taskArn}/container/${c.name}`, () => new ContainerNode(this.host, this, c)).update(c));
  }
}
