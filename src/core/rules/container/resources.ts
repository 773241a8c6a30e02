/** Container memory and CPU: hard vs soft limit, Docker's minimum, the EC2 memory requirement, fitting into the task size. */
import type { JsonPath } from '../../types';
import type { FixContext, FixProposal, Rule, RuleContext } from '../types';
import { DOCKER_MIN_CONTAINER_MEMORY_MIB, DOCS, isFargate, taskCpuUnits, taskMemoryMiB } from '../../facts';
import { containerAnchor, containerLabel, containerName, containers, isSet, num, type Obj, perTask, reportedPath, taskMemo } from '../helpers';

export const memoryBelowReservation: Rule = {
  id: 'container-memory-below-reservation',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A container\'s memory (hard limit) is not below its memoryReservation (soft limit)',
  docs: DOCS.container('memoryReservation'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const memory = num(c.memory);
      const reservation = num(c.memoryReservation);
      // Equal values pass: the API reference says "greater than", but ECS registers memory == memoryReservation
      // (the developer guide was corrected to "greater than or equal to"), so reporting it would be a false error.
      if (memory === undefined || reservation === undefined || memory >= reservation) continue;
      ctx.report({
        path: [...path, 'memoryReservation'],
        message:
          `${containerLabel(c, i, true)} reserves ${reservation} MiB (memoryReservation, the soft limit) but may use ` +
          `at most ${memory} MiB (memory, the hard limit). The hard limit must be at least the soft limit, so ECS ` +
          `rejects this container definition.`,
        data: { memory, reservation },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { memory, reservation } = ctx.diagnostic.data ?? {};
    if (!path || typeof memory !== 'number' || typeof reservation !== 'number') return undefined;
    const container = path.slice(0, -1);
    return [
      {
        title: `Swap them: memory ${reservation}, memoryReservation ${memory}`,
        changes: [
          { path: [...container, 'memory'], value: reservation },
          { path, value: memory },
        ],
        certain: false,
      },
      { title: `Remove memoryReservation (keep the ${memory} MiB hard limit)`, changes: [{ path, remove: true }], certain: false },
    ];
  },
};

export const memoryRequired: Rule = {
  id: 'container-memory-missing',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Without task-level memory (EC2), each container sets memory or memoryReservation',
  docs: DOCS.container('memory'),
  check(ctx) {
    const td = ctx.target.value;
    if (isFargate(td) || isSet(td.memory)) return;
    for (const { c, i, path } of containers(td)) {
      if (isSet(c.memory) || isSet(c.memoryReservation)) continue;
      ctx.report({
        path: containerAnchor(c, path),
        message:
          `${containerLabel(c, i, true)} sets neither memory nor memoryReservation, and the task has no task-level ` +
          `memory. On EC2, ECS then has no amount to reserve and rejects the task definition ("At least one of 'memory' ` +
          `or 'memoryReservation' must be specified."). Give the container a limit, or set "memory" on the task.`,
      });
    }
  },
};

/** The most memory a container may use: its hard limit, or its reservation when it has only that. */
function hardMemory(c: Obj): { value: number; key: 'memory' | 'memoryReservation' } | undefined {
  const memory = num(c.memory);
  if (memory !== undefined) return { value: memory, key: 'memory' };
  const reservation = num(c.memoryReservation);
  return reservation !== undefined ? { value: reservation, key: 'memoryReservation' } : undefined;
}

/**
 * Memory a container reserves out of the task, as ECS adds it up: its soft limit (memoryReservation) when set,
 * else its hard limit. Hard limits above the reservation may overlap: they are ceilings, not reservations.
 */
function reservedMemory(c: Obj): { value: number; key: 'memory' | 'memoryReservation' } | undefined {
  const reservation = num(c.memoryReservation);
  if (reservation !== undefined) return { value: reservation, key: 'memoryReservation' };
  const memory = num(c.memory);
  return memory !== undefined ? { value: memory, key: 'memory' } : undefined;
}

function claimedCpu(c: Obj): { value: number; key: 'cpu' } | undefined {
  const cpu = num(c.cpu);
  return cpu !== undefined ? { value: cpu, key: 'cpu' } : undefined;
}

/** What a container claims of a task resource; its label and path are made only when a message needs them. */
class Share {
  constructor(
    readonly c: Obj,
    private readonly i: number,
    readonly value: number,
    private readonly containerPath: JsonPath,
    private readonly key: string,
  ) {}

  get label(): string {
    return containerName(this.c, this.i);
  }

  /** Path of the member that claims it. */
  get path(): JsonPath {
    return [...this.containerPath, this.key];
  }
}

type Claim = (c: Obj) => { value: number; key: string } | undefined;
const shareCache = taskMemo<Map<Claim, Share[]>>('shares');

/** What each container claims of a task resource; built once per task definition and claim (do not change it). */
function shares(td: Obj, read: Claim): readonly Share[] {
  const byClaim = perTask(shareCache, td, () => new Map<Claim, Share[]>());
  let out = byClaim.get(read);
  if (!out) {
    out = [];
    for (const { c, i, path } of containers(td)) {
      const claim = read(c);
      if (claim) out.push(new Share(c, i, claim.value, path, claim.key));
    }
    byClaim.set(read, out);
  }
  return out;
}

function listShares(list: readonly Share[], unit: string): string {
  return list.map((s) => `${s.label} ${s.value}${unit}`).join(', ');
}

function sumFix(ctx: FixContext, key: 'memory' | 'cpu', label: string): FixProposal[] | undefined {
  const path = reportedPath(ctx);
  const total = ctx.diagnostic.data?.total;
  if (!path || typeof total !== 'number' || ctx.diagnostic.data?.fargate === true) return undefined;
  return [{ title: `Raise the task's ${key} to ${total} ${label}`, changes: [{ path, value: String(total) }], certain: false }];
}

function checkTaskFit(ctx: RuleContext, key: 'memory' | 'cpu', mode: 'single' | 'sum'): void {
  const td = ctx.target.value;
  const taskAmount = key === 'memory' ? taskMemoryMiB(td.memory) : taskCpuUnits(td.cpu);
  if (taskAmount === undefined) return;
  const unit = key === 'memory' ? ' MiB' : ' CPU units';
  const list = shares(td, key === 'cpu' ? claimedCpu : mode === 'single' ? hardMemory : reservedMemory);
  const tooBig = list.filter((s) => s.value > taskAmount);
  const taskText = (): string => `task-level ${key} "${String(td[key])}"${key === 'memory' ? '' : ` (${taskAmount} CPU units)`}`;
  if (mode === 'single') {
    for (const s of tooBig) {
      const member = String(s.path[s.path.length - 1]);
      ctx.report({
        path: s.path,
        message:
          `Container ${s.label} asks for ${s.value}${unit} (${member}), more than the whole task has: ${taskText()}. ` +
          `A container must fit inside the task, so ECS rejects this task definition.`,
        data: { task: taskAmount, reservation: num(s.c.memoryReservation) },
      });
    }
    return;
  }
  if (tooBig.length > 0 || list.length < 2) return;
  const total = list.reduce((sum, s) => sum + s.value, 0);
  if (total <= taskAmount) return;
  ctx.report({
    path: [key],
    message:
      `The containers together ask for ${total}${unit} (${listShares(list, '')}), more than the ${taskText()}. ` +
      `The containers' ${key === 'memory' ? 'memoryReservation (or memory where no reservation is set)' : 'cpu'} values must add ` +
      `up to no more than the task's, so ECS rejects this task definition. Lower the containers' values or raise the task's ${key}.`,
    data: { total, fargate: isFargate(td) },
  });
}

export const memoryExceedsTask: Rule = {
  id: 'container-memory-exceeds-task',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'No container asks for more memory than the task has',
  docs: DOCS.taskSize,
  check: (ctx) => checkTaskFit(ctx, 'memory', 'single'),
  fix(ctx) {
    const path = reportedPath(ctx);
    const { task, reservation } = ctx.diagnostic.data ?? {};
    if (!path || typeof task !== 'number' || path[path.length - 1] !== 'memory') return undefined;
    if (typeof reservation === 'number' && reservation > task) return undefined;
    return [{ title: `Lower memory to ${task} MiB (the task's memory)`, changes: [{ path, value: task }], certain: false }];
  },
};

export const memorySumExceedsTask: Rule = {
  id: 'container-memory-sum-exceeds-task',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'The containers\' memory adds up to no more than the task memory',
  docs: DOCS.taskSize,
  check: (ctx) => checkTaskFit(ctx, 'memory', 'sum'),
  fix: (ctx) => sumFix(ctx, 'memory', 'MiB'),
};

export const cpuExceedsTask: Rule = {
  id: 'container-cpu-exceeds-task',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'No container asks for more CPU than the task has',
  docs: DOCS.taskSize,
  check: (ctx) => checkTaskFit(ctx, 'cpu', 'single'),
  fix(ctx) {
    const path = reportedPath(ctx);
    const task = ctx.diagnostic.data?.task;
    if (!path || typeof task !== 'number') return undefined;
    return [{ title: `Lower cpu to ${task} (the task's cpu)`, changes: [{ path, value: task }], certain: false }];
  },
};

export const cpuSumExceedsTask: Rule = {
  id: 'container-cpu-sum-exceeds-task',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'The containers\' cpu adds up to no more than the task cpu',
  docs: DOCS.taskSize,
  check: (ctx) => checkTaskFit(ctx, 'cpu', 'sum'),
  fix: (ctx) => sumFix(ctx, 'cpu', 'CPU units'),
};

export const memoryMinimum: Rule = {
  id: 'container-memory-minimum',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'A container gets at least 6 MiB of memory (Docker 20.10 and later)',
  docs: DOCS.container('memory'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      for (const key of ['memory', 'memoryReservation'] as const) {
        const value = num(c[key]);
        // Below 4 MiB is a schema error (schema.range); 4 and 5 pass ECS and fail in Docker.
        if (value === undefined || value < 4 || value >= DOCKER_MIN_CONTAINER_MEMORY_MIB) continue;
        ctx.report({
          path: [...path, key],
          message: `${containerLabel(c, i, true)} has ${key} ${value} MiB; ECS accepts it, but Docker 20.10 and later (every current ECS-optimized AMI and Fargate) reserve ${DOCKER_MIN_CONTAINER_MEMORY_MIB} MiB per container, so the container fails to start. Give it at least ${DOCKER_MIN_CONTAINER_MEMORY_MIB} MiB.`,
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    // Raising to the minimum is the only value that starts, and takes no more than the container must have.
    return path ? [{ title: `Set to ${DOCKER_MIN_CONTAINER_MEMORY_MIB} MiB`, changes: [{ path, value: DOCKER_MIN_CONTAINER_MEMORY_MIB }], certain: true }] : undefined;
  },
};

export const resourceRules: Rule[] = [memoryBelowReservation, memoryMinimum, memoryRequired, memoryExceedsTask, memorySumExceedsTask, cpuExceedsTask, cpuSumExceedsTask];
