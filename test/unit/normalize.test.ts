/** The canonical form used to register and to compare with what runs, and the unified diff of two forms. */
import assert from 'node:assert/strict';
import { changedMembers, summarizeChanges } from '../../src/core/normalize/changes';
import { unifiedDiff } from '../../src/core/normalize/diff';
import { canonicalText, normalizeService, normalizeTaskDefinition } from '../../src/core/normalize/normalize';
import { fargateTask } from './helpers';

/** What describe-task-definition returns for a registered copy of `fargateTask()`: defaults and extras spelled out. */
function described(): Record<string, unknown> {
  const td = fargateTask() as Record<string, unknown> & { containerDefinitions: Array<Record<string, unknown>> };
  return {
    taskDefinition: {
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      containerDefinitions: td.containerDefinitions.map((c) => ({
        ...c,
        cpu: 0,
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        logConfiguration: { ...(c.logConfiguration as object), secretOptions: [] },
      })),
      family: 'web',
      executionRoleArn: td.executionRoleArn,
      networkMode: 'awsvpc',
      revision: 7,
      volumes: [],
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
      placementConstraints: [],
      compatibilities: ['EC2', 'FARGATE'],
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      registeredAt: '2026-11-01T10:00:00.000Z',
      registeredBy: 'arn:aws:sts::123456789012:assumed-role/deployer/ci',
    },
    tags: [{ key: 'team', value: 'web' }],
  };
}

describe('normalize', () => {
  it('describe output and the file it was registered from come out equal (tags aside)', () => {
    const file = normalizeTaskDefinition({ ...fargateTask(), tags: [{ key: 'team', value: 'web' }] });
    const live = normalizeTaskDefinition(described());
    assert.deepEqual(live.tags, [{ key: 'team', value: 'web' }]);
    assert.equal(canonicalText(live.value), canonicalText(file.value));
    assert.deepEqual(live.placeholders, []);
  });

  it('sorts what ECS does not order, keeps what it does, and writes task sizes in units', () => {
    const td = fargateTask({ cpu: '1 vCPU', memory: '2 GB', requiresCompatibilities: ['FARGATE', 'EC2'] }, {
      environment: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }],
      secrets: [{ name: 'Z', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/z' }, { name: 'Y', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/y' }],
      command: ['b', 'a'],
      dockerLabels: { z: '1', a: '2' },
    });
    type Container = { environment: Array<{ name: string }>; secrets: Array<{ name: string }>; command: string[]; dockerLabels: Record<string, string>; essential?: boolean; portMappings: unknown[] };
    const n = normalizeTaskDefinition(td).value as { cpu: string; memory: string; requiresCompatibilities: string[]; containerDefinitions: Container[] };
    assert.equal(n.cpu, '1024');
    assert.equal(n.memory, '2048');
    assert.deepEqual(n.requiresCompatibilities, ['EC2', 'FARGATE']);
    const c = n.containerDefinitions[0];
    assert.deepEqual(c.environment.map((e) => e.name), ['A', 'B']);
    assert.deepEqual(c.secrets.map((e) => e.name), ['Y', 'Z']);
    assert.deepEqual(c.command, ['b', 'a'], 'a command keeps its order');
    assert.deepEqual(Object.keys(c.dockerLabels), ['a', 'z']);
    assert.equal(c.essential, undefined, 'essential: true is the default');
    assert.deepEqual(c.portMappings, [{ containerPort: 80, hostPort: 80 }], 'hostPort filled under awsvpc, tcp dropped');
  });

  it('fills hostPort in its schema place, so a named port mapping compares equal to its described form', () => {
    const file = normalizeTaskDefinition(fargateTask({}, { portMappings: [{ containerPort: 8080, name: 'http', appProtocol: 'http' }] }));
    const live = normalizeTaskDefinition(fargateTask({}, { portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' }] }));
    assert.equal(canonicalText(file.value), canonicalText(live.value));
  });

  it('finds template placeholders', () => {
    assert.deepEqual(normalizeTaskDefinition(fargateTask({}, { image: 'repo/app:${TAG}' })).placeholders, ['repo/app:${TAG}']);
    assert.deepEqual(normalizeTaskDefinition(fargateTask({ family: '{{ must_env `FAMILY` }}' })).placeholders, ['{{ must_env `FAMILY` }}']);
  });

  it('shell syntax in commands is not a placeholder; template syntax is, with where it sits', () => {
    const td = fargateTask({}, {
      command: ['sh', '-c', 'exec app --port ${PORT} --home $HOME'],
      entryPoint: ['/bin/sh', '-c'],
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:$PORT/ || exit 1'] },
      image: 'repo/app:{{ must_env `TAG` }}',
      environment: [{ name: 'DB_HOST', value: '${DB_HOST}' }],
    });
    const n = normalizeTaskDefinition(td);
    assert.deepEqual(n.placeholderSites, [
      { path: 'containerDefinitions[0].image', value: 'repo/app:{{ must_env `TAG` }}' },
      { path: 'containerDefinitions[0].environment[0].value', value: '${DB_HOST}' },
    ]);
    const templated = normalizeTaskDefinition(fargateTask({}, { command: ['run', '{{ .Env.MODE }}'] }));
    assert.deepEqual(templated.placeholderSites, [{ path: 'containerDefinitions[0].command[1]', value: '{{ .Env.MODE }}' }]);
  });

  it('drops what describe output spells out when it means the default or "off"', () => {
    const live = normalizeTaskDefinition({ ...fargateTask(), enableFaultInjection: false }).value;
    assert.equal(canonicalText(live), canonicalText(normalizeTaskDefinition(fargateTask()).value));
    assert.equal((normalizeTaskDefinition({ ...fargateTask(), enableFaultInjection: true }).value as { enableFaultInjection?: boolean }).enableFaultInjection, true);
    const file = { cluster: 'prod', serviceName: 'web', taskDefinition: 'web:7', desiredCount: 1 };
    const described = {
      ...file,
      availabilityZoneRebalancing: 'ENABLED',
      healthCheckGracePeriodSeconds: 0,
      deploymentConfiguration: { alarms: { alarmNames: [], enable: false, rollback: false }, bakeTimeInMinutes: 0, strategy: 'ROLLING', maximumPercent: 200, minimumHealthyPercent: 100 },
    };
    assert.equal(canonicalText(normalizeService(described).value), canonicalText(normalizeService(file).value));
    const changed = normalizeService({ ...described, availabilityZoneRebalancing: 'DISABLED', deploymentConfiguration: { alarms: { alarmNames: ['high-5xx'], enable: true, rollback: true } } }).value;
    assert.deepEqual(changed.availabilityZoneRebalancing, 'DISABLED');
    assert.deepEqual(changed.deploymentConfiguration, { alarms: { alarmNames: ['high-5xx'], enable: true, rollback: true } });
  });

  it('a described service compares equal to the create-service file it came from', () => {
    const file = {
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'web:7',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b', 'subnet-a'], securityGroups: ['sg-1'] } },
    };
    const live = {
      services: [
        {
          serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
          serviceName: 'web',
          clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
          loadBalancers: [],
          serviceRegistries: [],
          status: 'ACTIVE',
          desiredCount: 2,
          runningCount: 2,
          pendingCount: 0,
          launchType: 'FARGATE',
          platformVersion: 'LATEST',
          taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
          deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 },
          deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY' }],
          events: [],
          createdAt: '2026-11-01T10:00:00Z',
          placementConstraints: [],
          placementStrategy: [],
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
          schedulingStrategy: 'REPLICA',
          deploymentController: { type: 'ECS' },
          enableECSManagedTags: false,
          propagateTags: 'NONE',
          enableExecuteCommand: false,
        },
      ],
      failures: [],
    };
    assert.equal(canonicalText(normalizeService(live).value), canonicalText(normalizeService(file).value));
    const changed = normalizeService({ ...file, desiredCount: 3 });
    assert.notEqual(canonicalText(changed.value), canonicalText(normalizeService(live).value));
  });
});

describe('changed members', () => {
  it('names what differs, named list items by name, down to three levels', () => {
    const before = normalizeTaskDefinition(fargateTask({}, { environment: [{ name: 'A', value: '1' }] })).value;
    const after = normalizeTaskDefinition(
      fargateTask({ memory: '1024', containerDefinitions: [{ ...(fargateTask().containerDefinitions as object[])[0], image: 'repo/app:2', environment: [{ name: 'A', value: '2' }] }, { name: 'sidecar', image: 'busybox' }] }),
    ).value;
    assert.deepEqual(changedMembers(before, after), ['containerDefinitions[app].image', 'containerDefinitions[app].environment', 'containerDefinitions[sidecar]', 'memory']);
    assert.deepEqual(changedMembers(before, before), []);
    assert.equal(summarizeChanges(['a', 'b', 'c', 'd', 'e', 'f', 'g']), 'a, b, c, d, e and 2 more');
  });
});

describe('unified diff', () => {
  it('is empty for equal texts and prints hunks with context like diff -u', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y'), '');
    const from = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const to = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10', '11'].join('\n') + '\n';
    assert.equal(
      unifiedDiff(from, to, 'live', 'file'),
      // As `diff -u` prints it: changes less than 2 × 3 lines apart share one hunk.
      ['--- live', '+++ file', '@@ -2,9 +2,10 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ' 9', ' 10', '+11', ''].join('\n'),
    );
  });

  it('starts a new hunk when changes are more than 2 × context lines apart', () => {
    const from = Array.from({ length: 20 }, (_, i) => String(i + 1)).join('\n') + '\n';
    const to = from.replace(/^2$/m, 'two').replace(/^15$/m, 'fifteen');
    assert.equal(
      unifiedDiff(from, to, 'a', 'b'),
      ['--- a', '+++ b', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -12,7 +12,7 @@', ' 12', ' 13', ' 14', '-15', '+fifteen', ' 16', ' 17', ' 18', ''].join('\n'),
    );
  });

  it('handles additions to and removals from empty texts', () => {
    assert.equal(unifiedDiff('', 'a\n', 'x', 'y'), '--- x\n+++ y\n@@ -0,0 +1,1 @@\n+a\n');
    assert.equal(unifiedDiff('a\n', '', 'x', 'y'), '--- x\n+++ y\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('applying the hunks to the old text gives the new one (random edits)', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand(30) }, () => `l${rand(8)}`);
      const b = a.filter(() => rand(4) !== 0).flatMap((l) => (rand(5) === 0 ? [l, `n${rand(8)}`] : [l]));
      const patch = unifiedDiff(a.map((l) => `${l}\n`).join(''), b.map((l) => `${l}\n`).join(''), 'a', 'b', 1000);
      if (patch === '') {
        assert.deepEqual(a, b);
        continue;
      }
      const body = patch.split('\n').slice(3, -1);
      assert.deepEqual(body.filter((l) => l[0] !== '+').map((l) => l.slice(1)), a);
      assert.deepEqual(body.filter((l) => l[0] !== '-').map((l) => l.slice(1)), b);
    }
  });
});
