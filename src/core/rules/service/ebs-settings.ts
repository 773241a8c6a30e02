/**
 * The rest of a service's EBS volume settings: where the volume's data comes from, the snapshot initialization
 * rate, the tags ECS reserves, and the scheduling strategy that can have volumes at all.
 */
import type { Rule } from '../types';
import { managedVolumes } from './ebs';
import { DOCS, EBS_RESERVED_TAG_KEYS } from '../../facts';
import { entries, isDaemon, isSet, known, nonEmptyArray, reportedPath } from '../helpers';

export const ebsSizeOrSnapshot: Rule = {
  id: 'ebs-volume-size-or-snapshot',
  severity: 'error',
  appliesTo: 'service',
  title: 'A managed EBS volume gives sizeInGiB or snapshotId',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    for (const { v, path } of managedVolumes(ctx.target.value)) {
      if (isSet(v.sizeInGiB) || isSet(v.snapshotId)) continue;
      ctx.report({
        path,
        target: 'key',
        message:
          'This EBS volume has neither "sizeInGiB" nor "snapshotId", so ECS knows neither how large an empty volume to create nor which snapshot to restore. ' +
          'CreateService rejects it; give the size in GiB of a new volume, or the snapshot to create it from.',
      });
    }
  },
};

export const ebsInitializationRate: Rule = {
  id: 'ebs-volume-initialization-rate',
  severity: 'error',
  appliesTo: 'service',
  title: 'volumeInitializationRate applies only to volumes created from a snapshot',
  docs: DOCS.serviceManagedEbs,
  check(ctx) {
    for (const { v, path } of managedVolumes(ctx.target.value)) {
      if (v.volumeInitializationRate === undefined || isSet(v.snapshotId)) continue;
      ctx.report({
        path: [...path, 'volumeInitializationRate'],
        target: 'key',
        message:
          '"volumeInitializationRate" is the speed at which EBS fetches a snapshot\'s data into the new volume; this volume has no "snapshotId", ' +
          'so there is nothing to fetch and ECS rejects the setting. Remove it, or add the snapshot the volume starts from.',
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "volumeInitializationRate"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const ebsReservedTags: Rule = {
  id: 'ebs-reserved-tags',
  severity: 'error',
  appliesTo: 'service',
  title: 'EBS volume tags do not use the keys ECS reserves (AmazonECSCreated, AmazonECSManaged)',
  docs: DOCS.ebsTagSpecification,
  check(ctx) {
    for (const { v, path } of managedVolumes(ctx.target.value)) {
      for (const { e: spec, i } of entries(v, 'tagSpecifications')) {
        for (const { e: tag, i: j } of entries(spec, 'tags')) {
          const key = known(tag.key);
          if (key === undefined || !EBS_RESERVED_TAG_KEYS.has(key)) continue;
          ctx.report({
            path: [...path, 'tagSpecifications', i, 'tags', j, 'key'],
            message:
              `"${key}" is a tag key ECS sets on the volumes it creates and manages, to find them again; a tag specification may not use it, and the request is rejected. ` +
              'Choose another key.',
          });
        }
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove this tag', changes: [{ path: path.slice(0, -1), remove: true }], certain: true }];
  },
};

export const daemonVolumeConfigurations: Rule = {
  id: 'service-daemon-volume-configurations',
  severity: 'error',
  appliesTo: 'service',
  title: 'A DAEMON service has no volumeConfigurations',
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    if (!isDaemon(svc) || !nonEmptyArray(svc.volumeConfigurations)) return;
    ctx.report({
      path: ['volumeConfigurations'],
      target: 'key',
      message:
        'Amazon EBS volumes configured at launch are supported for REPLICA services only; CreateService rejects volumeConfigurations on a DAEMON service. ' +
        'Give the daemon host or Docker volumes in its task definition, or run it as a REPLICA service.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "volumeConfigurations"', changes: [{ path, remove: true }], certain: false }];
  },
};

export const ebsSettingsRules: Rule[] = [ebsSizeOrSnapshot, ebsInitializationRate, ebsReservedTags, daemonVolumeConfigurations];
