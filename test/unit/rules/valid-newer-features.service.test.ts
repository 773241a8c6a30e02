/**
 * Realistic, valid services that use the features of the last years (EBS volumes configured at launch, native
 * blue/green, linear and canary deployments, lifecycle hooks, Service Connect with access logs and timeouts, VPC
 * Lattice, Managed Instances, Fargate Spot, Windows on Fargate, ECS Anywhere, service metrics), each with the task
 * definition it names: neither may get an error or a warning. A false error here teaches people to ignore the tool.
 */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import type { LintOptions } from '../../../src/core/types';
import { json } from '../helpers';
import { workspaceOf } from './service-helpers';

const ACCOUNT = '123456789012';
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const INFRA_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRole`;
const TG = (name: string): string => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
const RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'], securityGroups: ['sg-0a1b2c3d4e5f60718'], assignPublicIp: 'DISABLED' } };

const awslogs = (group: string): Record<string, unknown> => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' },
});
const healthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 15 };

/** A Linux task definition with one web container; `patch` and `container` override members. */
function linuxTask(family: string, patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1024',
    memory: '2048',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      {
        name: 'app',
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${family}:1.4.2`,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' }],
        healthCheck,
        logConfiguration: awslogs(`/ecs/${family}`),
        ...container,
      },
    ],
    ...patch,
  };
}

/** A create-service input for a Fargate service named like its task definition. */
function service(family: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { cluster: 'prod', serviceName: family, taskDefinition: `${family}:7`, desiredCount: 3, launchType: 'FARGATE', networkConfiguration: NETWORK, ...patch };
}

const alb = (name: string, extra: Record<string, unknown> = {}): Array<Record<string, unknown>> => [{ targetGroupArn: TG(`${name}-blue`), containerName: 'app', containerPort: 8080, ...extra }];
const advanced = (name: string): Record<string, unknown> => ({
  alternateTargetGroupArn: TG(`${name}-green`),
  productionListenerRule: RULE,
  testListenerRule: RULE.replace('9683b2d02a6cabee', '1234b2d02a6cabee'),
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`,
});

/** Lints a service with its task definition in the workspace; both must be free of errors and warnings. */
function assertClean(svc: Record<string, unknown>, td: Record<string, unknown>): void {
  const options: LintOptions = workspaceOf(td);
  const serious = (value: unknown, opts?: LintOptions): string[] =>
    lint(json(value), opts).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(serious(td), [], 'the task definition');
  assert.deepEqual(serious(svc, options), [], 'the service');
}

describe('valid services with newer features: no errors, no warnings', () => {
  it('EBS volume configured at launch: gp3 with IOPS, throughput, tags and xfs', () => {
    const td = linuxTask('orders-db-cache', { volumes: [{ name: 'data', configuredAtLaunch: true }] }, { mountPoints: [{ sourceVolume: 'data', containerPath: '/var/lib/data' }] });
    const svc = service('orders-db-cache', {
      volumeConfigurations: [
        {
          name: 'data',
          managedEBSVolume: {
            roleArn: INFRA_ROLE,
            encrypted: true,
            volumeType: 'gp3',
            sizeInGiB: 100,
            iops: 6000,
            throughput: 250,
            filesystemType: 'xfs',
            tagSpecifications: [{ resourceType: 'volume', propagateTags: 'SERVICE', tags: [{ key: 'team', value: 'orders' }] }],
          },
        },
      ],
      propagateTags: 'SERVICE',
    });
    assertClean(svc, td);
  });

  it('EBS volume restored from a snapshot at a set initialization rate, io2 with IOPS', () => {
    const td = linuxTask('ledger', { volumes: [{ name: 'ledger-data', configuredAtLaunch: true }] }, { mountPoints: [{ sourceVolume: 'ledger-data', containerPath: '/data' }] });
    const svc = service('ledger', {
      volumeConfigurations: [
        { name: 'ledger-data', managedEBSVolume: { roleArn: INFRA_ROLE, snapshotId: 'snap-0123456789abcdef0', volumeInitializationRate: 300, volumeType: 'io2', iops: 10000, filesystemType: 'ext4' } },
      ],
    });
    assertClean(svc, td);
  });

  it('native BLUE_GREEN behind an ALB with bake time, alarms, the circuit breaker and lifecycle hooks', () => {
    // The developer guide (deployment failure detection) supports the circuit breaker for rolling and blue/green deployments.
    const svc = service('checkout', {
      deploymentController: { type: 'ECS' },
      loadBalancers: alb('checkout', { advancedConfiguration: advanced('checkout') }),
      healthCheckGracePeriodSeconds: 60,
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 15,
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { alarmNames: ['checkout-5xx', 'checkout-latency'], enable: true, rollback: true },
        lifecycleHooks: [
          {
            hookTargetArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:checkout-smoke-test`,
            roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsLifecycleHookInvoke`,
            lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT', 'TEST_TRAFFIC_SHIFT'],
            hookDetails: { path: '/health' },
          },
          { targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' } },
        ],
      },
    });
    assertClean(svc, linuxTask('checkout'));
  });

  it('headless BLUE_GREEN (no load balancer, no Service Connect)', () => {
    assertClean(service('worker', { deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 } }), linuxTask('worker'));
  });

  it('LINEAR behind an ALB, in steps of 12.5 percent', () => {
    const svc = service('catalog', {
      loadBalancers: alb('catalog', { advancedConfiguration: advanced('catalog') }),
      deploymentConfiguration: { strategy: 'LINEAR', bakeTimeInMinutes: 10, linearConfiguration: { stepPercent: 12.5, stepBakeTimeInMinutes: 3 } },
    });
    assertClean(svc, linuxTask('catalog'));
  });

  it('CANARY through Service Connect with test traffic rules, access logs and timeouts', () => {
    const svc = service('search', {
      deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 2.5, canaryBakeTimeInMinutes: 15 } },
      serviceConnectConfiguration: {
        enabled: true,
        namespace: 'internal',
        services: [
          {
            portName: 'http',
            discoveryName: 'search',
            clientAliases: [{ port: 80, dnsName: 'search.internal', testTrafficRules: { header: { name: 'x-canary', value: { exact: 'true' } } } }],
            timeout: { idleTimeoutSeconds: 300, perRequestTimeoutSeconds: 30 },
          },
        ],
        logConfiguration: awslogs('/ecs/service-connect/search'),
        accessLogConfiguration: { format: 'JSON', includeQueryParameters: 'DISABLED' },
        containerConfigurations: [{ logLevel: 'info' }],
      },
    });
    assertClean(svc, linuxTask('search'));
  });

  it('BLUE_GREEN through VPC Lattice', () => {
    const svc = service('profile', {
      vpcLatticeConfigurations: [
        {
          roleArn: INFRA_ROLE,
          targetGroupArn: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:targetgroup/tg-0123456789abcdef0`,
          portName: 'http',
          advancedConfiguration: { alternateTargetGroupArn: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:targetgroup/tg-0fedcba9876543210`, productionListenerRule: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:service/svc-0123456789abcdef0/listener/listener-0123456789abcdef0/rule/rule-0123456789abcdef0` },
        },
      ],
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 },
    });
    assertClean(svc, linuxTask('profile'));
  });

  it('rolling deployment with early success criteria and service metrics at 20 seconds', () => {
    const svc = service('api', {
      deploymentConfiguration: {
        strategy: 'ROLLING',
        maximumPercent: 200,
        minimumHealthyPercent: 50,
        earlySuccessCriteria: { enable: true, healthyPercent: 90, sourceServiceRevisionCleanup: 'DEFERRED' },
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      monitoring: { metricConfigurations: [{ metricNames: ['CPUUtilization', 'MemoryUtilization'], resolutionSeconds: 20 }] },
    });
    assertClean(svc, linuxTask('api'));
  });

  it('Fargate and Fargate Spot for a Linux X86_64 task pinned to platform version 1.4.0 with EFS and ephemeral storage', () => {
    const td = linuxTask(
      'renderer',
      { ephemeralStorage: { sizeInGiB: 50 }, volumes: [{ name: 'assets', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', transitEncryption: 'ENABLED' } }] },
      { mountPoints: [{ sourceVolume: 'assets', containerPath: '/assets', readOnly: true }] },
    );
    const svc = service('renderer', {
      launchType: undefined,
      platformVersion: '1.4.0',
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 4 },
      ],
    });
    assertClean(svc, td);
  });

  it('Windows on Fargate (regular Fargate capacity, no Spot)', () => {
    const td = linuxTask('iis-web', { cpu: '2048', memory: '4096', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } }, {
      image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
      portMappings: [{ containerPort: 80, protocol: 'tcp', name: 'http' }],
      healthCheck: { command: ['CMD-SHELL', 'powershell -command "try { Invoke-WebRequest -UseBasicParsing http://localhost/ } catch { exit 1 }"'], interval: 30, timeout: 10, retries: 3, startPeriod: 120 },
    });
    const svc = service('iis-web', { platformVersion: 'LATEST', loadBalancers: [{ targetGroupArn: TG('iis'), containerName: 'app', containerPort: 80 }], healthCheckGracePeriodSeconds: 300 });
    assertClean(svc, td);
  });

  it('Managed Instances through a capacity provider strategy', () => {
    const td = linuxTask('batch-api', { requiresCompatibilities: ['MANAGED_INSTANCES'] });
    const svc = service('batch-api', { launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'managed-instances-default', weight: 1 }] });
    assertClean(svc, td);
  });

  it('ECS Anywhere: an external service with a bridge task definition', () => {
    const td = {
      family: 'edge-collector',
      networkMode: 'bridge',
      requiresCompatibilities: ['EXTERNAL'],
      executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [
        {
          name: 'collector',
          image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/edge-collector:2.3.0`,
          essential: true,
          memory: 512,
          portMappings: [{ containerPort: 4317, hostPort: 4317, protocol: 'tcp' }],
          healthCheck: { command: ['CMD', '/collector', 'healthcheck'], interval: 30, timeout: 5, retries: 3 },
          logConfiguration: awslogs('/ecs/edge-collector'),
        },
      ],
    };
    const svc = { cluster: 'edge', serviceName: 'edge-collector', taskDefinition: 'edge-collector:4', desiredCount: 2, launchType: 'EXTERNAL', deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0 } };
    assertClean(svc, td);
  });

  it('CODE_DEPLOY blue/green with its one production target group', () => {
    const svc = service('legacy-web', { deploymentController: { type: 'CODE_DEPLOY' }, loadBalancers: alb('legacy-web'), healthCheckGracePeriodSeconds: 60 });
    assertClean(svc, linuxTask('legacy-web'));
  });

  it('an ecspresso-style template: placeholders where names, ARNs and choices go, no serviceName or taskDefinition', () => {
    const svc = {
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['{{ tfstate `aws_subnet.private[0].id` }}'], securityGroups: ['{{ tfstate `aws_security_group.web.id` }}'] } },
      loadBalancers: [{ targetGroupArn: '{{ tfstate `aws_lb_target_group.blue.arn` }}', containerName: 'app', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: '{{ tfstate `aws_lb_target_group.green.arn` }}', productionListenerRule: '{{ tfstate `aws_lb_listener_rule.prod.arn` }}', roleArn: '{{ must_env `LB_ROLE` }}' } }],
      deploymentConfiguration: {
        strategy: '{{ must_env `STRATEGY` }}',
        bakeTimeInMinutes: 5,
        lifecycleHooks: [{ targetType: '{{ must_env `HOOK_TYPE` }}', hookTargetArn: '{{ must_env `HOOK_ARN` }}', roleArn: '{{ must_env `HOOK_ROLE` }}', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
      },
      volumeConfigurations: [{ name: '{{ must_env `VOLUME` }}', managedEBSVolume: { roleArn: '{{ must_env `INFRA_ROLE` }}', volumeType: '${VOLUME_TYPE}', sizeInGiB: 20, iops: 3000 } }],
      serviceConnectConfiguration: { enabled: true, namespace: '{{ must_env `NAMESPACE` }}', services: [{ portName: 'http', clientAliases: [{ port: 80, dnsName: '{{ must_env `ALIAS` }}' }] }] },
    };
    const serious = lint(json(svc)).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code}: ${d.message}`);
    assert.deepEqual(serious, []);
  });

  it('service discovery with a container pair for a bridge task on EC2', () => {
    const td = { ...linuxTask('inventory', { networkMode: 'bridge', requiresCompatibilities: ['EC2'], cpu: undefined, memory: undefined }, { memory: 512 }) };
    delete td.cpu;
    delete td.memory;
    const svc = {
      cluster: 'prod',
      serviceName: 'inventory',
      taskDefinition: 'inventory:12',
      desiredCount: 2,
      launchType: 'EC2',
      serviceRegistries: [{ registryArn: `arn:aws:servicediscovery:us-east-1:${ACCOUNT}:service/srv-0123456789abcdef`, containerName: 'app', containerPort: 8080 }],
    };
    assertClean(svc, td);
  });
});
