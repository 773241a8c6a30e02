/**
 * `ecs-lens`: the engine on the command line, for CI pipelines. One table of commands; each lives in its own
 * module. Exit codes: 0 success, 1 problems found, 2 usage, I/O or connection problems.
 */
import { UsageError } from './args';
import { DEPLOY_USAGE, deployCommand } from './deploy';
import { DIFF_USAGE, diffCommand } from './diff';
import { EXPLAIN_USAGE, explainCommand } from './explain';
import { bufferedIO, type BufferedIO, type CommandIO, processIO } from './io';
import { LINT_USAGE, lintCommand } from './lint';
import { REGISTER_USAGE, registerCommand } from './register';
import { RULES_USAGE, rulesCommand } from './rules';
import { TREE_USAGE, treeCommand } from './tree';
import type { CommandResult } from './types';

declare const ECS_LENS_VERSION: string | undefined;
const version = typeof ECS_LENS_VERSION === 'string' ? ECS_LENS_VERSION : '0.0.0-dev';

/** A command returns its output, or writes it through `io` as it goes (the commands that change AWS). */
type Command = (argv: string[], io: CommandIO) => CommandResult | Promise<CommandResult>;

/** A command that writes through `io` and returns its exit code. */
const streaming =
  (command: (argv: string[], io: CommandIO) => Promise<number>): Command =>
  async (argv, io) => ({ code: await command(argv, io), stdout: '', stderr: '' });

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  lint: { run: (argv) => lintCommand(argv, version), usage: LINT_USAGE },
  rules: { run: rulesCommand, usage: RULES_USAGE },
  explain: { run: explainCommand, usage: EXPLAIN_USAGE },
  tree: { run: treeCommand, usage: TREE_USAGE },
  diff: { run: streaming(diffCommand), usage: DIFF_USAGE },
  register: { run: streaming(registerCommand), usage: REGISTER_USAGE },
  deploy: { run: streaming(deployCommand), usage: DEPLOY_USAGE },
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
diff: 0 equal, 1 different. register and deploy: 0 done, 1 refused (file errors, ECS said no, not confirmed)
or — deploy --wait — the rollout failed or rolled back, 2 no confirmation possible (no terminal, no --yes) or
the rollout did not finish in time, 130 interrupted (a deployment goes on).
`;
}

export type RunResult = CommandResult;

/**
 * Runs the CLI without touching process state, so tests can call it directly: output that commands write as
 * they go is collected (pass an `io` to stream it and to answer questions instead).
 */
export async function run(argv: string[], io?: CommandIO): Promise<RunResult> {
  const target: CommandIO = io ?? bufferedIO();
  const result = await dispatch(argv, target);
  if (io) return result;
  const buffered = target as BufferedIO;
  return { code: result.code, stdout: buffered.stdout + result.stdout, stderr: buffered.stderr + result.stderr };
}

async function dispatch(argv: string[], io: CommandIO): Promise<RunResult> {
  const [command, ...rest] = argv;
  try {
    if (!command) return { code: 2, stdout: '', stderr: usage() };
    if (command === '-h' || command === '--help' || command === 'help') return { code: 0, stdout: usage(), stderr: '' };
    if (command === '-v' || command === '--version') return { code: 0, stdout: `${version}\n`, stderr: '' };
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('-h') || rest.includes('--help')) return { code: 0, stdout: usage(), stderr: '' };
    return await entry.run(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const isUsage = err instanceof UsageError;
    return { code: 2, stdout: '', stderr: `ecs-lens: ${message}\n${isUsage ? `Run "ecs-lens --help" for usage.\n` : ''}` };
  }
}

/**
 * The process entry point (bin/ecs-lens.js calls it). The first Ctrl-C aborts the command's AWS calls and stops
 * watching a rollout (the deployment goes on); a second one ends the process at once.
 */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const interrupt = new AbortController();
  const onInterrupt = (): void => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const result = await run(argv, processIO(interrupt.signal));
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

if (require.main === module) void main();
