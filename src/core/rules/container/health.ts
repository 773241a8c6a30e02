/** Container health checks: the command form Docker understands, CMD-SHELL arguments, timings and when they apply. */
import { valueAt } from '../../document/paths';
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { FixProposal, Rule } from '../types';
import { DOCS } from '../../facts';
import { containerLabel, containers, isObj, num, type Obj, perTask, removeReported, reportedPath, taskMemo } from '../helpers';

const TYPES = ['CMD', 'CMD-SHELL', 'NONE'] as const;
/** Characters that only a shell understands: pipes, redirects, expansions, quotes, globs, separators. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]{}~#\s]/;

type HealthCheck = { c: Obj; i: number; hc: Obj; path: JsonPath };
const healthCheckCache = taskMemo<HealthCheck[]>('healthChecks');

/** The containers with a health check object; built once per task definition for the three rules below. */
function healthChecks(td: Obj): readonly HealthCheck[] {
  return perTask(healthCheckCache, td, () => {
    const out: HealthCheck[] = [];
    for (const { c, i, path } of containers(td)) if (isObj(c.healthCheck)) out.push({ c, i, hc: c.healthCheck, path: [...path, 'healthCheck'] });
    return out;
  });
}

/** The test type a wrongly spelled first element was meant to be ("cmd-shell", "CMD_SHELL", "cmd"). */
function intendedType(first: string): string | undefined {
  const norm = first.trim().toUpperCase().replace(/[_ ]/g, '-');
  if (norm === 'CMDSHELL') return 'CMD-SHELL';
  return (TYPES as readonly string[]).includes(norm) ? norm : undefined;
}

/** How to repair a command whose first element is not a test type; certain only where the intent is plain. */
function commandFix(command: unknown[]): FixProposal | undefined {
  const [first, ...rest] = command;
  if (typeof first !== 'string') return undefined;
  const intended = intendedType(first);
  if (intended) {
    return { title: `Change "${first}" to "${intended}"`, changes: [{ path: [0], value: intended }], certain: true };
  }
  if (command.length === 1 && /\s/.test(first.trim())) {
    // "/bin/bash, curl ... || exit 1": a list typed as one string; the shell part goes, the script stays.
    const split = /^\s*(?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh\s*,\s*(?:-c\s*,\s*)?(.+)$/.exec(first);
    if (split) return { title: 'Run the script with CMD-SHELL', changes: [{ path: [], value: ['CMD-SHELL', split[1]] }], certain: false };
    const looksSplit = /^[^\s,]+,\s/.test(first);
    return { title: 'Prefix with "CMD-SHELL" (run it through the shell)', changes: [{ path: [], value: ['CMD-SHELL', first] }], certain: !looksSplit };
  }
  if (!/\s/.test(first) && first !== '' && rest.every((a) => typeof a === 'string')) {
    return { title: 'Prefix with "CMD" (run it directly)', changes: [{ path: [], value: ['CMD', ...command] }], certain: true };
  }
  return undefined;
}

export const healthCheckCommandType: Rule = {
  id: 'health-check-command-type',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'A health check command starts with CMD, CMD-SHELL or NONE',
  docs: DOCS.healthCheck,
  check(ctx) {
    for (const { c, i, hc, path } of healthChecks(ctx.target.value)) {
      if (!Array.isArray(hc.command) || hc.command.length === 0) continue;
      const first: unknown = hc.command[0];
      if (typeof first !== 'string' || (TYPES as readonly string[]).includes(first) || containsPlaceholder(first)) continue;
      ctx.report({
        path: [...path, 'command', 0],
        message:
          `The health check of ${containerLabel(c, i)} starts with "${first.length > 60 ? `${first.slice(0, 57)}...` : first}" ` +
          `instead of "CMD" (run the rest directly) or "CMD-SHELL" (run it through the shell). Docker ignores a health ` +
          `check of unknown type, so this check never runs and the container's health stays UNKNOWN.` +
          (first.includes(' ') ? ' To run a shell command, write ["CMD-SHELL", "<command>"].' : ''),
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    const commandPath = path.slice(0, -1);
    const command = valueAt(ctx.doc.json.value, commandPath);
    const fix = Array.isArray(command) ? commandFix(command) : undefined;
    if (!fix) return undefined;
    // commandFix builds paths relative to the command list.
    return [{ ...fix, changes: fix.changes.map((ch) => ({ ...ch, path: [...commandPath, ...ch.path] })) }];
  },
};

export const healthCheckShellArguments: Rule = {
  id: 'health-check-shell-arguments',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'CMD-SHELL takes the whole command as one string',
  docs: DOCS.healthCheck,
  check(ctx) {
    for (const { c, i, hc, path } of healthChecks(ctx.target.value)) {
      const command = hc.command;
      if (!Array.isArray(command) || command[0] !== 'CMD-SHELL' || command.length <= 2) continue;
      const args = command.slice(1);
      if (!args.every((a) => typeof a === 'string')) continue;
      const plain = (args as string[]).every((a) => a !== '' && !SHELL_SYNTAX.test(a));
      ctx.report({
        path: [...path, 'command', 2],
        message:
          `With "CMD-SHELL", Docker runs only the next element as a shell script (sh -c "<script>"). In the health check ` +
          `of ${containerLabel(c, i)} that is "${String(command[1])}"; the ${command.length - 2} element(s) after it ` +
          `become the script's $0, $1, ... instead of part of the command. Put the whole command into one string, or use ` +
          `"CMD" with one element per argument.`,
        data: { plain },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    const commandPath = path.slice(0, -1);
    const command = valueAt(ctx.doc.json.value, commandPath);
    if (!Array.isArray(command)) return undefined;
    const args = command.slice(1).map(String);
    const out: FixProposal[] = [];
    if (ctx.diagnostic.data?.plain === true) {
      out.push({ title: 'Use "CMD" (run the arguments directly, without a shell)', changes: [{ path: [...commandPath, 0], value: 'CMD' }], certain: true });
    }
    out.push({ title: 'Join the arguments into one shell command', changes: [{ path: commandPath, value: ['CMD-SHELL', args.join(' ')] }], certain: false });
    return out;
  },
};

export const healthCheckTimeout: Rule = {
  id: 'health-check-timeout-interval',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'A health check\'s timeout is shorter than its interval',
  docs: DOCS.healthCheck,
  check(ctx) {
    for (const { c, i, hc, path } of healthChecks(ctx.target.value)) {
      const timeout = num(hc.timeout);
      const interval = num(hc.interval) ?? 30;
      if (timeout === undefined || timeout < interval) continue;
      ctx.report({
        path: [...path, 'timeout'],
        message:
          `The health check of ${containerLabel(c, i)} may take ${timeout} s (timeout) but is meant to run every ` +
          `${interval} s (interval${hc.interval === undefined ? ', default' : ''}). A hanging check then delays the next one, so ` +
          `failures are detected later than the interval and retries suggest. Keep timeout below interval.`,
      });
    }
  },
};

const TIMINGS = ['interval', 'timeout', 'retries', 'startPeriod'] as const;

export const healthCheckSettingsWithoutCommand: Rule = {
  id: 'health-check-settings-without-command',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Health check timings apply only with a command (not NONE)',
  docs: DOCS.healthCheck,
  check(ctx) {
    for (const { c, i, path: at } of containers(ctx.target.value)) {
      const hc = c.healthCheck;
      // A missing command is a schema error (schema.required); ["NONE"] turns the image's health check off.
      if (!isObj(hc) || !Array.isArray(hc.command) || hc.command[0] !== 'NONE') continue;
      const path = [...at, 'healthCheck'];
      for (const key of TIMINGS) {
        if (hc[key] === undefined || hc[key] === null) continue;
        ctx.report({
          path: [...path, key],
          target: 'key',
          message: `The health check of ${containerLabel(c, i)} is "NONE" (no health check runs, not even the image's), so "${key}" has no effect. Remove it, or give a CMD or CMD-SHELL command to check.`,
        });
      }
    }
  },
  fix(ctx) {
    // Nothing runs with a NONE command: the timing is dead weight, and removing it changes nothing.
    return removeReported(ctx);
  },
};

export const healthRules: Rule[] = [healthCheckCommandType, healthCheckShellArguments, healthCheckTimeout, healthCheckSettingsWithoutCommand];
