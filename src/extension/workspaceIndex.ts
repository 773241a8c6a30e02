/**
 * The task definitions in the workspace, so an open service is checked against the task definition it names.
 * Reads local files only (never AWS). One entry per file: files on disk are read once and when the watcher
 * reports a change; an open editor's entry comes from its cached analysis, the same parse that lint uses. A
 * change fires with the families it touched, so only the services that name one of them are checked again.
 */
import * as vscode from 'vscode';
import { TaskDefinitionIndex } from '../core/workspace';
import { kindFor, type SettingsCache } from './config';
import type { EcsDocument } from '../core/document/document';
import type { EcsLanguageService } from '../core/language-service';

const GLOB = '**/*.{json,jsonc}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/cdk.out/**}';
const MAX_FILES = 2000;
const MAX_BYTES = 512 * 1024;

export class WorkspaceTaskDefinitions implements vscode.Disposable {
  readonly index = new TaskDefinitionIndex();
  /** Files whose entry comes from an open editor (the disk content is ignored while it is open). */
  private readonly fromEditor = new Set<string>();
  private readonly changed = new vscode.EventEmitter<ReadonlySet<string>>();
  /** Fires with the families whose task definitions appeared, changed or went away. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly settings: SettingsCache,
    private readonly service: EcsLanguageService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri)),
      watcher.onDidChange((uri) => void this.readFile(uri)),
      watcher.onDidDelete((uri) => this.fire(this.index.delete(uri.toString()))),
    );
  }

  /** Reads the workspace's task definitions once; later changes arrive through the watcher and the editors. */
  async scan(): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    const changed = new Set<string>();
    await Promise.all(uris.map(async (uri) => (await this.readFile(uri, false)).forEach((f) => changed.add(f))));
    this.log.info(`found task definitions in ${this.index.entries.length === 0 ? 0 : new Set(this.index.entries.map((e) => e.uri)).size} file(s) among ${uris.length} JSON files in ${Date.now() - started} ms`);
    this.fire(changed);
  }

  /** An open editor's latest analysis: its task definitions replace the file's. */
  updateFromEditor(uri: vscode.Uri, doc: EcsDocument): void {
    const key = uri.toString();
    const holds = doc.targets.some((t) => t.kind === 'task-definition');
    if (!holds && !this.index.has(key)) return;
    this.fromEditor.add(key);
    this.fire(this.index.set(key, doc));
  }

  /** The editor closed: the file on disk counts again. */
  closedInEditor(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.fromEditor.delete(key)) return;
    if (uri.scheme === 'file') void this.readFile(uri);
    else this.fire(this.index.delete(key));
  }

  private async readFile(uri: vscode.Uri, notify = true): Promise<Set<string>> {
    const key = uri.toString();
    if (this.fromEditor.has(key)) return new Set();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return this.drop(key, notify);
      const kind = kindFor(uri, this.settings.for(uri));
      if (kind === 'none' || kind === 'service') return this.drop(key, notify);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      // Cheap filter before parsing, unless the settings say this file is a task definition.
      if (kind === 'auto' && !text.includes('"containerDefinitions"')) return this.drop(key, notify);
      const changed = this.index.set(key, this.service.parse(text, kind));
      if (notify) this.fire(changed);
      return changed;
    } catch {
      // Unreadable or vanished: it simply is not part of the index.
      return this.drop(key, notify);
    }
  }

  private drop(key: string, notify: boolean): Set<string> {
    const changed = this.index.delete(key);
    if (notify) this.fire(changed);
    return changed;
  }

  private fire(families: ReadonlySet<string>): void {
    if (families.size > 0) this.changed.fire(families);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
