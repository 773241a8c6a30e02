/** Plain environment variables and environment files. */
import { containsPlaceholder } from '../../document/placeholders';
import type { FixProposal, Rule } from '../types';
import { namedEntries } from './secrets';
import { DOCS } from '../../facts';
import { asArray, changeReported, containerLabel, containers, isObj, reportedPath, str } from '../helpers';

/** The first entry before `end` named `name`. */
function firstBefore<T extends { name: string }>(list: readonly T[], end: number, name: string): T | undefined {
  for (let k = 0; k < end; k++) if (list[k].name === name) return list[k];
  return undefined;
}

/** The first entry of each name. */
function firstOccurrences<T extends { name: string }>(list: readonly T[]): Map<string, T> {
  const firsts = new Map<string, T>();
  for (const e of list) if (!firsts.has(e.name)) firsts.set(e.name, e);
  return firsts;
}

export const environmentDuplicate: Rule = {
  id: 'environment-duplicate',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Environment variable names are unique within a container',
  docs: DOCS.container('environment'),
  check(ctx) {
    for (const list of namedEntries(ctx.target.value, 'environment')) {
      // A container's variables are usually few: comparing names (most differ in length) costs less than hashing
      // each into a map. A long list gets one map of first occurrences.
      const firsts = list.length > 32 ? firstOccurrences(list) : undefined;
      for (let k = 1; k < list.length; k++) {
        const e = list[k];
        const first = firsts ? firsts.get(e.name) : firstBefore(list, k, e.name);
        // A name still to be rendered may differ from the other once it is.
        if (first === undefined || first === e || containsPlaceholder(e.name)) continue;
        const earlier = first.j;
        ctx.report({
          path: [...e.path, 'name'],
          message:
            `${containerLabel(e.c, e.i, true)} sets environment variable "${e.name}" more than once (first at ` +
            `environment[${earlier}]). The container gets only one of the values, so the other is silently lost. Keep one entry.`,
          data: { earlier, same: e.entry.value === first.entry.value },
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { earlier, same } = ctx.diagnostic.data ?? {};
    if (!path || typeof earlier !== 'number') return undefined;
    const list = path.slice(0, -2);
    const proposals: FixProposal[] = [
      { title: 'Remove the earlier entry (keep this value)', changes: [{ path: [...list, earlier], remove: true }], certain: same === true },
    ];
    if (same !== true) proposals.push({ title: 'Remove this entry (keep the earlier value)', changes: [{ path: path.slice(0, -1), remove: true }], certain: false });
    return proposals;
  },
};

const S3_OBJECT_ARN = /^arn:aws[a-z-]*:s3:::([^/]+)\/(.+)$/;

/** The partition the task already uses in its role ARNs (aws-cn, aws-us-gov), else "aws". */
function partitionOf(td: Record<string, unknown>): string {
  for (const key of ['executionRoleArn', 'taskRoleArn']) {
    const m = /^arn:(aws[a-z-]*):/.exec(str(td[key]) ?? '');
    if (m) return m[1];
  }
  return 'aws';
}

export const environmentFileArn: Rule = {
  id: 'environment-file-arn',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'environmentFiles[].value is the ARN of an S3 object',
  docs: DOCS.environmentFile,
  check(ctx) {
    const td = ctx.target.value;
    for (const { c, i, path } of containers(td)) {
      const files = asArray(c.environmentFiles);
      for (let j = 0; j < files.length; j++) {
        const f = files[j];
        const value = isObj(f) ? str(f.value) : undefined;
        if (value === undefined || containsPlaceholder(value) || S3_OBJECT_ARN.test(value)) continue;
        const s3Url = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
        const why = s3Url
          ? 'this is an s3:// URL, but ECS expects the object\'s ARN'
          : /^arn:aws[a-z-]*:s3:::[^/]*\/?$/.test(value)
            ? 'this is the ARN of a bucket, not of an object in it'
            : value.startsWith('arn:')
              ? 'this ARN does not name an S3 object'
              : 'this is not an ARN';
        ctx.report({
          path: [...path, 'environmentFiles', j, 'value'],
          message:
            `Environment file "${value}" of ${containerLabel(c, i)}: ${why}. ECS downloads environment files ` +
            `from S3 by object ARN, e.g. arn:aws:s3:::my-bucket/app.env; anything else cannot be fetched.`,
          data: s3Url ? { arn: `arn:${partitionOf(td)}:s3:::${s3Url[1]}/${s3Url[2]}` } : undefined,
        });
      }
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'arn', true);
  },
};

export const environmentFileExtension: Rule = {
  id: 'environment-file-extension',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Environment files have the .env extension',
  docs: DOCS.environmentFile,
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const files = asArray(c.environmentFiles);
      for (let j = 0; j < files.length; j++) {
        const f = files[j];
        const value = isObj(f) ? str(f.value) : undefined;
        const m = value === undefined ? null : S3_OBJECT_ARN.exec(value);
        if (!m || m[2].endsWith('.env') || containsPlaceholder(value)) continue;
        ctx.report({
          path: [...path, 'environmentFiles', j, 'value'],
          message:
            `Environment file "${m[2]}" of ${containerLabel(c, i)} does not end in ".env". ECS requires ` +
            `environment files to have the .env extension, so the task may fail to start; rename the S3 object.`,
        });
      }
    }
  },
};

export const environmentRules: Rule[] = [environmentDuplicate, environmentFileArn, environmentFileExtension];
