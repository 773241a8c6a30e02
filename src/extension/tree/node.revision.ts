/**
 * A task-definition revision (`web:12`, ACTIVE or INACTIVE). A click opens it as a read-only JSON document
 * (RegisterTaskDefinition input, in the `ecs-lens` scheme) that ECS Lens checks and explains like a file.
 */
import * as vscode from 'vscode';
import type { TaskDefinitionRef } from '../../aws/gateway';
import { icon, tooltip } from './format';
import { CONTEXT, contextOf, TreeNode, type TreeHost } from './node';

export interface RevisionRef extends TaskDefinitionRef {
  status: 'ACTIVE' | 'INACTIVE';
}

export class RevisionNode extends TreeNode {
  readonly id: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    public revision: RevisionRef,
  ) {
    super(host, parent);
    this.id = revision.arn;
  }

  update(r: RevisionRef): this {
    this.revision = r;
    return this;
  }

  get arn(): string {
    return this.revision.arn;
  }

  get taskDefinitionArn(): string {
    return this.revision.arn;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.revision;
    const item = new vscode.TreeItem(`${r.family}:${r.revision}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = r.status;
    item.iconPath = r.status === 'ACTIVE' ? icon('file-code', 'plain') : icon('archive', 'idle');
    item.tooltip = tooltip(`Task definition ${r.family}:${r.revision}`, [
      ['Status', r.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE (deregistered: running tasks keep it, new ones cannot use it)'],
      ['ARN', r.arn],
    ], 'Click to open it read-only, as RegisterTaskDefinition input.');
    item.command = { title: 'Open Revision', command: 'ecsLens.clusters.openRevision', arguments: [this] };
    item.contextValue = contextOf(this, CONTEXT.revision, r.status.toLowerCase());
    return item;
  }
}
