/**
 * What the ECS API model does not say but the service enforces (../shared/design/ECS-RULES.md): exact JSON
 * types, numeric ranges, name patterns, list limits and members the service requires although the model marks
 * them optional. Keys are `Shape.member` (or `Shape` for the object itself).
 */
export interface Constraint {
  type?: 'integer' | 'number';
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
};

/** Members the service requires although the model marks them optional. */
export const extraRequired: Record<string, string[]> = {
  ContainerDefinition: ['name', 'image'],
};

/** SDK numbers that are not whole numbers (everything else in these shapes is an Integer or Long). */
export const fractionalNumbers = new Set<string>([]);
