import type { Rule } from '../types';

/** Rules for services, including checks against the task definition a service names. */
export const serviceRules: Rule[] = [];
