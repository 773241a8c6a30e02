/** Host ports and port ranges: what every container instance reserves, where Docker's ephemeral ports start. */

/** Host ports every container instance reserves, and for what (API reference, PortMapping.hostPort). */
export const RESERVED_HOST_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [2375, 'the Docker daemon'],
  [2376, 'the Docker daemon (TLS)'],
  [51678, 'the ECS container agent'],
  [51679, 'the ECS container agent'],
  [51680, 'the ECS container agent'],
]);

/**
 * The first port of the range Docker hands dynamic host ports out of: on Linux the kernel's ip_local_port_range
 * starts at 32768 ("ports below 32768 are outside of the ephemeral port range"); Windows uses 49152-65535.
 */
export const EPHEMERAL_PORT_START = { linux: 32768, windows: 49152 } as const;

/** A container may have at most this many port mappings with containerPortRange. */
export const MAX_PORT_RANGES_PER_CONTAINER = 100;

/** The network modes that support containerPortRange. */
export const PORT_RANGE_NETWORK_MODES: ReadonlySet<string> = new Set(['bridge', 'awsvpc']);

/** "8000-8100" as its two ends, or undefined when the value is not of that form. */
export function parsePortRange(v: unknown): { first: number; last: number } | undefined {
  const m = typeof v === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(v) : null;
  return m ? { first: Number(m[1]), last: Number(m[2]) } : undefined;
}
