/** Helpers shared by the container rules. */
import { closest, distance } from 'fastest-levenshtein';
import { containsPlaceholder } from '../../placeholders';
import type { JsonPath } from '../../types';
import type { FixContext, FixProposal } from '../types';
import { containers, sameIgnoringCase, str, type Obj } from '../util';

const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';
const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';

/** Documentation pages the container rules point to. */
export const DOCS = {
  container: (member: string) => `${API}/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-${member}`,
  dependency: `${API}/API_ContainerDependency.html`,
  healthCheck: `${API}/API_HealthCheck.html`,
  mountPoint: `${API}/API_MountPoint.html`,
  volumeFrom: `${API}/API_VolumeFrom.html`,
  efs: `${GUIDE}/efs-volumes.html`,
  efsAuthorization: `${API}/API_EFSAuthorizationConfig.html`,
  efsVolume: `${API}/API_EFSVolumeConfiguration.html`,
  secrets: `${GUIDE}/specifying-sensitive-data.html`,
  secret: `${API}/API_Secret.html`,
  environmentFile: `${GUIDE}/use-environment-file.html`,
  taskSize: `${GUIDE}/task_definition_parameters.html#task_size`,
} as const;

/** The container names of a task (first index of each), and whether any name is still a template placeholder. */
export function containerNameIndex(td: Obj): { names: Map<string, number>; templated: boolean } {
  const names = new Map<string, number>();
  let templated = false;
  for (const { c, i } of containers(td)) {
    const name = str(c.name);
    if (name === undefined) continue;
    if (!names.has(name)) names.set(name, i);
    if (containsPlaceholder(name)) templated = true;
  }
  return { names, templated };
}

/** The absolute path the diagnostic was reported at (lint puts it into `data.path`). */
export function reportedPath(ctx: FixContext): JsonPath | undefined {
  const path = ctx.diagnostic.data?.path;
  return Array.isArray(path) ? path : undefined;
}

/** Proposals that point a reference (container or volume name) at the one the user probably meant. */
export function renameProposals(path: JsonPath, wrong: string, names: string[], makeValue: (name: string) => string = (n) => n): FixProposal[] {
  const caseOnly = sameIgnoringCase(wrong, names);
  if (caseOnly) return [{ title: `Change to "${caseOnly}"`, changes: [{ path, value: makeValue(caseOnly) }], certain: true }];
  if (names.length === 0) return [];
  const near = closest(wrong, names);
  if (distance(wrong, near) > Math.max(2, Math.floor(wrong.length / 3))) return [];
  return [{ title: `Change to "${near}"`, changes: [{ path, value: makeValue(near) }], certain: false }];
}
