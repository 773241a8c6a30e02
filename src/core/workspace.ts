/**
 * The task definitions a set of documents holds, so a service can be checked against the task definition it
 * names. Pure: the caller (editor workspace, CLI file list) reads the files and passes their text or analysed
 * documents; nothing here touches a file system.
 */
import type { EcsTarget } from './document';
import { analyze } from './lint';
import { containsPlaceholder } from './placeholders';
import type { WorkspaceIndex } from './rules/types';

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

export interface TaskDefinitionIndex extends WorkspaceIndex {
  /** Like `findTaskDefinition`, with the document the task definition came from. */
  findEntry(reference: string): TaskDefinitionEntry | undefined;
  readonly entries: readonly TaskDefinitionEntry[];
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

/** Indexes the task definitions (register input and describe output) among `docs`, by family. */
export function createWorkspaceIndex(docs: Iterable<WorkspaceDocument>): TaskDefinitionIndex {
  const entries: TaskDefinitionEntry[] = [];
  const byFamily = new Map<string, TaskDefinitionEntry[]>();
  for (const d of docs) {
    if (d === null || typeof d !== 'object') continue;
    for (const t of targetsOf(d)) {
      if (t.kind !== 'task-definition') continue;
      const family = t.value.family;
      if (typeof family !== 'string' || containsPlaceholder(family)) continue;
      const revision = typeof t.value.revision === 'number' ? t.value.revision : undefined;
      const entry: TaskDefinitionEntry = { uri: d.uri, family, revision, value: t.value };
      entries.push(entry);
      const list = byFamily.get(family);
      if (list) list.push(entry);
      else byFamily.set(family, [entry]);
    }
  }

  const findEntry = (reference: string): TaskDefinitionEntry | undefined => {
    const ref = parseTaskDefinitionReference(reference);
    const list = ref && byFamily.get(ref.family);
    if (!ref || !list) return undefined;
    // Files rarely hold the exact revision; any task definition of the family stands for it. Prefer an exact match.
    return list.find((e) => ref.revision !== undefined && e.revision === ref.revision) ?? list[0];
  };

  return {
    entries,
    findEntry,
    findTaskDefinition: (reference) => findEntry(reference)?.value,
  };
}
