/**
 * `ecs-lens lint`: every file is parsed once, the files named together form the workspace (a service is checked
 * against the task definition it names), and each file is isolated: one that cannot be read or checked is
 * reported for itself, and every other file's results are still printed.
 */
import { writeFileSync } from 'node:fs';
import { analyze, type EcsDocument } from '../core/document/document';
import { fixAll } from '../core/fixes/index';
import { lint } from '../core/lint';
import { diagnosticCodes } from '../core/rules/index';
import { KIND_OPTIONS, RULE_LEVELS, type Diagnostic, type KindOption, type LintOptions, type RuleLevel } from '../core/types';
import { createWorkspaceIndex } from '../core/workspace';
import { oneOf, parse, UsageError } from './args';
import { expandPaths, readText, type InputFile } from './files';
import { formatJson, formatSarif, formatText, type FileResult } from './format';
import type { CommandResult } from './types';

const FORMATS = ['text', 'json', 'sarif'] as const;
const NO_FILES = ['error', 'warn', 'ignore'] as const;

export const LINT_USAGE = `lint [options] PATHS...    Check ECS task-definition and service JSON files (files, folders or globs).

Options for lint:
  --format text|json|sarif  Output format (default: text).
  --kind auto|task-definition|service
                            Treat every file as this kind instead of recognising it by content.
  --rule ID=LEVEL           Set a code's severity: error, warning, information, hint or off. Repeatable.
                            "ecs-lens rules" lists the codes.
  --fix                     Apply every certain fix in place (a file is written only if the result parses).
  --quiet                   Report errors only.
  --no-files error|warn|ignore
                            What to do when no ECS file was found to check (default: error, exit code 2).`;

interface LintArgs {
  format: (typeof FORMATS)[number];
  kind: KindOption;
  rules: Record<string, RuleLevel>;
  fix: boolean;
  quiet: boolean;
  noFiles: (typeof NO_FILES)[number];
  paths: string[];
}

function parseLintArgs(argv: string[]): LintArgs {
  const { values, positionals } = parse('lint', argv, {
    format: { type: 'string', default: 'text' },
    kind: { type: 'string', default: 'auto' },
    rule: { type: 'string', multiple: true, default: [] },
    fix: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'no-files': { type: 'string', default: 'error' },
  });
  const format = oneOf('format', values.format, FORMATS);
  const kind = oneOf('kind', values.kind, KIND_OPTIONS.filter((k) => k !== 'none'));
  const noFiles = oneOf('no-files', values['no-files'], NO_FILES);
  const rules: Record<string, RuleLevel> = {};
  for (const r of values.rule as string[]) {
    const m = /^([\w.-]+)=(\w+)$/.exec(r);
    if (!m || !RULE_LEVELS.includes(m[2] as RuleLevel)) throw new UsageError(`--rule takes ID=LEVEL with LEVEL one of ${RULE_LEVELS.join(', ')}; got "${r}"`);
    rules[m[1]] = m[2] as RuleLevel;
  }
  if (positionals.length === 0) throw new UsageError('lint needs at least one file, folder or glob');
  return { format, kind, rules, fix: values.fix === true, quiet: values.quiet === true, noFiles, paths: positionals };
}

/** One input file after reading and parsing: an analysed document, or why there is none. */
type Loaded = { file: InputFile; doc: EcsDocument } | { file: InputFile; failure: Diagnostic; io?: boolean };

function fileProblem(code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code, message, source: 'ecs-lens' };
}

function load(file: InputFile, kind: KindOption): Loaded {
  let read;
  try {
    read = readText(file.path);
  } catch (err) {
    return { file, io: true, failure: fileProblem('file.unreadable', `Cannot read the file: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if ('problem' in read) return { file, failure: fileProblem(read.problem === 'empty' ? 'json.syntax' : 'json.encoding', read.message) };
  return { file, doc: analyze(read.text, { kind }) };
}

export function lintCommand(argv: string[], version: string): CommandResult {
  const args = parseLintArgs(argv);
  const { files, empty, missing } = expandPaths(args.paths);
  let stderr = missing.map((m) => `ecs-lens: no such file or folder: ${m}\n`).join('');
  const loaded = files.map((f) => load(f, args.kind));
  const docs = loaded.flatMap((l) => ('doc' in l ? [l] : []));
  // The files named together form a workspace: a service is checked against the task definition it names.
  const workspace = createWorkspaceIndex(docs.map((l) => ({ uri: l.file.path, targets: l.doc.targets })));
  const options: LintOptions = { kind: args.kind, rules: args.rules, workspace };

  const results: FileResult[] = [];
  let checked = 0;
  let skipped = 0;
  let failed = false;
  let fixed = 0;
  for (const l of loaded) {
    const file = l.file.path;
    if ('failure' in l) {
      failed ||= l.io === true;
      results.push({ file, diagnostics: [l.failure] });
      continue;
    }
    let doc = l.doc;
    if (!doc.isEcs) {
      // A file named on purpose must be checkable: an empty or broken one is an error, valid unrelated JSON is skipped.
      const notJson = doc.json.value === undefined || doc.json.syntaxErrors.length > 0;
      if (l.file.explicit && notJson) {
        const first = doc.json.syntaxErrors[0];
        const why = doc.json.value === undefined && !first ? 'The file holds no JSON value.' : `It is not valid JSON${first ? `: ${first.message.replace(/ The AWS CLI.*$/, '')}` : '.'}`;
        const range = first ? doc.json.rangeAt(first.offset, first.length) : fileProblem('', '').range;
        results.push({ file, diagnostics: [{ ...fileProblem(first?.code ?? 'json.syntax', `${why} ECS Lens could not check it.`), range }] });
      } else {
        skipped++;
      }
      continue;
    }
    try {
      if (args.fix) {
        const result = fixAll(doc, options);
        if (result.applied > 0 && !result.doc.json.syntaxErrors.some((e) => e.code === 'json.syntax')) {
          writeFileSync(file, result.text);
          doc = result.doc;
          fixed += result.applied;
        }
      }
      let diagnostics = lint(doc, options);
      if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
      results.push({ file, diagnostics });
      checked++;
    } catch (err) {
      failed = true;
      stderr += `ecs-lens: ${file}: could not be checked (${err instanceof Error ? err.message : String(err)})\n`;
    }
  }

  const count = (severity: string): number => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errorCount = count('error');
  const warningCount = count('warning');
  let stdout: string;
  if (args.format === 'json') stdout = formatJson(results);
  else if (args.format === 'sarif') stdout = formatSarif(results, diagnosticCodes, version);
  else stdout = formatText(results);

  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`${plural(checked, 'file')} checked`];
  if (skipped > 0) parts.push(`${skipped} skipped (not ECS)`);
  if (results.length > checked) parts.push(`${results.length - checked} could not be checked`);
  if (args.format === 'text') {
    stderr += `${parts.join(', ')}: ${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}${args.fix ? `, ${fixed} fix${fixed === 1 ? '' : 'es'} applied` : ''}\n`;
  }

  let code = failed || missing.length > 0 ? 2 : errorCount > 0 ? 1 : 0;
  if (results.length === 0 && args.noFiles !== 'ignore') {
    const where = [...empty, ...args.paths.filter((p) => !empty.includes(p) && !missing.includes(p))].join(', ');
    stderr += `ecs-lens: no ECS task definition or service found to check in ${where || 'the given paths'}${args.noFiles === 'error' ? ' (use --no-files=warn or ignore to allow this)' : ''}\n`;
    if (args.noFiles === 'error') code = 2;
  }
  return { code, stdout, stderr };
}
