/** Log options: awslogs option names, FireLens options and config files, and the drivers Managed Instances offer. */
import { valueAt } from '../../document/paths';
import { containsPlaceholder } from '../../document/placeholders';
import { suggest } from '../../suggest';
import type { JsonPath } from '../../types';
import type { FixContext, FixProposal, Rule } from '../types';
import { arnService, AWSLOGS_OPTIONS, DOCS, FIRELENS_OPTIONS, isFargate, isManagedInstances, isNonFargateLogDriver, LOG_DRIVERS, MANAGED_INSTANCES_LOG_DRIVERS } from '../../facts';
import { changeReported, containerLabel, containers, isObj, known, logConfig, logDriver, type Obj, reportedPath, str } from '../helpers';

/** A rename of a mistyped option key to the one probably meant (certain when only the case differs). */
function renameKey(path: JsonPath, wrong: string, options: readonly string[], present: Obj): FixProposal[] {
  const near = suggest(wrong, options);
  if (near === undefined) return [];
  // The intended key is already there: this one is a leftover to drop, which only the user can tell.
  if (near in present) return [{ title: `Remove "${wrong}" ("${near}" is already set)`, changes: [{ path, remove: true }], certain: false }];
  return [{ title: `Rename "${wrong}" to "${near}"`, changes: [{ path, rename: near }], certain: near.toLowerCase() === wrong.toLowerCase() }];
}

/** The rename fix for an unknown option key reported at `path` (the options object is its parent). */
function optionKeyFix(ctx: FixContext, options: readonly string[]): FixProposal[] | undefined {
  const path = reportedPath(ctx);
  const parent = path ? valueAt(ctx.doc.json.value, path.slice(0, -1)) : undefined;
  if (!path || !isObj(parent)) return undefined;
  return renameKey(path, String(path[path.length - 1]), options, parent);
}

const AWSLOGS_OPTION_SET: ReadonlySet<string> = new Set(AWSLOGS_OPTIONS);

const awslogsOptionName: Rule = {
  id: 'awslogs-option-name',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'awslogs takes only the options Docker documents for it',
  docs: DOCS.awslogs,
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const options = logConfig(c)?.options;
      if (logDriver(c) !== 'awslogs' || !isObj(options)) continue;
      for (const key of Object.keys(options)) {
        if (AWSLOGS_OPTION_SET.has(key) || containsPlaceholder(key)) continue;
        const near = suggest(key, AWSLOGS_OPTIONS);
        ctx.report({
          path: [...path, 'logConfiguration', 'options', key],
          target: 'key',
          message: `${containerLabel(c, i, true)} passes the option "${key}" to the awslogs log driver, which does not know it${near ? ` (did you mean "${near}"?)` : ''}; Docker refuses to start the container ("unknown log opt").`,
        });
      }
    }
  },
  fix: (ctx) => optionKeyFix(ctx, AWSLOGS_OPTIONS),
};

/** Each FireLens log router with its options object. */
function routers(td: Obj): Array<{ c: Obj; i: number; at: JsonPath; options: Obj }> {
  const out: Array<{ c: Obj; i: number; at: JsonPath; options: Obj }> = [];
  for (const { c, i, path } of containers(td)) {
    const fc = c.firelensConfiguration;
    if (isObj(fc) && isObj(fc.options)) out.push({ c, i, at: [...path, 'firelensConfiguration', 'options'], options: fc.options });
  }
  return out;
}

const FIRELENS_OPTION_NAMES = Object.keys(FIRELENS_OPTIONS);

const firelensConfigFileType: Rule = {
  id: 'firelens-config-file-type',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'On Fargate the FireLens config-file-type is file',
  docs: DOCS.firelensConfiguration,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    for (const r of routers(td)) {
      if (r.options['config-file-type'] !== 's3') continue;
      ctx.report({
        path: [...r.at, 'config-file-type'],
        message: `${containerLabel(r.c, r.i, true)} loads its FireLens configuration from S3 (config-file-type "s3"), which only works on EC2; tasks on Fargate support only "file", a configuration file inside the log router image. ECS rejects the task definition, or the log router fails to start. Bake the file into the image (or copy it in with an init container) and use "file".`,
      });
    }
  },
};

const firelensOptions: Rule = {
  id: 'firelens-options',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'FireLens options are enable-ecs-log-metadata, config-file-type and config-file-value',
  docs: DOCS.firelensConfiguration,
  check(ctx) {
    const names = FIRELENS_OPTION_NAMES;
    for (const r of routers(ctx.target.value)) {
      const who = containerLabel(r.c, r.i, true);
      for (const [key, raw] of Object.entries(r.options)) {
        if (containsPlaceholder(key)) continue;
        if (!(key in FIRELENS_OPTIONS)) {
          const near = suggest(key, names);
          ctx.report({ path: [...r.at, key], target: 'key', message: `${who} has the FireLens option "${key}"${near ? ` (did you mean "${near}"?)` : ''}; FireLens knows only ${names.join(', ')}, so the option is ignored.` });
          continue;
        }
        const allowed = FIRELENS_OPTIONS[key];
        const value = known(raw);
        if (allowed && value !== undefined && !allowed.includes(value)) {
          ctx.report({ path: [...r.at, key], message: `${who} sets the FireLens option ${key} to "${value}"; it takes ${allowed.map((a) => `"${a}"`).join(' or ')}, and the log router cannot start with anything else.`, data: { value: allowed.find((a) => a === value.trim().toLowerCase()) } });
        }
      }
      const type = known(r.options['config-file-type']);
      const file = known(r.options['config-file-value']);
      if ((type === undefined) !== (file === undefined) && !containsPlaceholder(r.options['config-file-type']) && !containsPlaceholder(r.options['config-file-value'])) {
        const has = type !== undefined ? 'config-file-type' : 'config-file-value';
        ctx.report({ path: [...r.at, has], target: 'key', message: `${who} sets ${has} without ${has === 'config-file-type' ? 'config-file-value' : 'config-file-type'}; a custom FireLens configuration needs both (where the file is, and what kind of location that is), so the log router cannot load it.` });
      } else if (type !== undefined && file !== undefined) {
        const s3 = arnService(file) === 's3';
        if (type === 's3' && !s3) ctx.report({ path: [...r.at, 'config-file-value'], message: `${who} loads its FireLens configuration from S3, but "${file}" is not an S3 object ARN (arn:aws:s3:::bucket/key); the log router cannot fetch it.` });
        if (type === 'file' && str(file)?.startsWith('arn:')) ctx.report({ path: [...r.at, 'config-file-value'], message: `${who} reads its FireLens configuration from a file, but "${file}" is an ARN, not a path inside the image; use config-file-type "s3" for an S3 object (EC2 only), or give the file's path.` });
      }
    }
  },
  fix(ctx) {
    const change = changeReported(ctx, 'value', true);
    if (change) return change;
    const path = reportedPath(ctx);
    return path && typeof path[path.length - 1] === 'string' && !(String(path[path.length - 1]) in FIRELENS_OPTIONS) ? optionKeyFix(ctx, Object.keys(FIRELENS_OPTIONS)) : undefined;
  },
};

const logDriverPlatform: Rule = {
  id: 'log-driver-platform',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Managed Instances support the awslogs, splunk, awsfirelens and json-file log drivers',
  docs: DOCS.logConfiguration,
  check(ctx) {
    const td = ctx.target.value;
    if (!isManagedInstances(td)) return;
    const fargate = isFargate(td);
    for (const { c, i, path } of containers(td)) {
      const driver = logDriver(c);
      // Values outside the enum are the schema's; drivers Fargate refuses too are fargate-log-driver's.
      if (!driver || !LOG_DRIVERS.has(driver) || MANAGED_INSTANCES_LOG_DRIVERS.has(driver) || (fargate && isNonFargateLogDriver(driver))) continue;
      ctx.report({
        path: [...path, 'logConfiguration', 'logDriver'],
        message: `${containerLabel(c, i)} uses the "${driver}" log driver, but requiresCompatibilities includes "MANAGED_INSTANCES", and Managed Instances offer only awslogs, splunk, awsfirelens and json-file; ECS rejects the task definition. Use awslogs for CloudWatch Logs, or awsfirelens to route logs elsewhere.`,
      });
    }
  },
};

/** The log-option and log-driver platform rules. */
export const logOptionRules: Rule[] = [awslogsOptionName, firelensConfigFileType, firelensOptions, logDriverPlatform];
