import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only } from './task-helpers';

type Obj = Record<string, unknown>;
const needs = (...resourceRequirements: unknown[]): Obj => ({ resourceRequirements });
const mps = { nvidiaMps: { memory: 4096 } };
const second = (extra: Obj): Obj => ({ name: 'worker', image: 'public.ecr.aws/docker/library/python:3.12', essential: false, memory: 512, ...extra });
/** A task for Managed Instances (awsvpc) with the given requirements on its first container. */
const managed = (...reqs: unknown[]): Obj => ec2Task({ requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }], ...needs(...reqs) });

describe('container rules: devices', () => {
  describe('resource-requirement-value', () => {
    const code = 'resource-requirement-value';

    it('flags a missing value (unless a GPU shares), a NeuronDevice value other than ALL and a GPU value that is no count', () => {
      assert.match(only(ec2Task({}, needs({ type: 'GPU' })), code, 'error', '"GPU"').message, /has no value/);
      assert.match(only(managed({ type: 'NeuronDevice', value: '2' }), code, 'error', '"2"').message, /must be "ALL"/);
      assert.match(only(ec2Task({}, needs({ type: 'GPU', value: '0.5' })), code, 'error', '"0.5"').message, /sharingStrategy/);
    });

    it('accepts counts, ALL, a shared GPU without a value, and leaves GPUs on Fargate to the Fargate rule', () => {
      none(ec2Task({}, needs({ type: 'GPU', value: '2' })), code);
      none(ec2Task({}, needs({ type: 'GPU', value: 'ALL' })), code);
      none(ec2Task({}, needs({ type: 'GPU', sharingStrategy: mps })), code);
      none(managed({ type: 'NeuronDevice', value: 'ALL' }), code);
      none(fargateTask({}, needs({ type: 'GPU' })), code);
      none(ec2Task({}, needs({ type: 'GPU', value: '${GPUS}' })), code);
    });

    it('fix: sets a NeuronDevice value to ALL (certain)', () => {
      assert.deepEqual(fixesFor(managed({ type: 'NeuronDevice', value: '1' }), code), [{ title: 'Set the value to "ALL"', certain: true }]);
      assert.deepEqual(container0(fixed(managed({ type: 'NeuronDevice', value: '1' }), code)).resourceRequirements, [{ type: 'NeuronDevice', value: 'ALL' }]);
    });
  });

  describe('gpu-sharing-strategy', () => {
    const code = 'gpu-sharing-strategy';

    it('flags a sharingStrategy off GPU, next to a value, and GPU containers that mix both options', () => {
      assert.match(only(managed({ type: 'NeuronDevice', value: 'ALL', sharingStrategy: mps }), code, 'error', '"sharingStrategy"').message, /only GPU requirements/);
      assert.match(only(ec2Task({}, needs({ type: 'GPU', value: '1', sharingStrategy: mps })), code, 'error', '"sharingStrategy"').message, /one or the other/);
      const mixed = ec2Task({ containerDefinitions: [container0(ec2Task({}, needs({ type: 'GPU', value: '1' }))), second(needs({ type: 'GPU', sharingStrategy: mps }))] });
      assert.match(only(mixed, code, 'error', '"sharingStrategy"').message, /must all use the same option/);
    });

    it('accepts GPU containers that all share, or all count', () => {
      none(ec2Task({ containerDefinitions: [container0(ec2Task({}, needs({ type: 'GPU', sharingStrategy: mps }))), second(needs({ type: 'GPU', sharingStrategy: mps }))] }), code);
      none(ec2Task({ containerDefinitions: [container0(ec2Task({}, needs({ type: 'GPU', value: '1' }))), second(needs({ type: 'GPU', value: '1' }))] }), code);
    });
  });

  describe('neuron-device-single-container', () => {
    const code = 'neuron-device-single-container';

    it('flags a second container with Neuron devices', () => {
      const td = managed({ type: 'NeuronDevice', value: 'ALL' });
      const two = { ...td, containerDefinitions: [...(td.containerDefinitions as Obj[]), second(needs({ type: 'NeuronDevice', value: 'ALL' }))] };
      assert.match(only(two, code, 'error', '"NeuronDevice"').message, /only one container/);
    });

    it('accepts one container', () => {
      none(managed({ type: 'NeuronDevice', value: 'ALL' }), code);
    });
  });

  describe('neuron-device-managed-instances', () => {
    const code = 'neuron-device-managed-instances';

    it('flags Neuron devices when another launch type is required', () => {
      const d = only(ec2Task({}, needs({ type: 'NeuronDevice', value: 'ALL' })), code, 'error', '"NeuronDevice"');
      assert.match(d.message, /names "EC2"/);
      only(ec2Task({ requiresCompatibilities: ['MANAGED_INSTANCES', 'EC2'] }, needs({ type: 'NeuronDevice', value: 'ALL' })), code, 'error', '"NeuronDevice"');
    });

    it('accepts Managed Instances alone, and an omitted list', () => {
      none(managed({ type: 'NeuronDevice', value: 'ALL' }), code);
      const td = ec2Task({}, needs({ type: 'NeuronDevice', value: 'ALL' }));
      delete td.requiresCompatibilities;
      none(td, code);
    });
  });

  describe('inference-accelerator-device-name', () => {
    const code = 'inference-accelerator-device-name';
    const accel = (deviceName: string): Obj => ({ deviceName, deviceType: 'eia2.medium' });

    it('flags a requirement naming no accelerator, and an accelerator nobody uses', () => {
      const d = only(ec2Task({ inferenceAccelerators: [accel('device_1')] }, needs({ type: 'InferenceAccelerator', value: 'device_1' }, { type: 'InferenceAccelerator', value: 'device_2' })), code, 'warning', '"device_2"');
      assert.match(d.message, /name "device_1"/);
      assert.match(only(ec2Task({ inferenceAccelerators: [accel('device_1')] }), code, 'warning', '"device_1"').message, /unused/);
    });

    it('accepts matching names, and placeholders', () => {
      none(ec2Task({ inferenceAccelerators: [accel('device_1')] }, needs({ type: 'InferenceAccelerator', value: 'device_1' })), code);
      none(ec2Task({ inferenceAccelerators: [accel('device_1')] }, needs({ type: 'InferenceAccelerator', value: '${DEVICE}' })), code);
    });

    it('fix: renames to the accelerator meant', () => {
      const after = fixed(ec2Task({ inferenceAccelerators: [accel('device_1')] }, needs({ type: 'InferenceAccelerator', value: 'Device_1' })), code);
      assert.deepEqual(container0(after).resourceRequirements, [{ type: 'InferenceAccelerator', value: 'device_1' }]);
    });
  });
});
