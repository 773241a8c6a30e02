import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { lint } from '../../../src/core/lint';
import { applyFix, json, textAt, withCode } from '../helpers';
import { container, ec2Task, fixesFor, none, one } from './container-fixtures';

const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };

describe('container rules: dependsOn', () => {
  describe('depends-on-unknown-container', () => {
    it('is an error on a containerName that is not in the task', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'db', condition: 'START' }] }), container('proxy')]));
      const d = one(text, 'depends-on-unknown-container');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"db"');
      assert.match(d.message, /depends on "db", but the task has no container of that name \(it has "app", "proxy"\)/);
    });

    it('fixes a name that differs only in case, with certainty', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'Proxy', condition: 'START' }] }), container('proxy')]));
      assert.deepEqual(fixesFor(text, one(text, 'depends-on-unknown-container'))[0], { title: 'Change to "proxy"', certain: true });
      assert.equal(JSON.parse(fixAll(text).text).containerDefinitions[0].dependsOn[0].containerName, 'proxy');
    });

    it('proposes a close name, or removing the dependency, without certainty', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'proxi', condition: 'START' }] }), container('proxy')]));
      assert.deepEqual(fixesFor(text, one(text, 'depends-on-unknown-container')), [
        { title: 'Change to "proxy"', certain: false },
        { title: 'Remove the dependency on "proxi"', certain: false },
      ]);
      const after = applyFix(text, 'depends-on-unknown-container', {}, /Remove/);
      assert.deepEqual(JSON.parse(after).containerDefinitions[0].dependsOn, []);
    });

    it('stays quiet for existing targets and template names', () => {
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: 'proxy', condition: 'START' }] }), container('proxy')])), 'depends-on-unknown-container');
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: '{{ .Sidecar }}', condition: 'START' }] })])), 'depends-on-unknown-container');
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: 'proxy', condition: 'START' }] }), container('${SIDECAR}')])), 'depends-on-unknown-container');
    });
  });

  describe('depends-on-self', () => {
    it('is an error, and the certain fix removes the entry', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'app', condition: 'START' }] })]));
      const d = one(text, 'depends-on-self');
      assert.equal(textAt(text, d), '"app"');
      assert.equal(d.severity, 'error');
      none(text, 'depends-on-unknown-container');
      assert.deepEqual(fixesFor(text, d), [{ title: 'Remove the dependency on itself', certain: true }]);
      assert.deepEqual(JSON.parse(applyFix(text, 'depends-on-self')).containerDefinitions[0].dependsOn, []);
    });
  });

  describe('depends-on-healthy-without-health-check', () => {
    it('is an error on HEALTHY when the target has no healthCheck', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }] }), container('envoy')]));
      const d = one(text, 'depends-on-healthy-without-health-check');
      assert.equal(textAt(text, d), '"HEALTHY"');
      assert.equal(d.severity, 'error');
      const after = applyFix(text, 'depends-on-healthy-without-health-check');
      assert.equal(JSON.parse(after).containerDefinitions[0].dependsOn[0].condition, 'START');
    });

    it('accepts a target with a health check', () => {
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }] }), container('envoy', { healthCheck })])), 'depends-on-healthy-without-health-check');
    });
  });

  describe('depends-on-essential-exit', () => {
    it('is an error on COMPLETE or SUCCESS when the target is essential (also by default)', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }), container('migrate')]));
      const d = one(text, 'depends-on-essential-exit');
      assert.equal(textAt(text, d), '"SUCCESS"');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /essential \(the default\)/);
      assert.match(d.message, /A dependency container with SUCCESS or COMPLETE condition cannot be an essential container/);
    });

    it('proposes marking the target non-essential', () => {
      const text = json(ec2Task([container('app', { dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] }), container('migrate', { essential: true })]));
      assert.deepEqual(fixesFor(text, one(text, 'depends-on-essential-exit')).map((f) => f.certain), [false, false]);
      const after = JSON.parse(applyFix(text, 'depends-on-essential-exit', {}, /not essential/));
      assert.equal(after.containerDefinitions[1].essential, false);
      assert.equal(after.containerDefinitions[0].dependsOn[0].condition, 'COMPLETE');
    });

    it('does not propose demoting the only essential container', () => {
      const text = json(ec2Task([container('app', { essential: false, dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] }), container('migrate')]));
      assert.deepEqual(fixesFor(text, one(text, 'depends-on-essential-exit')), [{ title: 'Wait for START instead', certain: false }]);
    });

    it('accepts a non-essential init container', () => {
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }), container('init', { essential: false })])), 'depends-on-essential-exit');
    });
  });

  describe('depends-on-cycle', () => {
    it('reports a two-container cycle once', () => {
      const text = json(
        ec2Task([
          container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
          container('b', { dependsOn: [{ containerName: 'a', condition: 'START' }] }),
        ]),
      );
      const d = one(text, 'depends-on-cycle');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"a"');
      assert.match(d.message, /"a" waits for "b" waits for "a"/);
    });

    it('finds longer cycles', () => {
      const text = json(
        ec2Task([
          container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
          container('b', { dependsOn: [{ containerName: 'c', condition: 'START' }] }),
          container('c', { dependsOn: [{ containerName: 'a', condition: 'START' }] }),
        ]),
      );
      assert.match(one(text, 'depends-on-cycle').message, /"a" waits for "b" waits for "c" waits for "a"/);
    });

    it('accepts chains and diamonds', () => {
      const text = json(
        ec2Task([
          container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }, { containerName: 'c', condition: 'START' }] }),
          container('b', { dependsOn: [{ containerName: 'd', condition: 'START' }] }),
          container('c', { dependsOn: [{ containerName: 'd', condition: 'START' }] }),
          container('d'),
        ]),
      );
      none(text, 'depends-on-cycle');
      assert.equal(withCode(lint(text), 'depends-on-unknown-container').length, 0);
    });

    it('offers to remove one dependency, without certainty', () => {
      const text = json(
        ec2Task([
          container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
          container('b', { dependsOn: [{ containerName: 'a', condition: 'START' }] }),
        ]),
      );
      assert.deepEqual(fixesFor(text, one(text, 'depends-on-cycle')), [{ title: 'Remove this dependency', certain: false }]);
      const after = applyFix(text, 'depends-on-cycle');
      assert.deepEqual(JSON.parse(after).containerDefinitions[1].dependsOn, []);
    });
  });

  describe('depends-on-success-exit-code', () => {
    const code = 'depends-on-success-exit-code';
    const waitFor = (condition: string, target: Record<string, unknown>): string =>
      json(ec2Task([container('app', { dependsOn: [{ containerName: 'setup', condition }] }), container('setup', { essential: false, ...target })]));

    it('warns when COMPLETE or SUCCESS waits for a container that keeps running', () => {
      const text = waitFor('SUCCESS', { portMappings: [{ containerPort: 5432 }] });
      const d = one(text, code);
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"SUCCESS"');
      assert.match(d.message, /it maps ports/);
      assert.match(one(waitFor('COMPLETE', { healthCheck }), code).message, /never starts/);
    });

    it('accepts a target that runs once and exits, and leaves essential targets to depends-on-essential-exit', () => {
      none(waitFor('SUCCESS', { command: ['sh', '-c', 'migrate'] }), code);
      none(json(ec2Task([container('app', { dependsOn: [{ containerName: 'db', condition: 'SUCCESS' }] }), container('db', { portMappings: [{ containerPort: 5432 }] })])), code);
    });

    it('fix: offers HEALTHY for a health-checked target, else START', () => {
      const text = waitFor('SUCCESS', { healthCheck });
      assert.deepEqual(fixesFor(text, one(text, code)), [{ title: 'Wait for HEALTHY instead', certain: false }]);
      const ported = waitFor('SUCCESS', { portMappings: [{ containerPort: 5432 }] });
      assert.equal(JSON.parse(applyFix(ported, code)).containerDefinitions[0].dependsOn[0].condition, 'START');
    });
  });
});
