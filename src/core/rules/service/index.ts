/** Rules for services, including checks against the task definition a service names (cross-file.ts). */
import type { Rule } from '../types';
import { capacityRules } from './capacity';
import { crossFileRules } from './cross-file';
import { controllerRules } from './controllers';
import { deploymentRules } from './deployment';
import { ebsRules } from './ebs';
import { ebsSettingsRules } from './ebs-settings';
import { ebsTaskDefinitionRules } from './ebs-task-definition';
import { launchTypeRules } from './launch-types';
import { lifecycleHookRules } from './lifecycle-hooks';
import { loadBalancerRules } from './load-balancers';
import { networkRules } from './network';
import { placementRules } from './placement';
import { platformTaskDefinitionRules } from './platform-task-definition';
import { registryRules } from './registries';
import { schedulingRules } from './scheduling';
import { serviceConnectRules } from './service-connect';
import { strategyRules } from './strategies';
import { tagRules } from './tags';

export const serviceRules: Rule[] = [
  ...schedulingRules,
  ...capacityRules,
  ...networkRules,
  ...launchTypeRules,
  ...deploymentRules,
  ...strategyRules,
  ...lifecycleHookRules,
  ...controllerRules,
  ...placementRules,
  ...loadBalancerRules,
  ...registryRules,
  ...serviceConnectRules,
  ...ebsRules,
  ...ebsSettingsRules,
  ...tagRules,
  ...crossFileRules,
  ...ebsTaskDefinitionRules,
  ...platformTaskDefinitionRules,
];
