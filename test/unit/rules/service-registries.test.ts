import assert from 'node:assert/strict';
import { fargateTask } from '../helpers';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes, workspaceOf } from './service-helpers';

const REGISTRY = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef';
const withRegistry = (registry: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> => fargateService({ serviceRegistries: [{ registryArn: REGISTRY, ...registry }], ...patch });
const bridge = workspaceOf(fargateTask({ requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined, memory: undefined }, { memory: 256 }));
const metrics = (config: Record<string, unknown>): Record<string, unknown> => fargateService({ monitoring: { metricConfigurations: [config] } });

describe('service rules: service discovery and monitoring', () => {
  describe('service-registry-port', () => {
    it('flags port together with a container pair; the fix (a proposal) keeps the pair', () => {
      const svc = withRegistry({ port: 8080, containerName: 'app', containerPort: 80 });
      assert.match(only(svc, 'service-registry-port', 'error', '"port"').message, /not both/);
      assert.deepEqual(serviceFixes(svc, 'service-registry-port'), [{ title: 'Remove "port" (keep the container pair)', certain: false }]);
      assert.deepEqual(fixedService(svc, 'service-registry-port').serviceRegistries, [{ registryArn: REGISTRY, containerName: 'app', containerPort: 80 }]);
    });

    it('flags half a container pair', () => {
      only(withRegistry({ containerName: 'app' }), 'service-registry-port', 'error', '"containerName"');
      assert.match(only(withRegistry({ containerPort: 80 }), 'service-registry-port', 'error', '"containerPort"').message, /Add "containerName"/);
    });

    it('flags a bridge-mode task definition without the container pair', () => {
      const svc = ec2Service({ serviceRegistries: [{ registryArn: REGISTRY }] });
      assert.match(only(svc, 'service-registry-port', 'error', '"registryArn"', bridge).message, /networkMode "bridge"/);
    });

    it('accepts the valid forms', () => {
      none(withRegistry({}), 'service-registry-port', workspaceOf(fargateTask()));
      none(withRegistry({ port: 8080 }), 'service-registry-port');
      none(withRegistry({ containerName: 'app', containerPort: 80 }), 'service-registry-port');
      none(ec2Service({ serviceRegistries: [{ registryArn: REGISTRY, containerName: 'app', containerPort: 80 }] }), 'service-registry-port', bridge);
      none(ec2Service({ serviceRegistries: [{ registryArn: REGISTRY }] }), 'service-registry-port');
    });
  });

  describe('service-monitoring-metric', () => {
    it('flags unknown metric names; a case slip is fixed for certain', () => {
      const d = only(metrics({ metricNames: ['cpuutilization'], resolutionSeconds: 20 }), 'service-monitoring-metric', 'error', '"cpuutilization"');
      assert.match(d.message, /only "CPUUtilization" and "MemoryUtilization" are/);
      assert.deepEqual(serviceFixes(metrics({ metricNames: ['cpuutilization'], resolutionSeconds: 20 }), 'service-monitoring-metric'), [{ title: 'Change to "CPUUtilization"', certain: true }]);
      only(metrics({ metricNames: ['RequestCount'], resolutionSeconds: 60 }), 'service-monitoring-metric', 'error', '"RequestCount"');
    });

    it('flags a resolution other than 20 or 60; the fix (a proposal) takes the nearest', () => {
      only(metrics({ metricNames: ['CPUUtilization'], resolutionSeconds: 30 }), 'service-monitoring-metric', 'error', '30');
      const after = fixedService(metrics({ metricNames: ['CPUUtilization'], resolutionSeconds: 30 }), 'service-monitoring-metric');
      assert.deepEqual(after.monitoring, { metricConfigurations: [{ metricNames: ['CPUUtilization'], resolutionSeconds: 20 }] });
    });

    it('accepts both metrics at either resolution', () => {
      none(metrics({ metricNames: ['CPUUtilization', 'MemoryUtilization'], resolutionSeconds: 20 }), 'service-monitoring-metric');
      none(metrics({ metricNames: ['MemoryUtilization'], resolutionSeconds: 60 }), 'service-monitoring-metric');
    });
  });
});
