/**
 * The base of every node of the Clusters view (one small class per kind, like vscode-kubernetes-tools'
 * node.*.ts) and what nodes get from the tree: the AWS session, one pager per node id, one node object per id
 * (so that a refresh updates the objects VS Code already knows and expansion survives), change events and the
 * auto-refresh watch.
 */
import type * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { consoleUrl } from './console';
import type { PageFetch, Pager } from './pager';

/** What the tree provides to its nodes. */
export interface TreeHost {
  readonly session: AwsSession;
  /** The pager of a node, created (with a fresh fetch) the first time it is asked for in this session. */
  pager<T>(id: string, fetch: () => PageFetch<T>): Pager<T>;
  /** The pager of a node if it exists (a node's icon may show its children's error). */
  peekPager(id: string): Pager<unknown> | undefined;
  /** The one node object for an id, created the first time. */
  node<N extends TreeNode>(id: string, create: () => N): N;
  /** Asks VS Code to render a node again (its item and, if expanded, its children); the whole tree without one. */
  changed(node?: TreeNode): void;
  /** Reloads a node's data and children (and everything below) and renders it again; everything without one. */
  refresh(node?: TreeNode): void;
  /** Puts `item` in place of the matching item of the node's parent's pages (after the node re-described itself). */
  replaceItem<T>(node: TreeNode, item: T, same: (x: T) => boolean): void;
  /** A service with a deployment in progress: refreshed with backoff while the view is visible. */
  watch(service: TreeNode & { readonly clusterArn: string; readonly serviceArn: string; readonly inProgress: boolean }): void;
  /** Now, for "started 5m ago". */
  now(): number;
}

export abstract class TreeNode {
  /** Unique in the tree and stable across refreshes: the resource's ARN where it has one. */
  abstract readonly id: string;

  constructor(
    protected readonly host: TreeHost,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): TreeNode[] | Promise<TreeNode[]> {
    return [];
  }

  /** The ARN "Copy ARN" copies. */
  get arn(): string | undefined {
    return undefined;
  }

  /** The AWS console page "Open in AWS Console" opens. */
  consoleUrl(): string | undefined {
    return this.arn ? consoleUrl(this.arn, this.clusterName) : undefined;
  }

  /** The task-definition revision "Open Task Definition" opens (revisions, services, deployments, tasks). */
  get taskDefinitionArn(): string | undefined {
    return undefined;
  }

  /** The cluster this node is in, for console URLs of old-format ARNs. */
  get clusterName(): string | undefined {
    return this.parent?.clusterName;
  }

  /** Called by the tree on a refresh of this node: nodes that hold their own data read it again here. */
  invalidate(): void {}
}

/** `contextValue`s: the package.json menus key on these. */
export const CONTEXT = {
  header: 'header',
  clusters: 'clusters',
  cluster: 'cluster',
  service: 'service',
  deployment: 'deployment',
  task: 'task',
  container: 'container',
  taskList: 'taskList',
  instances: 'containerInstances',
  instance: 'containerInstance',
  taskDefinitions: 'taskDefinitions',
  family: 'family',
  revision: 'revision',
  error: 'error',
  message: 'message',
  action: 'action',
  loadMore: 'loadMore',
} as const;

/**
 * A node's `contextValue`: its kind, then what the menus may offer on it (`arn`, `console`, `taskdef`,
 * `refresh`), dot-separated; package.json matches them with `viewItem =~ /\\barn\\b/` and the like.
 */
export function contextOf(node: TreeNode, kind: string, ...extra: Array<string | false | undefined>): string {
  return [kind, node.arn && 'arn', node.consoleUrl() && 'console', node.taskDefinitionArn && 'taskdef', ...extra].filter(Boolean).join('.');
}
