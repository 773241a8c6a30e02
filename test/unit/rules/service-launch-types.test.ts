import assert from 'node:assert/strict';
import { fargateTask } from '../helpers';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes, workspaceOf } from './service-helpers';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const external = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({ serviceName: 'agent', cluster: 'edge', taskDefinition: 'agent:1', desiredCount: 2, launchType: 'EXTERNAL', ...patch });
const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } };

describe('service rules: launch types', () => {
  describe('service-platform-version-launch-type', () => {
    it('flags platformVersion with EC2 (quoting the AWS error) and EXTERNAL; the fix removes it', () => {
      const d = only(ec2Service({ platformVersion: 'LATEST' }), 'service-platform-version-launch-type', 'error', '"platformVersion"');
      assert.match(d.message, /The platform version must be null when specifying an EC2 launch type\./);
      only(external({ platformVersion: '1.4.0' }), 'service-platform-version-launch-type', 'error', '"platformVersion"');
      assert.deepEqual(serviceFixes(ec2Service({ platformVersion: 'LATEST' }), 'service-platform-version-launch-type'), [{ title: 'Remove "platformVersion"', certain: true }]);
      assert.deepEqual(fixedService(ec2Service({ platformVersion: 'LATEST' }), 'service-platform-version-launch-type'), ec2Service());
    });

    it('accepts it on Fargate, and an empty value ecspresso writes', () => {
      none(fargateService({ platformVersion: '1.4.0' }), 'service-platform-version-launch-type');
      none(ec2Service({ platformVersion: '' }), 'service-platform-version-launch-type');
    });
  });

  describe('service-fargate-network-configuration', () => {
    it('flags a Fargate service without awsvpcConfiguration, when no task definition is at hand', () => {
      const d = only(fargateService({ networkConfiguration: undefined }), 'service-fargate-network-configuration', 'error', '"FARGATE"');
      assert.match(d.message, /Network Configuration must be provided when networkMode 'awsvpc' is specified/);
      only(fargateService({ networkConfiguration: {} }), 'service-fargate-network-configuration', 'error', '"networkConfiguration"');
      const spot = fargateService({ networkConfiguration: undefined, launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
      only(spot, 'service-fargate-network-configuration', 'error', '"FARGATE_SPOT"');
    });

    it('leaves it to the task-definition rule when the task definition is known, and skips update-service input', () => {
      none(fargateService({ networkConfiguration: undefined }), 'service-fargate-network-configuration', workspaceOf(fargateTask()));
      only(fargateService({ networkConfiguration: undefined }), 'service-td-network-configuration', 'error', '"web:3"', workspaceOf(fargateTask()));
      none({ service: 'web', launchType: 'FARGATE', desiredCount: 3 }, 'service-fargate-network-configuration');
      none(fargateService(), 'service-fargate-network-configuration');
      none(ec2Service(), 'service-fargate-network-configuration');
    });
  });

  describe('service-managed-instances-launch-type', () => {
    it('flags launchType MANAGED_INSTANCES', () => {
      const d = only(ec2Service({ launchType: 'MANAGED_INSTANCES' }), 'service-managed-instances-launch-type', 'error', '"MANAGED_INSTANCES"');
      assert.match(d.message, /capacityProviderStrategy/);
    });

    it('accepts a Managed Instances capacity provider strategy', () => {
      none(ec2Service({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'mi-provider', weight: 1 }] }), 'service-managed-instances-launch-type');
    });
  });

  describe('service-external-unsupported', () => {
    it('flags load balancers, service discovery and awsvpc networking on external instances', () => {
      const lb = [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }];
      assert.match(only(external({ loadBalancers: lb }), 'service-external-unsupported', 'error', '"loadBalancers"').message, /Elastic Load Balancing/);
      only(external({ serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-0123456789abcdef' }] }), 'service-external-unsupported', 'error', '"serviceRegistries"');
      only(external({ networkConfiguration: awsvpc }), 'service-external-unsupported', 'error', '"networkConfiguration"');
      assert.deepEqual(fixedService(external({ loadBalancers: lb }), 'service-external-unsupported'), external());
    });

    it('flags an awsvpc task definition for an external service', () => {
      const d = only(external(), 'service-external-unsupported', 'error', '"agent:1"', workspaceOf(fargateTask({ family: 'agent', requiresCompatibilities: ['EXTERNAL'] })));
      assert.match(d.message, /external instances \(launchType "EXTERNAL"\) do not support/);
    });

    it('accepts a plain external service, empty lists, and the same members on EC2', () => {
      none(external({ loadBalancers: [], serviceRegistries: [] }), 'service-external-unsupported');
      none(external(), 'service-external-unsupported', workspaceOf(fargateTask({ family: 'agent', networkMode: 'bridge', requiresCompatibilities: ['EXTERNAL'] })));
      none(ec2Service({ networkConfiguration: awsvpc }), 'service-external-unsupported');
    });
  });

  describe('service-classic-load-balancer-awsvpc', () => {
    const clb = [{ loadBalancerName: 'web-classic', containerName: 'app', containerPort: 80 }];

    it('flags a Classic Load Balancer for Fargate and awsvpc services', () => {
      const d = only(fargateService({ loadBalancers: clb }), 'service-classic-load-balancer-awsvpc', 'error', '"loadBalancerName"');
      assert.match(d.message, /the service runs on Fargate/);
      only(ec2Service({ loadBalancers: clb }), 'service-classic-load-balancer-awsvpc', 'error', '"loadBalancerName"', workspaceOf(fargateTask({ requiresCompatibilities: ['EC2'] })));
    });

    it('accepts it for bridge tasks, and target groups anywhere', () => {
      none(ec2Service({ loadBalancers: clb }), 'service-classic-load-balancer-awsvpc');
      none(ec2Service({ loadBalancers: clb }), 'service-classic-load-balancer-awsvpc', workspaceOf(fargateTask({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })));
      none(fargateService({ loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80 }] }), 'service-classic-load-balancer-awsvpc');
    });
  });
});
