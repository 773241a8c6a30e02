/**
 * The five mistakes the author of the snippets found the linter missing, each decided from the sources: caught
 * where ECS rejects the service or its tasks cannot run, and deliberately left alone where ECS accepts it.
 */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { fargateTask, json } from '../helpers';
import { windowsFargateTask } from './task-helpers';
import { ec2Service, fargateService, none, only, workspaceOf } from './service-helpers';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef';
const advancedConfiguration = {
  alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210',
  productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee',
  roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
};
const blueGreen = (dc: Record<string, unknown>, lb: Record<string, unknown> = { advancedConfiguration }): Record<string, unknown> =>
  fargateService({ loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 80, ...lb }], deploymentConfiguration: { strategy: 'BLUE_GREEN', ...dc } });

describe('the five snippet mistakes', () => {
  it('1. a circuit breaker with BLUE_GREEN is accepted: the developer guide supports it for rolling and blue/green deployments', () => {
    // deployment-failure-detection.html: "Both methods only support rolling update deployment and blue/green deployment types."
    // The API reference's "rolling update (ECS) deployment type" names the ECS controller, under which native blue/green runs.
    const svc = blueGreen({ bakeTimeInMinutes: 10, deploymentCircuitBreaker: { enable: true, rollback: true } });
    assert.deepEqual(lint(json(svc)).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), []);
  });

  it('2. BLUE_GREEN without bakeTimeInMinutes is reported (warning: the API reference requires it, the rejection is not confirmed)', () => {
    only(blueGreen({}), 'deployment-blue-green-bake-time', 'warning', '"BLUE_GREEN"');
  });

  it('3. BLUE_GREEN with a load balancer but no advancedConfiguration is an error', () => {
    const d = only(blueGreen({ bakeTimeInMinutes: 10 }, {}), 'service-blue-green-traffic', 'error', '"targetGroupArn"');
    assert.match(d.message, /alternateTargetGroupArn/);
  });

  it('4. a FARGATE_SPOT service naming a Windows task definition is reported (warning: the tasks cannot be placed)', () => {
    const svc = fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }] });
    only(svc, 'fargate-spot-platform', 'warning', '"FARGATE_SPOT"', workspaceOf(windowsFargateTask()));
  });

  it('5. launchType EC2 with a task definition that requires only FARGATE: information, because ECS accepts it', () => {
    // A Fargate definition registers as compatible with EC2 too: describe-task-definition shows requiresCompatibilities
    // ["FARGATE"] with compatibilities ["EC2", "FARGATE"] (several files of the corpus). ECS refuses only a launch type
    // missing from those computed compatibilities, which is an error when the task definition at hand lists them.
    const svc = ec2Service({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } } });
    only(svc, 'service-td-requires-compatibilities', 'information', '"EC2"', workspaceOf(fargateTask()));
    none(svc, 'service-td-launch-type-compatibility', workspaceOf(fargateTask()));
    const registered = workspaceOf({ taskDefinition: { ...fargateTask(), revision: 3, compatibilities: ['FARGATE'] } });
    only(svc, 'service-td-launch-type-compatibility', 'error', '"EC2"', registered);
  });
});
