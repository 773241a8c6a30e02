/** Log configuration: awslogs and splunk options, the log delivery mode, and FireLens pairing. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { Rule, RuleContext } from '../types';
import { DOCS, isExternal, isFargate } from '../../facts';
import { asArray, changeReported, containerLabel, containers, isObj, logConfig, logDriver, type Obj, perTask, str, taskMemo } from '../helpers';

/** One container's log configuration, with the paths a report needs (made only when one is reported). */
class LogSite {
  constructor(
    readonly c: Obj,
    readonly i: number,
    private readonly containerPath: JsonPath,
    readonly driver: string,
    /** The options object, or undefined when absent; sites with non-object options are skipped. */
    readonly options: Obj | undefined,
  ) {}

  get who(): string {
    return containerLabel(this.c, this.i);
  }

  /** Path of logConfiguration. */
  get at(): JsonPath {
    return [...this.containerPath, 'logConfiguration'];
  }
}

const logSiteCache = taskMemo<Map<string, LogSite[]>>('logSites');

/** The containers with a log driver (only `driver`'s, when given); built once per task definition and driver. */
function logSites(td: Obj, driver?: string): readonly LogSite[] {
  const byDriver = perTask(logSiteCache, td, () => new Map<string, LogSite[]>());
  let out = byDriver.get(driver ?? '');
  if (out) return out;
  out = [];
  for (const { c, i, path } of containers(td)) {
    const lc = logConfig(c);
    const d = logDriver(c);
    if (!lc || !d || (driver && d !== driver)) continue;
    if (lc.options !== undefined && !isObj(lc.options)) continue;
    out.push(new LogSite(c, i, path, d, isObj(lc.options) ? lc.options : undefined));
  }
  byDriver.set(driver ?? '', out);
  return out;
}

/** Where to report a missing option: the "options" key, or the "logConfiguration" key when there are none. */
function optionsAnchor(site: LogSite): { path: JsonPath; target: 'key' } {
  return { path: site.options ? [...site.at, 'options'] : site.at, target: 'key' };
}

/** The options path for a diagnostic reported by optionsAnchor (on "options", or on "logConfiguration"). */
function optionsPathOf(path: JsonPath): JsonPath {
  return path[path.length - 1] === 'options' ? path : [...path, 'options'];
}

/** A value of an option that another awslogs container of the task already uses, if they all agree. */
function sharedOption(sites: readonly LogSite[], key: string): string | undefined {
  let shared: string | undefined;
  for (const s of sites) {
    const v = s.options?.[key];
    if (typeof v !== 'string' || v === '' || containsPlaceholder(v)) continue;
    if (shared === undefined) shared = v;
    else if (v !== shared) return undefined;
  }
  return shared;
}

const awslogsRequiredOptions: Rule = {
  id: 'awslogs-required-options',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'awslogs needs the awslogs-group (and, off EC2, awslogs-region) option',
  docs: DOCS.awslogs,
  check(ctx) {
    const td = ctx.target.value;
    const sites = logSites(td, 'awslogs');
    if (sites.length === 0) return;
    // On EC2, Docker's awslogs driver falls back to the instance's region; Fargate and external instances cannot.
    const regionRequired = isFargate(td) || isExternal(td);
    for (const site of sites) {
      // Most sites have what they need: nothing is built for them.
      if (site.options?.['awslogs-group'] !== undefined && (!regionRequired || site.options['awslogs-region'] !== undefined)) continue;
      const missing = ['awslogs-group', ...(regionRequired ? ['awslogs-region'] : [])].filter((k) => site.options?.[k] === undefined);
      const group = sharedOption(sites, 'awslogs-group');
      const region = sharedOption(sites, 'awslogs-region');
      const family = str(td.family);
      const values: Record<string, string> = {};
      let certain = true;
      if (missing.includes('awslogs-group')) {
        values['awslogs-group'] = group ?? `/ecs/${family && !containsPlaceholder(family) ? family : '<FAMILY>'}`;
        certain &&= group !== undefined;
      }
      if (missing.includes('awslogs-region')) {
        values['awslogs-region'] = region ?? '<REGION>';
        certain &&= region !== undefined;
      }
      ctx.report({
        ...optionsAnchor(site),
        message: `${site.who} uses the awslogs log driver without ${missing.map((k) => `"${k}"`).join(' or ')}; the driver needs to know which CloudWatch Logs ${missing.length > 1 ? 'group and region' : missing[0] === 'awslogs-group' ? 'group' : 'region'} to write to, and the container fails to start without ${missing.length > 1 ? 'them' : 'it'}.`,
        data: { values, certain },
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    const values = ctx.diagnostic.data?.values;
    if (!Array.isArray(path) || !isObj(values)) return undefined;
    const optionsPath = optionsPathOf(path);
    const certain = ctx.diagnostic.data?.certain === true;
    return [
      {
        title: `Add ${Object.entries(values).map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(' and ')}${certain ? ' (as the other containers use)' : ' (placeholder: fill in)'}`,
        changes: Object.entries(values).map(([k, v]) => ({ path: [...optionsPath, k], value: v })),
        certain,
      },
    ];
  },
};

const fargateAwslogsStreamPrefix: Rule = {
  id: 'fargate-awslogs-stream-prefix',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'awslogs on Fargate needs awslogs-stream-prefix',
  docs: DOCS.awslogs,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    for (const site of logSites(td, 'awslogs')) {
      if (site.options?.['awslogs-stream-prefix'] !== undefined) continue;
      const name = str(site.c.name);
      ctx.report({
        ...optionsAnchor(site),
        message: `${site.who} uses awslogs on Fargate without "awslogs-stream-prefix"; Fargate names each log stream prefix/container-name/task-id, and ECS has rejected such definitions ("Fargate requires log configuration options to include awslogs-stream-prefix"); without the prefix, log streams are also hard to tell apart.`,
        data: { prefix: name && !containsPlaceholder(name) ? name : 'ecs' },
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    const prefix = ctx.diagnostic.data?.prefix;
    if (!Array.isArray(path) || typeof prefix !== 'string') return undefined;
    return [{ title: `Add "awslogs-stream-prefix": "${prefix}"`, changes: [{ path: [...optionsPathOf(path), 'awslogs-stream-prefix'], value: prefix }], certain: true }];
  },
};

const awslogsExclusiveOptions: Rule = {
  id: 'awslogs-exclusive-options',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'awslogs-datetime-format and awslogs-multiline-pattern exclude each other',
  docs: DOCS.awslogs,
  check(ctx) {
    for (const site of logSites(ctx.target.value, 'awslogs')) {
      const o = site.options;
      if (o?.['awslogs-datetime-format'] === undefined || o['awslogs-multiline-pattern'] === undefined) continue;
      ctx.report({
        path: [...site.at, 'options', 'awslogs-multiline-pattern'],
        target: 'key',
        message: `${site.who} sets both "awslogs-datetime-format" and "awslogs-multiline-pattern"; the awslogs driver accepts only one way to find where a multi-line message starts and refuses to start the container with both. Keep one.`,
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    const other = [...path.slice(0, -1), 'awslogs-datetime-format'];
    return [
      { title: 'Remove "awslogs-multiline-pattern"', changes: [{ path, remove: true }], certain: false },
      { title: 'Remove "awslogs-datetime-format"', changes: [{ path: other, remove: true }], certain: false },
    ];
  },
};

const LOG_MODES = ['blocking', 'non-blocking'];

const logModeValue: Rule = {
  id: 'log-mode-value',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'The log option "mode" must be blocking or non-blocking',
  docs: DOCS.logConfiguration,
  check(ctx) {
    for (const site of logSites(ctx.target.value)) {
      const mode = site.options?.mode;
      if (typeof mode !== 'string' || LOG_MODES.includes(mode) || containsPlaceholder(mode)) continue;
      const normal = mode.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/^nonblocking$/, 'non-blocking');
      ctx.report({
        path: [...site.at, 'options', 'mode'],
        message: `${site.who} sets log option "mode" to "${mode}"; Docker knows only "blocking" (the default: the application waits when the log buffer is full) and "non-blocking" (messages are dropped instead), and refuses to start the container with anything else.`,
        data: LOG_MODES.includes(normal) ? { value: normal } : undefined,
      });
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'value', true);
  },
};

const splunkRequiredOptions: Rule = {
  id: 'splunk-required-options',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'The splunk log driver needs splunk-url and splunk-token',
  docs: DOCS.logConfiguration,
  check(ctx) {
    for (const site of logSites(ctx.target.value, 'splunk')) {
      const secretNames = asArray(logConfig(site.c)?.secretOptions).map((s) => (isObj(s) ? s.name : undefined));
      const missing = ['splunk-url', 'splunk-token'].filter((k) => site.options?.[k] === undefined && !secretNames.includes(k));
      if (missing.length === 0) continue;
      ctx.report({
        ...optionsAnchor(site),
        message: `${site.who} uses the splunk log driver without ${missing.map((k) => `"${k}"`).join(' or ')}; the driver needs the HTTP Event Collector URL and token and the container fails to start without them. Put the token in "secretOptions" rather than in plain options.`,
      });
    }
  },
};

/** Reports one problem per container, for rules whose check is "some container must have X". */
function eachContainer(ctx: RuleContext, pick: (c: Obj) => boolean): Array<{ c: Obj; i: number; path: JsonPath }> {
  return containers(ctx.target.value).filter(({ c }) => pick(c));
}

const firelensWithoutAwsfirelensDriver: Rule = {
  id: 'firelens-without-awsfirelens-driver',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A FireLens log router needs a container that logs through awsfirelens',
  docs: DOCS.firelens,
  check(ctx) {
    const all = containers(ctx.target.value);
    if (all.some(({ c }) => logDriver(c) === 'awsfirelens' || containsPlaceholder(logConfig(c)?.logDriver))) return;
    for (const { c, i, path } of eachContainer(ctx, (c) => isObj(c.firelensConfiguration))) {
      ctx.report({
        path: [...path, 'firelensConfiguration'],
        target: 'key',
        message: `${containerLabel(c, i)} is a FireLens log router (firelensConfiguration), but no container sends its logs to it with the "awsfirelens" log driver; ECS rejects a router without users. Set "logDriver": "awsfirelens" on the application containers, or drop firelensConfiguration.`,
      });
    }
  },
};

const awsfirelensWithoutRouter: Rule = {
  id: 'awsfirelens-without-router',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'The awsfirelens log driver needs a container with firelensConfiguration',
  docs: DOCS.firelens,
  check(ctx) {
    if (containers(ctx.target.value).some(({ c }) => isObj(c.firelensConfiguration))) return;
    for (const { c, i, path } of eachContainer(ctx, (c) => logDriver(c) === 'awsfirelens')) {
      ctx.report({
        path: [...path, 'logConfiguration', 'logDriver'],
        message: `${containerLabel(c, i)} logs through "awsfirelens", but no container of the task is a FireLens log router (a Fluent Bit or Fluentd container with "firelensConfiguration"); ECS rejects the task definition. Add a log router container.`,
      });
    }
  },
};

export const loggingRules: Rule[] = [
  awslogsRequiredOptions,
  fargateAwslogsStreamPrefix,
  awslogsExclusiveOptions,
  logModeValue,
  splunkRequiredOptions,
  firelensWithoutAwsfirelensDriver,
  awsfirelensWithoutRouter,
];
