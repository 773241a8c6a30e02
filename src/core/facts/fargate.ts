/** What Fargate offers and what it does not: members, log drivers, capabilities, timeouts. */
import { schemaAt, taskDefinitionSchema } from '../schema/info';

/** Why each container member cannot be used on Fargate (no host to reach, no Docker daemon to configure). */
export const FARGATE_CONTAINER_PARAMETERS: Readonly<Record<string, string>> = {
  privileged: 'there is no host to grant access to',
  links: 'Fargate tasks use awsvpc mode, where containers reach each other on localhost',
  dnsServers: 'DNS comes from the VPC',
  dnsSearchDomains: 'DNS comes from the VPC',
  extraHosts: "the task's /etc/hosts is managed by Fargate",
  dockerSecurityOptions: 'there is no Docker daemon to pass them to',
  disableNetworking: 'every Fargate task is attached to its network interface',
};

/** linuxParameters members Fargate does not support, and why. */
export const FARGATE_LINUX_PARAMETERS: Readonly<Record<string, string>> = {
  devices: 'there are no host devices to map',
  sharedMemorySize: 'the shared memory size cannot be changed',
  tmpfs: 'tmpfs mounts are not available',
  maxSwap: 'Fargate has no swap',
  swappiness: 'Fargate has no swap',
};

/** The log drivers Fargate tasks can use. */
export const FARGATE_LOG_DRIVERS: ReadonlySet<string> = new Set(['awslogs', 'splunk', 'awsfirelens']);

/** Every log driver the ECS API accepts (the LogDriver enum). */
export const LOG_DRIVERS: ReadonlySet<string> = new Set(schemaAt(taskDefinitionSchema, ['containerDefinitions', 0, 'logConfiguration', 'logDriver'])?.enum ?? []);

/**
 * A log driver that ECS accepts in general but Fargate does not. A value that is no log driver at all is the
 * schema's to report (schema.enum), not Fargate's.
 */
export function isNonFargateLogDriver(driver: string): boolean {
  return LOG_DRIVERS.has(driver) && !FARGATE_LOG_DRIVERS.has(driver);
}

/** The only Linux capability a Fargate container may add (in either spelling). */
export const FARGATE_ADDABLE_CAPABILITIES: ReadonlySet<string> = new Set(['SYS_PTRACE', 'CAP_SYS_PTRACE']);

/** startTimeout and stopTimeout on Fargate, in seconds. */
export const FARGATE_TIMEOUT = { min: 2, max: 120 } as const;
