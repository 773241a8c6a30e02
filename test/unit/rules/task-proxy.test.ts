import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, none, only } from './task-helpers';

const envoy = { name: 'envoy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod', essential: true, user: '1337', memory: 256 };
const properties = [
  { name: 'IgnoredUID', value: '1337' },
  { name: 'IgnoredGID', value: '' },
  { name: 'AppPorts', value: '8080' },
  { name: 'ProxyIngressPort', value: '15000' },
  { name: 'ProxyEgressPort', value: '15001' },
  { name: 'EgressIgnoredIPs', value: '169.254.170.2,169.254.169.254' },
];

function meshTask(proxyConfiguration: Record<string, unknown>): Record<string, unknown> {
  return fargateTask({ proxyConfiguration, containerDefinitions: [container0(fargateTask()), envoy] });
}

describe('task rules: App Mesh proxy and placement', () => {
  describe('proxy-configuration-container', () => {
    const code = 'proxy-configuration-container';

    it('flags a containerName that is no container of the task', () => {
      const d = only(meshTask({ type: 'APPMESH', containerName: 'envoy-proxy', properties }), code, 'warning', '"envoy-proxy"');
      assert.match(d.message, /no container of that name \(it has "app" and "envoy"\)/);
    });

    it('accepts the name of a container, and placeholders', () => {
      none(meshTask({ type: 'APPMESH', containerName: 'envoy', properties }), code);
      none(meshTask({ type: 'APPMESH', containerName: '${PROXY}', properties }), code);
    });

    it('fix: renames to the container meant', () => {
      const after = fixed(meshTask({ type: 'APPMESH', containerName: 'Envoy', properties }), code);
      assert.equal((after.proxyConfiguration as Record<string, unknown>).containerName, 'envoy');
    });
  });

  describe('proxy-configuration-properties', () => {
    const code = 'proxy-configuration-properties';

    it('lists the required properties that are missing', () => {
      const d = only(meshTask({ type: 'APPMESH', containerName: 'envoy', properties: properties.slice(2, 4) }), code, 'warning', '"properties"');
      assert.match(d.message, /lacks IgnoredUID or IgnoredGID, ProxyEgressPort/);
      only(meshTask({ type: 'APPMESH', containerName: 'envoy' }), code, 'warning', '"proxyConfiguration"');
    });

    it('accepts a complete configuration, with one of the two ids empty', () => {
      none(meshTask({ type: 'APPMESH', containerName: 'envoy', properties }), code);
      none(meshTask({ containerName: 'envoy', properties: [{ name: 'IgnoredGID', value: '1337' }, ...properties.slice(2)] }), code);
    });
  });

  describe('proxy-app-mesh-discontinued', () => {
    const code = 'proxy-app-mesh-discontinued';

    it('warns on an App Mesh proxy configuration, with or without its type', () => {
      const d = only(meshTask({ type: 'APPMESH', containerName: 'envoy', properties }), code, 'warning', '"proxyConfiguration"');
      assert.match(d.message, /discontinued App Mesh on 30 September 2026/);
      assert.match(d.message, /Service Connect/);
      only(meshTask({ containerName: 'envoy', properties }), code, 'warning', '"proxyConfiguration"');
    });

    it('is silent without a proxy configuration, and offers no automatic fix', () => {
      none(fargateTask(), code);
      none(fargateTask({ containerDefinitions: [container0(fargateTask()), envoy] }), code);
      none(meshTask({ type: 'OTHER', containerName: 'envoy' }), code);
    });
  });

  describe('task-placement-member-of-expression', () => {
    const code = 'task-placement-member-of-expression';

    it('flags a memberOf constraint without an expression, or with an empty one', () => {
      const d = only(ec2Task({ placementConstraints: [{ type: 'memberOf' }] }), code, 'error', '"memberOf"');
      assert.match(d.message, /cluster query language/);
      only(ec2Task({ placementConstraints: [{ type: 'memberOf', expression: ' ' }] }), code, 'error', '" "');
    });

    it('accepts an expression, and leaves Fargate to its own rule', () => {
      none(ec2Task({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g5.*' }] }), code);
      none(fargateTask({ placementConstraints: [{ type: 'memberOf' }] }), code);
    });
  });
});
