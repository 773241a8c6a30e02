/**
 * The AWS layer's contract: `EcsGateway`, the plain data it returns, its options, its log entries and its
 * typed errors. Nothing here imports the AWS SDK: the tree, the commands and the CLI depend on this module
 * only, and the SDK stays in its own bundle until an AWS feature is used.
 *
 * Timestamps are ISO-8601 strings (plain JSON, safe to post to a webview or print). Lists come a page at a time
 * (`nextToken`); Describe results carry ECS's `failures[]` next to the items instead of dropping them.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Where credentials come from: the SDK's default chain, one named profile, or the environment variables only. */
export type CredentialSource = { kind: 'default' } | { kind: 'profile'; profile: string } | { kind: 'environment' };

export interface GatewayOptions {
  /** Default: the SDK's default chain (AWS_PROFILE, environment, SSO, shared files, container and instance roles). */
  credentials?: CredentialSource;
  /** Default: AWS_REGION, then the profile's `region`. */
  region?: string;
  /** A custom ECS endpoint URL (a local endpoint, a VPC endpoint). Default: the region's public endpoint. */
  endpoint?: string;
  /** Receives the session (profile, region, endpoint) and every call's outcome; never credentials or tokens. */
  log?: GatewayLog;
  /** Attempts per call, the first included (SDK adaptive retry mode). Default 5. */
  maxAttempts?: number;
  /** Calls in flight at once through this gateway. Default 4. */
  concurrency?: number;
}

export interface CallOptions {
  /** Cancels the call (and the batches or pages it still has to fetch). */
  signal?: AbortSignal;
}

export interface PageRequest extends CallOptions {
  nextToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when there is more: pass it back for the next page. */
  nextToken?: string;
}

/** An item ECS could not describe (reason MISSING, ...): returned as data, never dropped. */
export interface Failure {
  arn?: string;
  reason?: string;
  detail?: string;
}

export interface Described<T> {
  items: T[];
  failures: Failure[];
}

export interface DescribedPage<T> extends Described<T> {
  nextToken?: string;
}

export interface Tag {
  key: string;
  value: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: string;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
  registeredContainerInstancesCount: number;
  capacityProviders: string[];
  /** Key-value statistics ECS returns with STATISTICS (running Fargate tasks, EC2 services, ...). */
  statistics: Record<string, string>;
  settings: Record<string, string>;
  tags: Tag[];
}

/** One entry of a service's `deployments[]`: the rolling-update view of a rollout. */
export interface Deployment {
  id: string;
  /** PRIMARY (the newest), ACTIVE (older, still running tasks), INACTIVE. */
  status: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  /** IN_PROGRESS, COMPLETED or FAILED (circuit breaker). */
  rolloutState?: string;
  rolloutStateReason?: string;
  launchType?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface ServiceEvent {
  id: string;
  createdAt?: string;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: string;
  capacityProviderStrategy: { capacityProvider: string; weight?: number; base?: number }[];
  platformVersion?: string;
  taskDefinition: string;
  schedulingStrategy?: string;
  deploymentController?: string;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  deployments: Deployment[];
  /** Newest first (ECS keeps the last 100). */
  events: ServiceEvent[];
  /** The service deployment under way or last finished (service-deployment API), when ECS reports it. */
  currentServiceDeployment?: string;
  createdAt?: string;
  createdBy?: string;
  /** The whole service as DescribeServices returned it (timestamps as ISO strings, tags included): for diffs and "open as JSON". */
  document: JsonObject;
}

export interface Container {
  name: string;
  image?: string;
  lastStatus?: string;
  healthStatus?: string;
  exitCode?: number;
  reason?: string;
  containerArn?: string;
  imageDigest?: string;
}

export interface Task {
  taskArn: string;
  /** The task id: the last part of the ARN, what the console and `aws ecs` show. */
  taskId: string;
  clusterArn: string;
  taskDefinitionArn: string;
  /** `service:NAME` for a service's tasks, `family:NAME` for standalone ones. */
  group?: string;
  /** The service this task belongs to (from its group), if any. */
  serviceName?: string;
  startedBy?: string;
  lastStatus: string;
  desiredStatus: string;
  healthStatus?: string;
  launchType?: string;
  capacityProviderName?: string;
  platformVersion?: string;
  availabilityZone?: string;
  containerInstanceArn?: string;
  privateIpv4Address?: string;
  cpu?: string;
  memory?: string;
  createdAt?: string;
  startedAt?: string;
  stoppingAt?: string;
  stoppedAt?: string;
  stopCode?: string;
  stoppedReason?: string;
  containers: Container[];
}

export interface ContainerInstance {
  containerInstanceArn: string;
  ec2InstanceId?: string;
  status: string;
  statusReason?: string;
  agentConnected: boolean;
  agentVersion?: string;
  instanceType?: string;
  availabilityZone?: string;
  capacityProviderName?: string;
  runningTasksCount: number;
  pendingTasksCount: number;
  /** CPU units and MiB, registered and remaining. */
  cpu: { registered?: number; remaining?: number };
  memory: { registered?: number; remaining?: number };
  registeredAt?: string;
}

/** A task-definition revision named by its ARN. */
export interface TaskDefinitionRef {
  arn: string;
  family: string;
  revision: number;
}

export interface TaskDefinition extends TaskDefinitionRef {
  /** ACTIVE, INACTIVE or DELETE_IN_PROGRESS. */
  status: string;
  registeredAt?: string;
  registeredBy?: string;
  deregisteredAt?: string;
  /** The task definition as DescribeTaskDefinition returned it (timestamps as ISO strings). */
  document: JsonObject;
}

export interface TaskDefinitionDescription {
  taskDefinition: TaskDefinition;
  tags: Tag[];
}

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export interface ServiceDeploymentBrief {
  serviceDeploymentArn: string;
  serviceArn?: string;
  clusterArn?: string;
  status: ServiceDeploymentStatus | string;
  statusReason?: string;
  createdAt?: string;
  startedAt?: string;
  finishedAt?: string;
  targetServiceRevisionArn?: string;
}

export interface ServiceRevisionSummary {
  arn?: string;
  requestedTaskCount?: number;
  runningTaskCount?: number;
  pendingTaskCount?: number;
}

export interface ServiceDeployment extends ServiceDeploymentBrief {
  updatedAt?: string;
  stoppedAt?: string;
  lifecycleStage?: string;
  targetServiceRevision?: ServiceRevisionSummary;
  sourceServiceRevisions: ServiceRevisionSummary[];
  rollback?: { reason?: string; startedAt?: string; serviceRevisionArn?: string };
  /** The circuit breaker: DISABLED, MONITORING, MONITORING_COMPLETE or TRIGGERED, with failures against the threshold. */
  circuitBreaker?: { status?: string; failureCount?: number; threshold?: number };
}

/** ListTasks filters. `desiredStatus` RUNNING (default) or STOPPED (ECS shows stopped tasks for about an hour). */
export interface TaskFilter {
  serviceName?: string;
  desiredStatus?: 'RUNNING' | 'STOPPED';
  family?: string;
  containerInstance?: string;
  startedBy?: string;
  launchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
}

/** UpdateService input: cluster and service, plus any UpdateService member (taskDefinition, desiredCount, ...). */
export interface UpdateServiceInput {
  cluster: string;
  service: string;
  taskDefinition?: string;
  desiredCount?: number;
  forceNewDeployment?: boolean;
  [member: string]: JsonValue | undefined;
}

/** Who and where the gateway talks to. */
export interface GatewaySession {
  credentials: CredentialSource;
  region: string;
  endpoint?: string;
}

/**
 * Everything ECS Lens asks of ECS. Every method rejects only with a `GatewayError`; every method takes an
 * AbortSignal. List methods return one page (up to 100 items) and a `nextToken`; `*Page` methods list one page
 * and describe it in batches at the API maximum; `all*` methods fetch every page, describing while listing.
 */
export interface EcsGateway {
  readonly options: Readonly<Omit<GatewayOptions, 'log'>>;
  /** The resolved region, credential source and endpoint (no call to AWS). */
  session(): Promise<GatewaySession>;
  /** The account id of the credentials, from ECS itself (ListAccountSettings); cached. */
  getAccountId(options?: CallOptions): Promise<string>;

  listClusters(request?: PageRequest): Promise<Page<string>>;
  describeClusters(clusters: string[], options?: CallOptions): Promise<Described<Cluster>>;
  clustersPage(request?: PageRequest): Promise<DescribedPage<Cluster>>;
  allClusters(options?: CallOptions): Promise<Described<Cluster>>;

  listServices(cluster: string, request?: PageRequest): Promise<Page<string>>;
  describeServices(cluster: string, services: string[], options?: CallOptions): Promise<Described<Service>>;
  servicesPage(cluster: string, request?: PageRequest): Promise<DescribedPage<Service>>;
  allServices(cluster: string, options?: CallOptions): Promise<Described<Service>>;

  listTasks(cluster: string, filter?: TaskFilter & PageRequest): Promise<Page<string>>;
  describeTasks(cluster: string, tasks: string[], options?: CallOptions): Promise<Described<Task>>;
  tasksPage(cluster: string, filter?: TaskFilter & PageRequest): Promise<DescribedPage<Task>>;
  allTasks(cluster: string, filter?: TaskFilter & CallOptions): Promise<Described<Task>>;
  /**
   * Tasks that belong to no service. ECS cannot filter on that, so this reads the cluster's tasks page by page
   * until it finds some (at most `maxPages`, default 5, per call) and returns where to go on.
   */
  standaloneTasksPage(cluster: string, request?: PageRequest & { desiredStatus?: 'RUNNING' | 'STOPPED'; maxPages?: number }): Promise<DescribedPage<Task>>;

  listContainerInstances(cluster: string, request?: PageRequest): Promise<Page<string>>;
  describeContainerInstances(cluster: string, instances: string[], options?: CallOptions): Promise<Described<ContainerInstance>>;
  containerInstancesPage(cluster: string, request?: PageRequest): Promise<DescribedPage<ContainerInstance>>;
  allContainerInstances(cluster: string, options?: CallOptions): Promise<Described<ContainerInstance>>;

  listTaskDefinitionFamilies(request?: PageRequest & { familyPrefix?: string; status?: 'ACTIVE' | 'INACTIVE' | 'ALL' }): Promise<Page<string>>;
  /** Revisions, newest first unless `sort` is ASC; `family` is a whole family name. */
  listTaskDefinitions(request?: PageRequest & { family?: string; status?: TaskDefinitionStatus; sort?: 'ASC' | 'DESC' }): Promise<Page<TaskDefinitionRef>>;
  /** `family` (its latest ACTIVE revision), `family:revision` or an ARN; with its tags. */
  describeTaskDefinition(taskDefinition: string, options?: CallOptions): Promise<TaskDefinitionDescription>;
  /** RegisterTaskDefinition input as JSON (`tags` included); returns the new revision. */
  registerTaskDefinition(input: JsonObject, options?: CallOptions): Promise<TaskDefinitionDescription>;
  deregisterTaskDefinition(taskDefinition: string, options?: CallOptions): Promise<TaskDefinition>;

  /** CreateService input as JSON. */
  createService(input: JsonObject, options?: CallOptions): Promise<Service>;
  updateService(input: UpdateServiceInput, options?: CallOptions): Promise<Service>;
  stopTask(cluster: string, task: string, reason?: string, options?: CallOptions): Promise<Task>;

  /** Newest first. Rejects with kind `unsupported` where the endpoint has no service-deployment API. */
  listServiceDeployments(cluster: string, service: string, request?: PageRequest & { status?: ServiceDeploymentStatus[] }): Promise<Page<ServiceDeploymentBrief>>;
  describeServiceDeployments(serviceDeploymentArns: string[], options?: CallOptions): Promise<Described<ServiceDeployment>>;
  /** Stops a rollout: ROLLBACK (default) returns to the last completed revision, ABORT stops where it is. */
  stopServiceDeployment(serviceDeploymentArn: string, stopType?: 'ROLLBACK' | 'ABORT', options?: CallOptions): Promise<string>;
}

/**
 * Why `url` may not receive signed requests, or undefined when it may. Signed requests carry the session token:
 * an endpoint must be https, or plain http only to this machine (a local endpoint). The CLI and the editor share
 * this rule.
 */
export function endpointProblem(url: string, { loopbackOnly = false } = {}): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return undefined;
  if (loopbackOnly) return `"${url}" is not a loopback http URL`;
  if (parsed.protocol !== 'https:') return `"${url}" must be an https URL (plain http only for localhost): requests carry your session token`;
  if (parsed.username || parsed.password) return `"${url}" must not contain a user name or password`;
  return undefined;
}

/** API batch limits of the Describe actions. */
export const DESCRIBE_BATCH = {
  DescribeClusters: 100,
  DescribeServices: 10,
  DescribeTasks: 100,
  DescribeContainerInstances: 100,
  DescribeServiceDeployments: 20,
} as const;

/** Page size of every List call (the API maximum; ListServices would default to 10). */
export const LIST_PAGE_SIZE = 100;

/** Parses `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`. */
export function parseTaskDefinitionArn(arn: string): TaskDefinitionRef | undefined {
  const m = /:task-definition\/([A-Za-z0-9_-]+):(\d+)$/.exec(arn);
  return m ? { arn, family: m[1], revision: Number(m[2]) } : undefined;
}

/** The account id in an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:...`). */
export function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

// ───────────────────────────── errors ─────────────────────────────

export type GatewayErrorKind =
  | 'no-credentials'
  | 'sso-login-required'
  | 'expired-credentials'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  | 'endpoint-unreachable'
  | 'unknown-region'
  | 'no-region'
  | 'invalid-parameters'
  | 'not-found'
  | 'unsupported'
  | 'conflict'
  | 'server-error'
  | 'cancelled'
  | 'unknown';

/** Kinds where nothing can be read until the user fixes their credentials. */
export const CREDENTIAL_ERRORS: ReadonlySet<GatewayErrorKind> = new Set(['no-credentials', 'sso-login-required', 'expired-credentials', 'invalid-credentials']);
/** Kinds where AWS (or the endpoint) cannot be reached or addressed at all. */
export const CONNECTION_ERRORS: ReadonlySet<GatewayErrorKind> = new Set(['endpoint-unreachable', 'unknown-region', 'no-region']);

/**
 * The one error type the gateway rejects with. `message` says what happened and what to do; `command`, when
 * set, is a shell command that fixes it (`aws sso login --profile dev`).
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';

  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly details: {
      operation?: string;
      /** The AWS error code (`__type`), e.g. ClusterNotFoundException. */
      code?: string;
      /** ECS's own message, credentials and keys removed. */
      awsMessage?: string;
      requestId?: string;
      httpStatus?: number;
      attempts?: number;
      command?: string;
    } = {},
  ) {
    super(message);
  }

  get command(): string | undefined {
    return this.details.command;
  }

  /** Credentials are missing, expired or refused: nothing will work until they are fixed. */
  get isCredentialProblem(): boolean {
    return CREDENTIAL_ERRORS.has(this.kind);
  }

  /** The endpoint cannot be reached or the region is unknown or missing. */
  get isConnectionProblem(): boolean {
    return CONNECTION_ERRORS.has(this.kind);
  }
}

/**
 * Whether `e` is a GatewayError. Checked by shape as well as by class: the AWS layer is its own bundle, so a
 * caller in another bundle holds a different copy of the class.
 */
export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError || (e instanceof Error && e.name === 'GatewayError' && typeof (e as { kind?: unknown }).kind === 'string');
}

// ───────────────────────────── log ─────────────────────────────

export type GatewayLogEntry =
  | { type: 'session'; credentials: CredentialSource; region: string; endpoint?: string }
  | {
      type: 'call';
      operation: string;
      outcome: 'ok' | GatewayErrorKind;
      durationMs: number;
      attempts?: number;
      requestId?: string;
      /** What was asked or returned (cluster, counts), or the error: never a credential or a secret value. */
      detail?: string;
    };

export type GatewayLog = (entry: GatewayLogEntry) => void;

export function describeCredentials(c: CredentialSource): string {
  if (c.kind === 'profile') return `profile ${c.profile}`;
  if (c.kind === 'environment') return 'environment credentials';
  return 'default credential chain';
}

/** One log line for an entry: `ListServices ok 53 ms (cluster=prod, 100 items)`. */
export function formatLogEntry(e: GatewayLogEntry): string {
  if (e.type === 'session') return `AWS session: ${describeCredentials(e.credentials)}, region ${e.region}, ${e.endpoint ? `endpoint ${e.endpoint}` : 'default endpoint'}`;
  const extras = [e.detail, e.attempts && e.attempts > 1 ? `${e.attempts} attempts` : undefined, e.requestId ? `request ${e.requestId}` : undefined].filter(Boolean);
  return `${e.operation} ${e.outcome} ${Math.round(e.durationMs)} ms${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}
