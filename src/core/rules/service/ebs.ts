/**
 * The Amazon EBS volumes a service configures at launch (volumeConfigurations[].managedEBSVolume): the volume type
 * and the size, IOPS and throughput it allows. Presence rules (size or snapshot, tags) live in ebs-settings.ts, the
 * checks against the task definition in ebs-task-definition.ts.
 */
import type { FixContext, FixProposal, Rule } from '../types';
import { DOCS, EBS_VOLUME_TYPE_NAMES, EBS_VOLUME_TYPES, type EbsVolumeType, type Limits } from '../../facts';
import { changeTo, entries, fargateSource, known, listOf, num, type Obj, objAt, renameProposals, reportedPath } from '../helpers';
import type { JsonPath } from '../../types';

/** A managed EBS volume of the service, with its path and (when given and known) its volume type. */
export interface ManagedVolume {
  v: Obj;
  path: JsonPath;
  typeName?: string;
  type?: EbsVolumeType;
}

/** Each `managedEBSVolume` object of the service's volume configurations. */
export function managedVolumes(svc: Obj): ManagedVolume[] {
  return entries(svc, 'volumeConfigurations').flatMap(({ e, i }) => {
    const v = objAt(e, 'managedEBSVolume');
    if (!v) return [];
    const typeName = known(v.volumeType);
    const type = typeName === undefined ? undefined : EBS_VOLUME_TYPES[typeName];
    return [{ v, path: ['volumeConfigurations', i, 'managedEBSVolume'], typeName, type }];
  });
}

/** The types whose IOPS can be provisioned, and those that take a throughput, for messages. */
const TYPES_WITH_IOPS = EBS_VOLUME_TYPE_NAMES.filter((n) => typeof EBS_VOLUME_TYPES[n].iops === 'object');
const TYPES_WITH_THROUGHPUT = EBS_VOLUME_TYPE_NAMES.filter((n) => EBS_VOLUME_TYPES[n].throughput);

function outside(value: number, limits: Limits): boolean {
  return value < limits.min || value > limits.max;
}

/** The nearest value inside the limits: the proposal of a fix. */
function clamp(value: number, limits: Limits): number {
  return Math.min(limits.max, Math.max(limits.min, value));
}

function clampFix(ctx: FixContext, what: string): FixProposal[] | undefined {
  const path = reportedPath(ctx);
  const value = ctx.diagnostic.data?.nearest;
  if (!path || typeof value !== 'number') return undefined;
  return [{ title: `Set "${what}" to ${value}`, changes: [{ path, value }], certain: false }];
}

export const ebsVolumeType: Rule = {
  id: 'ebs-volume-type',
  severity: 'error',
  appliesTo: 'service',
  title: 'An EBS volume type is gp2, gp3, io1, io2, st1, sc1 or standard, and not standard on Fargate',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    const svc = ctx.target.value;
    for (const { path, typeName, type } of managedVolumes(svc)) {
      if (typeName === undefined) continue;
      if (!type) {
        ctx.report({
          path: [...path, 'volumeType'],
          message:
            `"${typeName}" is not an EBS volume type. ECS creates the volume with EC2 CreateVolume, which knows only ${listOf(EBS_VOLUME_TYPE_NAMES)}, ` +
            'so the service\'s tasks get no volume and the request is rejected. Volume types are written in lowercase.',
          data: { wrong: typeName },
        });
        continue;
      }
      const fargate = type.fargate ? undefined : fargateSource(svc);
      if (!fargate) continue;
      ctx.report({
        path: [...path, 'volumeType'],
        message:
          `The magnetic volume type "${typeName}" cannot be attached to Fargate tasks, and this service runs on Fargate (${fargate.label}); ` +
          'ECS rejects the volume configuration. Use an SSD type such as "gp3" (the magnetic type is a previous-generation type anyway).',
        data: { candidate: 'gp3' },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    if (!path) return undefined;
    const { wrong, candidate } = ctx.diagnostic.data ?? {};
    if (typeof wrong === 'string') return renameProposals(path, wrong, [...EBS_VOLUME_TYPE_NAMES]);
    if (typeof candidate !== 'string') return undefined;
    return [changeTo(path, candidate, false)];
  },
};

export const ebsVolumeSize: Rule = {
  id: 'ebs-volume-size',
  severity: 'error',
  appliesTo: 'service',
  title: 'An EBS volume size fits its volume type',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    for (const { v, path, typeName, type } of managedVolumes(ctx.target.value)) {
      const size = num(v.sizeInGiB);
      if (!type || size === undefined || !outside(size, type.size)) continue;
      ctx.report({
        path: [...path, 'sizeInGiB'],
        message:
          `A ${type.label} volume is ${type.size.min} to ${type.size.max} GiB; ${size} GiB is ${size < type.size.min ? 'too small' : 'too large'} for "${typeName}". ` +
          'EBS cannot create such a volume: ECS rejects the volume configuration, or the tasks fail to start without it. Change the size or the volume type.',
        data: { nearest: clamp(size, type.size) },
      });
    }
  },
  fix: (ctx) => clampFix(ctx, 'sizeInGiB'),
};

export const ebsVolumeIops: Rule = {
  id: 'ebs-volume-iops',
  severity: 'error',
  appliesTo: 'service',
  title: 'EBS iops: required for io1 and io2, not for st1, sc1 or standard, within the range of the type',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    for (const { v, path, typeName, type } of managedVolumes(ctx.target.value)) {
      if (!type) continue;
      if (type.iopsRequired && v.iops === undefined) {
        const limits = type.iops as Limits;
        ctx.report({
          path: [...path, 'volumeType'],
          message:
            `A ${type.label} volume is sized by its provisioned IOPS, so "${typeName}" needs "iops" (${limits.min} to ${limits.max}); ` +
            'without it EBS cannot create the volume and ECS rejects the volume configuration. Add the IOPS the workload needs.',
          data: { add: limits.min },
        });
        continue;
      }
      if (v.iops === undefined) continue;
      if (type.iops === 'unsupported') {
        ctx.report({
          path: [...path, 'iops'],
          target: 'key',
          message:
            `${type.label} volumes have no provisioned IOPS: their performance comes from their size, and ECS rejects "iops" for them. ` +
            `Remove it, or choose ${listOf(TYPES_WITH_IOPS, 'or')} to provision IOPS.`,
          data: { remove: true },
        });
        continue;
      }
      const iops = num(v.iops);
      if (type.iops === 'unchecked' || iops === undefined || !outside(iops, type.iops)) continue;
      ctx.report({
        path: [...path, 'iops'],
        message:
          `A ${type.label} volume takes ${type.iops.min} to ${type.iops.max} IOPS; ${iops} is ${iops < type.iops.min ? 'below' : 'above'} that range, ` +
          'so EBS cannot create the volume and ECS rejects the volume configuration.',
        data: { nearest: clamp(iops, type.iops) },
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { remove, add } = ctx.diagnostic.data ?? {};
    if (!path) return undefined;
    if (remove === true) return [{ title: 'Remove "iops"', changes: [{ path, remove: true }], certain: true }];
    if (typeof add === 'number') return [{ title: `Add "iops": ${add}`, changes: [{ path: [...path.slice(0, -1), 'iops'], value: add }], certain: false }];
    return clampFix(ctx, 'iops');
  },
};

export const ebsVolumeThroughput: Rule = {
  id: 'ebs-volume-throughput',
  severity: 'error',
  appliesTo: 'service',
  title: 'EBS throughput is provisioned for gp3 volumes only',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    for (const { v, path, typeName, type } of managedVolumes(ctx.target.value)) {
      // Without a volume type the default applies, which the API reference does not state: not judged.
      if (!type || type.throughput || v.throughput === undefined) continue;
      ctx.report({
        path: [...path, 'throughput'],
        target: 'key',
        message:
          `Only ${listOf(TYPES_WITH_THROUGHPUT, 'and')} volumes take a provisioned throughput; a ${type.label} volume ("${typeName}") gets its throughput from its type and size, ` +
          `and ECS rejects "throughput" for it. Remove it, or use ${listOf(TYPES_WITH_THROUGHPUT, 'or')} to set the throughput yourself.`,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "throughput"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const ebsRules: Rule[] = [ebsVolumeType, ebsVolumeSize, ebsVolumeIops, ebsVolumeThroughput];
