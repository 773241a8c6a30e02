import assert from 'node:assert/strict';
import { applyFix, json, lintJson } from '../helpers';
import { daemonService, ec2Service, fargateService, none, only } from './service-helpers';

describe('service rules: scheduling strategy', () => {
  it('accepts the base documents as they are', () => {
    assert.deepEqual(lintJson(fargateService()), []);
    assert.deepEqual(lintJson(ec2Service()), []);
    assert.deepEqual(lintJson(daemonService()), []);
  });

  describe('service-daemon-desired-count', () => {
    it('flags desiredCount on a DAEMON service, even 0', () => {
      const d = only(daemonService({ desiredCount: 0 }), 'service-daemon-desired-count', 'error', '"desiredCount"');
      assert.match(d.message, /does not support a desired count for services/);
    });

    it('accepts a DAEMON service without it, and the ecspresso daemon file', () => {
      none(daemonService(), 'service-daemon-desired-count');
      none({ schedulingStrategy: 'DAEMON' }, 'service-daemon-desired-count');
      none(ec2Service({ schedulingStrategy: 'REPLICA' }), 'service-daemon-desired-count');
    });

    it('leaves describe-services output alone, where ECS reports the count of daemon tasks', () => {
      none({ services: [{ ...daemonService({ desiredCount: 3 }), serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/agent', status: 'ACTIVE' }] }, 'service-daemon-desired-count');
    });

    it('fix: removes desiredCount', () => {
      const after = applyFix(json(daemonService({ desiredCount: 3 })), 'service-daemon-desired-count');
      assert.equal('desiredCount' in JSON.parse(after), false);
    });
  });

  describe('service-daemon-placement-strategy', () => {
    const strategy = [{ type: 'spread', field: 'instanceId' }];

    it('flags a placement strategy on a DAEMON service', () => {
      only(daemonService({ placementStrategy: strategy }), 'service-daemon-placement-strategy', 'error', '"placementStrategy"');
    });

    it('accepts an empty list, constraints, and strategies on REPLICA services', () => {
      none(daemonService({ placementStrategy: [], placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == agent' }] }), 'service-daemon-placement-strategy');
      none(ec2Service({ placementStrategy: strategy }), 'service-daemon-placement-strategy');
    });

    it('fix: removes placementStrategy', () => {
      const after = applyFix(json(daemonService({ placementStrategy: strategy })), 'service-daemon-placement-strategy');
      assert.deepEqual(JSON.parse(after), daemonService());
    });
  });

  describe('service-daemon-fargate', () => {
    it('flags DAEMON with launchType FARGATE', () => {
      const d = only(daemonService({ launchType: 'FARGATE' }), 'service-daemon-fargate', 'error', '"DAEMON"');
      assert.match(d.message, /launchType "FARGATE"/);
    });

    it('flags DAEMON with a Fargate capacity provider', () => {
      const d = only(daemonService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }), 'service-daemon-fargate', 'error', '"DAEMON"');
      assert.match(d.message, /capacity provider "FARGATE_SPOT"/);
    });

    it('accepts DAEMON on EC2 and on an Auto Scaling group provider', () => {
      none(daemonService(), 'service-daemon-fargate');
      none(daemonService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'asg-provider', weight: 1 }] }), 'service-daemon-fargate');
    });
  });

  describe('service-daemon-deployment-controller', () => {
    it('flags DAEMON with the CODE_DEPLOY or EXTERNAL controller', () => {
      only(daemonService({ deploymentController: { type: 'CODE_DEPLOY' } }), 'service-daemon-deployment-controller', 'error', '"CODE_DEPLOY"');
      only(daemonService({ deploymentController: { type: 'EXTERNAL' } }), 'service-daemon-deployment-controller', 'error', '"EXTERNAL"');
    });

    it('accepts DAEMON with the ECS controller, and REPLICA with CODE_DEPLOY', () => {
      none(daemonService({ deploymentController: { type: 'ECS' } }), 'service-daemon-deployment-controller');
      none(fargateService({ deploymentController: { type: 'CODE_DEPLOY' } }), 'service-daemon-deployment-controller');
    });
  });

  describe('service-daemon-maximum-percent', () => {
    const dc = { maximumPercent: 200, minimumHealthyPercent: 0 };

    it('flags maximumPercent above 100 on a DAEMON service', () => {
      const d = only(daemonService({ deploymentConfiguration: dc }), 'service-daemon-maximum-percent', 'error', '200');
      assert.match(d.message, /does not support values above 100 for maximumPercent/);
    });

    it('accepts 100, an omitted value, and 200 on REPLICA services', () => {
      none(daemonService({ deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 } }), 'service-daemon-maximum-percent');
      none(daemonService({ deploymentConfiguration: { minimumHealthyPercent: 0 } }), 'service-daemon-maximum-percent');
      none(ec2Service({ deploymentConfiguration: dc }), 'service-daemon-maximum-percent');
    });

    it('fix: sets maximumPercent to 100', () => {
      const after = applyFix(json(daemonService({ deploymentConfiguration: dc })), 'service-daemon-maximum-percent');
      assert.deepEqual(JSON.parse(after).deploymentConfiguration, { maximumPercent: 100, minimumHealthyPercent: 0 });
    });
  });

  describe('service-replica-desired-count', () => {
    it('warns when create-service input leaves desiredCount out', () => {
      const d = only(fargateService({ desiredCount: undefined }), 'service-replica-desired-count', 'warning', '"serviceName"');
      assert.match(d.message, /desiredCount/);
      only(fargateService({ desiredCount: undefined, schedulingStrategy: 'REPLICA' }), 'service-replica-desired-count', 'warning', '"schedulingStrategy"');
    });

    it('stays quiet for ecspresso files, update-service input and DAEMON services', () => {
      none({ launchType: 'FARGATE', schedulingStrategy: 'REPLICA' }, 'service-replica-desired-count');
      none({ cluster: 'prod', service: 'web', taskDefinition: 'web:4', serviceName: 'web' }, 'service-replica-desired-count');
      none(daemonService(), 'service-replica-desired-count');
    });

    it('fix (a proposal): adds desiredCount 1', () => {
      const after = applyFix(json(fargateService({ desiredCount: undefined })), 'service-replica-desired-count');
      assert.equal(JSON.parse(after).desiredCount, 1);
    });
  });
});
