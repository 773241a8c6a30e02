/** Every ECS action the endpoint answers, by the name in `X-Amz-Target`. */
import { CreateCluster, DescribeClusters, DescribeContainerInstances, ListAccountSettings, ListClusters, ListContainerInstances } from './clusters';
import type { Operation } from './context';
import { DescribeServiceDeployments, ListServiceDeployments, StopServiceDeployment } from './deployments';
import { CreateService, DescribeServices, ListServices, UpdateService } from './services';
import { DeregisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitionFamilies, ListTaskDefinitions, RegisterTaskDefinition } from './task-definitions';
import { DescribeTasks, ListTasks, StopTask } from './tasks';

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateCluster,
  ListClusters,
  DescribeClusters,
  ListAccountSettings,
  ListContainerInstances,
  DescribeContainerInstances,
  ListServices,
  DescribeServices,
  CreateService,
  UpdateService,
  ListTasks,
  DescribeTasks,
  StopTask,
  ListTaskDefinitionFamilies,
  ListTaskDefinitions,
  DescribeTaskDefinition,
  RegisterTaskDefinition,
  DeregisterTaskDefinition,
  ListServiceDeployments,
  DescribeServiceDeployments,
  StopServiceDeployment,
};

/** The actions that vanish when the service-deployment API is switched off (as on endpoints that predate it). */
export const SERVICE_DEPLOYMENT_OPERATIONS: ReadonlySet<string> = new Set(['ListServiceDeployments', 'DescribeServiceDeployments', 'StopServiceDeployment']);
