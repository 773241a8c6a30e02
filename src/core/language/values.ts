/**
 * Values whose meaning is not obvious from the text: a dynamic host port, task sizes in units, ARNs, secret
 * references and image references. Each explainer returns Markdown, or undefined when it has nothing to add.
 */
import { fargateCpuChoices, fargateMemoryChoices, taskCpuUnits, taskMemoryMiB } from '../facts/sizes';
import type { JsonPath } from '../types';

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): Arn | undefined {
  const m = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|)?:(.+)$/.exec(value.trim());
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4] ?? '', resource: m[5] };
}

const SERVICES: Record<string, string> = {
  iam: 'IAM',
  secretsmanager: 'Secrets Manager',
  ssm: 'Systems Manager',
  elasticloadbalancing: 'Elastic Load Balancing',
  ecs: 'Amazon ECS',
  logs: 'CloudWatch Logs',
  kms: 'AWS KMS',
  elasticfilesystem: 'Amazon EFS',
  servicediscovery: 'AWS Cloud Map',
  s3: 'Amazon S3',
  ecr: 'Amazon ECR',
  'acm-pca': 'AWS Private CA',
  cloudwatch: 'CloudWatch',
  ec2: 'Amazon EC2',
  fsx: 'Amazon FSx',
  'vpc-lattice': 'VPC Lattice',
  sns: 'Amazon SNS',
  lambda: 'AWS Lambda',
};

/** What an ARN names, in words. */
function resourceText(arn: Arn): string {
  const [type, ...rest] = arn.resource.split(/[/:]/);
  const name = rest.join('/') || type;
  switch (arn.service) {
    case 'iam':
      return type === 'role' ? `the IAM role \`${name}\`` : `the IAM ${type} \`${name}\``;
    case 'secretsmanager':
      return `the Secrets Manager secret \`${secretName(rest.join(':'))}\``;
    case 'ssm':
      return type === 'parameter' ? `the Parameter Store parameter \`/${rest.join('/')}\`` : `the Systems Manager ${type} \`${name}\``;
    case 'elasticloadbalancing':
      if (type === 'targetgroup') return `the target group \`${rest[0]}\``;
      if (type === 'loadbalancer') return `the ${rest[0] === 'app' ? 'Application' : rest[0] === 'net' ? 'Network' : rest[0] === 'gwy' ? 'Gateway' : 'Classic'} Load Balancer \`${rest[1] ?? name}\``;
      return `the load-balancing resource \`${arn.resource}\``;
    case 'ecs':
      return `the ECS ${type.replace(/-/g, ' ')} \`${name}\``;
    case 'logs':
      return `the log group \`${rest[0] ?? name}\``;
    case 'elasticfilesystem':
      return `the EFS ${type.replace(/-/g, ' ')} \`${name}\``;
    case 's3':
      return `the S3 object \`${arn.resource}\``;
    default:
      return `the ${SERVICES[arn.service] ?? arn.service} resource \`${arn.resource}\``;
  }
}

/** Secrets Manager appends six random characters to a secret's name in its ARN: `db-AbCdEf` → `db`. */
function secretName(afterSecret: string): string {
  const name = afterSecret.split(':')[0];
  return /-[A-Za-z0-9]{6}$/.test(name) ? name.slice(0, -7) : name;
}

export function explainArn(value: string): string | undefined {
  const arn = parseArn(value);
  if (!arn) return undefined;
  const where = [
    arn.account ? `account \`${arn.account}\`` : undefined,
    arn.region ? `Region \`${arn.region}\`` : arn.service === 'iam' ? 'global (IAM has no Region)' : undefined,
    arn.partition !== 'aws' ? `partition \`${arn.partition}\`` : undefined,
  ].filter(Boolean);
  return `ARN of ${resourceText(arn)} (${SERVICES[arn.service] ?? arn.service})${where.length ? `, in ${where.join(', ')}` : ''}.`;
}

/** A secret's `valueFrom` (or a repository credential): which store, which secret, which JSON key and version. */
export function explainSecretReference(value: string): string {
  const arn = parseArn(value);
  if (arn?.service === 'secretsmanager') {
    // arn:aws:secretsmanager:region:account:secret:name-AbCdEf[:json-key[:version-stage[:version-id]]]
    const [, name, jsonKey, stage, versionId] = arn.resource.split(':');
    const parts = [`Secrets Manager secret \`${secretName(name ?? '')}\` in account \`${arn.account}\`, Region \`${arn.region}\``];
    if (jsonKey) parts.push(`the value of its JSON key \`${jsonKey}\``);
    if (stage) parts.push(`version stage \`${stage}\``);
    if (versionId) parts.push(`version \`${versionId}\``);
    if (!jsonKey) parts.push('the whole secret string');
    return `Read from the ${parts.join(', ')}. The execution role needs \`secretsmanager:GetSecretValue\` on it (and \`kms:Decrypt\` for a customer-managed key). The value is fetched once, when the task starts.`;
  }
  if (arn?.service === 'ssm') {
    return `Read from the Parameter Store parameter \`/${arn.resource.replace(/^parameter\//, '')}\` in account \`${arn.account}\`, Region \`${arn.region}\`. The execution role needs \`ssm:GetParameters\` (and \`kms:Decrypt\` for a SecureString with a customer-managed key). The value is fetched once, when the task starts.`;
  }
  if (arn) return `${explainArn(value) ?? ''} Secrets come from Secrets Manager or Parameter Store ARNs.`;
  return `A Parameter Store parameter name. A bare name only works for a parameter in the task's own Region and account; use the full ARN for any other. The execution role needs \`ssm:GetParameters\` on it.`;
}

export interface ImageReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** `[registry/]repository[:tag][@digest]`, with Docker Hub as the registry when none is named. */
export function parseImage(value: string): ImageReference | undefined {
  const ref = value.trim();
  if (!ref || /\s/.test(ref)) return undefined;
  const [nameAndTag, digest] = ref.split('@');
  const slash = nameAndTag.indexOf('/');
  const first = slash === -1 ? '' : nameAndTag.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasRegistry ? first : 'docker.io';
  let rest = hasRegistry ? nameAndTag.slice(slash + 1) : nameAndTag;
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

export function explainImage(value: string): string | undefined {
  const image = parseImage(value);
  if (!image) return undefined;
  const ecr = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(image.registry);
  let where: string;
  if (ecr) {
    where = `Amazon ECR private registry of account \`${ecr[1]}\` in \`${ecr[3]}\`, repository \`${image.repository}\`. The execution role (Fargate) or instance role (EC2) pulls it with ECR permissions; tasks in private subnets need a NAT gateway or ECR and S3 VPC endpoints.`;
  } else if (image.registry === 'public.ecr.aws') {
    where = `Amazon ECR Public Gallery, repository \`${image.repository}\`. No credentials are needed to pull it.`;
  } else if (image.registry === 'docker.io') {
    where = `Docker Hub, repository \`${image.repository}\`${image.repository.startsWith('library/') ? ' (an official image)' : ''}. Anonymous pulls are rate-limited; for a private repository, add \`repositoryCredentials\`.`;
  } else {
    where = `the registry \`${image.registry}\`, repository \`${image.repository}\`. A private registry other than ECR needs \`repositoryCredentials\` (a Secrets Manager secret with \`username\` and \`password\`).`;
  }
  let version: string;
  if (image.digest) version = `Pinned by digest \`${image.digest.slice(0, 19)}…\`: every task runs exactly this image.`;
  else if (!image.tag) version = 'No tag: Docker pulls `latest`, which can change between deployments. ECS records the digest at deployment (version consistency), but pin a version to make rollbacks meaningful.';
  else if (image.tag === 'latest') version = 'Tag `latest` moves whenever someone pushes; pin a version tag or a digest so a rollback runs the old code.';
  else version = `Tag \`${image.tag}\`. Tags can be moved; ECS resolves it to a digest when a deployment starts (unless versionConsistency is disabled).`;
  return `Image from the ${where}\n\n${version}`;
}

function vcpu(units: number): string {
  return `${Number((units / 1024).toFixed(3))} vCPU`;
}

function memoryList(values: readonly number[]): string {
  if (values.length <= 4) return values.join(', ');
  return `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}

/** Task-level `cpu` and `memory` in the units ECS reads, and the Fargate sizes that go with them. */
export function explainTaskSize(member: 'cpu' | 'memory', value: unknown): string | undefined {
  if (member === 'cpu') {
    const units = taskCpuUnits(value);
    if (units === undefined) return undefined;
    const memory = fargateMemoryChoices(units);
    return `${units} CPU units = ${vcpu(units)}.${memory ? ` On Fargate this size allows memory ${memoryList(memory)} MiB.` : ' Not a Fargate size (256, 512, 1024, 2048, 4096, 8192 or 16384); on EC2 any value from 128 to 196608 works.'}`;
  }
  const mib = taskMemoryMiB(value);
  if (mib === undefined) return undefined;
  const cpus = fargateCpuChoices(mib);
  return `${mib} MiB${mib >= 1024 ? ` = ${Number((mib / 1024).toFixed(2))} GiB` : ''}.${cpus.length ? ` On Fargate it goes with cpu ${cpus.map((c) => `"${c}" (${vcpu(c)})`).join(' or ')}.` : ' No Fargate size has exactly this memory.'}`;
}

/** `hostPort`: dynamic (0 or absent, bridge mode) or fixed. */
export function explainHostPort(value: unknown, networkMode: string | undefined): string | undefined {
  if (typeof value !== 'number') return undefined;
  const mode = networkMode ?? 'bridge';
  if (value === 0) {
    return mode === 'bridge'
      ? 'A **dynamic host port**: Docker picks a free port from the instance\'s ephemeral range when the task starts, so several copies of this task fit on one instance. A load balancer target group learns the port from ECS.'
      : `In \`${mode}\` mode there is no port translation: 0 means "not set", and ECS uses the container port.`;
  }
  return mode === 'bridge'
    ? `A fixed host port: only one task using port ${value} can run on each instance. Omit it or use 0 for a dynamic port.`
    : `In \`${mode}\` mode the host port must equal the container port (or be left out).`;
}

/** The explainer for a value at a path (relative to the task definition or service), if one applies. */
export function explainValue(kind: 'task-definition' | 'service', path: JsonPath, value: unknown, target: Record<string, unknown>): string | undefined {
  const key = path[path.length - 1];
  if (kind === 'task-definition') {
    if (path.length === 1 && (key === 'cpu' || key === 'memory')) return explainTaskSize(key, value);
    if (key === 'hostPort') return explainHostPort(value, typeof target.networkMode === 'string' ? target.networkMode : undefined);
    if (key === 'image' && path[0] === 'containerDefinitions' && typeof value === 'string') return explainImage(value);
    if (key === 'valueFrom' && typeof value === 'string') return explainSecretReference(value);
    if (key === 'credentialsParameter' && typeof value === 'string') return explainSecretReference(value);
  }
  if (typeof value === 'string' && value.startsWith('arn:')) return explainArn(value);
  return undefined;
}
