/** dependsOn: the target exists, is not the container itself, fits the condition (and exits), and there are no cycles. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { FixProposal, Rule } from '../types';
import { DOCS } from '../../facts';
import { asArray, containerLabel, containerNameIndex, containers, isObj, isSet, type Obj, perTask, renameProposals, reportedPath, reportedReference, str, taskMemo } from '../helpers';

interface Dependency {
  /** The depending container, its name and path. */
  c: Obj;
  i: number;
  from: string | undefined;
  /** Path of the dependsOn entry. */
  path: JsonPath;
  target: string;
  condition: string | undefined;
}

const dependencyCache = taskMemo<Dependency[]>('dependencies');

/** Every dependsOn entry that names a container; built once per task definition for the rules below (do not change it). */
function dependencies(td: Obj): readonly Dependency[] {
  return perTask(dependencyCache, td, () => {
    const out: Dependency[] = [];
    for (const { c, i, path } of containers(td)) {
      const list = asArray(c.dependsOn);
      for (let j = 0; j < list.length; j++) {
        const d = list[j];
        const target = isObj(d) ? str(d.containerName) : undefined;
        if (isObj(d) && target !== undefined && target !== '') out.push({ c, i, from: str(c.name), path: [...path, 'dependsOn', j], target, condition: str(d.condition) });
      }
    }
    return out;
  });
}

const byNameMemo = taskMemo<ReadonlyMap<string, Obj>>('containersByName');

/** Container objects by name (the first of each name); built once per task definition (do not change it). */
function byName(td: Obj): ReadonlyMap<string, Obj> {
  return perTask(byNameMemo, td, () => {
    const out = new Map<string, Obj>();
    for (const { c } of containers(td)) {
      const name = str(c.name);
      if (name !== undefined && !out.has(name)) out.set(name, c);
    }
    return out;
  });
}

/**
 * The dependencies with one of `conditions` whose target is another container of the task, with that container:
 * what the condition rules below judge (an unknown target or the container itself has rules of its own).
 */
function* waitsFor(td: Obj, conditions: readonly string[]): Generator<{ d: Dependency; target: Obj }> {
  const list = dependencies(td);
  if (list.length === 0) return;
  const targets = byName(td);
  for (const d of list) {
    const target = targets.get(d.target);
    if (target && d.target !== d.from && d.condition !== undefined && conditions.includes(d.condition)) yield { d, target };
  }
}

const EXITS = ['COMPLETE', 'SUCCESS'];

export const dependsOnUnknown: Rule = {
  id: 'depends-on-unknown-container',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'dependsOn names a container of this task',
  docs: DOCS.dependency,
  check(ctx) {
    const td = ctx.target.value;
    const list = dependencies(td);
    if (list.length === 0) return;
    const { names, templated } = containerNameIndex(td);
    if (templated) return;
    for (const d of list) {
      if (names.has(d.target) || containsPlaceholder(d.target)) continue;
      ctx.report({
        path: [...d.path, 'containerName'],
        message:
          `${containerLabel(d.c, d.i, true)} depends on "${d.target}", but the task has no container of that name ` +
          `(it has ${[...names.keys()].map((n) => `"${n}"`).join(', ') || 'none with a name'}). A dependency can only ` +
          `name a container of the same task definition; ECS rejects this one.`,
        data: { names: [...names.keys()] },
      });
    }
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong, names } = ref;
    const entry = path.slice(0, -1);
    return [
      ...renameProposals(path, wrong, names),
      { title: `Remove the dependency on "${wrong}"`, changes: [{ path: entry, remove: true }], certain: false },
    ];
  },
};

export const dependsOnSelf: Rule = {
  id: 'depends-on-self',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A container does not depend on itself',
  docs: DOCS.dependency,
  check(ctx) {
    for (const d of dependencies(ctx.target.value)) {
      if (d.target !== d.from) continue;
      ctx.report({
        path: [...d.path, 'containerName'],
        message:
          `Container "${d.target}" lists itself in dependsOn. It would wait for its own ${d.condition ?? 'START'} ` +
          `condition before starting, which can never happen, so the task cannot start. Remove this entry.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [{ title: 'Remove the dependency on itself', changes: [{ path: path.slice(0, -1), remove: true }], certain: true }];
  },
};

export const dependsOnHealthy: Rule = {
  id: 'depends-on-healthy-without-health-check',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A HEALTHY dependency targets a container with a healthCheck',
  docs: DOCS.dependency,
  check(ctx) {
    for (const { d, target } of waitsFor(ctx.target.value, ['HEALTHY'])) {
      if (isObj(target.healthCheck)) continue;
      ctx.report({
        path: [...d.path, 'condition'],
        message:
          `${containerLabel(d.c, d.i, true)} waits for "${d.target}" to be HEALTHY, but "${d.target}" has no ` +
          `healthCheck, so it never reports a health status. ECS requires a health check on the target of a HEALTHY ` +
          `dependency: add a healthCheck to "${d.target}" or wait for START instead.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [{ title: 'Wait for START instead of HEALTHY', changes: [{ path, value: 'START' }], certain: false }];
  },
};

export const dependsOnEssentialExit: Rule = {
  id: 'depends-on-essential-exit',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'COMPLETE and SUCCESS dependencies target non-essential containers',
  docs: DOCS.dependency,
  check(ctx) {
    const td = ctx.target.value;
    let essentialCount: number | undefined;
    for (const { d, target } of waitsFor(td, EXITS)) {
      if (target.essential === false) continue;
      essentialCount ??= containers(td).filter(({ c }) => c.essential !== false).length;
      ctx.report({
        path: [...d.path, 'condition'],
        message:
          `${containerLabel(d.c, d.i, true)} waits for "${d.target}" to ${d.condition === 'SUCCESS' ? 'exit with code 0' : 'exit'} ` +
          `(${d.condition}), but "${d.target}" is essential${target.essential === undefined ? ' (the default)' : ''}: its exit ` +
          `would stop the whole task. ECS rejects this ("A dependency container with SUCCESS or COMPLETE condition cannot ` +
          `be an essential container"). Set "essential": false on "${d.target}".`,
        data: { target: d.target, targetIndex: targetIndex(td, d.target), canDemote: essentialCount > 1 },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { target, targetIndex: index, canDemote } = ctx.diagnostic.data ?? {};
    if (!path || typeof target !== 'string' || typeof index !== 'number') return undefined;
    const containerList = path.slice(0, -4);
    const out: FixProposal[] = [];
    if (canDemote === true) {
      out.push({ title: `Mark "${target}" as not essential`, changes: [{ path: [...containerList, index, 'essential'], value: false }], certain: false });
    }
    out.push({ title: 'Wait for START instead', changes: [{ path, value: 'START' }], certain: false });
    return out;
  },
};

/** Why a container looks like a service that keeps running: it serves ports, is health-checked or routes logs. */
function keepsRunning(c: Obj): string | undefined {
  if (isSet(c.portMappings)) return 'it maps ports';
  if (isObj(c.healthCheck) && Array.isArray(c.healthCheck.command) && c.healthCheck.command[0] !== 'NONE') return 'it has a health check';
  if (isObj(c.firelensConfiguration)) return 'it is the FireLens log router';
  return undefined;
}

export const dependsOnSuccessExitCode: Rule = {
  id: 'depends-on-success-exit-code',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'COMPLETE and SUCCESS dependencies target containers that exit',
  docs: DOCS.dependency,
  check(ctx) {
    for (const { d, target } of waitsFor(ctx.target.value, EXITS)) {
      // An essential target is an error of its own (depends-on-essential-exit).
      if (target.essential !== false) continue;
      const why = keepsRunning(target);
      if (!why) continue;
      ctx.report({
        path: [...d.path, 'condition'],
        message:
          `${containerLabel(d.c, d.i, true)} waits for "${d.target}" to ${d.condition === 'SUCCESS' ? 'exit with status 0' : 'exit'} ` +
          `(${d.condition}), but "${d.target}" looks like a container that keeps running (${why}). If it never exits, the ` +
          `dependency never completes and ${containerLabel(d.c, d.i)} never starts. Wait for ${isObj(target.healthCheck) ? 'HEALTHY' : 'START'} instead.`,
        data: { condition: isObj(target.healthCheck) ? 'HEALTHY' : 'START' },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const condition = ctx.diagnostic.data?.condition;
    return path && typeof condition === 'string' ? [{ title: `Wait for ${condition} instead`, changes: [{ path, value: condition }], certain: false }] : undefined;
  },
};

function targetIndex(td: Obj, name: string): number | undefined {
  return containers(td).find(({ c }) => c.name === name)?.i;
}

export const dependsOnCycle: Rule = {
  id: 'depends-on-cycle',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Container dependencies have no cycles',
  docs: DOCS.dependency,
  check(ctx) {
    const list = dependencies(ctx.target.value);
    if (list.length < 2) return; // a cycle takes two dependencies (depending on itself is depends-on-self's)
    const edges = new Map<string, Dependency[]>();
    for (const d of list) {
      if (d.from === undefined || d.target === d.from) continue;
      const list = edges.get(d.from);
      if (list) list.push(d);
      else edges.set(d.from, [d]);
    }
    // Iterative depth-first search; a back edge to a container still on the stack closes a cycle.
    const state = new Map<string, 'open' | 'done'>();
    for (const start of edges.keys()) {
      if (state.has(start)) continue;
      const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
      state.set(start, 'open');
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const out = edges.get(top.name) ?? [];
        if (top.next >= out.length) {
          state.set(top.name, 'done');
          stack.pop();
          continue;
        }
        const d = out[top.next++];
        const seen = state.get(d.target);
        if (seen === undefined) {
          state.set(d.target, 'open');
          stack.push({ name: d.target, next: 0 });
        } else if (seen === 'open') {
          const cycle = [...stack.slice(stack.findIndex((s) => s.name === d.target)).map((s) => s.name), d.target];
          ctx.report({
            path: [...d.path, 'containerName'],
            message:
              `Dependency cycle: ${cycle.map((n) => `"${n}"`).join(' waits for ')}. Each of these containers waits ` +
              `for another one in the loop, so none of them can start and the task never runs. Remove one of the dependencies.`,
          });
        }
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    return [{ title: 'Remove this dependency', changes: [{ path: path.slice(0, -1), remove: true }], certain: false }];
  },
};

export const dependencyRules: Rule[] = [dependsOnUnknown, dependsOnSelf, dependsOnHealthy, dependsOnEssentialExit, dependsOnSuccessExitCode, dependsOnCycle];
