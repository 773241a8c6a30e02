/**
 * `ecs-lens`: the engine on the command line, for CI pipelines.
 *   ecs-lens lint [--format text|json|sarif] [--kind auto|task-definition|service] [--rule id=level] [--fix] PATHS...
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problems.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { analyze, lint } from '../core/lint';
import { fixAll } from '../core/fixes';
import { rules } from '../core/rules/index';
import { createWorkspaceIndex } from '../core/workspace';
import type { KindOption, LintOptions, RuleLevel } from '../core/types';
import { formatJson, formatSarif, formatText, type FileResult } from './format';

declare const ECS_LENS_VERSION: string | undefined;
const version = typeof ECS_LENS_VERSION === 'string' ? ECS_LENS_VERSION : '0.0.0-dev';

const USAGE = `Usage: ecs-lens <command> [options]

Commands:
  lint [options] PATHS...   Check ECS task-definition and service JSON files (files, folders or globs).
  rules                     List the rules with their ids and default severities.

Options for lint:
  --format text|json|sarif  Output format (default: text).
  --kind auto|task-definition|service
                            Treat every file as this kind instead of recognising it by content.
  --rule ID=LEVEL           Set a rule's severity: error, warning, information, hint or off. Repeatable.
  --fix                     Apply every certain fix in place (a file is written only if the result parses).
  --quiet                   Report errors only.
  -h, --help                Show this help.
  -v, --version             Show the version.

Exit status: 0 when no errors were found, 1 when errors were found, 2 on usage or I/O problems.
`;

class UsageError extends Error {}

const LEVELS: RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];
const KINDS: KindOption[] = ['auto', 'task-definition', 'service'];
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/cdk.out/**'];

/** Expands files, folders and globs to a sorted, de-duplicated list of files. */
export function expandPaths(inputs: string[], cwd = process.cwd()): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      files.add(input);
    } else if (stat?.isDirectory()) {
      const base = input.replace(/[\\/]+$/, '');
      for (const f of fg.sync(`${fg.convertPathToPattern(base)}/**/*.{json,jsonc}`, { cwd, ignore: IGNORE, dot: false })) files.add(f);
    } else if (fg.isDynamicPattern(input)) {
      const found = fg.sync(input, { cwd, ignore: IGNORE });
      if (found.length === 0) throw new Error(`no files match ${input}`);
      for (const f of found) files.add(f);
    } else {
      throw new Error(`no such file or folder: ${input}`);
    }
  }
  return [...files].sort();
}

interface LintArgs {
  format: 'text' | 'json' | 'sarif';
  options: LintOptions;
  fix: boolean;
  quiet: boolean;
  paths: string[];
}

function parseLintArgs(argv: string[]): LintArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      kind: { type: 'string', default: 'auto' },
      rule: { type: 'string', multiple: true, default: [] },
      fix: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const format = values.format as LintArgs['format'];
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const kind = values.kind as KindOption;
  if (!KINDS.includes(kind)) throw new UsageError(`--kind must be auto, task-definition or service, not "${kind}"`);
  const levels: Record<string, RuleLevel> = {};
  for (const r of values.rule) {
    const m = /^([\w.-]+)=(\w+)$/.exec(r);
    if (!m || !LEVELS.includes(m[2] as RuleLevel)) throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${LEVELS.join(', ')}; got "${r}"`);
    levels[m[1]] = m[2] as RuleLevel;
  }
  if (positionals.length === 0) throw new UsageError('lint needs at least one file, folder or glob');
  return { format, options: { kind, rules: levels }, fix: values.fix, quiet: values.quiet, paths: positionals };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without touching process state, so tests can call it directly. */
export function run(argv: string[]): RunResult {
  let stdout = '';
  let stderr = '';
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') return { code: command ? 0 : 2, stdout: command ? USAGE : '', stderr: command ? '' : USAGE };
    if (command === '-v' || command === '--version') return { code: 0, stdout: `${version}\n`, stderr: '' };
    if (command === 'rules') {
      stdout = rules.map((r) => `${r.id.padEnd(44)} ${r.severity.padEnd(11)} ${r.title}`).join('\n') + '\n';
      return { code: 0, stdout, stderr };
    }
    if (command !== 'lint') throw new UsageError(`unknown command "${command}"`);
    const args = parseLintArgs(rest);
    if (args === 'help') return { code: 0, stdout: USAGE, stderr: '' };
    const files = expandPaths(args.paths);
    const texts = new Map<string, string>();
    for (const f of files) texts.set(f, readFileSync(f, 'utf8'));

    // The files named together form a workspace: a service is checked against the task definition it names.
    const workspace = createWorkspaceIndex([...texts].map(([uri, text]) => ({ uri, text })));
    const options: LintOptions = { ...args.options, workspace };
    const results: FileResult[] = [];
    let errorCount = 0;
    let warningCount = 0;
    let fixed = 0;
    for (const file of files) {
      let text = texts.get(file)!;
      if (args.fix) {
        const result = fixAll(text, options);
        if (result.applied > 0 && analyze(result.text, options).json.syntaxErrors.length === 0) {
          writeFileSync(file, result.text);
          text = result.text;
          fixed += result.applied;
        }
      }
      let diagnostics = lint(text, options);
      if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
      errorCount += diagnostics.filter((d) => d.severity === 'error').length;
      warningCount += diagnostics.filter((d) => d.severity === 'warning').length;
      results.push({ file, diagnostics });
    }
    if (args.format === 'json') stdout = formatJson(results);
    else if (args.format === 'sarif') stdout = formatSarif(results, rules, version);
    else {
      stdout = formatText(results);
      stderr += `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}${args.fix ? `, ${fixed} fix${fixed === 1 ? '' : 'es'} applied` : ''}\n`;
    }
    return { code: errorCount > 0 ? 1 : 0, stdout, stderr };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    return { code: 2, stdout, stderr: `ecs-lens: ${message}\n${usage ? `Run "ecs-lens --help" for usage.\n` : ''}` };
  }
}

/** The process entry point (bin/ecs-lens.js calls it). */
export function main(argv = process.argv.slice(2)): void {
  const result = run(argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

if (require.main === module) main();
