/**
 * "Clusters": the account's clusters in the session's region, a page (ListClusters + DescribeClusters) at a time.
 */
import * as vscode from 'vscode';
import type { Cluster } from '../../aws/gateway';
import { ClusterNode } from './node.cluster';
import { MessageNode } from './node.message';
import { PagedNode } from './node.paged';
import { icon } from './format';
import { CONTEXT, type TreeHost, type TreeNode } from './node';
import type { PageFetch } from './pager';

export class ClustersNode extends PagedNode<Cluster> {
  readonly id = 'clusters';
  protected readonly itemName = 'cluster';

  constructor(host: TreeHost) {
    super(host, undefined);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Clusters', vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const p = this.loaded;
    if (p && !p.isLoading && p.error === undefined) item.description = `${p.items.length}${p.nextToken ? '+' : ''}`;
    item.iconPath = icon('layers');
    item.contextValue = `${CONTEXT.clusters}.refresh`;
    return item;
  }

  protected fetcher(): PageFetch<Cluster> {
    return async (nextToken, signal) => {
      const gw = this.host.session.gateway();
      await this.host.session.resolve();
      const page = await gw.clustersPage({ nextToken, signal });
      return { ...page, items: page.items.sort((a, b) => a.clusterName.localeCompare(b.clusterName)) };
    };
  }

  protected child(c: Cluster): TreeNode {
    return this.host.node(c.clusterArn, () => new ClusterNode(this.host, this, c)).update(c);
  }

  protected emptyLabel(): string {
    return `No clusters in ${this.host.session.resolved?.region ?? 'this region'}`;
  }

  protected emptyNode(): TreeNode {
    return new MessageNode(this.host, this, `${this.id}#empty`, this.emptyLabel(), {
      actions: [{ key: 'region', label: 'Choose another region…', icon: 'globe', command: 'ecsLens.aws.chooseRegion' }],
    });
  }
}
