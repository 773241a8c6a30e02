/**
 * The members create-service and update-service take (a unit test compares these lists with the installed SDK's
 * model). A service file is written as create-service input; updating an existing service sends only what
 * update-service accepts.
 */
export const CREATE_SERVICE_MEMBERS: readonly string[] = [
  'serviceName', 'cluster', 'taskDefinition', 'availabilityZoneRebalancing', 'loadBalancers', 'serviceRegistries', 'desiredCount',
  'clientToken', 'launchType', 'capacityProviderStrategy', 'platformVersion', 'role', 'deploymentConfiguration', 'placementConstraints',
  'placementStrategy', 'networkConfiguration', 'healthCheckGracePeriodSeconds', 'schedulingStrategy', 'deploymentController', 'tags',
  'enableECSManagedTags', 'propagateTags', 'enableExecuteCommand', 'serviceConnectConfiguration', 'volumeConfigurations',
  'vpcLatticeConfigurations', 'gatewayConnectors', 'monitoring',
];

export const UPDATE_SERVICE_MEMBERS: readonly string[] = [
  'service', 'cluster', 'desiredCount', 'taskDefinition', 'capacityProviderStrategy', 'deploymentConfiguration', 'availabilityZoneRebalancing',
  'networkConfiguration', 'placementConstraints', 'placementStrategy', 'platformVersion', 'forceNewDeployment', 'healthCheckGracePeriodSeconds',
  'deploymentController', 'enableExecuteCommand', 'enableECSManagedTags', 'loadBalancers', 'propagateTags', 'serviceRegistries',
  'serviceConnectConfiguration', 'volumeConfigurations', 'vpcLatticeConfigurations', 'gatewayConnectors', 'monitoring',
];

/**
 * What create-service input becomes for update-service: `serviceName` is sent as `service`, and members that only
 * creation takes are left out and named (an existing service keeps them; changing them means a new service, or
 * for `tags` the TagResource API).
 */
export function toUpdateServiceInput(create: Record<string, unknown>): { input: Record<string, unknown>; dropped: string[] } {
  const input: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(create)) {
    if (key === 'serviceName') input.service = value;
    else if (UPDATE_SERVICE_MEMBERS.includes(key)) input[key] = value;
    else dropped.push(key);
  }
  return { input, dropped };
}
