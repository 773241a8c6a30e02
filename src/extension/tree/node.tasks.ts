/**
 * A folder of tasks: a service's tasks stopped in the last hour (ECS keeps stopped tasks about that long),
 * a cluster's standalone tasks (started by RunTask, a schedule or a pipeline, not by a service) and the
 * standalone tasks that stopped. ECS cannot filter "no service", so standalone tasks are read page by page
 * (`standaloneTasksPage`) and "Load more…" goes on where the last search stopped.
 */
import * as vscode from 'vscode';
import type { Task } from '../../aws/gateway';
import { icon } from './format';
import { PagedNode } from './node.paged';
import { TaskNode } from './node.task';
import { CONTEXT, type TreeHost, type TreeNode } from './node';
import type { PageFetch } from './pager';

export type TaskListKind = 'service-stopped' | 'standalone-running' | 'standalone-stopped';

/** Running first (newest start first), then stopped (newest stop first). */
export function byNewest(a: Task, b: Task): number {
  const stopped = (t: Task): number => (t.desiredStatus === 'STOPPED' || t.lastStatus === 'STOPPED' ? 1 : 0);
  return stopped(a) - stopped(b) || (b.stoppedAt ?? b.startedAt ?? b.createdAt ?? '').localeCompare(a.stoppedAt ?? a.startedAt ?? a.createdAt ?? '');
}

export class TaskListNode extends PagedNode<Task> {
  protected readonly itemName = 'task';

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly id: string,
    private readonly label: string,
    private readonly kind: TaskListKind,
    private readonly clusterArn: string,
    private readonly serviceName?: string,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const p = this.loaded;
    if (p && !p.isLoading && p.error === undefined) item.description = `${p.items.length}${p.nextToken ? '+' : ''}`;
    item.iconPath = icon(this.kind === 'standalone-running' ? 'run-all' : 'history', this.kind === 'standalone-running' ? 'plain' : 'idle');
    item.contextValue = `${CONTEXT.taskList}.refresh`;
    return item;
  }

  protected fetcher(): PageFetch<Task> {
    return async (nextToken, signal) => {
      const gw = this.host.session.gateway();
      const desiredStatus = this.kind === 'standalone-running' ? 'RUNNING' : 'STOPPED';
      const page =
        this.kind === 'service-stopped'
          ? await gw.tasksPage(this.clusterArn, { serviceName: this.serviceName, desiredStatus, nextToken, signal })
          : await gw.standaloneTasksPage(this.clusterArn, { desiredStatus, nextToken, signal });
      return { ...page, items: page.items.sort(byNewest) };
    };
  }

  protected child(t: Task): TreeNode {
    return this.host.node(t.taskArn, () => new TaskNode(this.host, this, t)).update(t);
  }

  protected emptyLabel(): string {
    return this.kind === 'standalone-running' ? 'No standalone task running' : 'No task stopped in the last hour';
  }

  /** A cluster's standalone tasks end with the ones that stopped. */
  protected trailing(): TreeNode[] {
    if (this.kind !== 'standalone-running') return [];
    const id = `${this.clusterArn}#standalone-stopped`;
    return [this.host.node(id, () => new TaskListNode(this.host, this, id, 'Stopped in the last hour', 'standalone-stopped', this.clusterArn))];
  }
}
