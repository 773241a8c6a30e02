import assert from 'node:assert/strict';
import { applyFix, json } from '../helpers';
import { ec2Service, fargateService, none, only } from './service-helpers';

const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';

describe('service rules: load balancers and tags', () => {
  describe('service-lb-container', () => {
    it('flags a target group entry without containerName and containerPort', () => {
      const d = only(fargateService({ loadBalancers: [{ targetGroupArn: tg }] }), 'service-lb-container', 'error', '"targetGroupArn"');
      assert.match(d.message, /lacks "containerName" and "containerPort"/);
    });

    it('flags a Classic Load Balancer entry without containerPort', () => {
      const d = only(ec2Service({ loadBalancers: [{ loadBalancerName: 'web-clb', containerName: 'app' }] }), 'service-lb-container', 'error', '"loadBalancerName"');
      assert.match(d.message, /lacks "containerPort".*Classic Load Balancer/);
    });

    it('accepts complete entries', () => {
      none(fargateService({ loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] }), 'service-lb-container');
      none(ec2Service({ loadBalancers: [{ loadBalancerName: 'web-clb', containerName: 'app', containerPort: 80 }] }), 'service-lb-container');
    });
  });

  describe('service-lb-target', () => {
    const both = ec2Service({ loadBalancers: [{ targetGroupArn: tg, loadBalancerName: 'web-clb', containerName: 'app', containerPort: 80 }] });

    it('flags an entry with both a target group and a Classic Load Balancer', () => {
      only(both, 'service-lb-target', 'error', '"loadBalancerName"');
    });

    it('flags an entry that names no load balancer', () => {
      only(fargateService({ loadBalancers: [{ containerName: 'app', containerPort: 80 }] }), 'service-lb-target', 'error', '"containerName"');
    });

    it('accepts one of the two', () => {
      none(fargateService({ loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] }), 'service-lb-target');
    });

    it('fix (proposals): keeps the target group, or the Classic Load Balancer', () => {
      const a = JSON.parse(applyFix(json(both), 'service-lb-target', {}, /Remove "loadBalancerName"/));
      assert.deepEqual(a.loadBalancers, [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }]);
      const b = JSON.parse(applyFix(json(both), 'service-lb-target', {}, /Remove "targetGroupArn"/));
      assert.deepEqual(b.loadBalancers, [{ loadBalancerName: 'web-clb', containerName: 'app', containerPort: 80 }]);
    });
  });

  describe('service-managed-tags-propagate', () => {
    it('informs when managed tags are on and propagateTags is not set', () => {
      const d = only(fargateService({ enableECSManagedTags: true }), 'service-managed-tags-propagate', 'information', '"enableECSManagedTags"');
      assert.match(d.message, /propagateTags/);
    });

    it('accepts managed tags with any propagateTags, and managed tags off', () => {
      none(fargateService({ enableECSManagedTags: true, propagateTags: 'NONE' }), 'service-managed-tags-propagate');
      none(fargateService({ enableECSManagedTags: false }), 'service-managed-tags-propagate');
    });

    it('fix (proposals): adds propagateTags SERVICE or TASK_DEFINITION', () => {
      const text = json(fargateService({ enableECSManagedTags: true }));
      assert.equal(JSON.parse(applyFix(text, 'service-managed-tags-propagate', {}, /"SERVICE"/)).propagateTags, 'SERVICE');
      assert.equal(JSON.parse(applyFix(text, 'service-managed-tags-propagate', {}, /TASK_DEFINITION/)).propagateTags, 'TASK_DEFINITION');
    });
  });
});
