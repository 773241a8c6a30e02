import assert from 'node:assert/strict';
import { applyFix, json, textAt } from '../helpers';
import { container, ec2Task, fargate, fixesFor, none, one } from './container-fixtures';

describe('container rules: memory and cpu', () => {
  describe('container-memory-below-reservation', () => {
    it('is an error on memoryReservation when it exceeds memory', () => {
      const text = json(ec2Task([container('app', { memory: 256, memoryReservation: 512 })]));
      const d = one(text, 'container-memory-below-reservation');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '512');
      assert.match(d.message, /reserves 512 MiB .* at most 256 MiB/);
    });

    it('accepts a hard limit above (or equal to) the soft limit', () => {
      none(json(ec2Task([container('app', { memory: 512, memoryReservation: 256 })])), 'container-memory-below-reservation');
      none(json(ec2Task([container('app', { memory: 512, memoryReservation: 512 })])), 'container-memory-below-reservation');
    });

    it('proposes swapping the values (not certain)', () => {
      const text = json(ec2Task([container('app', { memory: 256, memoryReservation: 512 })]));
      assert.deepEqual(
        fixesFor(text, one(text, 'container-memory-below-reservation')).map((f) => f.certain),
        [false, false],
      );
      const c = JSON.parse(applyFix(text, 'container-memory-below-reservation', {}, /Swap/)).containerDefinitions[0];
      assert.equal(c.memory, 512);
      assert.equal(c.memoryReservation, 256);
    });
  });

  describe('container-memory-missing', () => {
    it('is an error on the container name when an EC2 task has no memory anywhere', () => {
      const text = json(ec2Task([container('app'), { name: 'log', image: 'fluent/fluent-bit:3.0' }]));
      const d = one(text, 'container-memory-missing');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"log"');
      assert.match(d.message, /At least one of 'memory' or 'memoryReservation' must be specified/);
    });

    it('treats null as unset (describe output)', () => {
      const text = json(ec2Task([container('app', { memory: null })], { memory: null }));
      one(text, 'container-memory-missing');
    });

    it('accepts task-level memory, a reservation only, or Fargate', () => {
      none(json(ec2Task([{ name: 'app', image: 'nginx:1.27' }], { memory: '512' })), 'container-memory-missing');
      none(json(ec2Task([{ name: 'app', image: 'nginx:1.27', memoryReservation: 128 }])), 'container-memory-missing');
      none(json(fargate([{ name: 'app', image: 'nginx:1.27' }])), 'container-memory-missing');
    });
  });

  describe('container-memory-exceeds-task', () => {
    it('is an error on a container memory larger than the task memory', () => {
      const text = json(fargate([container('app', { memory: 4096 })]));
      const d = one(text, 'container-memory-exceeds-task');
      assert.equal(textAt(text, d), '4096');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /4096 MiB \(memory\), more than the whole task has: task-level memory "2048"/);
    });

    it('counts memoryReservation when memory is not set', () => {
      const text = json(fargate([container('app', { memory: undefined, memoryReservation: 3000 })]));
      assert.equal(textAt(text, one(text, 'container-memory-exceeds-task')), '3000');
    });

    it('reads "2 GB" style task memory', () => {
      none(json(fargate([container('app', { memory: 2048 })], { memory: '2 GB' })), 'container-memory-exceeds-task');
      one(json(fargate([container('app', { memory: 2049 })], { memory: '2 GB' })), 'container-memory-exceeds-task');
    });

    it('proposes lowering the container to the task memory', () => {
      const text = json(fargate([container('app', { memory: 4096 })]));
      assert.deepEqual(fixesFor(text, one(text, 'container-memory-exceeds-task')), [{ title: "Lower memory to 2048 MiB (the task's memory)", certain: false }]);
      assert.equal(JSON.parse(applyFix(text, 'container-memory-exceeds-task')).containerDefinitions[0].memory, 2048);
    });
  });

  describe('container-memory-sum-exceeds-task', () => {
    it('is an error on the task memory when the containers add up to more', () => {
      const text = json(fargate([container('app', { memory: 1024 }), container('log', { memory: undefined, memoryReservation: 1536 })]));
      const d = one(text, 'container-memory-sum-exceeds-task');
      assert.equal(textAt(text, d), '"2048"');
      assert.match(d.message, /2560 MiB \("app" 1024, "log" 1536\)/);
      assert.deepEqual(fixesFor(text, d), [], 'no fix on Fargate: the task size must stay a Fargate size');
    });

    it('accepts containers that fill the task exactly', () => {
      none(json(fargate([container('app', { memory: 1536 }), container('log', { memory: 512 })])), 'container-memory-sum-exceeds-task');
    });

    it('leaves the sum alone when one container alone is too big (reported there)', () => {
      const text = json(fargate([container('app', { memory: 4096 }), container('log', { memory: 512 })]));
      none(text, 'container-memory-sum-exceeds-task');
      one(text, 'container-memory-exceeds-task');
    });

    it('proposes raising an EC2 task memory to the sum', () => {
      const text = json(ec2Task([container('app', { memory: 512 }), container('log', { memory: 768 })], { memory: '1024' }));
      const after = applyFix(text, 'container-memory-sum-exceeds-task');
      assert.equal(JSON.parse(after).memory, '1280');
    });
  });

  describe('container-cpu-exceeds-task and container-cpu-sum-exceeds-task', () => {
    it('is an error on a container cpu above the task cpu', () => {
      const text = json(fargate([container('app', { cpu: 2048 })]));
      const d = one(text, 'container-cpu-exceeds-task');
      assert.equal(textAt(text, d), '2048');
      assert.match(d.message, /task-level cpu "1024" \(1024 CPU units\)/);
      assert.equal(JSON.parse(applyFix(text, 'container-cpu-exceeds-task')).containerDefinitions[0].cpu, 1024);
    });

    it('is an error on the task cpu when the containers add up to more, reading "1 vCPU"', () => {
      const text = json(fargate([container('app', { cpu: 512 }), container('log', { cpu: 768 })], { cpu: '1 vCPU' }));
      const d = one(text, 'container-cpu-sum-exceeds-task');
      assert.equal(textAt(text, d), '"1 vCPU"');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /1280 CPU units/);
    });

    it('accepts cpu 0 and sums within the task', () => {
      const text = json(fargate([container('app', { cpu: 0 }), container('log', { cpu: 1024 })]));
      none(text, 'container-cpu-sum-exceeds-task');
      none(text, 'container-cpu-exceeds-task');
    });

    it('proposes raising an EC2 task cpu', () => {
      const text = json(ec2Task([container('app', { cpu: 512 }), container('log', { cpu: 768 })], { cpu: '1024' }));
      assert.equal(JSON.parse(applyFix(text, 'container-cpu-sum-exceeds-task')).cpu, '1280');
    });

    it('does nothing without a task cpu', () => {
      none(json(ec2Task([container('app', { cpu: 99999 })])), 'container-cpu-exceeds-task');
    });
  });

  describe('container-memory-minimum', () => {
    const code = 'container-memory-minimum';

    it('warns on memory or memoryReservation of 4 or 5 MiB', () => {
      const text = json(ec2Task([container('app', { memory: 5 })]));
      const d = one(text, code);
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '5');
      assert.match(d.message, /reserve 6 MiB per container/);
      one(json(ec2Task([container('app', { memory: 128, memoryReservation: 4 })])), code);
    });

    it('accepts 6 MiB and more, and leaves values below 4 to the schema', () => {
      none(json(ec2Task([container('app', { memory: 6, memoryReservation: 6 })])), code);
      none(json(ec2Task([container('app', { memory: 2 })])), code);
    });

    it('fix: raises the value to 6 MiB (certain)', () => {
      const text = json(ec2Task([container('app', { memory: 4 })]));
      assert.deepEqual(fixesFor(text, one(text, code)), [{ title: 'Set to 6 MiB', certain: true }]);
      assert.equal(JSON.parse(applyFix(text, code)).containerDefinitions[0].memory, 6);
    });
  });
});
