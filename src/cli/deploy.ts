/**
 * `ecs-lens deploy --cluster C --service S --task-definition ARN|FILE [--force-new-deployment] [--wait] [--yes]`:
 * rolls a revision out to a service. A FILE is registered first (the `register` flow: lint, diff, one
 * confirmation for both steps); `--wait` watches the rollout to its end. Exit 0 only when the rollout completed
 * (or, without --wait, started), 1 when it failed or rolled back, 2 on problems (and when watching timed out),
 * 130 when interrupted (the deployment goes on).
 */
import { statSync } from 'node:fs';
import { deployableService, deploymentPlan, planDeployment, startDeployment } from '../aws/deploy';
import type { Service, TaskDefinition, TaskDefinitionDescription } from '../aws/gateway';
import { applyTaskDefinition, planTaskDefinition, type TaskDefinitionPlan } from '../aws/register';
import { revisionName, watchRollout, type WatchOptions } from '../aws/rollout';
import { summarizeChanges } from '../core/normalize/changes';
import { parse, UsageError } from './args';
import { AWS_OPTION_SPECS, readAwsOptions } from './aws-options';
import { awsFailure, checkPrepared, CommandFailure, confirmChange, connect, readPrepared, runCommand } from './aws-flow';
import type { CommandIO } from './io';
import { formatOutcome, outcomeExitCode, progressPrinter } from './rollout-output';

/** The command's lines in `ecs-lens --help`. */
export const DEPLOY_USAGE = `deploy [options]           Roll a task-definition revision (or a file, registered first) out to a service.

Options for deploy (and the AWS options):
  --cluster NAME            The service's cluster (required).
  --service NAME            The service (required).
  --task-definition REF     An ARN, family:revision or family (its latest ACTIVE revision), or a task-definition
                            file to register first (required).
  --force-new-deployment    Start new tasks even when the service already runs this revision.
  --wait                    Watch the rollout until it completes, fails or rolls back (exit 0 only if it completed).
  --timeout DURATION        How long --wait watches: 90s, 20m, 1h (default 30m).
  --yes                     Go ahead without asking (the only way to change anything without a terminal).
  --force                   Register the file despite lint errors.`;

interface DeployArgs {
  cluster: string;
  service: string;
  taskDefinition: string;
  forceNewDeployment: boolean;
  wait: boolean;
  timeoutMs: number;
  yes: boolean;
  force: boolean;
}

function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`deploy needs --${name}`);
  return v;
}

/** `90`, `90s`, `20m`, `1h` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(s|m|h)?$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError(`--timeout takes a duration such as 90s, 20m or 1h, not "${text}"`);
  return Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 's' | 'm' | 'h'];
}

function parseDeployArgs(argv: string[]): { args: DeployArgs; values: Record<string, unknown> } {
  const { values, positionals } = parse('deploy', argv, {
    ...AWS_OPTION_SPECS,
    cluster: { type: 'string' },
    service: { type: 'string' },
    'task-definition': { type: 'string' },
    'force-new-deployment': { type: 'boolean', default: false },
    wait: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30m' },
    yes: { type: 'boolean', short: 'y', default: false },
    force: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`deploy takes no file argument (use --task-definition ${positionals[0]})`);
  const args: DeployArgs = {
    cluster: required(values, 'cluster'),
    service: required(values, 'service'),
    taskDefinition: required(values, 'task-definition'),
    forceNewDeployment: values['force-new-deployment'] === true,
    wait: values.wait === true,
    timeoutMs: parseDuration(String(values.timeout)),
    yes: values.yes === true,
    force: values.force === true,
  };
  return { args, values };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** What tests change about watching: the clock and the waits (the local endpoint's simulated time). */
export type WatchHooks = Pick<WatchOptions, 'now' | 'sleep' | 'intervalMs'>;

/** Runs `ecs-lens deploy`; returns the exit code. */
export function deployCommand(argv: string[], io: CommandIO, hooks: WatchHooks = {}): Promise<number> {
  return runCommand(io, 'deploy', async () => {
    const { args, values } = parseDeployArgs(argv);
    const aws = readAwsOptions(values);
    const name = `${args.cluster}/${args.service}`;
    const file = isFile(args.taskDefinition) ? args.taskDefinition : undefined;
    const prepared = file ? readPrepared(file) : undefined;
    if (file && prepared) {
      if (prepared.kind !== undefined && prepared.kind !== 'task-definition') throw new CommandFailure(2, `${file} is not a task definition: --task-definition takes a task-definition file, ARN or family:revision.`);
      checkPrepared(io, 'deploy', file, prepared, args.force);
    }
    const conn = await connect(aws, io);
    const gw = conn.gw;
    const o = { signal: io.signal };

    // A file: its diff, and a new revision to register unless it matches the latest. A reference: that revision.
    let register: TaskDefinitionPlan | undefined;
    let existing: TaskDefinition | undefined;
    let service: Service;
    if (prepared) {
      const [tdPlan, found] = await Promise.all([planTaskDefinition(gw, prepared, { ...o, fileLabel: file }), deployableService(gw, args.cluster, args.service, o)]);
      service = found;
      io.out(tdPlan.diff);
      if (tdPlan.live && !tdPlan.changed) {
        existing = tdPlan.live.taskDefinition;
        io.err(`ecs-lens deploy: ${file} matches ${revisionName(existing.arn)}: nothing to register, deploying that revision.\n`);
      } else register = tdPlan;
    } else {
      const planned = await planDeployment(gw, { cluster: args.cluster, service: args.service, taskDefinition: args.taskDefinition }, o);
      service = planned.service;
      existing = planned.taskDefinition;
    }
    const current = revisionName(service.deployments.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition);
    if (existing && current === revisionName(existing.arn) && !args.forceNewDeployment) {
      io.out(`${name} already runs ${current}: nothing to deploy (--force-new-deployment starts new tasks anyway).\n`);
      return 0;
    }
    const question = register
      ? `Register a new revision of "${register.family}"${register.live ? ` (changes: ${summarizeChanges(register.changes)})` : ''} and deploy it to service ${name} (now ${current}) in ${conn.where}?`
      : `Deploy ${revisionName(existing?.arn ?? '')} to service ${name} (now ${current})${args.forceNewDeployment ? ' with new tasks' : ''} in ${conn.where}?`;
    await confirmChange(io, args.yes, question);

    let registered: TaskDefinitionDescription | undefined;
    if (register) {
      try {
        registered = await applyTaskDefinition(gw, register, o);
      } catch (e) {
        throw awsFailure(e, 'Nothing was registered and the service was not changed.');
      }
      io.out(`Registered ${registered.taskDefinition.arn} (revision ${registered.taskDefinition.revision})\n`);
    }
    const td = registered?.taskDefinition ?? existing;
    if (!td) throw new CommandFailure(2, 'no revision to deploy.');
    const arn = td.arn;
    let started;
    try {
      started = await startDeployment(gw, deploymentPlan(args.cluster, service, td), { ...o, forceNewDeployment: args.forceNewDeployment });
    } catch (e) {
      throw awsFailure(e, registered ? `${arn} was registered, but the service was not updated: run deploy again with --task-definition ${arn}.` : 'The service was not updated.');
    }
    const primary = started.deployments.find((d) => d.status === 'PRIMARY');
    io.out(`Deployment started: ${name} → ${revisionName(arn)}${primary ? ` (deployment ${primary.id})` : ''}\n`);
    if (!args.wait) return 0;

    const print = progressPrinter();
    try {
      const result = await watchRollout(gw, { ...hooks, cluster: args.cluster, service: args.service, started, taskDefinition: arn, timeoutMs: args.timeoutMs, signal: io.signal, onProgress: (p) => io.out(print(p)) });
      io.out(formatOutcome(result, args.cluster, args.service));
      return outcomeExitCode(result);
    } catch (e) {
      throw awsFailure(e, 'Watching stopped; the deployment goes on.', 2);
    }
  });
}
