/** Devices a container reserves through resourceRequirements: GPUs, Neuron devices, Elastic Inference accelerators. */

/** The value that reserves every device of its type on the instance (GPU and NeuronDevice). */
export const ALL_DEVICES = 'ALL';

/** The only launch type that runs containers with NeuronDevice requirements. */
export const NEURON_DEVICE_COMPATIBILITY = 'MANAGED_INSTANCES';

/** A GPU requirement's value: a whole number of GPUs, or ALL (in any case). */
export function isGpuCount(value: string): boolean {
  return /^\d+$/.test(value.trim()) || value.trim().toUpperCase() === ALL_DEVICES;
}
