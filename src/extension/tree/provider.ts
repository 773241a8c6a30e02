/**
 * The Clusters view (`ecsLens.clusters`): the TreeDataProvider and the host of the node classes. It keeps one
 * node object and one pager per node id for the AWS session's lifetime (expansion survives refreshes, loads
 * are single-flight), coalesces change events, refreshes one node (and what is below it) or everything, runs
 * the auto-refresh of deploying services while the view is visible, and drops everything when the session
 * ends (profile, region or endpoint change).
 *
 * The view loads nothing until it is shown: AWS is first touched by `getChildren`.
 */
import * as vscode from 'vscode';
import { GatewayError, type Service } from '../../aws/gateway';
import type { AwsSession } from '../aws/session';
import { AutoRefresh, type WatchedService } from './autoRefresh';
import { ClustersNode } from './node.clusters';
import { HeaderNode } from './node.header';
import { ErrorNode, MessageNode } from './node.message';
import { TaskDefinitionsNode } from './node.taskDefinitions';
import { TreeNode, type TreeHost } from './node';
import type { PageFetch, Pager } from './pager';
import { Pager as PagerClass } from './pager';

/** One row of the view as the tree provider gives it: what `EcsLensApi.getClustersTree` returns. */
export interface TreeItemSnapshot {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; arguments: unknown[] };
  arn?: string;
  consoleUrl?: string;
}

const ROOT = '';
const COALESCE_MS = 30;

export class ClustersTree implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  readonly view: vscode.TreeView<TreeNode>;
  private readonly nodes = new Map<string, TreeNode>();
  private readonly pagers = new Map<string, Pager<unknown>>();
  private readonly childIds = new Map<string, string[]>();
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private pending = new Set<TreeNode | undefined>();
  private flushTimer: NodeJS.Timeout | undefined;
  private header!: HeaderNode;
  private clusters!: ClustersNode;
  private taskDefinitions!: TaskDefinitionsNode;
  readonly autoRefresh: AutoRefresh;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly session: AwsSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.createRoots();
    const view = vscode.window.createTreeView('ecsLens.clusters', { treeDataProvider: this, showCollapseAll: true });
    this.view = view;
    this.autoRefresh = new AutoRefresh({
      session,
      log,
      get visible() {
        return view.visible;
      },
      serviceUpdated: (node, service) => this.serviceUpdated(node, service),
    });
    this.disposables.push(
      view,
      this.emitter,
      this.autoRefresh,
      view.onDidChangeVisibility((e) => {
        if (e.visible) session.start();
        this.autoRefresh.visibilityChanged();
      }),
      session.onDidChange(() => this.resetAll()),
      session.onDidUpdate(() => this.changed(this.header)),
    );
  }

  private createRoots(): void {
    this.header = new HeaderNode(this);
    this.clusters = new ClustersNode(this);
    this.taskDefinitions = new TaskDefinitionsNode(this);
    for (const n of [this.header, this.clusters, this.taskDefinitions]) this.nodes.set(n.id, n);
  }

  // ─────────── TreeDataProvider ───────────

  getTreeItem(node: TreeNode): vscode.TreeItem {
    try {
      return node.getTreeItem();
    } catch (e) {
      this.log.error(`Clusters view: rendering ${node.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new vscode.TreeItem(node.id);
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    this.session.start();
    let children: TreeNode[];
    try {
      children = node ? await node.getChildren() : this.roots();
    } catch (e) {
      this.log.error(`Clusters view: loading ${node?.id ?? 'the root'} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      children = [new ErrorNode(this, node, e, async () => this.refresh(node))];
    }
    for (const child of children) this.nodes.set(child.id, child);
    this.childIds.set(node?.id ?? ROOT, children.map((c) => c.id));
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  private roots(): TreeNode[] {
    const s = this.session.settings;
    const notices = s.notices.map(
      (text, i) =>
        new MessageNode(this, undefined, `notice:${i}`, text, {
          icon: 'warning',
          tone: 'warn',
          detail: text,
          command: { title: 'Open settings', command: 'workbench.action.openSettings', arguments: ['ecsLens.aws'] },
        }),
    );
    if (s.blocked) {
      return [this.header, ...notices, new ErrorNode(this, undefined, new GatewayError('invalid-parameters', s.blocked), async () => this.session.reload())];
    }
    return [this.header, ...notices, this.clusters, this.taskDefinitions];
  }

  // ─────────── TreeHost ───────────

  pager<T>(id: string, fetch: () => PageFetch<T>): Pager<T> {
    let p = this.pagers.get(id) as Pager<T> | undefined;
    if (!p) {
      p = new PagerClass<T>(fetch(), this.session.signal);
      this.pagers.set(id, p as Pager<unknown>);
    }
    return p;
  }

  peekPager(id: string): Pager<unknown> | undefined {
    return this.pagers.get(id);
  }

  node<N extends TreeNode>(id: string, create: () => N): N {
    let n = this.nodes.get(id) as N | undefined;
    if (!n) {
      n = create();
      this.nodes.set(id, n);
    }
    return n;
  }

  /** A node by id (nodes the view or the API has seen), or the node itself. */
  resolve(arg: unknown): TreeNode | undefined {
    if (arg instanceof TreeNode) return arg;
    return typeof arg === 'string' ? this.nodes.get(arg) : undefined;
  }

  changed(node?: TreeNode): void {
    this.pending.add(node);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const nodes = this.pending;
      this.pending = new Set();
      if (nodes.has(undefined)) this.emitter.fire(undefined);
      else for (const n of nodes) this.emitter.fire(n);
    }, COALESCE_MS);
  }

  refresh(node?: TreeNode): void {
    if (!node) {
      this.header.invalidate();
      for (const p of this.pagers.values()) p.dispose();
      this.pagers.clear();
      this.childIds.clear();
      this.changed(undefined);
      return;
    }
    node.invalidate();
    this.reload(node);
  }

  /** Reloads a node's children (and everything below) without asking the node to reload its own data. */
  private reload(node: TreeNode): void {
    this.invalidate(node.id);
    this.changed(node);
  }

  replaceItem<T>(node: TreeNode, item: T, same: (x: T) => boolean): void {
    const page = node.parent ? this.pagers.get(node.parent.id) : undefined;
    if (!page) return;
    const i = (page.items as T[]).findIndex(same);
    if (i >= 0) page.items[i] = item;
  }

  watch(service: WatchedService & TreeNode): void {
    this.autoRefresh.watch(service);
  }

  now(): number {
    return Date.now();
  }

  /** Drops the loaded pages of a node and of everything below it. */
  private invalidate(id: string): void {
    for (const child of this.childIds.get(id) ?? []) this.invalidate(child);
    this.childIds.delete(id);
    this.pagers.get(id)?.dispose();
    this.pagers.delete(id);
  }

  /** The auto-refresh described a service again. */
  private serviceUpdated(watched: WatchedService, service: Service): void {
    const node = this.nodes.get(watched.id) as (TreeNode & { update(s: Service): unknown }) | undefined;
    if (!node) return;
    node.update(service);
    // The parent's page holds the service too: a later render of the cluster must not bring the old one back.
    this.replaceItem<Service>(node, service, (s) => s.serviceArn === service.serviceArn);
    this.reload(node);
  }

  /** The AWS session ended: everything loaded belongs to the old one. */
  private resetAll(): void {
    this.autoRefresh.clear();
    for (const p of this.pagers.values()) p.dispose();
    this.pagers.clear();
    this.childIds.clear();
    this.nodes.clear();
    this.createRoots();
    this.changed(undefined);
  }

  // ─────────── snapshot (the extension API, for tests) ───────────

  /** The children of a node (the root without an id) as the view would show them, loading what is needed. */
  async snapshot(id?: string): Promise<TreeItemSnapshot[]> {
    const parent = id === undefined ? undefined : this.nodes.get(id);
    if (id !== undefined && !parent) throw new Error(`The Clusters view has no node "${id}" (list its parent first).`);
    const children = await this.getChildren(parent);
    return children.map((c) => snapshotOf(c, this.getTreeItem(c)));
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const p of this.pagers.values()) p.dispose();
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

function snapshotOf(node: TreeNode, item: vscode.TreeItem): TreeItemSnapshot {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = item.tooltip === undefined ? undefined : typeof item.tooltip === 'string' ? item.tooltip : item.tooltip.value;
  const collapsible = item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded ? 'expanded' : item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed ? 'collapsed' : 'none';
  return {
    id: node.id,
    label,
    ...(typeof item.description === 'string' && item.description ? { description: item.description } : {}),
    ...(tooltip ? { tooltip } : {}),
    ...(item.contextValue ? { contextValue: item.contextValue } : {}),
    ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
    collapsible,
    ...(item.command ? { command: { command: item.command.command, arguments: (item.command.arguments ?? []).map((a: unknown) => (a instanceof TreeNode ? a.id : a)) } } : {}),
    ...(node.arn ? { arn: node.arn } : {}),
    ...(node.consoleUrl() ? { consoleUrl: node.consoleUrl() } : {}),
  };
}
