/**
 * What the ECS API model does not say but the service enforces (../shared/design/ECS-RULES.md): numeric
 * ranges, name patterns, list limits and members the service requires although the model marks them optional.
 * Keys are `Shape.member` (or `Shape` for the object itself).
 *
 * JSON types come from the model (tools/sdk-model.ts reads each number's Smithy format: int and long become
 * "integer", double and float "number"). `typeOverride` is for the rare member whose model type is wrong for
 * what the service accepts; it must say why, and the drift test reports every override in use.
 */
export interface Constraint {
  typeOverride?: { type: 'integer' | 'number'; reason: string };
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /** Constraints for each item of a list member. */
  items?: Constraint;
  examples?: unknown[];
  default?: unknown;
  /** A human name for the pattern, used in messages ("1-255 letters, digits, _ or -"). */
  patternName?: string;
}

const NAME = { pattern: '^[A-Za-z0-9_-]{1,255}$', patternName: '1-255 letters, digits, underscores or hyphens' };
const PORT = { minimum: 0, maximum: 65535 };

export const memberConstraints: Record<string, Constraint> = {
  'RegisterTaskDefinitionRequest.family': { ...NAME, examples: ['web-api'] },
  'RegisterTaskDefinitionRequest.containerDefinitions': { minItems: 1, maxItems: 10 },
  'RegisterTaskDefinitionRequest.cpu': {
    pattern: '^\\s*(\\d+|\\d*\\.?\\d+\\s*[vV][cC][pP][uU])\\s*$',
    patternName: 'CPU units such as "1024" or vCPUs such as "1 vCPU"',
    examples: ['256', '1024', '1 vCPU'],
  },
  'RegisterTaskDefinitionRequest.memory': {
    pattern: '^\\s*(\\d+|\\d*\\.?\\d+\\s*[gG][bB])\\s*$',
    patternName: 'MiB such as "2048" or GB such as "2 GB"',
    examples: ['512', '2048', '2 GB'],
  },
  'RegisterTaskDefinitionRequest.placementConstraints': { maxItems: 10 },
  'RegisterTaskDefinitionRequest.tags': { maxItems: 50 },
  'RegisterTaskDefinitionRequest.requiresCompatibilities': { examples: [['FARGATE']] },
  'Tag.key': { minLength: 1, maxLength: 128 },
  'Tag.value': { maxLength: 256 },
  'Volume.name': NAME,
  'EphemeralStorage.sizeInGiB': { minimum: 21, maximum: 200, examples: [21] },
  'ContainerDefinition.name': { ...NAME, examples: ['app'] },
  'ContainerDefinition.image': { examples: ['public.ecr.aws/nginx/nginx:1.27'] },
  'ContainerDefinition.cpu': { minimum: 0, examples: [256] },
  'ContainerDefinition.memory': { minimum: 4, examples: [512] },
  'ContainerDefinition.memoryReservation': { minimum: 4, examples: [256] },
  'ContainerDefinition.startTimeout': { minimum: 0, examples: [60] },
  'ContainerDefinition.stopTimeout': { minimum: 0, examples: [30] },
  'ContainerDefinition.environmentFiles': { maxItems: 10 },
  'ContainerDefinition.environment': { examples: [[{ name: 'PORT', value: '8080' }]] },
  'PortMapping.containerPort': { minimum: 1, maximum: 65535, examples: [8080] },
  'PortMapping.hostPort': { ...PORT, examples: [8080] },
  'PortMapping.name': {
    pattern: '^[a-z0-9_][a-z0-9_-]{0,63}$',
    patternName: 'up to 64 lowercase letters, digits, underscores or hyphens, not starting with a hyphen',
    examples: ['http'],
  },
  'PortMapping.containerPortRange': { pattern: '^\\s*\\d+\\s*-\\s*\\d+\\s*$', patternName: 'a range such as "8000-8100"', examples: ['8000-8100'] },
  'ContainerRestartPolicy.ignoredExitCodes': { maxItems: 50 },
  'ContainerRestartPolicy.restartAttemptPeriod': { minimum: 60, maximum: 1800, examples: [300] },
  'EnvironmentFile.value': { examples: ['arn:aws:s3:::my-bucket/app.env'] },
  'HealthCheck.command': { minItems: 1, examples: [['CMD-SHELL', 'curl -f http://localhost/ || exit 1']] },
  'HealthCheck.interval': { minimum: 5, maximum: 300, default: 30, examples: [30] },
  'HealthCheck.timeout': { minimum: 2, maximum: 60, default: 5, examples: [5] },
  'HealthCheck.retries': { minimum: 1, maximum: 10, default: 3, examples: [3] },
  'HealthCheck.startPeriod': { minimum: 0, maximum: 300, examples: [60] },
  'LinuxParameters.sharedMemorySize': { minimum: 0 },
  'LinuxParameters.maxSwap': { minimum: 0 },
  'LinuxParameters.swappiness': { minimum: 0, maximum: 100 },
  'Tmpfs.size': { minimum: 1 },
  'Ulimit.softLimit': { examples: [65536] },
  'Ulimit.hardLimit': { examples: [65536] },
  'Secret.name': { minLength: 1 },
  'Secret.valueFrom': { minLength: 1, examples: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password'] },
  'EFSVolumeConfiguration.transitEncryptionPort': PORT,
  'S3FilesVolumeConfiguration.transitEncryptionPort': PORT,
  'KeyValuePair.name': { examples: ['PORT'] },
  'KeyValuePair.value': { examples: ['8080'] },

  'CreateServiceRequest.serviceName': { ...NAME, examples: ['web'] },
  'CreateServiceRequest.desiredCount': { minimum: 0, examples: [2] },
  'UpdateServiceRequest.desiredCount': { minimum: 0, examples: [2] },
  'CreateServiceRequest.loadBalancers': { maxItems: 5 },
  'UpdateServiceRequest.loadBalancers': { maxItems: 5 },
  'CreateServiceRequest.serviceRegistries': { maxItems: 1 },
  'UpdateServiceRequest.serviceRegistries': { maxItems: 1 },
  'CreateServiceRequest.capacityProviderStrategy': { maxItems: 20 },
  'UpdateServiceRequest.capacityProviderStrategy': { maxItems: 20 },
  'CreateServiceRequest.placementConstraints': { maxItems: 10 },
  'UpdateServiceRequest.placementConstraints': { maxItems: 10 },
  'CreateServiceRequest.placementStrategy': { maxItems: 5 },
  'UpdateServiceRequest.placementStrategy': { maxItems: 5 },
  'CreateServiceRequest.tags': { maxItems: 50 },
  'CreateServiceRequest.healthCheckGracePeriodSeconds': { minimum: 0, maximum: 2147483647, examples: [60] },
  'UpdateServiceRequest.healthCheckGracePeriodSeconds': { minimum: 0, maximum: 2147483647, examples: [60] },
  'LoadBalancer.containerPort': { ...PORT, examples: [8080] },
  'ServiceRegistry.port': PORT,
  'ServiceRegistry.containerPort': PORT,
  'CapacityProviderStrategyItem.weight': { minimum: 0, maximum: 1000, examples: [1] },
  'CapacityProviderStrategyItem.base': { minimum: 0, maximum: 100000, examples: [0] },
  'PlacementConstraint.expression': { maxLength: 2000 },
  'AwsVpcConfiguration.subnets': { minItems: 1, maxItems: 16, examples: [['subnet-0123456789abcdef0']] },
  'AwsVpcConfiguration.securityGroups': { maxItems: 5, examples: [['sg-0123456789abcdef0']] },
  'DeploymentConfiguration.maximumPercent': { minimum: 0, default: 200, examples: [200] },
  'DeploymentConfiguration.minimumHealthyPercent': { minimum: 0, maximum: 100, default: 100, examples: [100] },
  'ServiceConnectClientAlias.port': { minimum: 1, maximum: 65535 },
  'ServiceConnectService.ingressPortOverride': { minimum: 1, maximum: 65535 },

  // Limits stated in the member documentation of the SDK (the sentence is quoted above each entry).
  // "The maximum number of ARNs is 1."
  'ContainerDefinition.credentialSpecs': { maxItems: 1 },
  // "Up to 36 ASCII characters in the range of 33-126 (inclusive) are allowed."
  'CreateServiceRequest.clientToken': { pattern: '^[!-~]{1,36}$', patternName: '1-36 printable ASCII characters without spaces' },
  // "You can specify at most one gateway connector." / "A service supports no more than one gateway connector."
  'CreateServiceRequest.gatewayConnectors': { maxItems: 1 },
  'UpdateServiceRequest.gatewayConnectors': { maxItems: 1 },
  // "Valid values are multiples of 0.1 from 3.0 to 100.0." (multiples of 0.1 are left to a rule: a JSON Schema
  // multipleOf 0.1 fails on binary fractions such as 0.3)
  'LinearConfiguration.stepPercent': { minimum: 3, maximum: 100, examples: [10] },
  // "Valid values are 0 to 1440 minutes (24 hours)."
  'LinearConfiguration.stepBakeTimeInMinutes': { minimum: 0, maximum: 1440, examples: [6] },
  // "Valid values are multiples of 0.1 from 0.1 to 100.0."
  'CanaryConfiguration.canaryPercent': { minimum: 0.1, maximum: 100, examples: [5] },
  // "Valid values are 0 to 1440 minutes (24 hours)."
  'CanaryConfiguration.canaryBakeTimeInMinutes': { minimum: 0, maximum: 1440, examples: [10] },
  // "This percentage is relative to the service's desiredCount and must be an integer between 0 and 100."
  'DeploymentEarlySuccessCriteria.healthyPercent': { minimum: 0, maximum: 100 },
  // "The name can contain up to 64 characters. The name can include lowercase letters, numbers, underscores (_),
  // and hyphens (-). The name can't start with a hyphen."
  'ServiceConnectService.discoveryName': {
    pattern: '^[a-z0-9_][a-z0-9_-]{0,63}$',
    patternName: 'up to 64 lowercase letters, digits, underscores or hyphens, not starting with a hyphen',
  },
  // "The maximum number of client aliases that you can have in this list is 1."
  'ServiceConnectService.clientAliases': { maxItems: 1 },
  // "The name can include up to 127 characters. The name can include lowercase letters, numbers, underscores (_),
  // hyphens (-), and periods (.). The name can't start with a hyphen."
  'ServiceConnectClientAlias.dnsName': {
    pattern: '^[a-z0-9_.][a-z0-9_.-]{0,126}$',
    patternName: 'up to 127 lowercase letters, digits, underscores, hyphens or periods, not starting with a hyphen',
    examples: ['orders'],
  },
  // "The throughput to provision for a volume, in MiB/s, with a maximum of 1,000 MiB/s."
  'ServiceManagedEBSVolumeConfiguration.throughput': { minimum: 0, maximum: 1000 },
  // "The valid values are 20 and 60." (an enum of numbers is left to a rule; the range keeps typos out)
  'MetricConfiguration.resolutionSeconds': { minimum: 20, maximum: 60 },
};

/** Members the service requires although the model marks them optional. */
export const extraRequired: Record<string, string[]> = {
  ContainerDefinition: ['name', 'image'],
};
