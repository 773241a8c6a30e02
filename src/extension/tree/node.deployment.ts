/**
 * One entry of a service's `deployments[]` while a rollout is under way or after it failed: which revision,
 * how far (running / desired, pending, failed tasks) and, from the circuit breaker, why it failed.
 */
import * as vscode from 'vscode';
import type { Deployment } from '../../aws/gateway';
import { icon, md, shortTaskDefinition, tooltip, when, type Tone } from './format';
import { CONTEXT, contextOf, TreeNode } from './node';
import type { ServiceNode } from './node.service';

export class DeploymentNode extends TreeNode {
  readonly id: string;

  constructor(
    host: ConstructorParameters<typeof TreeNode>[0],
    readonly service: ServiceNode,
    public deployment: Deployment,
  ) {
    super(host, service);
    this.id = `${service.serviceArn}#deployment:${deployment.id}`;
  }

  update(d: Deployment): this {
    this.deployment = d;
    return this;
  }

  get taskDefinitionArn(): string {
    return this.deployment.taskDefinition;
  }

  consoleUrl(): string | undefined {
    return this.service.consoleUrl()?.replace('/health?', '/deployments?');
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.deployment;
    const item = new vscode.TreeItem(`${d.status} ${shortTaskDefinition(d.taskDefinition)}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const counts = `${d.runningCount}/${d.desiredCount} running${d.pendingCount ? ` · ${d.pendingCount} pending` : ''}${d.failedTasks ? ` · ${d.failedTasks} failed` : ''}`;
    item.description = [d.rolloutState?.replace('_', ' ').toLowerCase(), counts].filter(Boolean).join(' · ');
    const [id, tone]: [string, Tone] =
      d.rolloutState === 'FAILED' ? ['error', 'error'] : d.rolloutState === 'IN_PROGRESS' ? ['sync~spin', 'busy'] : d.rolloutState === 'COMPLETED' ? ['pass', 'ok'] : ['history', 'idle'];
    item.iconPath = icon(id, tone);
    const now = this.host.now();
    item.tooltip = tooltip(
      `Deployment ${d.id}`,
      [
        ['Status', d.status],
        ['Rollout', d.rolloutState],
        ['Task definition', shortTaskDefinition(d.taskDefinition)],
        ['Tasks', `${d.runningCount} running of ${d.desiredCount}, ${d.pendingCount} pending, ${d.failedTasks} failed`],
        ['Launch type', d.launchType],
        ['Started', when(d.createdAt, now)],
        ['Updated', when(d.updatedAt, now)],
      ],
      d.rolloutStateReason ? md(d.rolloutStateReason) : '',
    );
    item.command = { title: 'Open Task Definition', command: 'ecsLens.clusters.openRevision', arguments: [this] };
    item.contextValue = contextOf(this, CONTEXT.deployment);
    return item;
  }
}
