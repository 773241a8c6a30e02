/**
 * "Task Definitions": the families (ListTaskDefinitionFamilies, ACTIVE and INACTIVE), each with its revisions
 * newest first. ECS lists ACTIVE and INACTIVE revisions separately; the family merges both lists a page at a
 * time (`mergeDescending`), so every revision shows with its status and "Load more…" only ever appends.
 */
import * as vscode from 'vscode';
import type { TaskDefinitionRef } from '../../aws/gateway';
import { familyConsoleUrl, partitionOf } from './console';
import { icon } from './format';
import { PagedNode } from './node.paged';
import { RevisionNode, type RevisionRef } from './node.revision';
import { CONTEXT, contextOf, type TreeHost, type TreeNode } from './node';
import { mergeDescending, type PageFetch } from './pager';

export class TaskDefinitionsNode extends PagedNode<string> {
  readonly id = 'task-definitions';
  protected readonly itemName = 'family';

  constructor(host: TreeHost) {
    super(host, undefined);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Task Definitions', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const p = this.loaded;
    if (p && !p.isLoading && p.error === undefined) item.description = `${p.items.length}${p.nextToken ? '+' : ''} families`;
    item.iconPath = icon('symbol-file');
    item.contextValue = `${CONTEXT.taskDefinitions}.refresh`;
    return item;
  }

  protected fetcher(): PageFetch<string> {
    return async (nextToken, signal) => {
      const gw = this.host.session.gateway();
      await this.host.session.resolve();
      return gw.listTaskDefinitionFamilies({ status: 'ALL', nextToken, signal });
    };
  }

  protected child(family: string): TreeNode {
    return this.host.node(`family:${family}`, () => new FamilyNode(this.host, this, family));
  }

  protected emptyLabel(): string {
    return `No task definitions in ${this.host.session.resolved?.region ?? 'this region'}`;
  }
}

export class FamilyNode extends PagedNode<RevisionRef> {
  readonly id: string;
  protected readonly itemName = 'revision';

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly family: string,
  ) {
    super(host, parent);
    this.id = `family:${family}`;
  }

  consoleUrl(): string | undefined {
    const region = this.host.session.resolved?.region;
    return region ? familyConsoleUrl(partitionOf(region), region, this.family) : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.family, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const p = this.loaded;
    if (p && !p.isLoading && p.error === undefined && p.items.length > 0) {
      const latest = p.items[0]!;
      const active = p.items.filter((r) => r.status === 'ACTIVE').length;
      item.description = `latest ${latest.revision} · ${active} active${p.nextToken ? '+' : ''}`;
    }
    item.iconPath = icon('symbol-class');
    item.contextValue = contextOf(this, CONTEXT.family, 'refresh');
    return item;
  }

  protected fetcher(): PageFetch<RevisionRef> {
    const session = this.host.session;
    const stream =
      (status: 'ACTIVE' | 'INACTIVE') =>
      async (nextToken: string | undefined, signal: AbortSignal): Promise<{ items: RevisionRef[]; nextToken?: string }> => {
        const page = await session.gateway().listTaskDefinitions({ family: this.family, status, sort: 'DESC', nextToken, signal });
        // ListTaskDefinitions takes the whole family name; keep only its revisions all the same.
        return { items: page.items.filter((r: TaskDefinitionRef) => r.family === this.family).map((r) => ({ ...r, status })), nextToken: page.nextToken };
      };
    return mergeDescending([stream('ACTIVE'), stream('INACTIVE')], (r) => r.revision);
  }

  protected child(r: RevisionRef): TreeNode {
    return this.host.node(r.arn, () => new RevisionNode(this.host, this, r)).update(r);
  }

  protected emptyLabel(): string {
    return 'No revisions';
  }
}
