/** Task size: the Fargate cpu/memory table, Windows on Fargate (1 to 4 vCPU), and the EC2 task cpu range. */
import { containsPlaceholder } from '../../document/placeholders';
import type { FixContext, FixProposal, Rule } from '../types';
import { DOCS, EC2_TASK_CPU, FARGATE_WINDOWS_MAX_CPU, FARGATE_WINDOWS_MIN_CPU, validatedForEc2Only, FARGATE_SIZES, fargateMemoryChoices, isFargate, isWindows, taskCpuUnits, taskMemoryMiB } from '../../facts';
import { fargateEntryPath, fixTarget, listWords, type Obj, str } from '../helpers';

const NO_CONFIG = 'ECS rejects it: "No Fargate configuration exists for given values."';
const MAX_CPU = FARGATE_SIZES[FARGATE_SIZES.length - 1];

/** One way to make the task size valid. */
interface SizeChoice {
  cpu: number;
  memory: number;
  certain: boolean;
}

/** cpu and memory as ECS reads them, or undefined for absent, placeholder or malformed values. */
function readSize(td: Obj): { cpu?: number; memory?: number } {
  const cpu = containsPlaceholder(td.cpu) ? undefined : taskCpuUnits(td.cpu);
  const memory = containsPlaceholder(td.memory) ? undefined : taskMemoryMiB(td.memory);
  return { cpu, memory };
}

/** The smallest Fargate size with `minCpu` to `maxCpu` units and at least `memory` MiB. */
function smallestSize(minCpu: number, memory: number, maxCpu: number = MAX_CPU.cpu): { cpu: number; memory: number } | undefined {
  for (const size of FARGATE_SIZES) {
    if (size.cpu < minCpu || size.cpu > maxCpu) continue;
    const m = size.memory.find((v) => v >= memory);
    if (m !== undefined) return { cpu: size.cpu, memory: m };
  }
  return undefined;
}

/**
 * The nearest valid sizes, between `minCpu` and `maxCpu` units (Windows on Fargate: 1 to 4 vCPU). Resources are
 * never lowered by a certain choice: a valid cpu keeps its value and memory is rounded up to the next value it
 * allows; memory above what the cpu allows raises cpu to the smallest size that holds it (the application keeps
 * the memory it asked for), with "lower memory" offered but not applied blindly; an invalid cpu is rounded up to
 * the smallest size that holds the memory. Only a cpu above the maximum must come down, which is never certain.
 */
export function sizeChoices(cpu: number | undefined, memory: number | undefined, minCpu: number, maxCpu: number = MAX_CPU.cpu): SizeChoice[] {
  const wanted = memory ?? 0;
  const choices = cpu !== undefined && cpu >= minCpu && cpu <= maxCpu ? fargateMemoryChoices(cpu) : undefined;
  if (cpu !== undefined && choices) {
    const up = choices.find((m) => m >= wanted);
    if (up !== undefined) return [{ cpu, memory: up, certain: true }];
    const bigger = smallestSize(cpu + 1, wanted, maxCpu);
    const out: SizeChoice[] = bigger ? [{ ...bigger, certain: true }] : [];
    out.push({ cpu, memory: choices[choices.length - 1], certain: false });
    return out;
  }
  const size = smallestSize(Math.max(cpu ?? 0, minCpu), wanted, maxCpu);
  if (size) return [{ ...size, certain: true }];
  // Too much cpu (or memory) for any size: the largest cpu allowed, with the memory nearest to what was asked.
  const top = fargateMemoryChoices(maxCpu) ?? MAX_CPU.memory;
  return [{ cpu: maxCpu, memory: top.find((m) => m >= wanted) ?? top[top.length - 1], certain: false }];
}

/** Writes `n` in the form the user chose: "2048" stays MiB/units, "2 GB" / "1 vCPU" keep their unit. */
export function formatLike(original: unknown, n: number): string {
  const m = typeof original === 'string' ? /^(\s*)\d*\.?\d+(\s*)(vcpu|gb)(\s*)$/i.exec(original) : null;
  return m ? `${m[1]}${n / 1024}${m[2]}${m[3]}${m[4]}` : String(n);
}

/** What a cpu value allows, in words: "512, 1024 or 2048" or "4096 to 30720 in steps of 1024". */
export function describeMemory(choices: readonly number[]): string {
  if (choices.length <= 4) return listWords(choices.map(String), 'or');
  return `${choices[0]} to ${choices[choices.length - 1]} in steps of ${choices[1] - choices[0]}`;
}

function vcpu(cpu: number): string {
  return `${cpu / 1024} vCPU`;
}

/** Proposals that set task cpu and memory to each choice (only the members that change). */
function sizeProposals(ctx: FixContext, minCpu: number, maxCpu?: number): FixProposal[] | undefined {
  const found = fixTarget(ctx);
  if (!found) return undefined;
  const td = found.target.value;
  const { cpu, memory } = readSize(td);
  return sizeChoices(cpu, memory, minCpu, maxCpu).map((choice) => {
    const changes = [];
    const parts = [];
    if (choice.cpu !== cpu) {
      const value = formatLike(td.cpu, choice.cpu);
      changes.push({ path: [...found.target.at, 'cpu'], value });
      parts.push(`cpu to "${value}"`);
    }
    if (choice.memory !== memory) {
      const value = formatLike(td.memory, choice.memory);
      changes.push({ path: [...found.target.at, 'memory'], value });
      parts.push(`memory to "${value}"`);
    }
    return { title: `Set ${listWords(parts)}`, changes, certain: choice.certain };
  });
}

function minFargateCpu(td: Obj): number {
  return isWindows(td) ? FARGATE_WINDOWS_MIN_CPU : FARGATE_SIZES[0].cpu;
}

function maxFargateCpu(td: Obj): number {
  return isWindows(td) ? FARGATE_WINDOWS_MAX_CPU : MAX_CPU.cpu;
}

const fargateTaskSizeRequired: Rule = {
  id: 'fargate-task-size-required',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate tasks need task-level cpu and memory',
  docs: DOCS.fargateTaskSize,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    const missing = (['cpu', 'memory'] as const).filter((k) => td[k] === undefined);
    if (missing.length === 0) return;
    const what = missing.map((k) => `"${k}"`).join(' and ');
    const quote = missing.includes('cpu') ? ` ECS rejects it: "Fargate requires that 'cpu' be defined at the task level".` : ' ECS rejects the registration.';
    ctx.report({
      path: fargateEntryPath(td),
      message: `requiresCompatibilities includes "FARGATE", and Fargate sizes every task from the task-level cpu and memory, but ${what} ${missing.length > 1 ? 'are' : 'is'} missing at the top level of the task definition (container-level values do not count).${quote}`,
      data: { missing },
    });
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    if (!found) return undefined;
    const td = found.target.value;
    const { cpu, memory } = readSize(td);
    const minCpu = minFargateCpu(td);
    let size: { cpu: number; memory: number } | undefined;
    if (td.cpu === undefined && td.memory === undefined) size = smallestSize(minCpu, 0);
    else if (td.cpu === undefined) size = memory === undefined ? undefined : smallestSize(minCpu, memory);
    else if (cpu !== undefined && cpu >= minCpu) size = { cpu, memory: fargateMemoryChoices(cpu)?.[0] ?? 0 };
    if (!size || size.memory === 0) return undefined;
    // Only the missing members are added; a present value, even a wrong one, is another rule's business.
    const added: Array<[string, string]> = [];
    if (td.cpu === undefined) added.push(['cpu', String(size.cpu)]);
    if (td.memory === undefined) added.push(['memory', String(size.memory)]);
    return [
      {
        title: `Add ${added.map(([k, v]) => `"${k}": "${v}"`).join(' and ')} (the smallest size that fits; adjust to your needs)`,
        changes: added.map(([k, v]) => ({ path: [...found.target.at, k], value: v })),
        certain: false,
      },
    ];
  },
};

const fargateCpuMemory: Rule = {
  id: 'fargate-cpu-memory',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate task cpu and memory must be one of the supported sizes',
  docs: DOCS.fargateTaskSize,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td)) return;
    const { cpu, memory } = readSize(td);
    if (cpu === undefined) return;
    const choices = fargateMemoryChoices(cpu);
    if (!choices) {
      ctx.report({
        path: ['cpu'],
        message: `cpu "${str(td.cpu)}"${str(td.cpu)?.trim() === String(cpu) ? '' : ` (${cpu} CPU units)`} is not a Fargate size; Fargate offers ${listWords(FARGATE_SIZES.map((s) => String(s.cpu)), 'or')} units (0.25 to 16 vCPU). ${NO_CONFIG}`,
      });
      return;
    }
    if (memory === undefined || choices.includes(memory)) return;
    ctx.report({
      path: ['memory'],
      message: `cpu "${str(td.cpu)}" (${vcpu(cpu)}) allows memory ${describeMemory(choices)} MiB on Fargate; "${str(td.memory)}"${str(td.memory)?.trim() === String(memory) ? '' : ` (${memory} MiB)`} is not one of them. ${NO_CONFIG}`,
    });
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    return found ? sizeProposals(ctx, minFargateCpu(found.target.value), maxFargateCpu(found.target.value)) : undefined;
  },
};

const fargateWindowsCpu: Rule = {
  id: 'fargate-windows-cpu',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Windows tasks on Fargate need at least 1 vCPU',
  docs: DOCS.fargate,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td) || !isWindows(td)) return;
    const { cpu } = readSize(td);
    // A cpu that is no Fargate size at all is reported (with a Windows-aware fix) by fargate-cpu-memory.
    if (cpu === undefined || cpu >= FARGATE_WINDOWS_MIN_CPU || !fargateMemoryChoices(cpu)) return;
    ctx.report({
      path: ['cpu'],
      message: `Windows containers on Fargate run with at least 1 vCPU (cpu "1024"); cpu "${str(td.cpu)}" is ${vcpu(cpu)}, so ECS has no Fargate size for this Windows task.`,
    });
  },
  fix(ctx) {
    return sizeProposals(ctx, FARGATE_WINDOWS_MIN_CPU, FARGATE_WINDOWS_MAX_CPU);
  },
};

const fargateWindowsCpuMaximum: Rule = {
  id: 'fargate-windows-cpu-maximum',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Windows tasks on Fargate use at most 4 vCPU',
  docs: DOCS.fargateTaskSize,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td) || !isWindows(td)) return;
    const { cpu } = readSize(td);
    // A cpu that is no Fargate size at all is fargate-cpu-memory's to report.
    if (cpu === undefined || cpu <= FARGATE_WINDOWS_MAX_CPU || !fargateMemoryChoices(cpu)) return;
    ctx.report({
      path: ['cpu'],
      message: `cpu "${str(td.cpu)}" (${vcpu(cpu)}) is a Fargate size for Linux only: Windows containers on Fargate run with 1, 2 or 4 vCPU. ${NO_CONFIG}`,
    });
  },
  fix(ctx) {
    // Coming down to 4 vCPU takes resources away from the task: offered, never applied blindly.
    return sizeProposals(ctx, FARGATE_WINDOWS_MIN_CPU, FARGATE_WINDOWS_MAX_CPU);
  },
};

const EC2_MIN_CPU = EC2_TASK_CPU.min;
const EC2_MAX_CPU = EC2_TASK_CPU.max;

const ec2TaskCpuRange: Rule = {
  id: 'ec2-task-cpu-range',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Task-level cpu on EC2 must be between 128 and 196608 units',
  docs: DOCS.taskSize,
  check(ctx) {
    const td = ctx.target.value;
    if (!validatedForEc2Only(td)) return;
    const { cpu } = readSize(td);
    if (cpu === undefined || (cpu >= EC2_MIN_CPU && cpu <= EC2_MAX_CPU)) return;
    const value = cpu < EC2_MIN_CPU ? EC2_MIN_CPU : EC2_MAX_CPU;
    ctx.report({
      path: ['cpu'],
      message: `Task-level cpu on EC2 or external instances must be between ${EC2_MIN_CPU} (0.125 vCPU) and ${EC2_MAX_CPU} (192 vCPU) units; "${str(td.cpu)}"${str(td.cpu)?.trim() === String(cpu) ? '' : ` (${cpu} units)`} is outside that range, so ECS rejects it.`,
      data: { value: formatLike(td.cpu, value) },
    });
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    const value = ctx.diagnostic.data?.value;
    if (!Array.isArray(path) || typeof value !== 'string') return undefined;
    return [{ title: `Set cpu to "${value}"`, changes: [{ path, value }], certain: true }];
  },
};

export const sizeRules: Rule[] = [fargateTaskSizeRequired, fargateCpuMemory, fargateWindowsCpu, fargateWindowsCpuMaximum, ec2TaskCpuRange];
