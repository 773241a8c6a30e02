/**
 * Injected errors: a rule answers matching calls with an ECS error instead of running them, e.g.
 * AccessDeniedException for every call scoped to one cluster (the tree must show that cluster's error next to
 * the working ones), or a ServerException for the next two DescribeServices calls.
 */
import { lastSegment } from './arns';
import { EcsError } from './errors';

export interface FaultRule {
  /** Actions the rule applies to; every action when omitted. */
  operations?: string[];
  /** Only calls whose `cluster` member names this cluster (by name or ARN). */
  cluster?: string;
  /** Only calls signed with this access key id. */
  accessKeyId?: string;
  /** Only calls to this region. */
  region?: string;
  /** The error's `__type`, e.g. AccessDeniedException, ServerException, ThrottlingException. */
  code: string;
  message?: string;
  /** HTTP status; 500 for ServerException, 400 otherwise. */
  status?: number;
  /** Fire this many times, then stop; always when omitted. */
  times?: number;
}

export interface CallInfo {
  operation: string;
  region: string;
  accessKeyId: string;
  principalArn: string;
  cluster?: string;
  resourceArn: string;
}

export class Faults {
  private rules: { rule: FaultRule; fired: number }[] = [];

  add(rule: FaultRule): void {
    if (typeof rule.code !== 'string' || rule.code === '') throw new Error('a fault rule needs a code (the error __type)');
    this.rules.push({ rule: { ...rule }, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): (FaultRule & { fired: number })[] {
    return this.rules.map((r) => ({ ...r.rule, fired: r.fired }));
  }

  /** The error the first matching rule answers with, if any. */
  match(call: CallInfo): EcsError | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      if (rule.operations && !rule.operations.includes(call.operation)) continue;
      if (rule.cluster !== undefined && (call.cluster === undefined || lastSegment(call.cluster) !== lastSegment(rule.cluster))) continue;
      if (rule.accessKeyId !== undefined && rule.accessKeyId !== call.accessKeyId) continue;
      if (rule.region !== undefined && rule.region !== call.region) continue;
      entry.fired++;
      return new EcsError(rule.code, rule.message ?? defaultMessage(rule.code, call), rule.status ?? (rule.code === 'ServerException' ? 500 : 400));
    }
    return undefined;
  }
}

function defaultMessage(code: string, call: CallInfo): string {
  switch (code) {
    case 'AccessDeniedException':
      return `User: ${call.principalArn} is not authorized to perform: ecs:${call.operation} on resource: ${call.resourceArn} because no identity-based policy allows the ecs:${call.operation} action`;
    case 'ThrottlingException':
      return 'Rate exceeded';
    case 'ServerException':
      return 'Service Unavailable. Please try again later.';
    default:
      return `${code} (injected)`;
  }
}
