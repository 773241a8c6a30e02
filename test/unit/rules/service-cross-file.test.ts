import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import type { LintOptions } from '../../../src/core/types';
import { createWorkspaceIndex } from '../../../src/core/workspace';
import { applyFix, errors, fargateTask, json, lintJson } from '../helpers';
import { ec2Service, fargateService, none, only } from './service-helpers';

const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
const lb = (containerName: string, containerPort: number): Array<Record<string, unknown>> => [{ targetGroupArn: tg, containerName, containerPort }];

/** Lint options whose workspace holds these task definitions. */
function ws(...tds: Array<Record<string, unknown>>): LintOptions {
  return { workspace: createWorkspaceIndex(tds.map((td, i) => ({ uri: `td-${i}.json`, text: json(td) }))) };
}

const healthy = { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } };
const fargate = ws(fargateTask({}, healthy));
/** An EC2 task definition with bridge networking. */
const bridgeTd = fargateTask({ requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined, memory: undefined }, { memory: 256, ...healthy });

describe('service rules: against the task definition', () => {
  it('a matching service and task definition lint clean together', () => {
    assert.deepEqual(lintJson(fargateService({ loadBalancers: lb('app', 80) }), fargate), []);
  });

  it('stay silent without a workspace, for unknown families and for ecspresso files', () => {
    const svc = fargateService({ loadBalancers: lb('nope', 8080), networkConfiguration: undefined });
    assert.deepEqual(lintJson(svc).filter((d) => d.code.startsWith('service-td-')), []);
    assert.deepEqual(lintJson({ ...svc, taskDefinition: 'other:1' }, fargate).filter((d) => d.code.startsWith('service-td-')), []);
    assert.deepEqual(lintJson({ ...svc, taskDefinition: undefined }, fargate).filter((d) => d.code.startsWith('service-td-')), []);
  });

  describe('service-td-lb-container-name', () => {
    it('flags a container the task definition does not have', () => {
      const d = only(fargateService({ loadBalancers: lb('web', 80) }), 'service-td-lb-container-name', 'error', '"web"', fargate);
      assert.match(d.message, /The container web does not exist in the task definition\./);
      assert.match(d.message, /\(it has "app"\)/);
    });

    it('accepts an existing container, and skips task definitions with placeholder names', () => {
      none(fargateService({ loadBalancers: lb('app', 80) }), 'service-td-lb-container-name', fargate);
      none(fargateService({ loadBalancers: lb('web', 80) }), 'service-td-lb-container-name', ws(fargateTask({}, { name: '{{ must_env `APP` }}' })));
      none(fargateService({ loadBalancers: lb('${NAME}', 80) }), 'service-td-lb-container-name', fargate);
    });

    it('fix (a proposal): names the only container with ports', () => {
      const after = JSON.parse(applyFix(json(fargateService({ loadBalancers: lb('web', 80) })), 'service-td-lb-container-name', fargate));
      assert.equal(after.loadBalancers[0].containerName, 'app');
    });
  });

  describe('service-td-lb-container-port', () => {
    it("flags a port that is not among the container's port mappings", () => {
      const d = only(fargateService({ loadBalancers: lb('app', 8080) }), 'service-td-lb-container-port', 'error', '8080', fargate);
      assert.match(d.message, /The container app does not have a container port 8080 defined\./);
      assert.match(d.message, /maps container port 80, not 8080/);
    });

    it('accepts a mapped port', () => {
      none(fargateService({ loadBalancers: lb('app', 80) }), 'service-td-lb-container-port', fargate);
    });

    it('fix (a proposal): uses the only mapped port', () => {
      const after = JSON.parse(applyFix(json(fargateService({ loadBalancers: lb('app', 8080) })), 'service-td-lb-container-port', fargate));
      assert.equal(after.loadBalancers[0].containerPort, 80);
    });
  });

  describe('service-td-network-configuration', () => {
    it('flags an awsvpc task definition without awsvpcConfiguration, on the taskDefinition value', () => {
      const d = only(fargateService({ networkConfiguration: undefined }), 'service-td-network-configuration', 'error', '"web:3"', fargate);
      assert.match(d.message, /Network Configuration must be provided when networkMode 'awsvpc' is specified/);
      only(fargateService({ networkConfiguration: {} }), 'service-td-network-configuration', 'error', '"networkConfiguration"', fargate);
    });

    it('flags networkConfiguration for a bridge or default-mode task definition', () => {
      const svc = ec2Service({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
      const d = only(svc, 'service-td-network-configuration', 'error', '"networkConfiguration"', ws(bridgeTd));
      assert.match(d.message, /Network Configuration is not valid for the given networkMode of this task definition/);
      only(svc, 'service-td-network-configuration', 'error', '"networkConfiguration"', ws({ ...bridgeTd, networkMode: undefined }));
    });

    it('accepts matching pairs, and a placeholder network mode', () => {
      none(fargateService(), 'service-td-network-configuration', fargate);
      none(ec2Service(), 'service-td-network-configuration', ws(bridgeTd));
      none(fargateService({ networkConfiguration: undefined }), 'service-td-network-configuration', ws(fargateTask({ networkMode: '{{networkmode}}' })));
    });

    it('fix (a proposal): removes networkConfiguration', () => {
      const svc = ec2Service({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
      const after = JSON.parse(applyFix(json(svc), 'service-td-network-configuration', ws(bridgeTd)));
      assert.deepEqual(after, ec2Service());
    });
  });

  describe('service-td-fargate-compatibility', () => {
    it('flags a task definition that requires only EC2', () => {
      const d = only(fargateService(), 'service-td-fargate-compatibility', 'error', '"FARGATE"', ws(fargateTask({ requiresCompatibilities: ['EC2'] })));
      assert.match(d.message, /Task definition does not support launch_type FARGATE/);
      assert.match(d.message, /requiresCompatibilities lists "EC2" but not "FARGATE"/);
    });

    it('flags a task definition that cannot be Fargate-compatible: log driver, network mode', () => {
      const jsonFile = ws(fargateTask({ requiresCompatibilities: undefined }, { logConfiguration: { logDriver: 'json-file' } }));
      assert.match(only(fargateService(), 'service-td-fargate-compatibility', 'error', '"FARGATE"', jsonFile).message, /logs with "json-file"/);
      const bridge = ws(fargateTask({ requiresCompatibilities: undefined, networkMode: 'bridge' }));
      assert.match(only(fargateService(), 'service-td-fargate-compatibility', 'error', '"FARGATE"', bridge).message, /networkMode "bridge"/);
    });

    it('reports on a Fargate capacity provider when that is how the service picks Fargate', () => {
      const svc = fargateService({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
      only(svc, 'service-td-fargate-compatibility', 'error', '"FARGATE_SPOT"', ws(fargateTask({ requiresCompatibilities: ['EC2'] })));
    });

    it('accepts Fargate task definitions, also unmarked ones and describe output that lists FARGATE', () => {
      none(fargateService(), 'service-td-fargate-compatibility', fargate);
      none(fargateService(), 'service-td-fargate-compatibility', ws(fargateTask({ requiresCompatibilities: undefined })));
      const described = { taskDefinition: { ...fargateTask({ requiresCompatibilities: undefined }), revision: 3, compatibilities: ['EC2', 'FARGATE'] } };
      none(fargateService(), 'service-td-fargate-compatibility', { workspace: createWorkspaceIndex([{ text: json(described) }]) });
    });
  });

  describe('service-td-service-connect-port-name', () => {
    const named = ws(fargateTask({}, { portMappings: [{ containerPort: 80, name: 'http' }], ...healthy }));
    const sc = (portName: string, enabled = true): Record<string, unknown> => fargateService({ serviceConnectConfiguration: { enabled, namespace: 'internal', services: [{ portName }] } });

    it('flags a portName no port mapping carries', () => {
      const d = only(sc('web'), 'service-td-service-connect-port-name', 'error', '"web"', named);
      assert.match(d.message, /named ports: "http"/);
    });

    it('accepts a matching name and disabled Service Connect', () => {
      none(sc('http'), 'service-td-service-connect-port-name', named);
      none(sc('web', false), 'service-td-service-connect-port-name', named);
    });

    it('fix (a proposal): uses the only named port', () => {
      const after = JSON.parse(applyFix(json(sc('web')), 'service-td-service-connect-port-name', named));
      assert.equal(after.serviceConnectConfiguration.services[0].portName, 'http');
    });
  });

  describe('service-td-lb-health-check', () => {
    it('informs about essential containers without a health check behind a load balancer', () => {
      const d = only(fargateService({ loadBalancers: lb('app', 80) }), 'service-td-lb-health-check', 'information', '"loadBalancers"', ws(fargateTask()));
      assert.match(d.message, /Essential container "app"/);
    });

    it('accepts containers with health checks, non-essential sidecars, and services without a load balancer', () => {
      none(fargateService({ loadBalancers: lb('app', 80) }), 'service-td-lb-health-check', fargate);
      const sidecar = fargateTask({ containerDefinitions: [...(fargateTask({}, healthy).containerDefinitions as unknown[]), { name: 'log-router', image: 'fluent-bit', essential: false }] });
      none(fargateService({ loadBalancers: lb('app', 80) }), 'service-td-lb-health-check', ws(sidecar));
      none(fargateService(), 'service-td-lb-health-check', ws(fargateTask()));
    });
  });

  describe('service-td-grace-period-unused', () => {
    const svc = fargateService({ healthCheckGracePeriodSeconds: 60 });

    it('informs when nothing is there to delay', () => {
      only(svc, 'service-td-grace-period-unused', 'information', '"healthCheckGracePeriodSeconds"', ws(fargateTask()));
    });

    it('accepts it with a load balancer or a container health check', () => {
      none(fargateService({ healthCheckGracePeriodSeconds: 60, loadBalancers: lb('app', 80) }), 'service-td-grace-period-unused', ws(fargateTask()));
      none(svc, 'service-td-grace-period-unused', fargate);
      none(fargateService({ healthCheckGracePeriodSeconds: 0 }), 'service-td-grace-period-unused', ws(fargateTask()));
    });

    it('fix (a proposal): removes it', () => {
      const after = JSON.parse(applyFix(json(svc), 'service-td-grace-period-unused', ws(fargateTask())));
      assert.deepEqual(after, fargateService());
    });
  });

  it('lint passes the workspace to every target of describe-services output', () => {
    const text = json({ services: [fargateService({ loadBalancers: lb('web', 80) }), fargateService({ loadBalancers: lb('app', 81) })] });
    const codes = errors(lint(text, fargate)).map((d) => d.code);
    assert.ok(codes.includes('service-td-lb-container-name'));
    assert.ok(codes.includes('service-td-lb-container-port'));
  });
});
