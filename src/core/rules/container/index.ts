import type { Rule } from '../types';
import { dependencyRules } from './dependencies';
import { efsRules } from './efs';
import { deviceRules } from './devices';
import { environmentRules } from './environment';
import { formatRules } from './formats';
import { healthRules } from './health';
import { kernelRules } from './kernel';
import { nameRules } from './names';
import { practiceRules } from './practice';
import { resourceRules } from './resources';
import { secretRules } from './secrets';
import { storageRules } from './storage';

/** Rules about the containers of a task definition: names, resources, dependencies, health, storage, secrets. */
export const containerRules: Rule[] = [
  ...nameRules,
  ...resourceRules,
  ...dependencyRules,
  ...healthRules,
  ...storageRules,
  ...efsRules,
  ...secretRules,
  ...environmentRules,
  ...practiceRules,
  ...kernelRules,
  ...formatRules,
  ...deviceRules,
];
