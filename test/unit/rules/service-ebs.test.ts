import assert from 'node:assert/strict';
import { ec2Service, daemonService, fargateService, fixedService, none, only, serviceFixes } from './service-helpers';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const volume = (ebs: Record<string, unknown>): Array<Record<string, unknown>> => [{ name: 'data', managedEBSVolume: { roleArn: ROLE, ...ebs } }];
const withVolume = (ebs: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ volumeConfigurations: volume(ebs), ...patch });
const ebsOf = (svc: Record<string, unknown>): Record<string, unknown> => ((svc.volumeConfigurations as Array<Record<string, unknown>>)[0].managedEBSVolume as Record<string, unknown>);

describe('service rules: EBS volumes configured at launch', () => {
  describe('ebs-volume-type', () => {
    it('flags a value that is no EBS volume type, and fixes the case for certain', () => {
      const d = only(withVolume({ volumeType: 'GP3', sizeInGiB: 20 }), 'ebs-volume-type', 'error', '"GP3"');
      assert.match(d.message, /not an EBS volume type/);
      assert.deepEqual(serviceFixes(withVolume({ volumeType: 'GP3', sizeInGiB: 20 }), 'ebs-volume-type'), [{ title: 'Change to "gp3"', certain: true }]);
      assert.equal(ebsOf(fixedService(withVolume({ volumeType: 'GP3', sizeInGiB: 20 }), 'ebs-volume-type')).volumeType, 'gp3');
      only(withVolume({ volumeType: 'ssd', sizeInGiB: 20 }), 'ebs-volume-type', 'error', '"ssd"');
    });

    it('flags the magnetic type on Fargate (launch type or capacity provider)', () => {
      const d = only(withVolume({ volumeType: 'standard', sizeInGiB: 20 }), 'ebs-volume-type', 'error', '"standard"');
      assert.match(d.message, /cannot be attached to Fargate tasks/);
      const spot = withVolume({ volumeType: 'standard', sizeInGiB: 20 }, { launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
      only(spot, 'ebs-volume-type', 'error', '"standard"');
      assert.deepEqual(serviceFixes(withVolume({ volumeType: 'standard', sizeInGiB: 20 }), 'ebs-volume-type'), [{ title: 'Change to "gp3"', certain: false }]);
    });

    it('accepts every type where it runs, placeholders and an omitted type', () => {
      for (const volumeType of ['gp2', 'gp3', 'st1', 'sc1']) none(withVolume({ volumeType, sizeInGiB: 500 }), 'ebs-volume-type');
      none(ec2Service({ volumeConfigurations: volume({ volumeType: 'standard', sizeInGiB: 20 }) }), 'ebs-volume-type');
      none(withVolume({ volumeType: '${VOLUME_TYPE}', sizeInGiB: 20 }), 'ebs-volume-type');
      none(withVolume({ sizeInGiB: 20 }), 'ebs-volume-type');
    });
  });

  describe('ebs-volume-size', () => {
    it('flags a size outside the range of the type', () => {
      const d = only(withVolume({ volumeType: 'st1', sizeInGiB: 100 }), 'ebs-volume-size', 'error', '100');
      assert.match(d.message, /125 to 16384 GiB; 100 GiB is too small/);
      only(withVolume({ volumeType: 'io1', sizeInGiB: 2 }), 'ebs-volume-size', 'error', '2');
      only(ec2Service({ volumeConfigurations: volume({ volumeType: 'standard', sizeInGiB: 2048 }) }), 'ebs-volume-size', 'error', '2048');
    });

    it('accepts sizes in range, and the larger gp3 and io2 volumes EBS creates today', () => {
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 1 }), 'ebs-volume-size');
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 30000 }), 'ebs-volume-size');
      none(withVolume({ volumeType: 'io2', sizeInGiB: 40000, iops: 1000 }), 'ebs-volume-size');
      none(withVolume({ sizeInGiB: 100 }), 'ebs-volume-size');
    });

    it('fix (a proposal): the nearest size the type allows', () => {
      assert.equal(ebsOf(fixedService(withVolume({ volumeType: 'st1', sizeInGiB: 100 }), 'ebs-volume-size')).sizeInGiB, 125);
    });
  });

  describe('ebs-volume-iops', () => {
    it('flags io1 and io2 without iops, on the volume type', () => {
      const d = only(withVolume({ volumeType: 'io2', sizeInGiB: 100 }), 'ebs-volume-iops', 'error', '"io2"');
      assert.match(d.message, /needs "iops" \(100 to 256000\)/);
      assert.equal(ebsOf(fixedService(withVolume({ volumeType: 'io1', sizeInGiB: 100 }), 'ebs-volume-iops')).iops, 100);
    });

    it('flags iops on st1, sc1 and standard; the fix removes it for certain', () => {
      const svc = withVolume({ volumeType: 'sc1', sizeInGiB: 500, iops: 3000 });
      assert.match(only(svc, 'ebs-volume-iops', 'error', '"iops"').message, /have no provisioned IOPS/);
      assert.deepEqual(serviceFixes(svc, 'ebs-volume-iops'), [{ title: 'Remove "iops"', certain: true }]);
      assert.equal(ebsOf(fixedService(svc, 'ebs-volume-iops')).iops, undefined);
    });

    it('flags iops outside the range of the type', () => {
      only(withVolume({ volumeType: 'gp3', sizeInGiB: 100, iops: 1000 }), 'ebs-volume-iops', 'error', '1000');
      only(withVolume({ volumeType: 'io1', sizeInGiB: 100, iops: 70000 }), 'ebs-volume-iops', 'error', '70000');
      assert.equal(ebsOf(fixedService(withVolume({ volumeType: 'gp3', sizeInGiB: 100, iops: 1000 }), 'ebs-volume-iops')).iops, 3000);
    });

    it('accepts iops in range, gp2 (where the sources disagree) and no iops where optional', () => {
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 100, iops: 6000 }), 'ebs-volume-iops');
      none(withVolume({ volumeType: 'io2', sizeInGiB: 100, iops: 64000 }), 'ebs-volume-iops');
      none(withVolume({ volumeType: 'gp2', sizeInGiB: 100, iops: 300 }), 'ebs-volume-iops');
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 100 }), 'ebs-volume-iops');
    });
  });

  describe('ebs-volume-throughput', () => {
    it('flags throughput on a type other than gp3; the fix removes it', () => {
      const svc = withVolume({ volumeType: 'gp2', sizeInGiB: 100, throughput: 250 });
      assert.match(only(svc, 'ebs-volume-throughput', 'error', '"throughput"').message, /Only "gp3" volumes take a provisioned throughput/);
      assert.equal(ebsOf(fixedService(svc, 'ebs-volume-throughput')).throughput, undefined);
    });

    it('accepts gp3 throughput and leaves an omitted type alone', () => {
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 100, throughput: 500 }), 'ebs-volume-throughput');
      none(withVolume({ sizeInGiB: 100, throughput: 500 }), 'ebs-volume-throughput');
    });
  });

  describe('ebs-volume-size-or-snapshot', () => {
    it('flags a volume with neither size nor snapshot', () => {
      const d = only(withVolume({ volumeType: 'gp3' }), 'ebs-volume-size-or-snapshot', 'error', '"managedEBSVolume"');
      assert.match(d.message, /neither "sizeInGiB" nor "snapshotId"/);
    });

    it('accepts either', () => {
      none(withVolume({ volumeType: 'gp3', sizeInGiB: 10 }), 'ebs-volume-size-or-snapshot');
      none(withVolume({ snapshotId: 'snap-0123456789abcdef0' }), 'ebs-volume-size-or-snapshot');
    });
  });

  describe('ebs-volume-initialization-rate', () => {
    it('flags an initialization rate without a snapshot; the fix removes it', () => {
      const svc = withVolume({ sizeInGiB: 10, volumeInitializationRate: 200 });
      assert.match(only(svc, 'ebs-volume-initialization-rate', 'error', '"volumeInitializationRate"').message, /no "snapshotId"/);
      assert.equal(ebsOf(fixedService(svc, 'ebs-volume-initialization-rate')).volumeInitializationRate, undefined);
    });

    it('accepts it with a snapshot', () => {
      none(withVolume({ snapshotId: 'snap-0123456789abcdef0', volumeInitializationRate: 200 }), 'ebs-volume-initialization-rate');
    });
  });

  describe('ebs-reserved-tags', () => {
    const tagged = (key: string): Record<string, unknown> =>
      withVolume({ sizeInGiB: 10, tagSpecifications: [{ resourceType: 'volume', tags: [{ key: 'team', value: 'data' }, { key, value: 'true' }] }] });

    it('flags the tag keys ECS reserves; the fix removes the tag', () => {
      assert.match(only(tagged('AmazonECSManaged'), 'ebs-reserved-tags', 'error', '"AmazonECSManaged"').message, /ECS sets on the volumes it creates/);
      const spec = (ebsOf(fixedService(tagged('AmazonECSCreated'), 'ebs-reserved-tags')).tagSpecifications as Array<Record<string, unknown>>)[0];
      assert.deepEqual(spec.tags, [{ key: 'team', value: 'data' }]);
    });

    it('accepts other keys, including ones that merely look similar', () => {
      none(tagged('owner'), 'ebs-reserved-tags');
      none(tagged('amazonecsmanaged-copy'), 'ebs-reserved-tags');
    });
  });

  describe('service-daemon-volume-configurations', () => {
    it('flags volume configurations on a DAEMON service', () => {
      const d = only(daemonService({ volumeConfigurations: volume({ sizeInGiB: 10 }) }), 'service-daemon-volume-configurations', 'error', '"volumeConfigurations"');
      assert.match(d.message, /REPLICA services only/);
      assert.deepEqual(serviceFixes(daemonService({ volumeConfigurations: volume({ sizeInGiB: 10 }) }), 'service-daemon-volume-configurations'), [{ title: 'Remove "volumeConfigurations"', certain: false }]);
      assert.deepEqual(fixedService(daemonService({ volumeConfigurations: volume({ sizeInGiB: 10 }) }), 'service-daemon-volume-configurations'), daemonService());
    });

    it('accepts them on a REPLICA service, and an empty list on a daemon', () => {
      none(withVolume({ sizeInGiB: 10 }), 'service-daemon-volume-configurations');
      none(daemonService({ volumeConfigurations: [] }), 'service-daemon-volume-configurations');
    });
  });
});
