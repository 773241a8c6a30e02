/** Container identity: at least one essential container, unique names. */
import { containsPlaceholder } from '../../document/placeholders';
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { containers, isObj, reportedPath, str } from '../helpers';

export const essentialContainer: Rule = {
  id: 'container-no-essential',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'At least one container must be essential',
  docs: DOCS.container('essential'),
  check(ctx) {
    const all = containers(ctx.target.value);
    if (all.length === 0 || !all.every(({ c }) => c.essential === false)) return;
    ctx.report({
      path: [...all[0].path, 'essential'],
      message:
        `Every container sets "essential": false, so nothing in the task counts as its main process. ` +
        `ECS rejects the task definition ("Task definition doesn't have any essential container."). ` +
        `Mark the container whose exit should stop the task as essential (or drop "essential": false; it defaults to true).`,
      data: { containers: all.map(({ c, i }) => ({ index: i, name: str(c.name) ?? `containerDefinitions[${i}]` })) },
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const list = ctx.diagnostic.data?.containers;
    if (!path || !Array.isArray(list)) return undefined;
    const at = path.slice(0, -3);
    return list.filter(isObj).map((entry) => ({
      title: `Mark "${String(entry.name)}" as essential`,
      changes: [{ path: [...at, 'containerDefinitions', Number(entry.index), 'essential'], value: true }],
      certain: list.length === 1,
    }));
  },
};

export const uniqueContainerNames: Rule = {
  id: 'container-name-duplicate',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Container names are unique within a task definition',
  docs: DOCS.container('name'),
  check(ctx) {
    const seen = new Map<string, number>();
    for (const { c, i, path } of containers(ctx.target.value)) {
      const name = str(c.name);
      if (name === undefined || name === '' || containsPlaceholder(name)) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, i);
        continue;
      }
      ctx.report({
        path: [...path, 'name'],
        message:
          `containerDefinitions[${first}] is already named "${name}". Container names must be unique within a task ` +
          `definition (dependsOn, links, volumesFrom and a service's loadBalancers refer to containers by name), ` +
          `and ECS rejects duplicates. Rename one of them.`,
      });
    }
  },
};

export const nameRules: Rule[] = [essentialContainer, uniqueContainerNames];
