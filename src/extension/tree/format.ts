/**
 * Words, times and icons the node classes share: how long ago, a task-definition ARN as `family:revision`,
 * status icons in the theme's colours, and Markdown tooltips built from rows.
 */
import * as vscode from 'vscode';

/** `arn:aws:ecs:…:task-definition/web:12` → `web:12`. */
export function shortTaskDefinition(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The last part of an ARN (`…:cluster/prod` → `prod`, a task ARN → its id). */
export function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** `5s ago`, `12m ago`, `3h ago`, `4d ago`. */
export function ago(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 90) return `${s}s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)}m ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

/** An ISO time as the user's locale writes it, with how long ago. */
export function when(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const t = new Date(iso);
  return Number.isFinite(t.getTime()) ? `${t.toLocaleString()} (${ago(iso, now)})` : iso;
}

export type Tone = 'ok' | 'busy' | 'warn' | 'error' | 'idle' | 'plain';

const TONE_COLOR: Record<Tone, string | undefined> = {
  ok: 'testing.iconPassed',
  busy: 'charts.blue',
  warn: 'list.warningForeground',
  error: 'list.errorForeground',
  idle: 'disabledForeground',
  plain: undefined,
};

/** A codicon in the colour of its tone. */
export function icon(id: string, tone: Tone = 'plain'): vscode.ThemeIcon {
  const color = TONE_COLOR[tone];
  return color ? new vscode.ThemeIcon(id, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(id);
}

/** Escapes text for Markdown (names and messages come from AWS). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * A tooltip: a bold title, then `label: value` rows (empty values skipped), then free paragraphs. Links are
 * not trusted: nothing in a tooltip runs a command.
 */
export function tooltip(title: string, rows: Array<[string, string | number | undefined]>, ...paragraphs: string[]): vscode.MarkdownString {
  const lines = [`**${md(title)}**`, ''];
  for (const [label, value] of rows) {
    if (value === undefined || value === '') continue;
    lines.push(`${md(label)}: ${md(String(value))}  `);
  }
  for (const p of paragraphs) if (p) lines.push('', p);
  const m = new vscode.MarkdownString(lines.join('\n'));
  m.supportThemeIcons = true;
  return m;
}
