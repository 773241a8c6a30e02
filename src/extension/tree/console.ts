/**
 * AWS console URLs for ECS resources, from their ARNs (no vscode import). The partition in the ARN picks the
 * console (aws, aws-cn, aws-us-gov); the region goes into the host where the console expects it and into
 * `?region=` always, so the console never opens on another region's empty page.
 */

export interface ParsedArn {
  partition: string;
  region: string;
  account: string;
  /** `cluster`, `service`, `task`, `container-instance`, `task-definition`, `service-deployment`. */
  type: string;
  /** The path after the type: `prod`, `prod/web`, `web:12`. */
  path: string[];
}

export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:([\w-]+):ecs:([\w-]+):(\d{12}):([\w-]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, account: m[3]!, type: m[4]!, path: m[5]!.split('/') };
}

/** The console's origin for a partition and region, or undefined where there is no public console. */
export function consoleOrigin(partition: string, region: string): string | undefined {
  switch (partition) {
    case 'aws':
      return `https://${region}.console.aws.amazon.com`;
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    default:
      return undefined;
  }
}

const e = encodeURIComponent;

/**
 * The console page of the resource an ARN names. `cluster` is the cluster name for ARNs in the old format
 * (`service/NAME`, `task/ID`), which do not carry it.
 */
export function consoleUrl(arn: string, cluster?: string): string | undefined {
  const a = parseArn(arn);
  if (!a) return undefined;
  const origin = consoleOrigin(a.partition, a.region);
  if (!origin) return undefined;
  const q = `?region=${e(a.region)}`;
  const base = `${origin}/ecs/v2`;
  const [first, second] = a.path;
  // New-format ARNs name the cluster first (`service/CLUSTER/NAME`); old ones only the resource.
  const inCluster = (): [string | undefined, string | undefined] => (a.path.length >= 2 ? [first, second] : [cluster, first]);
  switch (a.type) {
    case 'cluster':
      return `${base}/clusters/${e(first!)}/services${q}`;
    case 'service': {
      const [c, s] = inCluster();
      return c && s ? `${base}/clusters/${e(c)}/services/${e(s)}/health${q}` : undefined;
    }
    case 'task': {
      const [c, id] = inCluster();
      return c && id ? `${base}/clusters/${e(c)}/tasks/${e(id)}/configuration${q}` : undefined;
    }
    case 'container-instance': {
      const [c] = inCluster();
      return c ? `${base}/clusters/${e(c)}/infrastructure${q}` : undefined;
    }
    case 'task-definition': {
      const m = /^(.+):(\d+)$/.exec(first ?? '');
      return m ? `${base}/task-definitions/${e(m[1]!)}/${m[2]}/containers${q}` : `${base}/task-definitions/${e(first ?? '')}${q}`;
    }
    case 'service-deployment':
      return a.path.length >= 3 ? `${base}/clusters/${e(first!)}/services/${e(second!)}/deployments${q}` : undefined;
    default:
      return undefined;
  }
}

/** The console page of a task-definition family (no ARN names a family). */
export function familyConsoleUrl(partition: string, region: string, family: string): string | undefined {
  const origin = consoleOrigin(partition, region);
  return origin ? `${origin}/ecs/v2/task-definitions/${e(family)}?region=${e(region)}` : undefined;
}

/** The partition of a region: cn-* in aws-cn, us-gov-* in aws-us-gov, the rest in aws. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso')) return region.startsWith('us-isob') ? 'aws-iso-b' : 'aws-iso';
  return 'aws';
}
