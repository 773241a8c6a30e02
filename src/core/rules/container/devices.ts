/** resourceRequirements: GPU counts and sharing, Neuron devices, Elastic Inference accelerator names. */
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonPath } from '../../types';
import type { Rule } from '../types';
import { ALL_DEVICES, compatibilities, DOCS, isFargate, isGpuCount, NEURON_DEVICE_COMPATIBILITY } from '../../facts';
import { containerLabel, containers, entries, isObj, known, listOf, nonEmptyArray, type Obj, perTask, renameProposals, reportedPath, reportedReference, taskMemo, used } from '../helpers';

interface Requirement {
  c: Obj;
  i: number;
  r: Obj;
  /** Path of the requirement object. */
  path: JsonPath;
  type?: string;
}

const requirementCache = taskMemo<Requirement[]>('resourceRequirements');

/** Every resource requirement of the task's containers; built once per parsed task definition (do not change it). */
function requirements(td: Obj): Requirement[] {
  return perTask(requirementCache, td, readRequirements);
}

function readRequirements(td: Obj): Requirement[] {
  const out: Requirement[] = [];
  for (const { c, i, path } of containers(td)) {
    const list = c.resourceRequirements;
    if (!Array.isArray(list)) continue;
    for (let j = 0; j < list.length; j++) {
      const r: unknown = list[j];
      if (isObj(r)) out.push({ c, i, r, path: [...path, 'resourceRequirements', j], type: known(r.type) });
    }
  }
  return out;
}

const resourceRequirementValue: Rule = {
  id: 'resource-requirement-value',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A resource requirement has a value: a GPU count or ALL, ALL for Neuron devices',
  docs: DOCS.resourceRequirement,
  check(ctx) {
    const td = ctx.target.value;
    // GPUs on Fargate are rejected outright (fargate-unsupported-container-parameter).
    const fargate = isFargate(td);
    for (const q of requirements(td)) {
      if (q.type === undefined || (q.type === 'GPU' && fargate)) continue;
      const who = containerLabel(q.c, q.i);
      if (q.r.value === undefined || q.r.value === null || q.r.value === '') {
        if (q.type === 'GPU' && used(q.r.sharingStrategy)) continue;
        ctx.report({ path: [...q.path, 'type'], message: `The ${q.type} requirement of ${who} has no value; ECS needs one (${q.type === 'GPU' ? 'the number of GPUs, or ALL — or a sharingStrategy instead' : q.type === 'NeuronDevice' ? '"ALL"' : 'the deviceName of one of the task\'s inferenceAccelerators'}) and rejects the requirement without it.` });
        continue;
      }
      const value = known(q.r.value);
      if (value === undefined) continue;
      if (q.type === 'NeuronDevice' && value.trim().toUpperCase() !== ALL_DEVICES) {
        ctx.report({ path: [...q.path, 'value'], message: `The NeuronDevice requirement of ${who} asks for "${value}", but Neuron devices are reserved all at once: the value must be "ALL", and ECS rejects any other.`, data: { value: ALL_DEVICES } });
      } else if (q.type === 'GPU' && !isGpuCount(value)) {
        ctx.report({ path: [...q.path, 'value'], message: `The GPU requirement of ${who} asks for "${value}", but the value is a whole number of GPUs or "ALL"; ECS rejects any other (to share a GPU, use sharingStrategy instead of a value).` });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const value = ctx.diagnostic.data?.value;
    return path && typeof value === 'string' ? [{ title: `Set the value to "${value}"`, changes: [{ path, value }], certain: true }] : undefined;
  },
};

const gpuSharingStrategy: Rule = {
  id: 'gpu-sharing-strategy',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'sharingStrategy belongs to GPU requirements without a value, the same option for all GPU containers',
  docs: DOCS.resourceRequirement,
  check(ctx) {
    let firstGpu: { q: Requirement; sharing: boolean } | undefined;
    for (const q of requirements(ctx.target.value)) {
      const sharing = used(q.r.sharingStrategy);
      const who = containerLabel(q.c, q.i);
      if (sharing && q.type !== undefined && q.type !== 'GPU') {
        ctx.report({ path: [...q.path, 'sharingStrategy'], target: 'key', message: `The ${q.type} requirement of ${who} has a sharingStrategy, which only GPU requirements take; ECS rejects it.` });
        continue;
      }
      if (q.type !== 'GPU') continue;
      if (sharing && used(q.r.value)) {
        ctx.report({ path: [...q.path, 'sharingStrategy'], target: 'key', message: `The GPU requirement of ${who} sets both a value (whole GPUs) and a sharingStrategy (a share of one); a GPU requirement takes one or the other, so ECS rejects it.` });
        continue;
      }
      if (!firstGpu) {
        firstGpu = { q, sharing };
        continue;
      }
      if (firstGpu.sharing === sharing || firstGpu.q.i === q.i) continue;
      ctx.report({
        path: [...q.path, sharing ? 'sharingStrategy' : 'value'],
        target: 'key',
        message: `${containerLabel(q.c, q.i, true)} ${sharing ? 'shares a GPU' : 'reserves whole GPUs'} while ${containerLabel(firstGpu.q.c, firstGpu.q.i)} ${firstGpu.sharing ? 'shares one' : 'reserves whole GPUs'}; the GPU containers of a task must all use the same option, so ECS rejects the task definition.`,
      });
    }
  },
};

const neuronDeviceSingleContainer: Rule = {
  id: 'neuron-device-single-container',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Only one container of a task requests Neuron devices',
  docs: DOCS.resourceRequirement,
  check(ctx) {
    let first: Requirement | undefined;
    for (const q of requirements(ctx.target.value)) {
      if (q.type !== 'NeuronDevice') continue;
      if (!first) first = q;
      if (first.i === q.i) continue;
      ctx.report({
        path: [...q.path, 'type'],
        message: `${containerLabel(q.c, q.i, true)} requests Neuron devices, and so does ${containerLabel(first.c, first.i)}; only one container of a task may (it gets all of the instance's devices), so ECS rejects the task definition.`,
      });
    }
  },
};

const neuronDeviceManagedInstances: Rule = {
  id: 'neuron-device-managed-instances',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Neuron devices are supported only on Managed Instances',
  docs: DOCS.resourceRequirement,
  check(ctx) {
    const td = ctx.target.value;
    if (requirements(td).length === 0) return;
    // An omitted requiresCompatibilities says nothing yet about where the task runs.
    const others = compatibilities(td).filter((c) => c !== NEURON_DEVICE_COMPATIBILITY && !containsPlaceholder(c));
    if (others.length === 0) return;
    for (const q of requirements(td)) {
      if (q.type !== 'NeuronDevice') continue;
      ctx.report({
        path: [...q.path, 'type'],
        message: `${containerLabel(q.c, q.i, true)} requests Neuron devices, which only Amazon ECS Managed Instances provide, but requiresCompatibilities also names ${listOf(others)}; ECS rejects the task definition. Require "${NEURON_DEVICE_COMPATIBILITY}" only.`,
      });
    }
  },
};

const inferenceAcceleratorDeviceName: Rule = {
  id: 'inference-accelerator-device-name',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Inference accelerators and the containers that use them name each other',
  docs: DOCS.inferenceAccelerator,
  check(ctx) {
    const td = ctx.target.value;
    // Nothing to match without accelerators or resource requirements.
    if (requirements(td).length === 0 && !nonEmptyArray(td.inferenceAccelerators)) return;
    const accelerators = entries(td, 'inferenceAccelerators').map(({ e, i }) => ({ i, raw: e.deviceName, name: known(e.deviceName) }));
    // A name still to be rendered cannot be matched either way.
    if (accelerators.some((a) => containsPlaceholder(a.raw))) return;
    const names = accelerators.flatMap((a) => (a.name !== undefined && a.name !== '' ? [a.name] : []));
    const asked = requirements(td).filter((q) => q.type === 'InferenceAccelerator');
    const wanted = new Set<string>();
    for (const q of asked) {
      const value = known(q.r.value);
      if (value === undefined || value === '') continue;
      wanted.add(value);
      if (names.includes(value)) continue;
      ctx.report({
        path: [...q.path, 'value'],
        message: `${containerLabel(q.c, q.i, true)} asks for the inference accelerator "${value}", but the task's inferenceAccelerators name ${names.length ? listOf(names) : 'none'}; the container would run without the accelerator it expects.`,
        data: { names },
      });
    }
    if (asked.some((q) => containsPlaceholder(q.r.value))) return;
    for (const a of accelerators) {
      if (a.name === undefined || a.name === '' || wanted.has(a.name)) continue;
      ctx.report({
        path: ['inferenceAccelerators', a.i, 'deviceName'],
        message: `The inference accelerator "${a.name}" is attached to the task, but no container asks for it with a resourceRequirement of type InferenceAccelerator; it would be paid for and unused.`,
      });
    }
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong, names } = ref;
    return renameProposals(path, wrong, names);
  },
};

/** The resource-requirement (GPU, Neuron, inference accelerator) rules. */
export const deviceRules: Rule[] = [resourceRequirementValue, gpuSharingStrategy, neuronDeviceSingleContainer, neuronDeviceManagedInstances, inferenceAcceleratorDeviceName];
