import assert from 'node:assert/strict';
import { FARGATE_SIZES } from '../../../src/core/facts';
import { describeMemory, formatLike, sizeChoices } from '../../../src/core/rules/task/size';
import { fixAll } from '../../../src/core/fixes';
import { json } from '../helpers';
import { ec2Task, fargateTask, fixed, fixesFor, none, only, windowsFargateTask, without } from './task-helpers';

describe('task rules: task size', () => {
  describe('fargate-task-size-required', () => {
    const code = 'fargate-task-size-required';

    it('flags a Fargate task without task-level cpu, on the FARGATE entry, quoting ECS', () => {
      const d = only(without(fargateTask(), 'cpu'), code, 'error', '"FARGATE"');
      assert.match(d.message, /"cpu" is missing/);
      assert.match(d.message, /Fargate requires that 'cpu' be defined at the task level/);
    });

    it('names both members when both are missing', () => {
      const d = only(without(fargateTask(), 'cpu', 'memory'), code, 'error', '"FARGATE"');
      assert.match(d.message, /"cpu" and "memory" are missing/);
    });

    it('applies to tasks compatible with both EC2 and Fargate', () => {
      only(without(fargateTask({ requiresCompatibilities: ['EC2', 'FARGATE'] }), 'memory'), code, 'error', '"FARGATE"');
    });

    it('leaves EC2 tasks and template values alone', () => {
      none(ec2Task(), code);
      none(fargateTask({ cpu: '${TASK_CPU}', memory: '{{ must_env `MEMORY` }}' }), code);
      none(fargateTask(), code);
    });

    it('fix: adds the smallest cpu that holds the memory', () => {
      const after = fixed(without(fargateTask({ memory: '4096' }), 'cpu'), code);
      assert.equal(after.cpu, '512');
      assert.equal(after.memory, '4096');
    });

    it('fix: adds the smallest memory for the cpu, and both when both are missing', () => {
      assert.equal(fixed(without(fargateTask({ cpu: '1024' }), 'memory'), code).memory, '2048');
      const both = fixed(without(fargateTask(), 'cpu', 'memory'), code);
      assert.deepEqual([both.cpu, both.memory], ['256', '512']);
      assert.deepEqual(fixesFor(without(fargateTask(), 'cpu'), code).map((f) => f.certain), [false]);
    });
  });

  describe('fargate-cpu-memory', () => {
    const code = 'fargate-cpu-memory';

    it('accepts all 74 valid Fargate sizes, in units and in vCPU/GB', () => {
      assert.equal(FARGATE_SIZES.reduce((n, s) => n + s.memory.length, 0), 74);
      for (const size of FARGATE_SIZES) {
        for (const memory of size.memory) none(fargateTask({ cpu: String(size.cpu), memory: String(memory) }), code);
      }
      none(fargateTask({ cpu: '1 vCPU', memory: '3 GB' }), code);
      none(fargateTask({ cpu: '.25 vcpu', memory: '0.5GB' }), code);
    });

    it('flags memory the cpu does not allow, listing what it allows and quoting ECS', () => {
      const d = only(fargateTask({ cpu: '256', memory: '4096' }), code, 'error', '"4096"');
      assert.match(d.message, /cpu "256" \(0\.25 vCPU\) allows memory 512, 1024 or 2048 MiB/);
      assert.match(d.message, /No Fargate configuration exists for given values\./);
      const ranged = only(fargateTask({ cpu: '4096', memory: '4096' }), code, 'error', '"4096"');
      assert.match(ranged.message, /8192 to 30720 in steps of 1024/);
    });

    it('flags a cpu that is not a Fargate size on the cpu value', () => {
      const d = only(fargateTask({ cpu: '128', memory: '256' }), code, 'error', '"128"');
      assert.match(d.message, /256, 512, 1024, 2048, 4096, 8192 or 16384 units/);
    });

    it('skips placeholders and EC2-only tasks', () => {
      none(fargateTask({ cpu: '256', memory: '${MEMORY}' }), code);
      none(ec2Task({ cpu: '256', memory: '4096' }), code);
    });

    it('fix: rounds memory up to the next value of the same cpu (certain)', () => {
      assert.equal(fixed(fargateTask({ cpu: '1024', memory: '3000' }), code).memory, '3072');
      assert.equal(fixed(fargateTask({ cpu: '1024', memory: '1024' }), code).memory, '2048');
      assert.deepEqual(fixesFor(fargateTask({ cpu: '1024', memory: '3000' }), code), [{ title: 'Set memory to "3072"', certain: true }]);
    });

    it('fix: keeps the unit the file uses', () => {
      assert.equal(fixed(fargateTask({ cpu: '1 vCPU', memory: '2.5 GB' }), code).memory, '3 GB');
      assert.equal(fixed(fargateTask({ cpu: '2 vcpu', memory: '1 gb' }), code).memory, '4 gb');
    });

    it('fix: memory above the cpu range raises cpu to the smallest size that allows it (certain); lower memory is only offered', () => {
      const offered = fixesFor(fargateTask({ cpu: '256', memory: '4096' }), code);
      assert.deepEqual(offered, [
        { title: 'Set cpu to "512"', certain: true },
        { title: 'Set memory to "2048"', certain: false },
      ]);
      const raised = fixed(fargateTask({ cpu: '256', memory: '4096' }), code);
      assert.deepEqual([raised.cpu, raised.memory], ['512', '4096']);
      const lowered = fixed(fargateTask({ cpu: '256', memory: '4096' }), code, /memory/);
      assert.deepEqual([lowered.cpu, lowered.memory], ['256', '2048']);
      // Memory between two steps of the bigger size is rounded up with it: nothing shrinks.
      const between = fixed(fargateTask({ cpu: '1 vCPU', memory: '9000' }), code);
      assert.deepEqual([between.cpu, between.memory], ['2 vCPU', '9216']);
    });

    it('fix: fix all raises cpu and keeps the memory', () => {
      const text = json(fargateTask({ cpu: '512', memory: '8192' }));
      const after = JSON.parse(fixAll(text).text) as Record<string, unknown>;
      assert.deepEqual([after.cpu, after.memory], ['1024', '8192']);
    });

    it('fix: Windows sizes stop at 4 vCPU', () => {
      const offered = fixesFor(windowsFargateTask({ cpu: '4096', memory: '40960' }), code);
      assert.deepEqual(offered, [{ title: 'Set memory to "30720"', certain: false }]);
    });

    it('fix: an invalid cpu is rounded up to the smallest size that holds the memory (certain)', () => {
      const after = fixed(fargateTask({ cpu: '128', memory: '256' }), code);
      assert.deepEqual([after.cpu, after.memory], ['256', '512']);
      const bigger = fixed(fargateTask({ cpu: '3000', memory: '9000' }), code);
      assert.deepEqual([bigger.cpu, bigger.memory], ['4096', '9216']);
    });

    it('sizeChoices and helpers', () => {
      assert.deepEqual(sizeChoices(512, 1024, 1024), [{ cpu: 1024, memory: 2048, certain: true }]);
      assert.deepEqual(sizeChoices(32768, 1024, 256), [{ cpu: 16384, memory: 32768, certain: false }]);
      assert.deepEqual(sizeChoices(8192, 16384, 1024, 4096), [{ cpu: 4096, memory: 16384, certain: false }]);
      assert.deepEqual(sizeChoices(2048, 20480, 1024, 4096), [{ cpu: 4096, memory: 20480, certain: true }, { cpu: 2048, memory: 16384, certain: false }]);
      assert.deepEqual(sizeChoices(16384, 200000, 256), [{ cpu: 16384, memory: 122880, certain: false }]);
      assert.equal(formatLike(' 2 GB ', 3072), ' 3 GB ');
      assert.equal(formatLike('2048', 3072), '3072');
      assert.equal(describeMemory([512, 1024, 2048]), '512, 1024 or 2048');
    });
  });

  describe('fargate-windows-cpu', () => {
    const code = 'fargate-windows-cpu';

    it('flags Windows on Fargate below 1 vCPU', () => {
      const d = only(windowsFargateTask({ cpu: '512', memory: '1024' }), code, 'error', '"512"');
      assert.match(d.message, /at least 1 vCPU/);
    });

    it('accepts 1 vCPU and more, and Linux tasks with less', () => {
      none(windowsFargateTask(), code);
      // Not a Fargate size at all: fargate-cpu-memory reports it, and its fix knows the Windows minimum.
      none(windowsFargateTask({ cpu: '128', memory: '2048' }), code);
      const after = fixed(windowsFargateTask({ cpu: '128', memory: '2048' }), 'fargate-cpu-memory');
      assert.deepEqual([after.cpu, after.memory], ['1024', '2048']);
      none(fargateTask({ cpu: '256', memory: '512' }), code);
    });

    it('fix: raises cpu to 1 vCPU and memory to what that size allows', () => {
      const after = fixed(windowsFargateTask({ cpu: '512', memory: '1024' }), code);
      assert.deepEqual([after.cpu, after.memory], ['1024', '2048']);
    });
  });

  describe('fargate-windows-cpu-maximum', () => {
    const code = 'fargate-windows-cpu-maximum';

    it('flags 8 and 16 vCPU for Windows on Fargate, quoting ECS', () => {
      const d = only(windowsFargateTask({ cpu: '8192', memory: '16384' }), code, 'error', '"8192"');
      assert.match(d.message, /Linux only/);
      assert.match(d.message, /No Fargate configuration exists for given values/);
      only(windowsFargateTask({ cpu: '16 vCPU', memory: '32 GB' }), code, 'error', '"16 vCPU"');
    });

    it('accepts 1 to 4 vCPU on Windows and 8 vCPU on Linux; leaves sizes that do not exist to fargate-cpu-memory', () => {
      none(windowsFargateTask({ cpu: '4096', memory: '30720' }), code);
      none(fargateTask({ cpu: '8192', memory: '16384' }), code);
      none(windowsFargateTask({ cpu: '6000', memory: '16384' }), code);
      none(windowsFargateTask({ cpu: '${CPU}', memory: '16384' }), code);
    });

    it('fix: offers 4 vCPU with the memory kept where it fits, not applied blindly', () => {
      assert.deepEqual(fixesFor(windowsFargateTask({ cpu: '8192', memory: '16384' }), code), [{ title: 'Set cpu to "4096"', certain: false }]);
      const after = fixed(windowsFargateTask({ cpu: '8 vCPU', memory: '61440' }), code);
      assert.deepEqual([after.cpu, after.memory], ['4 vCPU', '30720']);
    });
  });

  describe('ec2-task-cpu-range', () => {
    const code = 'ec2-task-cpu-range';

    it('flags task cpu outside 128-196608 units on EC2', () => {
      only(ec2Task({ cpu: '64' }), code, 'error', '"64"');
      const d = only(ec2Task({ cpu: '200000' }), code, 'error', '"200000"');
      assert.match(d.message, /between 128 .* and 196608/);
      only(without(ec2Task({ cpu: '0.1 vCPU' }), 'requiresCompatibilities'), code, 'error', '"0.1 vCPU"');
    });

    it('accepts values in range, Fargate tasks and placeholders', () => {
      none(ec2Task({ cpu: '128' }), code);
      none(ec2Task({ cpu: '196608' }), code);
      none(fargateTask({ cpu: '128', memory: '256' }), code);
      none(ec2Task({ cpu: '${CPU}' }), code);
    });

    it('fix: clamps to the nearest bound', () => {
      assert.equal(fixed(ec2Task({ cpu: '64' }), code).cpu, '128');
      assert.equal(fixed(ec2Task({ cpu: '200000' }), code).cpu, '196608');
    });
  });
});
