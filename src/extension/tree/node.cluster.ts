/**
 * A cluster: its services a page at a time (ListServices + DescribeServices, 100 per page), then its
 * standalone tasks and, when it has any, its container instances. A cluster whose services cannot be read
 * (access denied) shows the error inside and an error icon on itself; the other clusters are unaffected.
 */
import * as vscode from 'vscode';
import type { Cluster, Service } from '../../aws/gateway';
import { icon, md, plural, tooltip } from './format';
import { errorMessage } from './node.message';
import { PagedNode } from './node.paged';
import { ContainerInstancesNode } from './node.instances';
import { ServiceNode } from './node.service';
import { TaskListNode } from './node.tasks';
import { CONTEXT, contextOf, type TreeHost, type TreeNode } from './node';
import type { PageFetch } from './pager';

export class ClusterNode extends PagedNode<Service> {
  readonly id: string;
  protected readonly itemName = 'service';
  protected readonly showsFailure = true;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    public cluster: Cluster,
  ) {
    super(host, parent);
    this.id = cluster.clusterArn;
  }

  update(cluster: Cluster): this {
    this.cluster = cluster;
    return this;
  }

  get arn(): string {
    return this.cluster.clusterArn;
  }

  get clusterName(): string {
    return this.cluster.clusterName;
  }

  /** A refresh of the cluster describes it again (its counts), then reloads its services. */
  invalidate(): void {
    const session = this.host.session;
    const generation = session.generation;
    void (async () => {
      try {
        const { items } = await session.gateway().describeClusters([this.cluster.clusterArn], { signal: session.signal });
        const fresh = items[0];
        if (!fresh || generation !== session.generation) return;
        this.update(fresh);
        this.host.replaceItem<Cluster>(this, fresh, (c) => c.clusterArn === fresh.clusterArn);
        this.host.changed(this);
      } catch {
        // Its services reload too and show the error, if it lasts.
      }
    })();
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.cluster;
    const item = new vscode.TreeItem(c.clusterName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const failed = this.failed;
    this.noteRendered();
    const counts = [plural(c.activeServicesCount, 'service'), `${c.runningTasksCount} running`];
    if (c.pendingTasksCount > 0) counts.push(`${c.pendingTasksCount} pending`);
    if (c.registeredContainerInstancesCount > 0) counts.push(plural(c.registeredContainerInstancesCount, 'instance'));
    item.description = failed !== undefined ? `${counts.join(' · ')} · ${errorMessage(failed).split(/[.:]/)[0]}` : counts.join(' · ');
    item.iconPath = failed !== undefined ? icon('error', 'error') : icon('server-environment', c.status === 'ACTIVE' ? 'plain' : 'idle');
    item.accessibilityInformation = { label: `Cluster ${c.clusterName}, ${c.status.toLowerCase()}, ${item.description}` };
    item.tooltip = tooltip(
      `Cluster ${c.clusterName}`,
      [
        ['Status', c.status],
        ['Services', c.activeServicesCount],
        ['Tasks', `${c.runningTasksCount} running, ${c.pendingTasksCount} pending`],
        ['Container instances', c.registeredContainerInstancesCount || undefined],
        ['Capacity providers', c.capacityProviders.join(', ')],
        ['Container Insights', c.settings.containerInsights],
        ['Tags', c.tags.map((t) => `${t.key}=${t.value}`).join(', ')],
        ['ARN', c.clusterArn],
      ],
      failed !== undefined ? `$(error) ${md(errorMessage(failed))}` : '',
    );
    item.contextValue = contextOf(this, CONTEXT.cluster, 'refresh');
    return item;
  }

  protected fetcher(): PageFetch<Service> {
    return async (nextToken, signal) => {
      const page = await this.host.session.gateway().servicesPage(this.cluster.clusterArn, { nextToken, signal });
      return { ...page, items: page.items.sort((a, b) => a.serviceName.localeCompare(b.serviceName)) };
    };
  }

  protected child(s: Service): TreeNode {
    return this.host.node(s.serviceArn, () => new ServiceNode(this.host, this, s)).update(s);
  }

  protected emptyLabel(): string {
    return 'No services';
  }

  protected trailing(): TreeNode[] {
    const arn = this.cluster.clusterArn;
    const out: TreeNode[] = [
      this.host.node(`${arn}#standalone`, () => new TaskListNode(this.host, this, `${arn}#standalone`, 'Standalone tasks', 'standalone-running', arn)),
    ];
    if (this.cluster.registeredContainerInstancesCount > 0) out.push(this.host.node(`${arn}#instances`, () => new ContainerInstancesNode(this.host, this, arn)));
    return out;
  }
}
