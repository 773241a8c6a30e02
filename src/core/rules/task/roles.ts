/** The task execution role: what needs it (secrets, registry credentials, awslogs and ECR on Fargate). */
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS, isFargate } from '../../facts';
import { asArray, containerLabel, containers, fixTarget, isObj, logDriver, str } from '../helpers';

/** Placeholder role the fix inserts; placeholder detection treats `<ACCOUNT_ID>` as "fill in later". */
export const EXECUTION_ROLE_PLACEHOLDER = 'arn:aws:iam::<ACCOUNT_ID>:role/ecsTaskExecutionRole';

/** A private Amazon ECR image: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/repo`. */
const PRIVATE_ECR = /^[^/]+\.dkr\.ecr(-fips)?\.[^/]+\.amazonaws\.com(\.cn)?\//;

interface Need {
  path: JsonPath;
  target: 'key' | 'value';
  reason: string;
  /** The AWS error this need produces, when known. */
  quote?: string;
}

function needs(td: Record<string, unknown>): Need[] {
  const out: Need[] = [];
  const fargate = isFargate(td);
  for (const { c, i, path } of containers(td)) {
    const who = containerLabel(c, i);
    if (asArray(c.secrets).length > 0) {
      out.push({
        path: [...path, 'secrets'],
        target: 'key',
        reason: `${who} reads secrets (ECS fetches them with the execution role)`,
        quote: `"When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."`,
      });
    }
    const log = isObj(c.logConfiguration) ? c.logConfiguration : undefined;
    if (log && asArray(log.secretOptions).length > 0) {
      out.push({ path: [...path, 'logConfiguration', 'secretOptions'], target: 'key', reason: `${who} reads log driver secretOptions (fetched with the execution role)` });
    }
    if (isObj(c.repositoryCredentials)) {
      out.push({ path: [...path, 'repositoryCredentials'], target: 'key', reason: `${who} pulls with repositoryCredentials (read from Secrets Manager with the execution role)` });
    }
    if (fargate && logDriver(c) === 'awslogs') {
      out.push({
        path: [...path, 'logConfiguration', 'logDriver'],
        target: 'value',
        reason: `${who} sends logs with awslogs on Fargate (Fargate writes to CloudWatch Logs with the execution role)`,
        quote: '"Fargate requires task definition to have execution role ARN to support log driver awslogs."',
      });
    }
    const image = str(c.image);
    if (fargate && image && PRIVATE_ECR.test(image)) {
      out.push({ path: [...path, 'image'], target: 'value', reason: `${who} pulls a private ECR image on Fargate (pulled with the execution role)` });
    }
  }
  return out;
}

const executionRoleRequired: Rule = {
  id: 'execution-role-required',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'executionRoleArn is required for secrets, registry credentials, and awslogs or ECR images on Fargate',
  docs: DOCS.executionRole,
  check(ctx) {
    const td = ctx.target.value;
    const role = td.executionRoleArn;
    // null (describe output) and "" (generators) are dropped or rejected before ECS sees a role.
    const missing = role === undefined || role === null || (typeof role === 'string' && role.trim() === '');
    if (!missing) return;
    const found = needs(td);
    if (found.length === 0) return;
    const [first] = found;
    const reasons = found.map((n) => n.reason);
    const shown = reasons.length > 3 ? [...reasons.slice(0, 3), `${reasons.length - 3} more`] : reasons;
    const quote = found.find((n) => n.quote)?.quote;
    const state = role === undefined ? 'has no executionRoleArn' : role === null ? 'has a null executionRoleArn' : 'has an empty executionRoleArn';
    ctx.report({
      path: first.path,
      target: first.target,
      message: `This task definition ${state}, but the ECS agent needs an execution role for it: ${shown.join('; ')}.${quote ? ` ECS rejects it: ${quote}` : ' Without the role the task cannot start.'} Note that taskRoleArn does not help here: it is for the application's own AWS calls.`,
    });
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    if (!found) return undefined;
    return [
      {
        title: 'Add "executionRoleArn" (placeholder: fill in your account and role)',
        changes: [{ path: [...found.target.at, 'executionRoleArn'], value: EXECUTION_ROLE_PLACEHOLDER }],
        // A placeholder only looks like a fix: fix-all must not hide the missing role behind it.
        certain: false,
      },
    ];
  },
};

export const roleRules: Rule[] = [executionRoleRequired];
