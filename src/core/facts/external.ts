/** What external instances (ECS Anywhere) do not run, from the developer guide. */

/** Task-definition features external instances do not support, each with why (for messages). */
export const EXTERNAL_UNSUPPORTED = {
  awsvpc: 'external instances have no elastic network interfaces to give a task (use bridge, host or none on Linux, the default mode on Windows)',
  efs: 'external instances cannot mount Amazon EFS file systems through ECS',
  selinux: 'SELinux labels are not supported on external instances',
  appMesh: 'App Mesh proxy configuration is not supported on external instances',
  gpuSharing: 'GPU sharing is not supported on external instances',
} as const;
