import type { Rule } from '../types';

/** Rules for task definitions. */
export const taskRules: Rule[] = [];
