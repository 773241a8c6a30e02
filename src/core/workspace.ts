/**
 * The task definitions a set of documents holds, so a service can be checked against the task definition it
 * names. Pure: the caller (editor workspace, CLI file list) reads the files and passes their analysed documents
 * or text; nothing here touches a file system. The index is incremental: replacing one document touches only
 * its own entries, and a lookup returns the same object while that task definition is unchanged (lint's memo
 * relies on it to re-check only the services whose task definition changed).
 */
import { analyze } from './document/document';
import { containsPlaceholder } from './document/placeholders';
import type { EcsTarget, WorkspaceIndex } from './types';

/** One document: its text (analysed here), or an already analysed document (an `EcsDocument` will do). */
export type WorkspaceDocument = { uri?: string; text: string } | { uri?: string; targets: readonly EcsTarget[] };

export interface TaskDefinitionEntry {
  /** The document it came from, when the caller named it. */
  uri: string | undefined;
  family: string;
  /** Set for describe output, which carries the registered revision. */
  revision: number | undefined;
  /** The task definition object (for describe output, the object inside `taskDefinition`). */
  value: Record<string, unknown>;
}

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const ARN = /^arn:[^:]+:ecs:[^:]*:[^:]*:task-definition\/([^:/]+)(?::(\d+))?$/;

/**
 * What a service's `taskDefinition` value points at: `family`, `family:revision`, or a task definition ARN.
 * Undefined for anything else, including template placeholders that are filled in later.
 */
export function parseTaskDefinitionReference(reference: unknown): { family: string; revision?: number } | undefined {
  if (typeof reference !== 'string' || containsPlaceholder(reference)) return undefined;
  const ref = reference.trim();
  const arn = ARN.exec(ref);
  const parts = arn ? [arn[1], arn[2]] : ref.split(':');
  if (parts.length > 2) return undefined;
  const [family, revision] = parts;
  if (!FAMILY.test(family)) return undefined;
  if (revision === undefined) return { family };
  return /^\d+$/.test(revision) ? { family, revision: Number(revision) } : undefined;
}

function targetsOf(d: WorkspaceDocument): readonly EcsTarget[] {
  if ('targets' in d && Array.isArray(d.targets)) return d.targets;
  return 'text' in d && typeof d.text === 'string' ? analyze(d.text).targets : [];
}

/** The task definitions of many documents, by family; documents are added, replaced and removed one at a time. */
export class TaskDefinitionIndex implements WorkspaceIndex {
  private readonly byDocument = new Map<string, TaskDefinitionEntry[]>();
  private readonly byFamily = new Map<string, TaskDefinitionEntry[]>();
  private anonymous = 0;

  /**
   * Adds or replaces the task definitions of one document (none: it holds no task definition). Returns the
   * families whose entries changed.
   */
  set(uri: string | undefined, doc: WorkspaceDocument): Set<string> {
    const key = uri ?? `#${this.anonymous++}`;
    const changed = this.delete(key);
    const added: TaskDefinitionEntry[] = [];
    for (const t of targetsOf(doc)) {
      if (t.kind !== 'task-definition') continue;
      const family = t.value.family;
      if (typeof family !== 'string' || containsPlaceholder(family)) continue;
      const revision = typeof t.value.revision === 'number' ? t.value.revision : undefined;
      const entry: TaskDefinitionEntry = { uri, family, revision, value: t.value };
      added.push(entry);
      const list = this.byFamily.get(family);
      if (list) list.push(entry);
      else this.byFamily.set(family, [entry]);
      changed.add(family);
    }
    if (added.length > 0) this.byDocument.set(key, added);
    return changed;
  }

  /** Removes the task definitions of one document. Returns the families whose entries changed. */
  delete(uri: string): Set<string> {
    const changed = new Set<string>();
    const old = this.byDocument.get(uri);
    if (!old) return changed;
    this.byDocument.delete(uri);
    for (const entry of old) {
      const list = this.byFamily.get(entry.family);
      if (!list) continue;
      const rest = list.filter((e) => e !== entry);
      if (rest.length > 0) this.byFamily.set(entry.family, rest);
      else this.byFamily.delete(entry.family);
      changed.add(entry.family);
    }
    return changed;
  }

  /** Whether a document of this index holds task definitions. */
  has(uri: string): boolean {
    return this.byDocument.has(uri);
  }

  get entries(): TaskDefinitionEntry[] {
    return [...this.byDocument.values()].flat();
  }

  /** Like `findTaskDefinition`, with the document the task definition came from. */
  findEntry(reference: string): TaskDefinitionEntry | undefined {
    const ref = parseTaskDefinitionReference(reference);
    const list = ref && this.byFamily.get(ref.family);
    if (!ref || !list) return undefined;
    // Files rarely hold the exact revision; any task definition of the family stands for it. Prefer an exact match.
    return list.find((e) => ref.revision !== undefined && e.revision === ref.revision) ?? list[0];
  }

  findTaskDefinition(reference: string): Record<string, unknown> | undefined {
    return this.findEntry(reference)?.value;
  }
}

/** Indexes the task definitions (register input and describe output) among `docs`, by family. */
export function createWorkspaceIndex(docs: Iterable<WorkspaceDocument>): TaskDefinitionIndex {
  const index = new TaskDefinitionIndex();
  for (const d of docs) {
    if (d !== null && typeof d === 'object') index.set(d.uri, d);
  }
  return index;
}
