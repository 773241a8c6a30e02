/**
 * What every CLI command that talks to AWS shares: the `--profile`, `--region`, `--endpoint` and `--verbose`
 * options, the lazy load of the AWS layer (so that `ecs-lens lint` never loads the SDK), and how an AWS failure
 * becomes a one-line message and an exit code.
 *
 * Exit codes of AWS commands: 0 done, 1 AWS answered but refused or missed something (access denied on a
 * cluster, not found, ...), 2 usage errors and problems that stop everything (credentials, connection, region).
 */
import type * as AwsLayer from '../aws/index';
import { endpointProblem, isGatewayError, type GatewayLog, type GatewayOptions } from '../aws/gateway';

/** `parseArgs` option specs, to spread into a command's own. */
export const AWS_OPTION_SPECS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  verbose: { type: 'boolean', default: false },
} as const;

export const AWS_OPTIONS_HELP = `AWS options:
  --profile NAME            A profile of ~/.aws/config or ~/.aws/credentials (SSO and credential_process too).
                            Default: the SDK's default chain (AWS_PROFILE, environment variables, SSO, roles).
  --region REGION           Default: AWS_REGION, then the profile's region.
  --endpoint URL            A custom ECS endpoint (https, or http on localhost), e.g. \`npm run endpoint\`'s.
  --verbose                 Print every AWS call (operation, outcome, time) to stderr; never credentials.
`;

export interface AwsCliOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  verbose: boolean;
}

/** A problem with the command line: exit code 2, the message and the usage. */
export class AwsUsageError extends Error {}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const PROFILE = /^[\w.@+=,-]+$/;

/** Validates the parsed AWS options. */
export function readAwsOptions(values: { profile?: string; region?: string; endpoint?: string; verbose?: boolean }): AwsCliOptions {
  const { profile, region, endpoint } = values;
  if (profile !== undefined && !PROFILE.test(profile)) throw new AwsUsageError(`--profile "${profile}" is not a profile name`);
  if (region !== undefined && !REGION.test(region)) throw new AwsUsageError(`--region "${region}" is not a region name (for example us-east-1)`);
  const problem = endpoint === undefined ? undefined : endpointProblem(endpoint);
  if (problem) throw new AwsUsageError(`--endpoint: ${problem}`);
  return { profile, region, endpoint, verbose: values.verbose === true };
}

/** Gateway options for the CLI options; without --profile and --region the SDK's default chain and AWS_REGION apply. */
export function gatewayOptions(o: AwsCliOptions, log?: GatewayLog): GatewayOptions {
  return {
    credentials: o.profile ? { kind: 'profile', profile: o.profile } : { kind: 'default' },
    ...(o.region ? { region: o.region } : {}),
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    ...(log ? { log } : {}),
  };
}

/**
 * Loads the AWS layer (and with it the SDK) on first use. A plain `require` rather than `import()`: it stays
 * synchronous CommonJS under tsx, esbuild and Node alike (the bundle makes this the separate dist/aws.js).
 */
export async function loadAws(): Promise<typeof AwsLayer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../aws/index') as typeof AwsLayer;
}

/** Exit code 2 when nothing can work until the user acts (credentials, connection, region), 1 otherwise. */
export function exitCodeFor(e: unknown): 1 | 2 {
  return isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem) ? 2 : 1;
}

/** The one-line message for a failure, with the command that fixes it when there is one. */
export function failureLine(e: unknown): string {
  if (isGatewayError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}
