/**
 * `ecs-lens diff FILE`: a unified diff of what is live and the file, both in the canonical form (so only real
 * changes show). A task definition is compared with the latest ACTIVE revision of its family, a service file
 * with the live service it names (`cluster` + `serviceName`). Reads only. Exit 0 equal, 1 different, 2 problems.
 */
import { planService, planTaskDefinition } from '../aws/register';
import { parse, UsageError } from './args';
import { AWS_OPTION_SPECS, readAwsOptions } from './aws-options';
import { awsFailure, CommandFailure, connect, readPrepared, runCommand } from './aws-flow';
import type { CommandIO } from './io';

/** The command's lines in `ecs-lens --help`. */
export const DIFF_USAGE = `diff FILE [options]        Compare a task-definition or service file with what is live (exit 1 when different).

Options for diff: the AWS options.`;

/** Runs `ecs-lens diff`; returns the exit code. */
export function diffCommand(argv: string[], io: CommandIO): Promise<number> {
  return runCommand(io, 'diff', async () => {
    const { values, positionals } = parse('diff', argv, AWS_OPTION_SPECS);
    if (positionals.length !== 1) throw new UsageError('diff takes one file');
    const aws = readAwsOptions(values);
    const file = positionals[0];
    const prepared = readPrepared(file);
    // Only what makes a comparison meaningless stops a diff; lint errors and placeholders are only mentioned.
    const stop = prepared.blockers.find((b) => b.reason === 'syntax' || b.reason === 'not-ecs' || b.reason === 'several' || b.reason === 'name');
    if (stop) throw new CommandFailure(2, stop.message);
    if (prepared.errors.length > 0) io.err(`ecs-lens diff: ${file} has ${prepared.errors.length} lint error(s): run \`ecs-lens lint ${file}\`.\n`);
    if (prepared.normalized.placeholders.length > 0) io.err(`ecs-lens diff: ${file} still holds template placeholders: the diff shows them as written.\n`);
    try {
      const conn = await connect(aws, io);
      const plan = prepared.kind === 'service' ? await planService(conn.gw, prepared, { fileLabel: file, signal: io.signal }) : await planTaskDefinition(conn.gw, prepared, { fileLabel: file, signal: io.signal });
      io.out(plan.diff);
      if (!plan.changed) {
        const live = plan.kind === 'service' ? `the live service ${plan.clusterName}/${plan.serviceName}` : `${plan.family}:${plan.live?.taskDefinition.revision}`;
        io.err(`ecs-lens diff: no differences: ${file} matches ${live}.\n`);
      }
      return plan.changed ? 1 : 0;
    } catch (e) {
      throw awsFailure(e, '', 2);
    }
  });
}
