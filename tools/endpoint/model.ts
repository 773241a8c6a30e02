/**
 * The wire shapes the local endpoint stores and returns: the subset of the ECS API model that ECS Lens reads,
 * spelled the way ECS sends it (JSON 1.1: timestamps are epoch seconds with a fraction, not ISO strings).
 * Members the endpoint only stores and echoes (network configuration, container definitions, ...) stay `Json`.
 */

import type { ServiceDeploymentStatus } from '../../src/aws/gateway';

export type { ServiceDeploymentStatus };

/** Any JSON object taken from a request and echoed back. */
export type Json = Record<string, unknown>;

/** Seconds since the epoch, with milliseconds as the fraction: how AWS JSON protocols send timestamps. */
export type Epoch = number;

export interface Tag {
  key: string;
  value: string;
}

export interface Failure {
  arn?: string;
  reason: string;
  detail?: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: string;
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
  statistics: { name: string; value: string }[];
  tags: Tag[];
  settings: { name: string; value: string }[];
  capacityProviders: string[];
  defaultCapacityProviderStrategy: Json[];
}

export interface ContainerInstance {
  containerInstanceArn: string;
  ec2InstanceId: string;
  version: number;
  versionInfo: { agentVersion: string; agentHash: string; dockerVersion: string };
  remainingResources: Json[];
  registeredResources: Json[];
  status: string;
  agentConnected: boolean;
  runningTasksCount: number;
  pendingTasksCount: number;
  attributes: { name: string; value?: string }[];
  registeredAt: Epoch;
  capacityProviderName?: string;
  healthStatus?: Json;
}

/** One entry of a service's `deployments[]` (counts are filled in from the tasks when described). */
export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: Epoch;
  updatedAt: Epoch;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  platformFamily?: string;
  networkConfiguration?: Json;
  rolloutState: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';
  rolloutStateReason: string;
}

export interface ServiceEvent {
  id: string;
  createdAt: Epoch;
  message: string;
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: { enable: boolean; rollback: boolean };
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  [member: string]: unknown;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  loadBalancers: Json[];
  serviceRegistries: Json[];
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  platformFamily?: string;
  taskDefinition: string;
  deploymentConfiguration: DeploymentConfiguration;
  deployments: Deployment[];
  roleArn?: string;
  events: ServiceEvent[];
  createdAt: Epoch;
  currentServiceDeployment?: string;
  placementConstraints: Json[];
  placementStrategy: Json[];
  networkConfiguration?: Json;
  healthCheckGracePeriodSeconds?: number;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  deploymentController: { type: string };
  tags?: Tag[];
  createdBy: string;
  enableECSManagedTags: boolean;
  propagateTags: string;
  enableExecuteCommand: boolean;
  availabilityZoneRebalancing?: string;
}

export interface Container {
  containerArn: string;
  taskArn: string;
  name: string;
  image: string;
  imageDigest?: string;
  runtimeId?: string;
  lastStatus: string;
  exitCode?: number;
  reason?: string;
  networkBindings: Json[];
  networkInterfaces: Json[];
  healthStatus?: string;
  cpu?: string;
  memory?: string;
}

export interface Task {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn?: string;
  availabilityZone: string;
  attachments: Json[];
  attributes: { name: string; value?: string }[];
  capacityProviderName?: string;
  connectivity?: string;
  connectivityAt?: Epoch;
  containers: Container[];
  cpu: string;
  memory: string;
  createdAt: Epoch;
  desiredStatus: 'RUNNING' | 'STOPPED';
  lastStatus: string;
  enableExecuteCommand: boolean;
  group: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  launchType: string;
  platformVersion?: string;
  platformFamily?: string;
  pullStartedAt?: Epoch;
  pullStoppedAt?: Epoch;
  startedAt?: Epoch;
  startedBy?: string;
  stopCode?: string;
  stoppedAt?: Epoch;
  stoppedReason?: string;
  stoppingAt?: Epoch;
  executionStoppedAt?: Epoch;
  tags: Tag[];
  version: number;
  ephemeralStorage?: { sizeInGiB: number };
}

/** A registered revision: the register input as ECS stores it, plus the members ECS adds. */
export interface TaskDefinition extends Json {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  containerDefinitions: Json[];
  compatibilities: string[];
  requiresAttributes: { name: string }[];
  registeredAt: Epoch;
  registeredBy: string;
  deregisteredAt?: Epoch;
}

export interface ServiceRevisionSummary {
  arn: string;
  requestedTaskCount: number;
  runningTaskCount: number;
  pendingTaskCount: number;
}

export interface ServiceDeployment {
  serviceDeploymentArn: string;
  serviceArn: string;
  clusterArn: string;
  createdAt: Epoch;
  startedAt?: Epoch;
  finishedAt?: Epoch;
  stoppedAt?: Epoch;
  updatedAt: Epoch;
  sourceServiceRevisions: ServiceRevisionSummary[];
  targetServiceRevision: ServiceRevisionSummary;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  lifecycleStage?: string;
  deploymentConfiguration: DeploymentConfiguration;
  rollback?: { reason: string; startedAt: Epoch; serviceRevisionArn: string };
  deploymentCircuitBreaker: { status: 'DISABLED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'TRIGGERED'; failureCount: number; threshold: number };
}
