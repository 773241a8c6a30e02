/** Port mappings against the network mode: host ports in awsvpc/host mode, none mode, duplicates. */
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { asArray, containerLabel, containers, explicitNetworkMode, isObj, num, type Obj, perTask, str, taskMemo } from '../helpers';

/** One port mapping; its path and its container's label are made only when a rule reports. */
class Mapping {
  readonly containerPort: number | undefined;
  readonly hostPort: number | undefined;
  readonly protocol: string;

  constructor(
    readonly m: Obj,
    /** The container, and its index in containerDefinitions. */
    private readonly c: Obj,
    readonly ci: number,
    private readonly containerPath: JsonPath,
    /** Index in the container's portMappings. */
    private readonly j: number,
  ) {
    this.containerPort = num(m.containerPort);
    this.hostPort = num(m.hostPort);
    this.protocol = (str(m.protocol) ?? 'tcp').toLowerCase();
  }

  get path(): JsonPath {
    return [...this.containerPath, 'portMappings', this.j];
  }

  /** The container's label for messages. */
  get who(): string {
    return containerLabel(this.c, this.ci);
  }
}

const mappingCache = taskMemo<Mapping[]>('portMappings');

/** Every port mapping of the task; built once per task definition for the rules below (do not change it). */
function mappings(td: Obj): readonly Mapping[] {
  return perTask(mappingCache, td, () => {
    const out: Mapping[] = [];
    for (const { c, i, path } of containers(td)) {
      const list = asArray(c.portMappings);
      for (let j = 0; j < list.length; j++) {
        const m = list[j];
        if (isObj(m)) out.push(new Mapping(m, c, i, path, j));
      }
    }
    return out;
  });
}

const portMappingHostPort: Rule = {
  id: 'port-mapping-host-port',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'In awsvpc and host mode, hostPort must be omitted or equal containerPort',
  docs: DOCS.portMapping,
  check(ctx) {
    const mode = explicitNetworkMode(ctx.target.value);
    if (mode !== 'awsvpc' && mode !== 'host') return;
    for (const p of mappings(ctx.target.value)) {
      // hostPort 0 means "unset"; ECS fills in the container port.
      if (p.containerPort === undefined || p.hostPort === undefined || p.hostPort === 0 || p.hostPort === p.containerPort) continue;
      const why =
        mode === 'awsvpc'
          ? `in awsvpc mode the task has its own network interface and the container port is the port it exposes, so there is nothing to remap. ECS rejects it: "When networkMode=awsvpc, the host ports and container ports in port mappings must match."`
          : 'in host mode the container binds the host\'s port directly, so ports cannot be remapped and ECS rejects the mapping.';
      ctx.report({
        path: [...p.path, 'hostPort'],
        message: `${p.who} maps containerPort ${p.containerPort} to hostPort ${p.hostPort}, but ${why}`,
        data: { containerPort: p.containerPort },
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    const containerPort = ctx.diagnostic.data?.containerPort;
    if (!Array.isArray(path) || typeof containerPort !== 'number') return undefined;
    return [
      { title: `Set "hostPort" to ${containerPort} (same as containerPort)`, changes: [{ path, value: containerPort }], certain: true },
      { title: 'Remove "hostPort"', changes: [{ path, remove: true }], certain: false },
    ];
  },
};

const portMappingNetworkNone: Rule = {
  id: 'port-mapping-network-none',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Network mode none allows no port mappings',
  docs: DOCS.networkMode,
  check(ctx) {
    const td = ctx.target.value;
    if (explicitNetworkMode(td) !== 'none') return;
    for (const { c, i, path } of containers(td)) {
      if (asArray(c.portMappings).length === 0) continue;
      ctx.report({
        path: [...path, 'portMappings'],
        target: 'key',
        message: `${containerLabel(c, i)} has port mappings, but networkMode "none" gives the task no external network, so there is nothing to map ports to; ECS rejects port mappings in this mode. Remove them or choose another network mode.`,
      });
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    return [{ title: 'Remove "portMappings"', changes: [{ path, remove: true }], certain: false }];
  },
};

const portMappingDuplicate: Rule = {
  id: 'port-mapping-duplicate',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A port can be mapped only once per protocol',
  docs: DOCS.portMapping,
  check(ctx) {
    const td = ctx.target.value;
    const list = mappings(td);
    // A port is mapped twice only by a second mapping.
    if (list.length < 2) return;
    const mode = explicitNetworkMode(td);
    // awsvpc and host: all containers share one network stack, so container ports must be unique task-wide.
    const shared = mode === 'awsvpc' || mode === 'host';
    const seenContainer = new Map<string, Mapping>();
    const seenHost = new Map<string, Mapping>();
    for (const p of list) {
      if (p.containerPort !== undefined) {
        const key = `${shared ? '' : p.ci}:${p.containerPort}/${p.protocol}`;
        const first = seenContainer.get(key);
        if (first) {
          const same = first.ci === p.ci;
          const exact = same && JSON.stringify(first.m) === JSON.stringify(p.m);
          ctx.report({
            path: [...p.path, 'containerPort'],
            message: same
              ? `${p.who} maps containerPort ${p.containerPort}/${p.protocol} twice; a port can be mapped only once per protocol, and ECS rejects the repeated mapping.`
              : `${first.who} and ${p.who} both use port ${p.containerPort}/${p.protocol}; in ${mode} mode all containers of the task share one network stack, so the second container cannot bind the port and fails to start.`,
            data: { exact },
          });
          continue;
        }
        seenContainer.set(key, p);
      }
      // Fixed host ports (bridge mode) are taken for the whole instance.
      if (!shared && p.hostPort !== undefined && p.hostPort > 0 && mode !== 'none') {
        const key = `${p.hostPort}/${p.protocol}`;
        const first = seenHost.get(key);
        if (first) {
          ctx.report({
            path: [...p.path, 'hostPort'],
            message: `hostPort ${p.hostPort}/${p.protocol} is already mapped by ${first.who === p.who ? 'another mapping of the same container' : first.who}; one host port can be bound only once, so Docker fails to start ${p.who} ("port is already allocated"). Use another host port, or 0 for a dynamic one.`,
            data: { exact: false },
          });
          continue;
        }
        seenHost.set(key, p);
      }
    }
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path) || ctx.diagnostic.data?.exact !== true) return undefined;
    // The mapping repeats an earlier one exactly: dropping it changes nothing else.
    return [{ title: 'Remove the repeated port mapping', changes: [{ path: path.slice(0, -1), remove: true }], certain: true }];
  },
};

export const portRules: Rule[] = [portMappingHostPort, portMappingNetworkNone, portMappingDuplicate];
