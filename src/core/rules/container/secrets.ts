/** Container secrets: valueFrom formats, unique names, no clash with plain environment variables. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { asArray, containerLabel, containers, isObj, type Obj, perTask, reportedPath, str, taskMemo } from '../helpers';

/** One named entry of a container's `secrets` or `environment`; its path is built only when a rule reports. */
class NamedEntry {
  constructor(
    readonly c: Obj,
    readonly i: number,
    private readonly containerPath: JsonPath,
    private readonly key: 'secrets' | 'environment',
    /** Index in the list. */
    readonly j: number,
    readonly name: string,
    readonly entry: Obj,
  ) {}

  /** Path of the entry (`secrets[j]` or `environment[j]`). */
  get path(): JsonPath {
    return [...this.containerPath, this.key, this.j];
  }
}

/** The entries of a container's `secrets` or `environment` list that have a string name. */
const entryCache = { secrets: taskMemo<NamedEntry[][]>('secrets'), environment: taskMemo<NamedEntry[][]>('environment') };

export function namedEntries(td: Obj, key: 'secrets' | 'environment'): NamedEntry[][] {
  // Several rules read the same lists; build them once per parsed task definition.
  return perTask(entryCache[key], td, () =>
    containers(td).map(({ c, i, path }) => {
      const list: NamedEntry[] = [];
      const entries = asArray(c[key]);
      for (let j = 0; j < entries.length; j++) {
        const e = entries[j];
        const name = isObj(e) ? str(e.name) : undefined;
        if (isObj(e) && name !== undefined && name !== '') list.push(new NamedEntry(c, i, path, key, j, name, e));
      }
      return list;
    }),
  );
}

/**
 * arnProblem's answers for the ARNs seen lately ('' for none): every version of a document is checked again
 * while it is edited, and taking an ARN apart costs far more than looking it up.
 */
const arnProblems = new Map<string, string>();

/** What is wrong with an ARN in `valueFrom`, or undefined when it has the shape of a secret or parameter ARN. */
export function arnProblem(arn: string): string | undefined {
  let problem = arnProblems.get(arn);
  if (problem === undefined) {
    if (arnProblems.size >= 256) arnProblems.clear();
    arnProblems.set(arn, (problem = readArnProblem(arn) ?? ''));
  }
  return problem === '' ? undefined : problem;
}

function readArnProblem(arn: string): string | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return 'it is not a complete ARN (arn:partition:service:region:account:resource)';
  const [, partition, service, region, account] = parts;
  if (!partition.startsWith('aws')) return `"${partition}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)`;
  if (service === 'secretsmanager') {
    if (parts[5] !== 'secret' || !parts[6]) return 'a Secrets Manager ARN continues with ":secret:<secret-name>" after the account';
    if (parts.length > 10) return 'after the secret name only ":json-key:version-stage:version-id" may follow';
  } else if (service === 'ssm') {
    if (!/^parameter\/./.test(parts.slice(5).join(':'))) return 'an SSM parameter ARN continues with ":parameter/<name>" after the account';
  } else {
    return `it is ${service ? `an ARN of "${service}"` : 'an ARN without a service'}, but secrets come only from Secrets Manager (secretsmanager) or SSM Parameter Store (ssm)`;
  }
  if (!region) return 'the region is missing';
  if (!account) return 'the account ID is missing';
  return undefined;
}

export const secretArnFormat: Rule = {
  id: 'secret-value-from-arn',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'An ARN in secrets[].valueFrom is a Secrets Manager secret or SSM parameter ARN',
  docs: DOCS.secret,
  check(ctx) {
    for (const list of namedEntries(ctx.target.value, 'secrets')) {
      for (const s of list) {
        const value = str(s.entry.valueFrom);
        if (value === undefined || !value.startsWith('arn:')) continue;
        // The placeholder test only for an ARN with a problem: most are well formed.
        const problem = arnProblem(value);
        if (!problem || containsPlaceholder(value)) continue;
        ctx.report({
          path: [...s.path, 'valueFrom'],
          message:
            `valueFrom of secret "${s.name}" (${containerLabel(s.c, s.i)}) is not a valid secret reference: ${problem}. ` +
            `Use arn:aws:secretsmanager:<region>:<account>:secret:<name>[:json-key:version-stage:version-id], ` +
            `arn:aws:ssm:<region>:<account>:parameter/<name>, or the name of an SSM parameter in the task's region.`,
        });
      }
    }
  },
};

export const secretParameterName: Rule = {
  id: 'secret-value-from-name',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'A plain secrets[].valueFrom is a valid SSM parameter name',
  docs: DOCS.secrets,
  check(ctx) {
    for (const list of namedEntries(ctx.target.value, 'secrets')) {
      for (const s of list) {
        const value = str(s.entry.valueFrom);
        if (value === undefined || value === '' || value.startsWith('arn:') || containsPlaceholder(value)) continue;
        if (/^[A-Za-z0-9_.\-/]+$/.test(value)) continue;
        ctx.report({
          path: [...s.path, 'valueFrom'],
          message:
            `valueFrom of secret "${s.name}" is not an ARN, so ECS looks it up as an SSM parameter name, but parameter ` +
            `names contain only letters, digits and "_", ".", "-", "/". The task would fail to start ("unable to pull ` +
            `secrets or registry auth"). Use the full ARN of the secret or parameter.`,
        });
      }
    }
  },
};

export const secretNameUnique: Rule = {
  id: 'secret-name-duplicate',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Secret names are unique within a container',
  docs: DOCS.secret,
  check(ctx) {
    for (const list of namedEntries(ctx.target.value, 'secrets')) {
      const seen = new Set<string>();
      for (const s of list) {
        if (!seen.has(s.name) || containsPlaceholder(s.name)) {
          seen.add(s.name);
          continue;
        }
        ctx.report({
          path: [...s.path, 'name'],
          message:
            `${containerLabel(s.c, s.i, true)} defines secret "${s.name}" more than once; each secret becomes one ` +
            `environment variable, so the names must be unique. ECS rejects this ("Duplicate secret names found: ${s.name}. ` +
            `Each secret name must be unique.").`,
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path ? [{ title: 'Remove this duplicate secret', changes: [{ path: path.slice(0, -1), remove: true }], certain: false }] : undefined;
  },
};

export const secretEnvironmentClash: Rule = {
  id: 'secret-environment-conflict',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A secret does not share its name with an environment variable',
  docs: DOCS.secrets,
  check(ctx) {
    const td = ctx.target.value;
    const environments = namedEntries(td, 'environment');
    namedEntries(td, 'secrets').forEach((list, k) => {
      const environment = environments[k];
      if (list.length === 0 || environment.length === 0) return;
      for (const s of list) {
        // The last variable of that name (a container has few secrets: a scan, not a map of every variable).
        let clash: (typeof environment)[number] | undefined;
        for (let e = environment.length - 1; e >= 0; e--) {
          if (environment[e].name === s.name) {
            clash = environment[e];
            break;
          }
        }
        if (!clash || containsPlaceholder(s.name)) continue;
        ctx.report({
          path: [...s.path, 'name'],
          message:
            `${containerLabel(s.c, s.i, true)} sets "${s.name}" both as a secret and as a plain environment variable. ` +
            `ECS rejects this ("The secret name must be unique and not shared with any new or existing environment ` +
            `variables set on the container"). Keep one of the two.`,
          data: { environmentPath: clash.path },
        });
      }
    });
  },
  fix(ctx) {
    const rel = ctx.diagnostic.data?.environmentPath;
    const path = reportedPath(ctx);
    if (!path || !Array.isArray(rel)) return undefined;
    // environmentPath is relative to the task definition; the secret's path tells where that sits.
    const at = path.slice(0, -6);
    return [{ title: 'Remove the plain environment variable (keep the secret)', changes: [{ path: [...at, ...(rel as JsonPath)], remove: true }], certain: false }];
  },
};

export const secretRules: Rule[] = [secretArnFormat, secretParameterName, secretNameUnique, secretEnvironmentClash];
