/** Every setting of ECS Lens, read in one place and normalised: values in settings.json are untrusted. */
import * as vscode from 'vscode';
import type { KindOption, RuleLevel } from '../core/types';

export const SECTION = 'ecsLens';

export interface Settings {
  enable: boolean;
  /** Milliseconds between the last keystroke and validation. */
  delay: number;
  /** Files larger than this are not validated (huge generated files). */
  maxFileSizeKB: number;
  /** Glob → kind, to force a kind (or 'none') for matching files. */
  associations: Array<{ pattern: string; kind: KindOption }>;
  rules: Record<string, RuleLevel>;
}

const KINDS = new Set<KindOption>(['task-definition', 'service', 'none', 'auto']);
const LEVELS = new Set<RuleLevel>(['error', 'warning', 'information', 'hint', 'off']);

function clamp(v: unknown, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const associations: Settings['associations'] = [];
  const rawAssoc = c.get<unknown>('files.associations');
  if (rawAssoc && typeof rawAssoc === 'object') {
    for (const [pattern, kind] of Object.entries(rawAssoc as Record<string, unknown>)) {
      if (typeof kind === 'string' && KINDS.has(kind as KindOption)) associations.push({ pattern, kind: kind as KindOption });
    }
  }
  const rules: Record<string, RuleLevel> = {};
  const rawRules = c.get<unknown>('rules');
  if (rawRules && typeof rawRules === 'object') {
    for (const [id, level] of Object.entries(rawRules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level as RuleLevel)) rules[id] = level as RuleLevel;
    }
  }
  return {
    enable: c.get<boolean>('validate.enable', true) !== false,
    delay: clamp(c.get('validate.delay'), 0, 5000, 300),
    maxFileSizeKB: clamp(c.get('validate.maxFileSizeKB'), 1, 1_000_000, 4096),
    associations,
    rules,
  };
}

/** The kind forced by `ecsLens.files.associations` for this document, or 'auto'. */
export function kindFor(document: vscode.TextDocument, settings: Settings): KindOption {
  for (const { pattern, kind } of settings.associations) {
    if (vscode.languages.match({ pattern }, document) > 0) return kind;
  }
  return 'auto';
}
