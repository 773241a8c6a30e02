/** `ecs-lens explain KEY|VALUE|CONCEPT`: the hover and concept texts of the editor, in the terminal. */
import { concepts, THEMES } from '../core/knowledge/index';
import { matchLabel, matchPage, nearestTerms, resolveTerm } from '../core/knowledge/explain';
import { parse, UsageError } from './args';
import type { CommandResult } from './types';

export const EXPLAIN_USAGE = `explain TERM|--list        Explain a key, a value or a concept (e.g. executionRoleArn, binpack, task-role).

Options for explain:
  --list                    List the concepts by theme.
  --markdown                Print Markdown as it is, instead of plain text.`;

/** Markdown made readable in a terminal: no emphasis marks, links as "text <url>", headings underlined. */
export function toPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .flatMap((line) => {
      const h = /^(#{1,3})\s+(.*)$/.exec(line);
      if (h) {
        const title = plain(h[2]);
        return h[1].length === 1 ? [title, '='.repeat(title.length)] : [title, '-'.repeat(title.length)];
      }
      if (line === '---') return ['—'.repeat(40)];
      return [plain(line.replace(/^> /, '  '))];
    })
    .join('\n');
}

function plain(s: string): string {
  return s
    .replace(/\[([^\]]+)\]\((?:command:|\.{0,2}\/)[^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

export function explainCommand(argv: string[]): CommandResult {
  const { values, positionals } = parse('explain', argv, { list: { type: 'boolean', default: false }, markdown: { type: 'boolean', default: false } });
  const render = (md: string): string => (values.markdown ? md : toPlainText(md));
  if (values.list) {
    const lines: string[] = [];
    for (const theme of THEMES) {
      const list = concepts.filter((c) => c.theme === theme.id).sort((a, b) => a.title.localeCompare(b.title));
      if (list.length === 0) continue;
      lines.push(`${theme.title}:`);
      const width = Math.max(...list.map((c) => c.id.length));
      for (const c of list) lines.push(`  ${c.id.padEnd(width)}  ${c.title}`);
      lines.push('');
    }
    return { code: 0, stdout: lines.join('\n'), stderr: '' };
  }
  const term = positionals.join(' ').trim();
  if (!term) throw new UsageError('explain needs a key, a value or a concept (or --list)');
  const matches = resolveTerm(term);
  if (matches.length === 0) {
    const near = nearestTerms(term);
    return { code: 2, stdout: '', stderr: `ecs-lens: nothing is known as "${term}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''} "ecs-lens explain --list" lists the concepts.\n` };
  }
  if (matches.length > 3) {
    const list = matches.map((m) => `  ${matchLabel(m)}`).join('\n');
    return { code: 0, stdout: `"${term}" is ${matches.length} members; explain one of them by its path:\n${list}\n`, stderr: '' };
  }
  return { code: 0, stdout: matches.map((m) => render(matchPage(m))).join('\n\n') + '\n', stderr: '' };
}
