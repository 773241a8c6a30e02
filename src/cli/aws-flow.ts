/**
 * The steps `register`, `diff` and `deploy` share: reading and preparing a file (lint, placeholders), opening
 * the AWS session, asking for confirmation, and turning a failure into a line that says what to do.
 */
import { formatLogEntry, type EcsGateway, type GatewaySession, isGatewayError } from '../aws/gateway';
import { blockersFor, prepareFile, type PreparedFile } from '../core/normalize/prepare';
import { UsageError } from './args';
import { type AwsCliOptions, AwsUsageError, exitCodeFor, failureLine, gatewayOptions, loadAws } from './aws-options';
import { readText } from './files';
import { formatText } from './format';
import type { CommandIO } from './io';

/** A failure that ends the command with `code` after printing `message` (one line, prefixed with the command). */
export class CommandFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and prepares a file; I/O problems and files that are not JSON text end the command (exit 2). */
export function readPrepared(path: string): PreparedFile {
  let read;
  try {
    read = readText(path);
  } catch (e) {
    throw new CommandFailure(2, `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if ('problem' in read) throw new CommandFailure(2, `${path}: ${read.message}`);
  return prepareFile(read.text);
}

/** Prints the file's errors and warnings (stderr), and stops when something blocks sending it. */
export function checkPrepared(io: CommandIO, command: string, path: string, prepared: PreparedFile, force: boolean): void {
  // What sending takes care of (describe output unwrapped, read-only members and nulls dropped) is not warned about.
  const handled = (code: string): boolean => code.startsWith('describe.') || code === 'schema.null';
  const shown = prepared.diagnostics.filter((d) => (d.severity === 'error' || d.severity === 'warning') && !handled(d.code));
  io.err(formatText([{ file: path, diagnostics: shown }]));
  if (prepared.kind && prepared.diagnostics.some((d) => d.code === 'describe.wrapper')) {
    io.err(`ecs-lens ${command}: ${path} is describe output: sending the ${prepared.kind === 'service' ? 'service' : 'task definition'} inside it, without its read-only members.\n`);
  } else if (prepared.diagnostics.some((d) => d.code === 'describe.read-only')) {
    io.err(`ecs-lens ${command}: ${path} holds read-only members of describe output: they are not sent.\n`);
  }
  const blockers = blockersFor(prepared, force);
  for (const b of blockers) {
    // The errors themselves are printed just above.
    const n = prepared.errors.length;
    const text = b.reason === 'lint' ? `${n} error${n === 1 ? '' : 's'} (above): fix ${n === 1 ? 'it' : 'them'}, or pass --force to send the file anyway.` : b.message;
    io.err(`ecs-lens ${command}: ${text}\n`);
  }
  if (blockers.length > 0) throw new CommandFailure(1, `${path} was not sent.`);
  if (force && prepared.errors.length > 0) io.err(`ecs-lens ${command}: --force: sending ${path} despite ${prepared.errors.length} error(s).\n`);
}

/** The AWS session a command works in. */
export interface Connection {
  gw: EcsGateway;
  session: GatewaySession;
  /** The account id, or undefined when ECS would not name it. */
  account?: string;
  /** `account 123456789012, us-east-1` (and the endpoint when not the default). */
  where: string;
}

/** Opens the AWS session: the gateway (its log on stderr with --verbose), the region and the account. */
export async function connect(o: AwsCliOptions, io: CommandIO): Promise<Connection> {
  const aws = await loadAws();
  const gw = aws.createEcsGateway(gatewayOptions(o, o.verbose ? (entry) => io.err(`${formatLogEntry(entry)}\n`) : undefined));
  const session = await gw.session();
  const account = await gw.getAccountId({ signal: io.signal }).catch((e: unknown) => {
    if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem || e.kind === 'cancelled')) throw e;
    return undefined;
  });
  const where = `account ${account ?? '(unknown)'}, ${session.region}${session.endpoint ? ` via ${session.endpoint}` : ''}`;
  return { gw, session, ...(account ? { account } : {}), where };
}

/**
 * Asks before anything is changed. `--yes` is the only way around the question; without a terminal to ask on,
 * the command refuses (exit 2). Answering no ends it (exit 1).
 */
export async function confirmChange(io: CommandIO, yes: boolean, question: string): Promise<void> {
  if (yes) return;
  if (!io.interactive) {
    throw new CommandFailure(2, `nothing was changed: there is no terminal to ask for confirmation on, so pass --yes to go ahead. (The question: ${question})`);
  }
  if (!(await io.confirm(question))) throw new CommandFailure(1, 'nothing was changed (not confirmed).');
}

/** What to do after a failed AWS call, by kind: appended to the gateway's own message. */
function advice(kind: string, afterSend: string): string {
  switch (kind) {
    case 'invalid-parameters':
      return ` ${afterSend} Fix the file (\`ecs-lens lint\` may show why) and run again.`;
    case 'server-error':
    case 'unknown':
      return afterSend ? ' The request may have reached ECS: check with `ecs-lens diff` or `ecs-lens tree` before retrying.' : '';
    case 'throttled':
      return ` ${afterSend} Run again in a minute.`;
    case 'cancelled':
      return ` ${afterSend}`;
    default:
      return afterSend ? ` ${afterSend}` : '';
  }
}

/**
 * A failed AWS call as a CommandFailure: the gateway's message, what was (not) done, and what to do. Exit 2 for
 * credentials and connection, 1 for what AWS refused — or `problemCode` for every failure (diff: always 2).
 */
export function awsFailure(e: unknown, afterSend = '', problemCode?: number): CommandFailure {
  if (e instanceof CommandFailure) return e;
  const kind = isGatewayError(e) ? e.kind : 'unknown';
  const code = problemCode ?? (kind === 'cancelled' ? 130 : exitCodeFor(e));
  return new CommandFailure(code, `${failureLine(e)}${isGatewayError(e) ? advice(kind, afterSend) : ''}`);
}

/**
 * Runs a command body: a CommandFailure (or any error) becomes its message on stderr and its exit code; usage
 * errors exit 2 with a pointer to the help.
 */
export async function runCommand(io: CommandIO, command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError || e instanceof AwsUsageError) {
      io.err(`ecs-lens ${command}: ${e.message.replace(new RegExp(`^${command}: `), '')}\nRun "ecs-lens --help" for usage.\n`);
      return 2;
    }
    const failure = e instanceof CommandFailure ? e : awsFailure(e);
    io.err(`ecs-lens ${command}: ${failure.message}\n`);
    return failure.code;
  }
}
