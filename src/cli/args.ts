/**
 * Argument parsing shared by every command: Node's parseArgs with errors turned into one clean line, and the
 * option lists (kinds, levels, formats) the extension's settings use too.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: printed on one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs without its raw messages: an unknown option or a missing value becomes one readable line. */
export function parse<O extends Options>(command: string, argv: string[], options: O): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    const option = /'(-{1,2}[^'\s,]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${command}: unknown option ${option ?? ''}`.trim());
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${command}: option ${option ?? ''} needs a value`.replace('  ', ' '));
    throw new UsageError(`${command}: ${message.replace(/\. To specify.*$/s, '').replace(/["']/g, '')}`);
  }
}

/** One of `allowed`, or a usage error that lists them. */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${String(value)}"`);
}
