/**
 * `ecs-lens register FILE [--dry-run] [--yes] [--force]`: a task-definition file becomes a new revision of its
 * family; a service file creates its service, or updates it when it exists. Lint first (errors block unless
 * --force; placeholders and broken JSON always block), the diff against what is live, a confirmation, the one
 * mutating call, and its outcome. `--dry-run` prints the request input and the diff and sends nothing.
 */
import { applyService, applyTaskDefinition, planService, planTaskDefinition, type ServicePlan, type TaskDefinitionPlan } from '../aws/register';
import { summarizeChanges } from '../core/normalize/changes';
import type { PreparedFile } from '../core/normalize/prepare';
import { parse, UsageError } from './args';
import { AWS_OPTION_SPECS, readAwsOptions } from './aws-options';
import { awsFailure, checkPrepared, confirmChange, connect, type Connection, readPrepared, runCommand } from './aws-flow';
import type { CommandIO } from './io';

/** The command's lines in `ecs-lens --help`. */
export const REGISTER_USAGE = `register FILE [options]    Register a task-definition revision, or create or update the service of a service file.

Options for register (and the AWS options):
  --dry-run                 Print the request input and the diff against what is live; send nothing.
  --yes                     Go ahead without asking (the only way to change anything without a terminal).
  --force                   Send despite lint errors (template placeholders and broken JSON still stop it).`;

interface RegisterArgs {
  file: string;
  dryRun: boolean;
  yes: boolean;
  force: boolean;
}

const OPTION_SPECS = {
  ...AWS_OPTION_SPECS,
  'dry-run': { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  force: { type: 'boolean', default: false },
} as const;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function registerTaskDefinition(io: CommandIO, conn: Connection, args: RegisterArgs, prepared: PreparedFile): Promise<number> {
  const plan: TaskDefinitionPlan = await planTaskDefinition(conn.gw, prepared, { fileLabel: args.file, signal: io.signal });
  const live = plan.live?.taskDefinition;
  if (args.dryRun) {
    io.out(`${json(plan.input)}\n${plan.diff || `(no changes against ${plan.family}:${live?.revision})\n`}`);
    io.err(`ecs-lens register: dry run: RegisterTaskDefinition was not sent.\n`);
    return 0;
  }
  io.out(plan.diff);
  if (!plan.changed && live) {
    io.out(`No changes: ${args.file} matches ${plan.family}:${live.revision}; nothing was registered.\n${live.arn}\n`);
    return 0;
  }
  const what = live ? `a new revision of family "${plan.family}" (latest ACTIVE: ${live.revision}; changes: ${summarizeChanges(plan.changes)})` : `the first ACTIVE revision of family "${plan.family}"`;
  await confirmChange(io, args.yes, `Register ${what} in ${conn.where}?`);
  try {
    const { taskDefinition } = await applyTaskDefinition(conn.gw, plan, { signal: io.signal });
    io.out(`Registered ${taskDefinition.arn} (revision ${taskDefinition.revision})\n`);
    return 0;
  } catch (e) {
    throw awsFailure(e, 'Nothing was registered.');
  }
}

async function createOrUpdateService(io: CommandIO, conn: Connection, args: RegisterArgs, prepared: PreparedFile): Promise<number> {
  const plan: ServicePlan = await planService(conn.gw, prepared, { fileLabel: args.file, signal: io.signal });
  const name = `${plan.clusterName}/${plan.serviceName}`;
  const call = plan.action === 'create' ? 'CreateService' : 'UpdateService';
  if (args.dryRun) {
    io.out(`${json(plan.input)}\n${plan.diff || `(no changes against the live service ${name})\n`}`);
    io.err(`ecs-lens register: dry run: ${call} was not sent.\n`);
  } else {
    io.out(plan.diff);
  }
  if (plan.leftOut.length > 0) io.err(`ecs-lens register: not sent, as UpdateService does not take them: ${plan.leftOut.join(', ')}.\n`);
  if (plan.leftOutChanged.length > 0) {
    io.err(`ecs-lens register: UpdateService cannot apply the file's ${plan.leftOutChanged.join(', ')} (different from the live service's): for tags use TagResource; other members need the service created again.\n`);
  }
  if (args.dryRun) return 0;
  if (plan.action === 'update' && !plan.changed) {
    io.out(`No changes: ${args.file} matches the live service ${name}; nothing was updated.\n`);
    return 0;
  }
  await confirmChange(io, args.yes, plan.action === 'create' ? `Create service "${plan.serviceName}" in cluster ${plan.clusterName} (${conn.where})?` : `Update service ${name} (changes: ${summarizeChanges(plan.changes)}) in ${conn.where}?`);
  try {
    const service = await applyService(conn.gw, plan, { signal: io.signal });
    const primary = service.deployments.find((d) => d.status === 'PRIMARY');
    io.out(`${plan.action === 'create' ? 'Created' : 'Updated'} ${service.serviceArn}${primary ? ` (deployment ${primary.id}: ${primary.taskDefinition.slice(primary.taskDefinition.lastIndexOf('/') + 1)})` : ''}\n`);
    return 0;
  } catch (e) {
    throw awsFailure(e, plan.action === 'create' ? 'The service was not created.' : 'The service was not updated.');
  }
}

/** Runs `ecs-lens register`; returns the exit code. */
export function registerCommand(argv: string[], io: CommandIO): Promise<number> {
  return runCommand(io, 'register', async () => {
    const { values, positionals } = parse('register', argv, OPTION_SPECS);
    if (positionals.length !== 1) throw new UsageError('register takes one file');
    const aws = readAwsOptions(values);
    const args: RegisterArgs = { file: positionals[0], dryRun: values['dry-run'] === true, yes: values.yes === true, force: values.force === true };
    const prepared = readPrepared(args.file);
    checkPrepared(io, 'register', args.file, prepared, args.force);
    const conn = await connect(aws, io);
    return prepared.kind === 'service' ? createOrUpdateService(io, conn, args, prepared) : registerTaskDefinition(io, conn, args, prepared);
  });
}
