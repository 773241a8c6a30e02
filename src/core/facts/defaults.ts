/**
 * What ECS assumes when a member is left out. Keys are `Shape.member` of the ECS API model. Hovers show these as
 * the default, and the register/diff normalisation drops a member equal to an unconditional default, so a file
 * that omits it and a described revision that spells it out compare equal.
 */
export interface ApiDefault {
  value: unknown;
  /** Set when the default depends on something else (then it is shown, never used to drop a member). */
  when?: string;
}

export const API_DEFAULTS: Readonly<Record<string, ApiDefault>> = {
  'RegisterTaskDefinitionRequest.networkMode': { value: 'bridge', when: 'on Linux EC2 instances; Windows uses its own "default" NAT network, and Fargate requires awsvpc' },
  'RegisterTaskDefinitionRequest.enableFaultInjection': { value: false },
  'ContainerDefinition.essential': { value: true },
  'ContainerDefinition.cpu': { value: 0 },
  'ContainerDefinition.privileged': { value: false },
  'ContainerDefinition.readonlyRootFilesystem': { value: false },
  'ContainerDefinition.interactive': { value: false },
  'ContainerDefinition.pseudoTerminal': { value: false },
  'ContainerDefinition.disableNetworking': { value: false },
  'ContainerDefinition.stopTimeout': { value: 30, when: 'when neither the container nor the agent (ECS_CONTAINER_STOP_TIMEOUT) sets it' },
  'PortMapping.protocol': { value: 'tcp' },
  'MountPoint.readOnly': { value: false },
  'VolumeFrom.readOnly': { value: false },
  'HealthCheck.interval': { value: 30 },
  'HealthCheck.timeout': { value: 5 },
  'HealthCheck.retries': { value: 3 },
  'HealthCheck.startPeriod': { value: 0, when: 'no grace period: failures count from the start' },
  'RuntimePlatform.cpuArchitecture': { value: 'X86_64', when: 'when runtimePlatform is omitted' },
  'RuntimePlatform.operatingSystemFamily': { value: 'LINUX', when: 'when runtimePlatform is omitted' },
  'EFSVolumeConfiguration.rootDirectory': { value: '/' },
  'EFSVolumeConfiguration.transitEncryption': { value: 'DISABLED' },
  'EFSAuthorizationConfig.iam': { value: 'DISABLED' },
  'CreateServiceRequest.schedulingStrategy': { value: 'REPLICA' },
  'CreateServiceRequest.propagateTags': { value: 'NONE' },
  'CreateServiceRequest.enableECSManagedTags': { value: false },
  'CreateServiceRequest.enableExecuteCommand': { value: false },
  'CreateServiceRequest.platformVersion': { value: 'LATEST', when: 'for Fargate tasks' },
  'CreateServiceRequest.healthCheckGracePeriodSeconds': { value: 0 },
  'CreateServiceRequest.availabilityZoneRebalancing': { value: 'ENABLED', when: 'for services created since 2025; update-service keeps what the service has' },
  'CreateServiceRequest.desiredCount': { value: 0, when: 'for create-service with the REPLICA strategy the member is required in practice; DAEMON services ignore it' },
  'DeploymentController.type': { value: 'ECS' },
  'DeploymentConfiguration.maximumPercent': { value: 200, when: 'for REPLICA services (DAEMON services: 100)' },
  'DeploymentConfiguration.minimumHealthyPercent': { value: 100, when: 'for REPLICA services (DAEMON services: 0)' },
  'DeploymentConfiguration.strategy': { value: 'ROLLING' },
  'AwsVpcConfiguration.assignPublicIp': { value: 'DISABLED' },
};

/** The unconditional default of a member (`Shape.member`), if it has one. */
export function unconditionalDefault(member: string): { value: unknown } | undefined {
  const d = API_DEFAULTS[member];
  return d && d.when === undefined ? { value: d.value } : undefined;
}

/**
 * Words that are not values of a member's enum but stand for its default, keyed `Shape.member`: the developer
 * guide calls the Windows network mode "default", yet the API has no such value; it means "leave the member out".
 */
export const DEFAULT_SPELLED_OUT: Readonly<Record<string, string>> = {
  'RegisterTaskDefinitionRequest.networkMode': 'default',
};
