/**
 * ARNs in ECS's real formats (the "long" formats every account has used since 2021) and the random parts of
 * identifiers. Identifiers come from a seeded generator, so the same seed always yields the same state.
 */

/** The ARN partition of a region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export class Arns {
  private readonly prefix: string;

  constructor(
    readonly region: string,
    readonly account: string,
  ) {
    this.prefix = `arn:${partitionOf(region)}:ecs:${region}:${account}:`;
  }

  cluster(name: string): string {
    return `${this.prefix}cluster/${name}`;
  }
  service(cluster: string, name: string): string {
    return `${this.prefix}service/${cluster}/${name}`;
  }
  task(cluster: string, id: string): string {
    return `${this.prefix}task/${cluster}/${id}`;
  }
  container(cluster: string, taskId: string, id: string): string {
    return `${this.prefix}container/${cluster}/${taskId}/${id}`;
  }
  containerInstance(cluster: string, id: string): string {
    return `${this.prefix}container-instance/${cluster}/${id}`;
  }
  taskDefinition(family: string, revision: number): string {
    return `${this.prefix}task-definition/${family}:${revision}`;
  }
  serviceDeployment(cluster: string, service: string, id: string): string {
    return `${this.prefix}service-deployment/${cluster}/${service}/${id}`;
  }
  serviceRevision(cluster: string, service: string, id: string): string {
    return `${this.prefix}service-revision/${cluster}/${service}/${id}`;
  }
  capacityProvider(name: string): string {
    return `${this.prefix}capacity-provider/${name}`;
  }
}

/**
 * The last path segment of an ARN, or the value itself when it is a plain name or id: ECS accepts either
 * for clusters, services, tasks and container instances.
 */
export function lastSegment(nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const resource = nameOrArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The cluster named inside a long-format ARN (`.../task/CLUSTER/ID`), if there is one. */
export function clusterInArn(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':').slice(5).join(':').split('/');
  return parts.length >= 3 ? parts[1] : undefined;
}

/** A small, seedable PRNG (mulberry32): reproducible ids for reproducible tests. */
export class Ids {
  private state: number;

  constructor(seed = 0x5eed) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }

  digits(length: number): string {
    let s = String(1 + Math.floor(this.next() * 9));
    while (s.length < length) s += String(Math.floor(this.next() * 10));
    return s;
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
  }

  /** Task ids: 32 hex digits. */
  taskId(): string {
    return this.hex(32);
  }

  /** `ecs-svc/` and 19 digits: the id of an entry in a service's deployments[]. */
  deploymentId(): string {
    return `ecs-svc/${this.digits(19)}`;
  }

  /** Service-deployment ids: 21 URL-safe characters. */
  serviceDeploymentId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < 21; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}
