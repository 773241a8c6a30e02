/** Port ranges (containerPortRange): the network modes that take them, their form, how many, and overlaps. */
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS, isFargate, MAX_PORT_RANGES_PER_CONTAINER, parsePortRange, PORT_RANGE_NETWORK_MODES } from '../../facts';
import { asArray, changeReported, containerLabel, containers, explicitNetworkMode, isObj, known, num, type Obj, perTask, reportedPath, str, taskMemo } from '../helpers';

/** The two ends of a "first-last" port range. */
type Range = { first: number; last: number };

/** One port mapping of a container, with what the range rules read from it. */
interface Mapping {
  m: Obj;
  path: JsonPath;
  who: string;
  protocol: string;
  /** The containerPortRange text, when set and not a placeholder. */
  rangeText?: string;
  /** Its two ends, when it has the "first-last" form. */
  range?: Range;
  containerPort?: number;
}

const mappingCache = taskMemo<Mapping[][]>('portRanges');

/**
 * The port mappings of each container that maps a port range (other containers are left out: without a range
 * none of these rules has anything to say). Built once per parsed task definition; callers must not change it.
 */
function mappingsByContainer(td: Obj): Mapping[][] {
  return perTask(mappingCache, td, () => (containers(td).some(({ c }) => hasRange(c)) ? readMappings(td) : []));
}

function hasRange(c: Obj): boolean {
  return Array.isArray(c.portMappings) && c.portMappings.some((m) => isObj(m) && m.containerPortRange !== undefined);
}

function readMappings(td: Obj): Mapping[][] {
  return containers(td).flatMap(({ c, i, path }) => {
    if (!hasRange(c)) return [];
    const who = containerLabel(c, i);
    const list = asArray(c.portMappings).flatMap((m, j): Mapping[] => {
      if (!isObj(m)) return [];
      const rangeText = known(m.containerPortRange);
      return [{ m, path: [...path, 'portMappings', j], who, protocol: (str(m.protocol) ?? 'tcp').toLowerCase(), rangeText, range: parsePortRange(rangeText), containerPort: num(m.containerPort) }];
    });
    return list.length > 0 ? [list] : [];
  });
}

function rangesOf(td: Obj): Mapping[] {
  return mappingsByContainer(td).flat().filter((p) => p.rangeText !== undefined);
}

/** A range whose ends are ports and in order: the only kind that can be compared with others. */
function wellFormed(r: Range | undefined): boolean {
  return r !== undefined && r.first >= 1 && r.last <= 65535 && r.first < r.last;
}

/** The ports a mapping covers: its range when well formed, else its single containerPort. */
function span(p: Mapping): { lo: number; hi: number } | undefined {
  if (p.range && wellFormed(p.range)) return { lo: p.range.first, hi: p.range.last };
  return p.rangeText === undefined && p.containerPort !== undefined ? { lo: p.containerPort, hi: p.containerPort } : undefined;
}

const portRangeNetworkMode: Rule = {
  id: 'port-range-network-mode',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'containerPortRange needs the bridge or awsvpc network mode',
  docs: DOCS.portMapping,
  check(ctx) {
    const td = ctx.target.value;
    const mode = explicitNetworkMode(td) ?? (isFargate(td) ? 'awsvpc' : undefined);
    if (mode === undefined || PORT_RANGE_NETWORK_MODES.has(mode)) return;
    for (const p of rangesOf(td)) {
      ctx.report({
        path: [...p.path, 'containerPortRange'],
        target: 'key',
        message: `${p.who} maps the port range "${p.rangeText}", but port ranges work only in the bridge and awsvpc network modes (ECS picks the host ports for them); with networkMode "${mode}" ECS rejects the task definition. Map single ports with containerPort, or use bridge or awsvpc.`,
      });
    }
  },
};

const portRangeCount: Rule = {
  id: 'port-range-count',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A container has at most 100 port ranges',
  docs: DOCS.portMapping,
  check(ctx) {
    for (const list of mappingsByContainer(ctx.target.value)) {
      const ranges = list.filter((p) => p.rangeText !== undefined);
      if (ranges.length <= MAX_PORT_RANGES_PER_CONTAINER) continue;
      const first = ranges[MAX_PORT_RANGES_PER_CONTAINER];
      ctx.report({
        path: [...first.path, 'containerPortRange'],
        target: 'key',
        message: `${first.who} has ${ranges.length} port mappings with containerPortRange; a container may have at most ${MAX_PORT_RANGES_PER_CONTAINER}, so ECS rejects the task definition. This is the first one over the limit: merge adjacent ranges into wider ones.`,
      });
    }
  },
};

const portRangeOrder: Rule = {
  id: 'port-range-order',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A port range runs from a lower to a higher port, both within 1-65535',
  docs: DOCS.portMapping,
  check(ctx) {
    for (const p of rangesOf(ctx.target.value)) {
      const r = p.range;
      // A value that is not "first-last" at all is the schema's to report (schema.pattern).
      if (!r || wellFormed(r)) continue;
      const outside = [r.first, r.last].filter((n) => n < 1 || n > 65535);
      const why = outside.length > 0
        ? `${outside.join(' and ')} ${outside.length > 1 ? 'are not ports' : 'is not a port'} (ports are 1-65535)`
        : r.first === r.last
          ? `a range needs two different ends (map the single port ${r.first} with containerPort instead)`
          : `the first port must be below the last`;
      ctx.report({
        path: [...p.path, 'containerPortRange'],
        message: `${p.who} maps the port range "${p.rangeText}", but ${why}; ECS rejects the range.`,
        data: outside.length === 0 && r.first > r.last ? { value: `${r.last}-${r.first}` } : undefined,
      });
    }
  },
  fix(ctx) {
    // "9000-8000" has one reading: the same ports, in order.
    return changeReported(ctx, 'value', true);
  },
};

function describeRange(p: Mapping): string {
  return p.rangeText !== undefined ? `the range "${p.rangeText}"` : `port ${p.containerPort}`;
}

const portRangeOverlap: Rule = {
  id: 'port-range-overlap',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A port is in only one mapping of a container: ranges do not overlap',
  docs: DOCS.portMapping,
  check(ctx) {
    for (const list of mappingsByContainer(ctx.target.value)) {
      if (!list.some((p) => wellFormed(p.range))) continue;
      const seen: Array<{ p: Mapping; lo: number; hi: number }> = [];
      for (const p of list) {
        const s = span(p);
        if (!s) continue;
        // Two single ports are port-mapping-duplicate's business; here at least one side is a range.
        const clash = seen.find((q) => q.p.protocol === p.protocol && (p.rangeText !== undefined || q.p.rangeText !== undefined) && s.lo <= q.hi && q.lo <= s.hi)?.p;
        if (clash) {
          ctx.report({
            path: [...p.path, p.rangeText !== undefined ? 'containerPortRange' : 'containerPort'],
            message: `${p.who} maps ${describeRange(p)}/${p.protocol}, which overlaps ${describeRange(clash)} of another mapping of the same container; a port may be in only one port mapping per container, so ECS rejects the task definition.`,
          });
          continue;
        }
        seen.push({ p, ...s });
      }
    }
  },
};

const portRangeSinglePort: Rule = {
  id: 'port-range-single-port',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A mapping with containerPortRange sets no containerPort or hostPort',
  docs: DOCS.portMapping,
  check(ctx) {
    for (const p of rangesOf(ctx.target.value)) {
      if (p.m.containerPort !== undefined && p.m.containerPort !== null) {
        const s = span(p);
        const inside = p.containerPort !== undefined && s !== undefined && p.containerPort >= s.lo && p.containerPort <= s.hi;
        ctx.report({
          path: [...p.path, 'containerPort'],
          target: 'key',
          message: `${p.who} maps the port range "${p.rangeText}" and also sets containerPort in the same mapping; a mapping is either one port or a range, so ECS rejects it. ${inside ? 'The port is inside the range: remove containerPort.' : 'Map the single port in a mapping of its own.'}`,
          data: { inside },
        });
      }
      // hostPort 0 is how generators write "unset".
      const host = num(p.m.hostPort);
      if (host !== undefined && host !== 0) {
        ctx.report({
          path: [...p.path, 'hostPort'],
          target: 'key',
          message: `${p.who} maps the port range "${p.rangeText}" with hostPort ${host}; for a range ECS chooses the host ports itself (the same ports in awsvpc mode, free ephemeral ports in bridge mode), so hostPort must be left out and ECS rejects the mapping.`,
          data: { inside: true },
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    // hostPort, or a containerPort inside the range, says nothing the range does not: removing it loses nothing.
    return [{ title: `Remove "${String(path[path.length - 1])}" (the range covers it)`, changes: [{ path, remove: true }], certain: ctx.diagnostic.data?.inside === true }];
  },
};

/** The port-range rules, in the order the rule table lists them. */
export const portRangeRules: Rule[] = [portRangeNetworkMode, portRangeCount, portRangeOrder, portRangeOverlap, portRangeSinglePort];
