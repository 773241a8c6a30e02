/** Tagging of the service's tasks. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { baseOf } from '../helpers';

export const managedTagsPropagate: Rule = {
  id: 'service-managed-tags-propagate',
  severity: 'information',
  appliesTo: 'service',
  title: 'enableECSManagedTags goes with propagateTags',
  docs: DOCS.tagging,
  check(ctx) {
    const svc = ctx.target.value;
    if (svc.enableECSManagedTags !== true || svc.propagateTags !== undefined) return;
    ctx.report({
      path: ['enableECSManagedTags'],
      target: 'key',
      message:
        'ECS managed tags (aws:ecs:clusterName, aws:ecs:serviceName) are turned on, but "propagateTags" is not set, so the tags of the service or task definition ' +
        'are not copied to the tasks. The ECS tagging guide asks for propagateTags together with managed tags; set it to "SERVICE" or "TASK_DEFINITION" ' +
        'so cost allocation and IAM conditions see the same tags on every task.',
    });
  },
  fix(ctx) {
    // Two reasonable sources of tags: the user chooses, so neither is applied by "fix all".
    const path = [...baseOf(ctx), 'propagateTags'];
    return [
      { title: 'Add "propagateTags": "SERVICE"', changes: [{ path, value: 'SERVICE' }], certain: false },
      { title: 'Add "propagateTags": "TASK_DEFINITION"', changes: [{ path, value: 'TASK_DEFINITION' }], certain: false },
    ];
  },
};

export const tagRules: Rule[] = [managedTagsPropagate];
