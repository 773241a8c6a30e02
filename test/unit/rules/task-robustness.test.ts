import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { ruleApplies } from '../../../src/core/rules/index';
import { taskRules } from '../../../src/core/rules/task/index';
import { json } from '../helpers';
import { fargateTask } from './task-helpers';

const odd: unknown[] = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], [{}], { a: null }];

describe('task rules: robustness', () => {
  it('have unique ids, AWS documentation links and titles', () => {
    const ids = taskRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of taskRules) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(r.docs, /^https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/(developerguide|APIReference)\//);
      assert.ok(r.title.length > 10);
      assert.ok(ruleApplies(r, 'task-definition'), r.id);
    }
  });

  it('never throw on members of the wrong type', () => {
    const members = ['cpu', 'memory', 'networkMode', 'requiresCompatibilities', 'runtimePlatform', 'volumes', 'ipcMode', 'pidMode', 'placementConstraints', 'ephemeralStorage', 'executionRoleArn', 'containerDefinitions', 'tags', 'inferenceAccelerators', 'proxyConfiguration'];
    const containerMembers = [
      'portMappings', 'logConfiguration', 'linuxParameters', 'links', 'secrets', 'image', 'name', 'resourceRequirements', 'startTimeout', 'firelensConfiguration', 'hostname', 'extraHosts', 'privileged',
      'user', 'systemControls', 'dockerSecurityOptions', 'credentialSpecs', 'repositoryCredentials', 'healthCheck', 'dependsOn', 'memory', 'memoryReservation',
    ];
    for (const v of odd) {
      for (const m of members) assert.doesNotThrow(() => lint(json(fargateTask({ [m]: v }))), `${m}: ${JSON.stringify(v)}`);
      for (const m of containerMembers) assert.doesNotThrow(() => lint(json(fargateTask({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }, { [m]: v }))), `${m}: ${JSON.stringify(v)}`);
      const nested = {
        portMappings: [v, { containerPortRange: v, containerPort: v, hostPort: v }],
        logConfiguration: { logDriver: 'awslogs', options: v, secretOptions: v },
        linuxParameters: { capabilities: { add: v, drop: [v] }, devices: v, tmpfs: [v, { mountOptions: v }], swappiness: v },
        resourceRequirements: [v, { type: 'GPU', value: v, sharingStrategy: v }, { type: 'NeuronDevice', value: v }],
        firelensConfiguration: { type: 'fluentbit', options: v },
        systemControls: [v, { namespace: v, value: v }],
        healthCheck: { command: ['NONE'], interval: v },
      };
      const volumes = [v, { host: v, dockerVolumeConfiguration: v }, { configuredAtLaunch: v, s3filesVolumeConfiguration: v }, { dockerVolumeConfiguration: { autoprovision: v, scope: v } }];
      assert.doesNotThrow(() => lint(json(fargateTask({ volumes }, nested))));
      assert.doesNotThrow(() => lint(json(fargateTask({ requiresCompatibilities: ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES'], networkMode: 'host', volumes, tags: [v, { key: v, value: v }], proxyConfiguration: { properties: v, containerName: v } }, nested))));
    }
  });

  it('handle large documents (timings are in npm run bench)', () => {
    const portMappings = Array.from({ length: 5000 }, (_, i) => ({ containerPort: (i % 2500) + 1 }));
    const diags = lint(json(fargateTask({}, { portMappings })));
    // Every port from 1 to 2500 is mapped twice: the second of each pair is a duplicate.
    assert.equal(diags.filter((d) => d.code === 'port-mapping-duplicate').length, 2500);
  });
});
