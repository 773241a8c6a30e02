/**
 * Mutations of real documents for fuzzing: deleted characters, changed JSON types, random keys, truncation,
 * swapped values. A seeded generator makes every failure reproducible from its case number.
 */
export function rng(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, 1e308, '', 'x', '256', '${VAR}', true, false, [], {}, [null], { '': 1 }, 'AWSVPC', 'FARGATE', 65536];
const KEYS = ['family', 'cpu', 'memory', 'networkMode', 'essential', 'hostPort', 'containerPort', 'dependsOn', 'healthCheck', 'logConfiguration', 'secrets', 'volumes', 'mountPoints', '__proto__', 'constructor', 'toString', 'links', 'launchType', 'desiredCount', 'x'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Walks to a random container (object or array) inside the value. */
function randomContainer(r: () => number, v: Json): { [k: string]: Json } | Json[] | undefined {
  let current: Json = v;
  let chosen: { [k: string]: Json } | Json[] | undefined;
  for (let depth = 0; depth < 8; depth++) {
    if (current === null || typeof current !== 'object') break;
    chosen = current;
    const children: Json[] = Array.isArray(current) ? current : Object.values(current);
    const nested = children.filter((c) => c !== null && typeof c === 'object');
    if (nested.length === 0 || r() < 0.25) break;
    current = pick(r, nested);
  }
  return chosen;
}

function structural(r: () => number, text: string): string {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return text;
  }
  const target = randomContainer(r, value);
  if (!target) return text;
  const op = Math.floor(r() * 4);
  if (Array.isArray(target)) {
    if (target.length && op < 2) target[Math.floor(r() * target.length)] = pick(r, ODD_VALUES) as Json;
    else if (op === 2) target.push(JSON.parse(JSON.stringify(pick(r, ODD_VALUES))) as Json);
    else target.splice(0, target.length ? 1 : 0);
  } else {
    const keys = Object.keys(target);
    if (keys.length && op === 0) target[pick(r, keys)] = pick(r, ODD_VALUES) as Json; // changed type
    else if (op === 1) target[pick(r, KEYS)] = pick(r, ODD_VALUES) as Json; // random key
    else if (keys.length && op === 2) delete target[pick(r, keys)];
    else if (keys.length) target[pick(r, keys) + 'x'] = 1;
  }
  return JSON.stringify(value, null, r() < 0.5 ? 2 : undefined);
}

function textual(r: () => number, text: string): string {
  const op = Math.floor(r() * 5);
  const at = Math.floor(r() * text.length);
  switch (op) {
    case 0: // delete a few characters
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 5));
    case 1: // truncate
      return text.slice(0, at);
    case 2: // insert punctuation
      return text.slice(0, at) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '//', '/*', '\n', '\r\n', '\u2028', '\ud83d']) + text.slice(at);
    case 3: // duplicate a slice
      return text.slice(0, at) + text.slice(at, at + 40) + text.slice(at);
    default: // replace a character
      return text.slice(0, at) + String.fromCharCode(32 + Math.floor(r() * 95)) + text.slice(at + 1);
  }
}

export function mutate(seed: number, text: string): string {
  const r = rng(seed);
  let out = text;
  const steps = 1 + Math.floor(r() * 3);
  for (let i = 0; i < steps; i++) out = r() < 0.5 ? structural(r, out) : textual(r, out);
  return out;
}
