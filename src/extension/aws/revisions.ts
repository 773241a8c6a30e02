/**
 * Task-definition revisions from AWS as read-only JSON documents, in the `ecs-lens` scheme:
 * `ecs-lens:/ACCOUNT/REGION/task-definitions/FAMILY:REVISION.json`. The text is the revision as
 * RegisterTaskDefinition input (`requestInput('task-definition', …)`: the read-only members ECS adds are gone,
 * the tags are in), so ECS Lens's diagnostics, hovers and "Save As" to start a new revision work on it as on a
 * file. A revision never changes, so its text is read once per extension host.
 */
import * as vscode from 'vscode';
import { isGatewayError, type TaskDefinitionDescription } from '../../aws/gateway';
import { requestInput } from '../../core/normalize/normalize';
import type { AwsSession } from './session';

export const REVISION_SCHEME = 'ecs-lens';

export interface RevisionAddress {
  account: string;
  region: string;
  family: string;
  revision: number;
}

/** The ARN's parts: `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`. */
export function revisionOfArn(arn: string): RevisionAddress | undefined {
  const m = /^arn:[\w-]+:ecs:([\w-]+):(\d{12}):task-definition\/([A-Za-z0-9_-]+):(\d+)$/.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, family: m[3]!, revision: Number(m[4]) } : undefined;
}

export function revisionUri(r: RevisionAddress): vscode.Uri {
  return vscode.Uri.from({ scheme: REVISION_SCHEME, path: `/${r.account}/${r.region}/task-definitions/${r.family}:${r.revision}.json` });
}

export function parseRevisionUri(uri: vscode.Uri): RevisionAddress | undefined {
  const m = /^\/(\d{12})\/([\w-]+)\/task-definitions\/([A-Za-z0-9_-]+):(\d+)\.json$/.exec(uri.path);
  return uri.scheme === REVISION_SCHEME && m ? { account: m[1]!, region: m[2]!, family: m[3]!, revision: Number(m[4]) } : undefined;
}

/** A described revision as RegisterTaskDefinition input (read-only members dropped, tags in), as JSON text. */
export function revisionText(described: TaskDefinitionDescription): string {
  const { input } = requestInput('task-definition', { taskDefinition: described.taskDefinition.document, tags: described.tags });
  return `${JSON.stringify(input, null, 2)}\n`;
}

export class RevisionDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly texts = new Map<string, Promise<{ bytes: Uint8Array; mtime: number }>>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly session: AwsSession) {}

  /** Registers the provider for the `ecs-lens` scheme, read-only, with the message the editor shows. */
  register(): vscode.Disposable {
    const message = new vscode.MarkdownString('A task-definition revision from AWS: revisions never change. Use **File: Save As…** to start a new one from it.');
    return vscode.workspace.registerFileSystemProvider(REVISION_SCHEME, this, { isCaseSensitive: true, isReadonly: message });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (!parseRevisionUri(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const { bytes, mtime } = await this.load(uri);
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.load(uri)).bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** Reads a revision once (concurrent reads share the call); a failure is not kept, so reopening retries. */
  private load(uri: vscode.Uri): Promise<{ bytes: Uint8Array; mtime: number }> {
    const key = uri.toString();
    let text = this.texts.get(key);
    if (!text) {
      text = this.fetch(uri);
      this.texts.set(key, text);
      text.catch(() => this.texts.delete(key));
    }
    return text;
  }

  private async fetch(uri: vscode.Uri): Promise<{ bytes: Uint8Array; mtime: number }> {
    const r = parseRevisionUri(uri);
    if (!r) throw vscode.FileSystemError.FileNotFound(uri);
    try {
      const described = await this.session.gateway(r.region).describeTaskDefinition(`${r.family}:${r.revision}`, { signal: this.session.signal });
      const got = revisionOfArn(described.taskDefinition.arn);
      if (got && got.account !== r.account) {
        throw vscode.FileSystemError.Unavailable(`${r.family}:${r.revision} belongs to account ${r.account}; the current credentials are for account ${got.account}. Choose a profile of that account.`);
      }
      const registered = Date.parse(described.taskDefinition.registeredAt ?? '');
      return { bytes: new TextEncoder().encode(revisionText(described)), mtime: Number.isFinite(registered) ? registered : Date.now() };
    } catch (e) {
      if (e instanceof vscode.FileSystemError) throw e;
      if (isGatewayError(e) && e.kind === 'not-found') throw vscode.FileSystemError.FileNotFound(`${r.family}:${r.revision} does not exist in ${r.region}`);
      throw vscode.FileSystemError.Unavailable(e instanceof Error ? e.message : String(e));
    }
  }

  dispose(): void {
    this.emitter.dispose();
    this.texts.clear();
  }
}
