/**
 * Built-in seeds. `defaultScenario` is what `npm run endpoint` serves and what the tests and the demo read;
 * `benchScenario` is one cluster with thousands of services for `npm run bench:tree`.
 */
import type { Json } from './model';
import type { SeedSpec } from './seed';
import { BEHAVIOUR_ENV, BEHAVIOUR_LABEL } from './tasks';

/** A Fargate web container with a health check, secrets and awslogs, as real services have. */
function fargateApp(name: string, port: number, cpu = '512', memory = '1024'): Json {
  return {
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu,
    memory,
    executionRoleArn: 'arn:aws:iam::{account}:role/ecsTaskExecutionRole',
    taskRoleArn: `arn:aws:iam::{account}:role/${name}-task`,
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    containerDefinitions: [
      {
        name: 'app',
        image: `{account}.dkr.ecr.{region}.amazonaws.com/${name}:1.{revision}.0`,
        essential: true,
        portMappings: [{ containerPort: port, protocol: 'tcp', name: 'http', appProtocol: 'http' }],
        environment: [{ name: 'NODE_ENV', value: 'production' }],
        secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:{region}:{account}:secret:${name}/db-AbCdEf` }],
        healthCheck: { command: ['CMD-SHELL', `curl -fsS http://localhost:${port}/health || exit 1`], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': '{region}', 'awslogs-stream-prefix': 'app' } },
      },
    ],
  };
}

/** A one-shot Fargate job whose container exits with `behaviour`'s code. */
function fargateJob(name: string, behaviour: 'exit-0' | 'exit-1' | 'healthy'): Json {
  const td = fargateApp(name, 8080, '256', '512');
  const [c] = td.containerDefinitions as Json[];
  delete c.portMappings;
  delete c.healthCheck;
  c.command = ['node', `jobs/${name}.js`];
  if (behaviour !== 'healthy') c.dockerLabels = { [BEHAVIOUR_LABEL]: behaviour };
  return td;
}

/** An EC2 container in bridge mode with a dynamic host port. */
function ec2Bridge(name: string): Json {
  return {
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name: 'app',
        image: `public.ecr.aws/docker/library/${name === 'legacy-app' ? 'tomcat' : 'nginx'}:9.0.{revision}`,
        memory: 512,
        cpu: 256,
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': '{region}', 'awslogs-stream-prefix': 'app' } },
      },
    ],
  };
}

/**
 * Five clusters in us-east-1 and one in eu-west-1:
 * - `prod` (Fargate): `web` steady (3 tasks, load balancer, circuit breaker with rollback); `api` rolling out
 *   api:8 (started 5 s before the endpoint starts, completes within about a minute of simulated time);
 *   `worker` whose rollout of worker:5 failed its health checks ten minutes ago and was rolled back (stopped
 *   tasks with reasons, ROLLBACK_SUCCESSFUL); `payments` whose rollout of payments:3 cannot pull its image and
 *   was stopped by the circuit breaker without rollback (rolloutState FAILED, service deployment STOPPED);
 *   standalone tasks: a migration that exited 1, a backup that exited 0, a report runner still running on an
 *   INACTIVE revision.
 * - `staging-ec2`: three ACTIVE and one DRAINING container instance, `legacy-app` (bridge, dynamic ports) and
 *   `admin` (awsvpc on EC2).
 * - `batch`: 120 services `job-001`...`job-120`, one task each (paging of services and of tasks).
 * - `restricted`: every call scoped to it answers AccessDeniedException.
 * - `sandbox`: empty.
 * Families with ACTIVE and INACTIVE revisions, and `nightly-report`, whose only revision is INACTIVE.
 */
export function defaultScenario(): SeedSpec {
  const failing = (how: string): Json => ({
    containerDefinitions: [{ ...((fargateApp('worker', 8080).containerDefinitions as Json[])[0]), dockerLabels: { [BEHAVIOUR_LABEL]: how } }],
  });
  const payments = fargateApp('payments', 8443);
  const paymentsBroken = structuredClone(payments.containerDefinitions as Json[]);
  paymentsBroken[0].image = '{account}.dkr.ecr.{region}.amazonaws.com/payments:1.3.0-does-not-exist';
  (paymentsBroken[0].environment as Json[]).push({ name: BEHAVIOUR_ENV, value: 'fail-start' });
  return {
    accountId: '123456789012',
    faults: [{ cluster: 'restricted', code: 'AccessDeniedException' }],
    regions: {
      'us-east-1': {
        taskDefinitions: [
          { family: 'web', definition: fargateApp('web', 8080), revisions: 12, inactive: [1, 2, 3, 4, 5, 6, 7, 8, 9], tags: [{ key: 'team', value: 'storefront' }] },
          { family: 'api', definition: fargateApp('api', 3000, '1024', '2048'), revisions: 8, inactive: [1, 2, 3, 4, 5] },
          { family: 'worker', definition: fargateApp('worker', 8080), revisions: 5, inactive: [1, 2], overrides: { '5': failing('fail-health-check') } },
          { family: 'payments', definition: payments, revisions: 3, overrides: { '3': { containerDefinitions: paymentsBroken } } },
          { family: 'legacy-app', definition: ec2Bridge('legacy-app'), revisions: 3, inactive: [1] },
          { family: 'admin', definition: { ...fargateApp('admin', 8080), requiresCompatibilities: ['EC2'] }, revisions: 2 },
          { family: 'migrate', definition: fargateJob('migrate', 'exit-1'), revisions: 2 },
          { family: 'db-backup', definition: fargateJob('db-backup', 'exit-0'), revisions: 1 },
          { family: 'nightly-report', definition: fargateJob('nightly-report', 'healthy'), revisions: 1, inactive: [1] },
          { family: 'batch-job', definition: fargateJob('batch-job', 'healthy'), revisions: 1 },
          { family: 'vault', definition: fargateApp('vault', 8200), revisions: 1 },
        ],
        clusters: [
          {
            name: 'prod',
            capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
            defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }],
            settings: [{ name: 'containerInsights', value: 'enabled' }],
            tags: [{ key: 'environment', value: 'production' }],
            services: [
              { name: 'web', deployments: ['web:10', 'web:11', 'web:12'], desiredCount: 3, launchType: 'FARGATE', loadBalancer: true, circuitBreaker: { enable: true, rollback: true }, tags: [{ key: 'team', value: 'storefront' }] },
              { name: 'api', deployments: ['api:6', 'api:7'], desiredCount: 4, launchType: 'FARGATE', loadBalancer: true, circuitBreaker: { enable: true, rollback: true }, rollout: { taskDefinition: 'api:8', secondsAgo: 5 } },
              { name: 'worker', deployments: ['worker:3', 'worker:4'], desiredCount: 2, launchType: 'FARGATE', circuitBreaker: { enable: true, rollback: true }, rollout: { taskDefinition: 'worker:5', secondsAgo: 600 } },
              { name: 'payments', deployments: ['payments:1', 'payments:2'], desiredCount: 2, launchType: 'FARGATE', circuitBreaker: { enable: true, rollback: false }, rollout: { taskDefinition: 'payments:3', secondsAgo: 300 } },
            ],
            tasks: [
              { taskDefinition: 'migrate:2', minutesAgo: 25, startedBy: 'ci/deploy-1832' },
              { taskDefinition: 'db-backup:1', minutesAgo: 40, startedBy: 'events-rule/nightly-backup' },
              { taskDefinition: 'nightly-report:1', minutesAgo: 600, startedBy: 'events-rule/nightly-report' },
            ],
          },
          {
            name: 'staging-ec2',
            capacityProviders: ['staging-asg'],
            containerInstances: 3,
            drainingInstances: 1,
            services: [
              { name: 'legacy-app', deployments: ['legacy-app:2', 'legacy-app:3'], desiredCount: 3, launchType: 'EC2' },
              { name: 'admin', deployments: ['admin:2'], desiredCount: 1, launchType: 'EC2' },
            ],
          },
          { name: 'batch', capacityProviders: ['FARGATE'], services: [{ name: 'job', count: 120, deployments: ['batch-job:1'], desiredCount: 1, launchType: 'FARGATE' }] },
          { name: 'restricted', services: [{ name: 'vault', deployments: ['vault:1'], desiredCount: 1, launchType: 'FARGATE' }] },
          { name: 'sandbox' },
        ],
      },
      'eu-west-1': {
        taskDefinitions: [{ family: 'web', definition: fargateApp('web', 8080), revisions: 2 }],
        clusters: [{ name: 'eu-prod', capacityProviders: ['FARGATE'], services: [{ name: 'web', deployments: ['web:1', 'web:2'], desiredCount: 2, launchType: 'FARGATE' }] }],
      },
    },
  };
}

/** One Fargate cluster `bench` with `services` services of one task each. */
export function benchScenario(services: number): SeedSpec {
  return {
    regions: {
      'us-east-1': {
        taskDefinitions: [{ family: 'svc', definition: fargateJob('svc', 'healthy') }],
        clusters: [{ name: 'bench', capacityProviders: ['FARGATE'], services: [{ name: 'svc', count: services, deployments: ['svc:1'], desiredCount: 1, launchType: 'FARGATE' }] }],
      },
    },
  };
}
