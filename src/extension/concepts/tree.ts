/**
 * The Concepts view: the knowledge base grouped by theme, with a filter that matches titles, summaries, ids and
 * the JSON keys a concept attaches to. Selecting a concept opens its page.
 */
import * as vscode from 'vscode';
import { concepts, THEMES, type Concept } from '../../core/knowledge/index';

type Node = { theme: (typeof THEMES)[number]; concepts: Concept[] } | { concept: Concept };

export class ConceptsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private filter = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;

  constructor() {
    this.view = vscode.window.createTreeView('ecsLens.concepts', { treeDataProvider: this, showCollapseAll: true });
  }

  /** Shows only the concepts that match `text` (empty: all). */
  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    this.view.message = this.filter ? `Concepts matching "${text.trim()}"` : undefined;
    void vscode.commands.executeCommand('setContext', 'ecsLens.conceptsFiltered', this.filter !== '');
    this.changed.fire();
  }

  get filterText(): string {
    return this.filter;
  }

  private matches(c: Concept): boolean {
    if (!this.filter) return true;
    return [c.id, c.title, c.summary, ...c.locations].some((s) => s.toLowerCase().includes(this.filter));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return THEMES.map((theme) => ({ theme, concepts: concepts.filter((c) => c.theme === theme.id && this.matches(c)) })).filter((n) => n.concepts.length > 0);
    }
    return 'theme' in node ? [...node.concepts].sort((a, b) => a.title.localeCompare(b.title)).map((concept) => ({ concept })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('theme' in node) {
      const item = new vscode.TreeItem(node.theme.title, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      // While a filter is on, themes get ids of their own: VS Code would otherwise keep them as collapsed as before.
      item.id = this.filter ? `theme:${node.theme.id}?${this.filter}` : `theme:${node.theme.id}`;
      item.description = String(node.concepts.length);
      item.contextValue = 'theme';
      return item;
    }
    const c = node.concept;
    const item = new vscode.TreeItem(c.title, vscode.TreeItemCollapsibleState.None);
    item.id = `concept:${c.id}`;
    item.tooltip = new vscode.MarkdownString(`**${c.title}**\n\n${c.summary}`);
    item.contextValue = c.locations.length > 0 ? 'concept.located' : 'concept';
    item.iconPath = new vscode.ThemeIcon('book');
    item.command = { title: 'Open Concept', command: 'ecsLens.showConcept', arguments: [c.id] };
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
