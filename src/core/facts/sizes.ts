/** Task sizes: the units ECS reads task cpu and memory in, and the Fargate size table. */

const CPU = /^\s*(\d*\.?\d+)\s*(vcpu)?\s*$/i;
const MEMORY = /^\s*(\d*\.?\d+)\s*(gb)?\s*$/i;

/** A number with an optional unit worth 1024 of the plain unit, as `re` reads it from `v`. */
function readUnits(re: RegExp, v: string): number | undefined {
  const m = re.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : n;
}

// A lint asks for the task's cpu and memory in a dozen rules: the last answer of each is kept.
let lastCpu: string | undefined;
let lastCpuUnits: number | undefined;
let lastMemory: string | undefined;
let lastMemoryMiB: number | undefined;

/** Task-level cpu in CPU units: "1024" → 1024, "1 vCPU" → 1024, ".25 vcpu" → 256. */
export function taskCpuUnits(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  if (v !== lastCpu) {
    lastCpuUnits = readUnits(CPU, v);
    lastCpu = v;
  }
  return lastCpuUnits;
}

/** Task-level memory in MiB: "2048" → 2048, "2 GB" → 2048. */
export function taskMemoryMiB(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  if (v !== lastMemory) {
    lastMemoryMiB = readUnits(MEMORY, v);
    lastMemory = v;
  }
  return lastMemoryMiB;
}

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Valid Fargate task sizes: for each task cpu (units), the memory values (MiB) it allows. 74 pairs in all. */
export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: readonly number[] }> = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: steps(1024, 4096, 1024) },
  { cpu: 1024, memory: steps(2048, 8192, 1024) },
  { cpu: 2048, memory: steps(4096, 16384, 1024) },
  { cpu: 4096, memory: steps(8192, 30720, 1024) },
  { cpu: 8192, memory: steps(16384, 61440, 4096) },
  { cpu: 16384, memory: steps(32768, 122880, 8192) },
];

/** The memory values (MiB) Fargate allows with `cpu` units, or undefined when `cpu` is not a Fargate size. */
export function fargateMemoryChoices(cpu: number): readonly number[] | undefined {
  return FARGATE_SIZES.find((s) => s.cpu === cpu)?.memory;
}

/** The cpu values (units) Fargate allows with `memory` MiB (empty when no size has that memory). */
export function fargateCpuChoices(memory: number): number[] {
  return FARGATE_SIZES.filter((s) => s.memory.includes(memory)).map((s) => s.cpu);
}

/** Windows containers on Fargate start at 1 vCPU. */
export const FARGATE_WINDOWS_MIN_CPU = 1024;

/** Windows containers on Fargate end at 4 vCPU: the 8 and 16 vCPU sizes are for Linux only. */
export const FARGATE_WINDOWS_MAX_CPU = 4096;

/** Task-level cpu outside Fargate: 0.125 to 192 vCPU. */
export const EC2_TASK_CPU = { min: 128, max: 196608 } as const;

/** ECS accepts a task definition of at most 64 KiB (the JSON request body). */
export const MAX_TASK_DEFINITION_BYTES = 64 * 1024;
