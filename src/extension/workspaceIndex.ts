/**
 * The task definitions in the workspace, so an open service is checked against the task definition it names.
 * Reads local files only (never AWS). Open editors win over the file on disk; the index is rebuilt lazily
 * after a change.
 */
import * as vscode from 'vscode';
import { createWorkspaceIndex, type TaskDefinitionIndex } from '../core/workspace';

const GLOB = '**/*.{json,jsonc}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/cdk.out/**}';
const MAX_FILES = 2000;
const MAX_BYTES = 512 * 1024;

/** Cheap filter before parsing: a task definition names its containers. */
function mayBeTaskDefinition(text: string): boolean {
  return text.includes('"containerDefinitions"');
}

export class WorkspaceTaskDefinitions implements vscode.Disposable {
  private readonly files = new Map<string, string>();
  private index: TaskDefinitionIndex | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a task definition appeared, changed or went away. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri)),
      watcher.onDidChange((uri) => void this.readFile(uri)),
      watcher.onDidDelete((uri) => {
        if (this.files.delete(uri.toString())) this.invalidate();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Runs on every keystroke: only JSON documents can hold a task definition.
        const doc = e.document;
        if ((doc.languageId === 'json' || doc.languageId === 'jsonc') && mayBeTaskDefinition(doc.getText())) this.invalidate();
      }),
    );
  }

  /** Reads the workspace's task definitions once; later changes arrive through the watcher. */
  async scan(): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    await Promise.all(uris.map((uri) => this.readFile(uri, false)));
    this.log.info(`found ${this.files.size} task definition file(s) among ${uris.length} JSON files in ${Date.now() - started} ms`);
    this.invalidate();
  }

  private async readFile(uri: vscode.Uri, notify = true): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const key = uri.toString();
      const had = this.files.has(key);
      if (mayBeTaskDefinition(text)) this.files.set(key, text);
      else this.files.delete(key);
      if (notify && (had || this.files.has(key))) this.invalidate();
    } catch {
      // Unreadable or vanished: it simply is not part of the index.
    }
  }

  private invalidate(): void {
    this.index = undefined;
    this.changed.fire();
  }

  get(): TaskDefinitionIndex {
    if (!this.index) {
      const texts = new Map(this.files);
      for (const doc of vscode.workspace.textDocuments) {
        const text = doc.getText();
        if ((doc.languageId === 'json' || doc.languageId === 'jsonc') && text.length <= MAX_BYTES && mayBeTaskDefinition(text)) texts.set(doc.uri.toString(), text);
      }
      this.index = createWorkspaceIndex([...texts].map(([uri, text]) => ({ uri, text })));
    }
    return this.index;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
