/**
 * Where ECS Lens sends the reader: one table of AWS documentation links for rules, diagnostic codes, hovers and
 * the knowledge base. A page that several places cite is written here once.
 */
const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';
const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

export const DOCS = {
  // Task definitions
  taskDefinitionParameters: `${GUIDE}/task_definition_parameters.html`,
  taskSize: `${GUIDE}/task_definition_parameters.html#task_size`,
  fargateTaskSize: `${GUIDE}/fargate-tasks-services.html#fargate-tasks-size`,
  networkMode: `${GUIDE}/task_definition_parameters.html#network_mode`,
  portMapping: `${API}/API_PortMapping.html`,
  containerDefinition: `${API}/API_ContainerDefinition.html`,
  container: (member: string): string => `${API}/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-${member}`,
  fargate: `${GUIDE}/fargate-tasks-services.html`,
  windows: `${GUIDE}/windows_task_definitions.html`,
  executionRole: `${GUIDE}/task_execution_IAM_role.html`,
  awslogs: `${GUIDE}/using_awslogs.html`,
  logConfiguration: `${API}/API_LogConfiguration.html`,
  firelens: `${GUIDE}/using_firelens.html`,
  quotas: `${GUIDE}/service-quotas.html`,
  ephemeralStorage: `${API}/API_EphemeralStorage.html`,
  linuxParameters: `${API}/API_LinuxParameters.html`,
  volumes: `${API}/API_Volume.html`,
  dependency: `${API}/API_ContainerDependency.html`,
  healthCheck: `${API}/API_HealthCheck.html`,
  mountPoint: `${API}/API_MountPoint.html`,
  volumeFrom: `${API}/API_VolumeFrom.html`,
  efs: `${GUIDE}/efs-volumes.html`,
  efsAuthorization: `${API}/API_EFSAuthorizationConfig.html`,
  efsVolume: `${API}/API_EFSVolumeConfiguration.html`,
  secrets: `${GUIDE}/specifying-sensitive-data.html`,
  secret: `${API}/API_Secret.html`,
  environmentFile: `${GUIDE}/use-environment-file.html`,
  registerTaskDefinition: `${API}/API_RegisterTaskDefinition.html`,
  // Services
  createService: `${API}/API_CreateService.html`,
  updateService: `${API}/API_UpdateService.html`,
  serviceParams: `${GUIDE}/service_definition_parameters.html`,
  schedulingStrategy: `${GUIDE}/ecs_service-options.html`,
  capacityProvider: `${API}/API_CapacityProviderStrategyItem.html`,
  deploymentConfiguration: `${API}/API_DeploymentConfiguration.html`,
  circuitBreaker: `${API}/API_DeploymentCircuitBreaker.html`,
  alarms: `${GUIDE}/deployment-alarm-failure.html`,
  placementStrategy: `${API}/API_PlacementStrategy.html`,
  placementConstraint: `${API}/API_PlacementConstraint.html`,
  taskPlacement: `${GUIDE}/task-placement.html`,
  awsvpc: `${API}/API_AwsVpcConfiguration.html`,
  loadBalancer: `${API}/API_LoadBalancer.html`,
  serviceLinkedRole: `${GUIDE}/using-service-linked-roles.html`,
  tagging: `${GUIDE}/ecs-using-tags.html`,
  serviceConnect: `${GUIDE}/service-connect-concepts-deploy.html`,
  serviceHealthCheck: `${GUIDE}/healthcheck.html`,
  describeServices: `${API}/API_DescribeServices.html`,
} as const;
