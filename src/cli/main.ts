/**
 * `ecs-lens`: the engine on the command line, for CI pipelines. One table of commands; each lives in its own
 * module. Exit codes: 0 success, 1 problems found, 2 usage, I/O or connection problems.
 */
import { UsageError } from './args';
import { EXPLAIN_USAGE, explainCommand } from './explain';
import { LINT_USAGE, lintCommand } from './lint';
import { RULES_USAGE, rulesCommand } from './rules';
import { TREE_USAGE, treeCommand } from './tree';
import type { CommandResult } from './types';

declare const ECS_LENS_VERSION: string | undefined;
const version = typeof ECS_LENS_VERSION === 'string' ? ECS_LENS_VERSION : '0.0.0-dev';

type Command = (argv: string[]) => CommandResult | Promise<CommandResult>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  lint: { run: (argv) => lintCommand(argv, version), usage: LINT_USAGE },
  rules: { run: rulesCommand, usage: RULES_USAGE },
  explain: { run: explainCommand, usage: EXPLAIN_USAGE },
  tree: { run: treeCommand, usage: TREE_USAGE },
};

function usage(): string {
  return `Usage: ecs-lens <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage.split('\n')[0]}`)
  .join('\n')}

${Object.values(COMMANDS)
  .map((c) => c.usage.split('\n').slice(2).join('\n'))
  .filter((s) => s.trim())
  .join('\n\n')}

  -h, --help                Show this help.
  -v, --version             Show the version.

Exit status: 0 when no errors were found, 1 when errors were found, 2 on usage, I/O or connection problems.
`;
}

export type RunResult = CommandResult;

/** Runs the CLI without touching process state, so tests can call it directly. */
export async function run(argv: string[]): Promise<RunResult> {
  const [command, ...rest] = argv;
  try {
    if (!command) return { code: 2, stdout: '', stderr: usage() };
    if (command === '-h' || command === '--help' || command === 'help') return { code: 0, stdout: usage(), stderr: '' };
    if (command === '-v' || command === '--version') return { code: 0, stdout: `${version}\n`, stderr: '' };
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('-h') || rest.includes('--help')) return { code: 0, stdout: usage(), stderr: '' };
    return await entry.run(rest);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const isUsage = err instanceof UsageError;
    return { code: 2, stdout: '', stderr: `ecs-lens: ${message}\n${isUsage ? `Run "ecs-lens --help" for usage.\n` : ''}` };
  }
}

/** The process entry point (bin/ecs-lens.js calls it). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const result = await run(argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

if (require.main === module) void main();
