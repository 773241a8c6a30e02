/**
 * Every setting of ECS Lens, read in one place and normalised: values in settings.json are untrusted. Settings
 * are read for the document they apply to (a multi-root workspace can set them per folder) and cached per folder
 * until the configuration changes.
 */
import * as vscode from 'vscode';
import { globToRegExp } from '../core/glob';
import { KIND_OPTIONS, RULE_LEVELS, type KindOption, type RuleLevel } from '../core/types';

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

function clamp(v: unknown, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const associations: Settings['associations'] = [];
  const rawAssoc = c.get<unknown>('files.associations');
  if (rawAssoc && typeof rawAssoc === 'object') {
    for (const [pattern, kind] of Object.entries(rawAssoc as Record<string, unknown>)) {
      if (typeof kind === 'string' && KIND_OPTIONS.includes(kind as KindOption)) associations.push({ pattern, kind: kind as KindOption });
    }
  }
  const rules: Record<string, RuleLevel> = {};
  const rawRules = c.get<unknown>('rules');
  if (rawRules && typeof rawRules === 'object') {
    for (const [id, level] of Object.entries(rawRules as Record<string, unknown>)) {
      if (typeof level === 'string' && RULE_LEVELS.includes(level as RuleLevel)) rules[id] = level as RuleLevel;
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

/** Settings per workspace folder (or for files outside any folder), read once until the configuration changes. */
export class SettingsCache {
  private readonly byFolder = new Map<string, Settings>();

  /** The settings that apply to a document or file. */
  for(uri: vscode.Uri): Settings {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = readSettings(folder?.uri ?? uri);
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** The kind forced by `ecsLens.files.associations` for this document or file, or 'auto'. */
export function kindFor(target: vscode.TextDocument | vscode.Uri, settings: Settings): KindOption {
  for (const { pattern, kind } of settings.associations) {
    if (target instanceof vscode.Uri) {
      if (matchesGlob(target, pattern)) return kind;
    } else if (vscode.languages.match({ pattern }, target) > 0) {
      return kind;
    }
  }
  return 'auto';
}

/** A file on disk (not open) against an association glob, the way `languages.match` treats an open document. */
function matchesGlob(uri: vscode.Uri, pattern: string): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relative = folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
  const re = globToRegExp(pattern);
  return re.test(relative) || re.test(uri.fsPath.replace(/\\/g, '/'));
}
