/** Host ports on container instances: reserved and ephemeral ports, and what host network mode implies. */
import type { JsonPath } from '../../types';
import type { FixContext, FixProposal, Rule } from '../types';
import { DOCS, EPHEMERAL_PORT_START, isFargate, isWindows, RESERVED_HOST_PORTS } from '../../facts';
import { asArray, containerLabel, containers, explicitNetworkMode, isObj, known, num, type Obj, removeReported } from '../helpers';

/**
 * The network mode the task runs with on an instance: as written, else awsvpc on Fargate, the Windows NAT network
 * ("default") for Windows, bridge for Linux. Undefined while it is a placeholder.
 */
function effectiveMode(td: Obj): string | undefined {
  const mode = explicitNetworkMode(td);
  if (mode !== undefined) return mode;
  if (td.networkMode !== undefined && td.networkMode !== '') return undefined;
  return isFargate(td) ? 'awsvpc' : isWindows(td) ? 'default' : 'bridge';
}

/** A port the task takes on the instance itself, and the member that names it. */
interface HostPort {
  c: Obj;
  i: number;
  port: number;
  path: JsonPath;
  /** The port comes from hostPort (bridge) rather than containerPort (host mode). */
  fromHostPort: boolean;
}

/** The fixed host ports of a task: hostPort in bridge (or Windows NAT) mode, hostPort or containerPort in host mode. */
function hostPorts(td: Obj, mode: string): HostPort[] {
  const out: HostPort[] = [];
  for (const { c, i, path } of containers(td)) {
    const mappings = asArray(c.portMappings);
    for (let j = 0; j < mappings.length; j++) {
      const m = mappings[j];
      if (!isObj(m)) continue;
      const host = num(m.hostPort);
      if (host !== undefined && host > 0) out.push({ c, i, port: host, path: [...path, 'portMappings', j, 'hostPort'], fromHostPort: true });
      else if (mode === 'host' && num(m.containerPort) !== undefined) out.push({ c, i, port: num(m.containerPort) as number, path: [...path, 'portMappings', j, 'containerPort'], fromHostPort: false });
    }
  }
  return out;
}

/** A fixed hostPort can become a dynamic one (bridge mode); in host mode there is no such choice. */
function dynamicPortFix(ctx: FixContext): FixProposal[] | undefined {
  return ctx.diagnostic.data?.fromHostPort === true ? removeReported(ctx, false, 'Remove "hostPort" (let ECS pick a free host port)') : undefined;
}

const hostPortReserved: Rule = {
  id: 'host-port-reserved',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Host ports 22, 2375, 2376 and 51678-51680 are reserved on every container instance',
  docs: DOCS.portMapping,
  check(ctx) {
    const td = ctx.target.value;
    const mode = effectiveMode(td);
    if (mode !== 'bridge' && mode !== 'default' && mode !== 'host') return;
    for (const p of hostPorts(td, mode)) {
      const owner = RESERVED_HOST_PORTS.get(p.port);
      if (owner === undefined) continue;
      ctx.report({
        path: p.path,
        message: `${containerLabel(p.c, p.i, true)} takes host port ${p.port}${p.fromHostPort ? '' : ` (in host mode the container port is the host port)`}, which every container instance reserves for ${owner}. ECS never places the task on an instance (it stays PENDING for lack of RESOURCE:PORTS).`,
        data: { fromHostPort: p.fromHostPort },
      });
    }
  },
  fix: dynamicPortFix,
};

const hostPortEphemeralRange: Rule = {
  id: 'host-port-ephemeral-range',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'A fixed host port stays below the ephemeral port range',
  docs: DOCS.portMapping,
  check(ctx) {
    const td = ctx.target.value;
    const mode = effectiveMode(td);
    if (mode !== 'bridge' && mode !== 'default') return;
    const start = isWindows(td) ? EPHEMERAL_PORT_START.windows : EPHEMERAL_PORT_START.linux;
    for (const p of hostPorts(td, mode)) {
      // A reserved port is host-port-reserved's to report.
      if (p.port < start || RESERVED_HOST_PORTS.has(p.port)) continue;
      ctx.report({
        path: p.path,
        message: `${containerLabel(p.c, p.i, true)} fixes host port ${p.port}, inside the ephemeral range (${start} and up) that Docker hands dynamic host ports out of. When a dynamic mapping of another task already holds it, this task fails to start ("port is already allocated"). Use a port below ${start}, or leave hostPort out for a dynamic one.`,
        data: { fromHostPort: p.fromHostPort },
      });
    }
  },
  fix: dynamicPortFix,
};

const hostNetworkMultipleTasks: Rule = {
  id: 'host-network-multiple-tasks',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'In host mode with port mappings, one task of the definition fits on each instance',
  docs: DOCS.networkMode,
  check(ctx) {
    const td = ctx.target.value;
    if (explicitNetworkMode(td) !== 'host') return;
    const taken = hostPorts(td, 'host');
    if (taken.length === 0) return;
    const list = [...new Set(taken.map((p) => p.port))].slice(0, 5).join(', ');
    ctx.report({
      path: ['networkMode'],
      message: `In host mode the containers bind the instance's own ports (${list}${taken.length > 5 ? ', ...' : ''}), and a port can be bound once per instance: only one task of this definition fits on each container instance. A service with more tasks than instances leaves the rest PENDING (RESOURCE:PORTS); use bridge mode with dynamic host ports, or awsvpc, to run several per instance.`,
    });
  },
};

/** Whether a user value names root: "root" or UID 0, with or without a group. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === 'root' || /^0+$/.test(name);
}

const hostNetworkRootUser: Rule = {
  id: 'host-network-root-user',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'In host network mode containers do not run as root',
  docs: DOCS.container('user'),
  check(ctx) {
    const td = ctx.target.value;
    if (explicitNetworkMode(td) !== 'host') return;
    for (const { c, i, path } of containers(td)) {
      const user = known(c.user);
      if (user === undefined || !isRoot(user)) continue;
      ctx.report({
        path: [...path, 'user'],
        message: `${containerLabel(c, i, true)} runs as root (user "${user}") in host network mode, where it shares the instance's network stack: as root it can change the instance's own network configuration. The API reference advises against it; run the container as a non-root user.`,
      });
    }
  },
};

/** The host-port and host-network rules. */
export const hostPortRules: Rule[] = [hostPortReserved, hostPortEphemeralRange, hostNetworkMultipleTasks, hostNetworkRootUser];
