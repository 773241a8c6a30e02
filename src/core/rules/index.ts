/** The rule table: every cross-field ECS rule, in one list. */
import { containerRules } from './container/index';
import { serviceRules } from './service/index';
import { taskRules } from './task/index';
import type { Rule } from './types';

export const rules: Rule[] = [...taskRules, ...containerRules, ...serviceRules];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
