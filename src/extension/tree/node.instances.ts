/**
 * A cluster's container instances (EC2 capacity), shown only when the cluster has registered instances: the
 * EC2 instance id, status (ACTIVE, DRAINING, ...), whether the agent is connected, tasks, and CPU and memory
 * left.
 */
import * as vscode from 'vscode';
import type { ContainerInstance } from '../../aws/gateway';
import { icon, md, plural, tooltip, when, type Tone } from './format';
import { PagedNode } from './node.paged';
import { CONTEXT, contextOf, TreeNode, type TreeHost } from './node';
import type { PageFetch } from './pager';

export class ContainerInstancesNode extends PagedNode<ContainerInstance> {
  readonly id: string;
  protected readonly itemName = 'instance';

  constructor(
    host: TreeHost,
    parent: TreeNode,
    private readonly clusterArn: string,
  ) {
    super(host, parent);
    this.id = `${clusterArn}#instances`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Container instances', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const p = this.loaded;
    if (p && !p.isLoading && p.error === undefined) item.description = `${p.items.length}${p.nextToken ? '+' : ''}`;
    item.iconPath = icon('vm');
    item.contextValue = `${CONTEXT.instances}.refresh`;
    return item;
  }

  protected fetcher(): PageFetch<ContainerInstance> {
    return (nextToken, signal) => this.host.session.gateway().containerInstancesPage(this.clusterArn, { nextToken, signal });
  }

  protected child(i: ContainerInstance): TreeNode {
    return this.host.node(i.containerInstanceArn, () => new ContainerInstanceNode(this.host, this, i)).update(i);
  }

  protected emptyLabel(): string {
    return 'No container instances';
  }
}

export class ContainerInstanceNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    public instance: ContainerInstance,
  ) {
    super(host, parent);
    this.id = instance.containerInstanceArn;
  }

  update(i: ContainerInstance): this {
    this.instance = i;
    return this;
  }

  get arn(): string {
    return this.instance.containerInstanceArn;
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.instance;
    const label = i.ec2InstanceId ?? i.containerInstanceArn.slice(i.containerInstanceArn.lastIndexOf('/') + 1);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const free = (r: { registered?: number; remaining?: number }, unit: string): string | undefined => (r.registered !== undefined ? `${r.remaining ?? '?'}/${r.registered}${unit} free` : undefined);
    item.description = [i.status, i.agentConnected ? undefined : 'agent disconnected', plural(i.runningTasksCount, 'task'), i.instanceType].filter(Boolean).join(' · ');
    const [iconId, tone]: [string, Tone] = !i.agentConnected ? ['debug-disconnect', 'error'] : i.status === 'ACTIVE' ? ['vm-running', 'ok'] : i.status === 'DRAINING' ? ['vm-outline', 'warn'] : ['vm', 'idle'];
    item.iconPath = icon(iconId, tone);
    item.tooltip = tooltip(
      `Container instance ${label}`,
      [
        ['Status', i.status],
        ['Agent', `${i.agentConnected ? 'connected' : 'DISCONNECTED'}${i.agentVersion ? `, ${i.agentVersion}` : ''}`],
        ['Instance type', i.instanceType],
        ['Zone', i.availabilityZone],
        ['Capacity provider', i.capacityProviderName],
        ['Tasks', `${i.runningTasksCount} running, ${i.pendingTasksCount} pending`],
        ['CPU', free(i.cpu, ' units')],
        ['Memory', free(i.memory, ' MiB')],
        ['Registered', when(i.registeredAt, this.host.now())],
      ],
      i.statusReason ? md(i.statusReason) : '',
    );
    item.contextValue = contextOf(this, CONTEXT.instance);
    return item;
  }
}
