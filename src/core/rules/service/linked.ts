/** The task definition a service names, when the caller gave a workspace that holds it. */
import type { RuleContext } from '../types';
import { asArray, isObj, known, type Obj, str } from '../helpers';

export interface LinkedTaskDefinition {
  td: Obj;
  /** The service's `taskDefinition` value, as written (for messages). */
  reference: string;
}

export function linkedTaskDefinition(ctx: RuleContext): LinkedTaskDefinition | undefined {
  const reference = known(ctx.target.value.taskDefinition);
  if (!ctx.workspace || reference === undefined) return undefined;
  const td = ctx.workspace.findTaskDefinition(reference);
  return isObj(td) ? { td, reference } : undefined;
}

/** The container definitions of a task definition, by name (only names that can be judged). */
export function containersByName(td: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const c of asArray(td.containerDefinitions)) {
    if (!isObj(c)) continue;
    const name = str(c.name);
    if (name !== undefined && !out.has(name)) out.set(name, c);
  }
  return out;
}

/** True when some container name is a template placeholder: a name that is missing now may appear once rendered. */
export function hasPlaceholderNames(td: Obj): boolean {
  return asArray(td.containerDefinitions).some((c) => isObj(c) && typeof c.name === 'string' && known(c.name) === undefined);
}
