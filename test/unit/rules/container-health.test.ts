import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { lint } from '../../../src/core/lint';
import { applyFix, json, textAt, withCode } from '../helpers';
import { container, fargate, fixesFor, none, one } from './container-fixtures';

function withCheck(healthCheck: Record<string, unknown>): string {
  return json(fargate([container('app', { healthCheck })]));
}

describe('container rules: health checks', () => {
  describe('health-check-command-type', () => {
    it('warns (not errors) on a command without CMD or CMD-SHELL, on its first element', () => {
      const text = withCheck({ command: ['curl -f http://localhost/ || exit 1'] });
      const d = one(text, 'health-check-command-type');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"curl -f http://localhost/ || exit 1"');
      assert.match(d.message, /never runs/);
    });

    it('prefixes a one-string shell command with CMD-SHELL, with certainty', () => {
      const text = withCheck({ command: ['curl -f http://x || exit 1'] });
      assert.deepEqual(fixesFor(text, one(text, 'health-check-command-type')), [{ title: 'Prefix with "CMD-SHELL" (run it through the shell)', certain: true }]);
      const after = applyFix(text, 'health-check-command-type');
      assert.deepEqual(JSON.parse(after).containerDefinitions[0].healthCheck.command, ['CMD-SHELL', 'curl -f http://x || exit 1']);
    });

    it('prefixes an executable with CMD', () => {
      const text = withCheck({ command: ['/healthcheck'], interval: 10 });
      const after = applyFix(text, 'health-check-command-type');
      assert.deepEqual(JSON.parse(after).containerDefinitions[0].healthCheck.command, ['CMD', '/healthcheck']);
      assert.deepEqual(JSON.parse(fixAll(withCheck({ command: ['curl', '-f', 'http://x'] })).text).containerDefinitions[0].healthCheck.command, ['CMD', 'curl', '-f', 'http://x']);
    });

    it('corrects the spelling of a test type', () => {
      const text = withCheck({ command: ['cmd-shell', 'curl -f http://x || exit 1'] });
      assert.deepEqual(fixesFor(text, one(text, 'health-check-command-type')), [{ title: 'Change "cmd-shell" to "CMD-SHELL"', certain: true }]);
      assert.equal(JSON.parse(applyFix(text, 'health-check-command-type')).containerDefinitions[0].healthCheck.command[0], 'CMD-SHELL');
      const underscore = withCheck({ command: ['CMD_SHELL', 'true'] });
      assert.equal(JSON.parse(applyFix(underscore, 'health-check-command-type')).containerDefinitions[0].healthCheck.command[0], 'CMD-SHELL');
    });

    it('is not certain about a list typed as one string ("/bin/bash, curl ...")', () => {
      const text = withCheck({ command: ['/bin/bash, curl http://localhost:8080 || exit 1'] });
      assert.deepEqual(fixesFor(text, one(text, 'health-check-command-type')), [{ title: 'Run the script with CMD-SHELL', certain: false }]);
      const after = applyFix(text, 'health-check-command-type');
      assert.deepEqual(JSON.parse(after).containerDefinitions[0].healthCheck.command, ['CMD-SHELL', 'curl http://localhost:8080 || exit 1']);
    });

    it('accepts CMD, CMD-SHELL, NONE and template values', () => {
      none(withCheck({ command: ['CMD', '/bin/check'] }), 'health-check-command-type');
      none(withCheck({ command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] }), 'health-check-command-type');
      none(withCheck({ command: ['NONE'] }), 'health-check-command-type');
      none(withCheck({ command: ['${HEALTH_TYPE}', 'x'] }), 'health-check-command-type');
    });
  });

  describe('health-check-shell-arguments', () => {
    it('warns on the first ignored element after CMD-SHELL', () => {
      const text = withCheck({ command: ['CMD-SHELL', 'curl', '-f', 'http://localhost/'] });
      const d = one(text, 'health-check-shell-arguments');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"-f"');
      assert.match(d.message, /"curl"; the 2 element\(s\) after it/);
    });

    it('switches plain arguments to CMD, with certainty', () => {
      const text = withCheck({ command: ['CMD-SHELL', 'curl', '-f', 'http://localhost/'] });
      assert.equal(fixesFor(text, one(text, 'health-check-shell-arguments'))[0].certain, true);
      assert.deepEqual(JSON.parse(applyFix(text, 'health-check-shell-arguments')).containerDefinitions[0].healthCheck.command, ['CMD', 'curl', '-f', 'http://localhost/']);
    });

    it('proposes joining arguments that use shell syntax, without certainty', () => {
      const text = withCheck({ command: ['CMD-SHELL', 'curl -f http://localhost/', '||', 'exit 1'] });
      assert.deepEqual(fixesFor(text, one(text, 'health-check-shell-arguments')), [{ title: 'Join the arguments into one shell command', certain: false }]);
      const after = applyFix(text, 'health-check-shell-arguments');
      assert.deepEqual(JSON.parse(after).containerDefinitions[0].healthCheck.command, ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']);
    });

    it('accepts CMD-SHELL with one script and CMD with many arguments', () => {
      none(withCheck({ command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] }), 'health-check-shell-arguments');
      none(withCheck({ command: ['CMD', 'curl', '-f', 'http://localhost/'] }), 'health-check-shell-arguments');
    });
  });

  describe('health-check-timeout-interval', () => {
    it('warns on a timeout not below the interval', () => {
      const text = withCheck({ command: ['CMD', '/healthcheck'], interval: 5, timeout: 6 });
      const d = one(text, 'health-check-timeout-interval');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '6');
    });

    it('compares with the default interval of 30 s', () => {
      one(withCheck({ command: ['CMD', '/healthcheck'], timeout: 30 }), 'health-check-timeout-interval');
      none(withCheck({ command: ['CMD', '/healthcheck'], timeout: 10 }), 'health-check-timeout-interval');
    });

    it('accepts the defaults and a shorter timeout', () => {
      none(withCheck({ command: ['CMD', '/healthcheck'] }), 'health-check-timeout-interval');
      none(withCheck({ command: ['CMD', '/healthcheck'], interval: 10, timeout: 5 }), 'health-check-timeout-interval');
    });
  });

  describe('health-check-settings-without-command', () => {
    const code = 'health-check-settings-without-command';

    it('warns on each timing of a NONE health check, on the key', () => {
      const text = withCheck({ command: ['NONE'], interval: 10, retries: 5 });
      const found = withCode(lint(text), code);
      assert.deepEqual(found.map((d) => textAt(text, d)), ['"interval"', '"retries"']);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /no health check runs/);
    });

    it('accepts timings with a command, and NONE alone', () => {
      none(withCheck({ command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10 }), code);
      none(withCheck({ command: ['NONE'] }), code);
    });

    it('fix: removes the timing (certain)', () => {
      const after = JSON.parse(applyFix(withCheck({ command: ['NONE'], startPeriod: 60 }), code));
      assert.deepEqual(after.containerDefinitions[0].healthCheck, { command: ['NONE'] });
    });
  });
});
