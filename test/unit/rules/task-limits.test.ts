import assert from 'node:assert/strict';
import { MAX_TASK_DEFINITION_BYTES } from '../../../src/core/facts';
import { utf8Length } from '../../../src/core/rules/helpers';
import { fargateTask, none, only } from './task-helpers';

const code = 'task-definition-size';

/** A Fargate task whose minified JSON is exactly `bytes` long (ASCII only). */
function taskOfSize(bytes: number): Record<string, unknown> {
  const td = fargateTask({}, { environment: [{ name: 'BIG', value: '' }] });
  const pad = bytes - JSON.stringify(td).length;
  return fargateTask({}, { environment: [{ name: 'BIG', value: 'x'.repeat(pad) }] });
}

describe('task rules: limits', () => {
  describe('task-definition-size', () => {
    it('flags a task definition over 64 KiB of minified JSON, on its largest member', () => {
      const d = only(taskOfSize(MAX_TASK_DEFINITION_BYTES + 1), code, 'error', '"containerDefinitions"');
      assert.match(d.message, /65,537 bytes/);
      assert.match(d.message, /environmentFiles/);
    });

    it('accepts exactly 64 KiB, however the file is indented', () => {
      none(taskOfSize(MAX_TASK_DEFINITION_BYTES), code);
      none(JSON.stringify(taskOfSize(MAX_TASK_DEFINITION_BYTES), null, 8), code);
    });

    it('counts UTF-8 bytes, not characters', () => {
      assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
      const ascii = taskOfSize(MAX_TASK_DEFINITION_BYTES);
      const env = ((ascii.containerDefinitions as Array<Record<string, unknown>>)[0].environment as Array<{ value: string }>)[0];
      env.value = `€${env.value.slice(1)}`; // one character, three bytes: now 2 bytes over
      only(ascii, code, 'error', '"containerDefinitions"');
    });
  });
});
