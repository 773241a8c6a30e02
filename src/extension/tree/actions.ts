/**
 * What the Clusters view's commands do (commands.ts maps their ids here). Each takes the node the menu or the
 * item passed, or a node id (the API and keybindings), or for "open revision" a task-definition ARN.
 */
import * as vscode from 'vscode';
import { revisionOfArn, revisionUri } from '../aws/revisions';
import { ErrorNode, LoadMoreNode } from './node.message';
import { PagedNode } from './node.paged';
import type { TreeNode } from './node';
import type { ClustersTree } from './provider';

function nodeArg(tree: ClustersTree, arg: unknown, what: string): TreeNode {
  const node = tree.resolve(arg);
  if (!node) throw new Error(`${what}: choose an item in the Clusters view`);
  return node;
}

export function refresh(tree: ClustersTree, arg: unknown): void {
  const node = arg === undefined ? undefined : tree.resolve(arg);
  tree.refresh(node);
}

/** Loads the next page of the node that owns a "Load more…" row (or of the node itself). */
export async function loadMore(tree: ClustersTree, arg: unknown): Promise<void> {
  const node = nodeArg(tree, arg, 'Load more');
  if (node instanceof LoadMoreNode) return node.owner.loadMore();
  if (node instanceof PagedNode) return node.loadMore();
  throw new Error(`${node.id} has nothing more to load`);
}

export async function retry(tree: ClustersTree, arg: unknown): Promise<void> {
  const node = nodeArg(tree, arg, 'Retry');
  if (node instanceof ErrorNode) return node.retry();
  tree.refresh(node);
  return undefined;
}

export async function copyArn(tree: ClustersTree, arg: unknown): Promise<string> {
  const node = nodeArg(tree, arg, 'Copy ARN');
  const arn = node.arn;
  if (!arn) throw new Error('This item has no ARN');
  await vscode.env.clipboard.writeText(arn);
  vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
  return arn;
}

export async function openInConsole(tree: ClustersTree, arg: unknown): Promise<string> {
  const node = nodeArg(tree, arg, 'Open in AWS Console');
  const url = node.consoleUrl();
  if (!url) throw new Error('The AWS console has no page for this item in this partition');
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}

/**
 * Opens a task-definition revision read-only (`ecs-lens:` document): from a revision, service, deployment or
 * task node, or from a task-definition ARN. Returns the document's URI.
 */
export async function openRevision(tree: ClustersTree, arg: unknown): Promise<string | undefined> {
  let arn: string | undefined;
  if (arg === undefined || (typeof arg === 'string' && !arg.startsWith('arn:') && !tree.resolve(arg))) {
    // From the command palette (or with `family[:revision]`): ask ECS for the ARN (the account is in it).
    const name =
      typeof arg === 'string'
        ? arg
        : await vscode.window.showInputBox({
            title: 'Open Task Definition from AWS',
            prompt: 'family (its latest ACTIVE revision), family:revision, or a task-definition ARN',
            validateInput: (v) => (/^(arn:\S+|[A-Za-z0-9_-]+(:\d+)?)$/.test(v.trim()) ? undefined : 'e.g. web, web:12 or arn:aws:ecs:…:task-definition/web:12'),
          });
    if (!name) return undefined;
    arn = name.startsWith('arn:') ? name.trim() : (await tree.session.gateway().describeTaskDefinition(name.trim(), { signal: tree.session.signal })).taskDefinition.arn;
  } else {
    arn = typeof arg === 'string' && arg.startsWith('arn:') ? arg : nodeArg(tree, arg, 'Open Task Definition').taskDefinitionArn;
  }
  const address = arn ? revisionOfArn(arn) : undefined;
  if (!address) throw new Error(arn ? `"${arn}" is not a task-definition revision ARN` : 'This item has no task definition');
  const uri = revisionUri(address);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return uri.toString();
}
