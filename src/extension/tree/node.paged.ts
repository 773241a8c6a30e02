/**
 * The base of nodes whose children come from ECS a page at a time (a cluster's services, a service's tasks,
 * the clusters, the families, ...). The page state lives in the tree's pager for this node's id: loaded once,
 * single-flight, kept across renders, dropped by a refresh. Children are, in order: what the node always
 * shows first (`leading`), the loaded items, ECS's `failures[]`, then an error node (with Retry for the page
 * that failed), a "Load more…" node, or an empty-state message, and what the node always shows last
 * (`trailing`, e.g. a folder of stopped tasks).
 */
import type { Failure } from '../../aws/gateway';
import { ErrorNode, LoadMoreNode, MessageNode, type Pageable } from './node.message';
import { TreeNode } from './node';
import type { PageFetch, Pager } from './pager';

export abstract class PagedNode<T> extends TreeNode implements Pageable {
  /** A fresh fetch for a new pager (called once per load of the node; stateful fetches start over). */
  protected abstract fetcher(): PageFetch<T>;
  /** The node for one item (through `host.node`, so one object per id). */
  protected abstract child(item: T): TreeNode;
  /** What an empty list says ("No services"). */
  protected abstract emptyLabel(): string;
  /** The items' name in "Load more…" ("service"). */
  protected abstract readonly itemName: string;

  /** The empty state: a message by default; nodes may add actions (e.g. "Choose region…"). */
  protected emptyNode(): TreeNode {
    return new MessageNode(this.host, this, `${this.id}#empty`, this.emptyLabel());
  }

  protected leading(): TreeNode[] {
    return [];
  }

  protected trailing(): TreeNode[] {
    return [];
  }

  get pager(): Pager<T> {
    return this.host.pager(this.id, () => this.fetcher());
  }

  /** The pager if the node loaded (or tried to): labels may show counts or the error. */
  protected get loaded(): Pager<T> | undefined {
    return this.host.peekPager(this.id) as Pager<T> | undefined;
  }

  get shownCount(): number {
    return this.loaded?.items.length ?? 0;
  }

  get isLoading(): boolean {
    return this.loaded?.isLoading ?? false;
  }

  /** The load failed before any item came: the node's own item may say so. */
  get failed(): unknown {
    const p = this.loaded;
    return p && p.error !== undefined && p.items.length === 0 ? p.error : undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    const generation = this.host.session.generation;
    let pager = this.pager;
    await pager.ensure();
    // A refresh dropped this pager while it loaded: answer with the new load, not the cancelled one.
    for (let i = 0; i < 3 && pager.signal.aborted && generation === this.host.session.generation; i++) {
      pager = this.pager;
      await pager.ensure();
    }
    const out = [...this.leading(), ...pager.items.map((item) => this.child(item)), ...pager.failures.map((f) => this.failureNode(f))];
    if (pager.error !== undefined) out.push(new ErrorNode(this.host, this, pager.error, () => this.loadMore()));
    else if (pager.nextToken !== undefined) out.push((this.moreNode ??= new LoadMoreNode(this.host, this, this, this.itemName)));
    else if (pager.items.length === 0 && pager.failures.length === 0) out.push(this.emptyNode());
    if (!(pager.error !== undefined && pager.items.length === 0)) out.push(...this.trailing());
    // A node whose own item shows that its load failed (an error icon on the cluster) renders again once.
    if (this.showsFailure && (this.failed !== undefined) !== this.renderedFailed) this.host.changed(this);
    return out;
  }

  /** The next page (or the failed one again), then render this node again. */
  async loadMore(): Promise<void> {
    const loading = this.pager.more();
    // "Loading…" where "Load more…" was, then the new items.
    if (this.moreNode) this.host.changed(this.moreNode);
    await loading;
    this.host.changed(this);
  }

  private moreNode: LoadMoreNode | undefined;

  /** Whether the node's own item shows a failed load (then `getTreeItem` must call `noteRendered`). */
  protected readonly showsFailure: boolean = false;
  private renderedFailed = false;

  /** Records what the item shows, so that a change of the load's outcome renders it again exactly once. */
  protected noteRendered(): void {
    this.renderedFailed = this.failed !== undefined;
  }

  private failureNode(f: Failure): TreeNode {
    const what = f.arn ? f.arn.slice(f.arn.lastIndexOf('/') + 1) : 'an item';
    return new MessageNode(this.host, this, `${this.id}#failure:${f.arn ?? f.reason ?? ''}`, `ECS could not describe ${what}`, {
      icon: 'warning',
      tone: 'warn',
      detail: [f.arn, f.reason, f.detail].filter(Boolean).join('\n'),
    });
  }
}
