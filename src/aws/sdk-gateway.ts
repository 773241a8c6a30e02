/**
 * EcsGateway over `@aws-sdk/client-ecs`.
 *
 * - One cached SDK client per (credential source, region, endpoint), with adaptive retries: see clients.ts.
 * - Every call goes through one place (`send`): bounded concurrency, the caller's AbortSignal, a log entry with
 *   operation, outcome and duration, and every failure turned into a GatewayError.
 * - Lists ask for 100 items a page; Describe calls go in batches at the API maximum, in parallel up to the
 *   concurrency bound, and keep ECS's `failures[]`.
 */
import {
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListAccountSettingsCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type CreateServiceCommandOutput,
  type DeregisterTaskDefinitionCommandOutput,
  type DescribeClustersCommandOutput,
  type DescribeContainerInstancesCommandOutput,
  type DescribeServiceDeploymentsCommandOutput,
  type DescribeServicesCommandOutput,
  type DescribeTaskDefinitionCommandOutput,
  type DescribeTasksCommandOutput,
  type ListAccountSettingsCommandOutput,
  type ListClustersCommandOutput,
  type ListContainerInstancesCommandOutput,
  type ListServiceDeploymentsCommandOutput,
  type ListServicesCommandOutput,
  type ListTaskDefinitionFamiliesCommandOutput,
  type ListTaskDefinitionsCommandOutput,
  type ListTasksCommandOutput,
  type RegisterTaskDefinitionCommandInput,
  type RegisterTaskDefinitionCommandOutput,
  type StopServiceDeploymentCommandOutput,
  type StopTaskCommandOutput,
  type UpdateServiceCommandInput,
  type UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import { setMaxListeners } from 'node:events';
import { cachedClient, type CachedClient } from './clients';
import {
  toCluster,
  toContainerInstance,
  toFailures,
  toService,
  toServiceDeployment,
  toServiceDeploymentBrief,
  toTask,
  toTaskDefinition,
  toTaskDefinitionTags,
} from './convert';
import { toGatewayError } from './errors';
import {
  accountOfArn,
  type CallOptions,
  type Cluster,
  type ContainerInstance,
  type CredentialSource,
  DESCRIBE_BATCH,
  type Described,
  type DescribedPage,
  type EcsGateway,
  type GatewayLog,
  type GatewayOptions,
  type GatewaySession,
  GatewayError,
  type JsonObject,
  LIST_PAGE_SIZE,
  type Page,
  type PageRequest,
  parseTaskDefinitionArn,
  type Service,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type ServiceDeploymentStatus,
  type Task,
  type TaskDefinition,
  type TaskDefinitionDescription,
  type TaskDefinitionRef,
  type TaskDefinitionStatus,
  type TaskFilter,
  type UpdateServiceInput,
} from './gateway';
import { abortError, Limiter } from './limiter';

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_CONCURRENCY = 4;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An AbortController that also aborts when `parent` does: stops a batch's siblings when one fails. */
function linkedController(parent?: AbortSignal): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  // Every batch of a big load listens on this one signal (200 DescribeServices for 2,000 services): not a leak.
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => parent?.removeEventListener('abort', onAbort) };
}

function merge<T>(parts: Described<T>[]): Described<T> {
  return { items: parts.flatMap((p) => p.items), failures: parts.flatMap((p) => p.failures) };
}

interface SendOptions extends CallOptions {
  /** Ahead of queued Describe batches (List calls). */
  urgent?: boolean;
  /** For the log: what was asked (never a secret). */
  detail?: string;
}

class SdkEcsGateway implements EcsGateway {
  readonly options: Readonly<Omit<GatewayOptions, 'log'>>;
  private readonly credentials: CredentialSource;
  private readonly cached: CachedClient;
  private readonly limiter: Limiter;
  private readonly log?: GatewayLog;
  private region?: Promise<string>;
  private accountId?: Promise<string>;

  constructor(options: GatewayOptions) {
    const { log, ...rest } = options;
    this.options = rest;
    this.log = log;
    this.credentials = options.credentials ?? { kind: 'default' };
    this.cached = cachedClient(this.credentials, options.region, options.endpoint, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  private redact = (text: string): string => this.cached.redactor.redact(text);

  /** The region, resolved once (and logged with the session the first time). */
  private resolveRegion(): Promise<string> {
    this.region ??= (async () => {
      let region: string;
      try {
        region = await this.cached.client.config.region();
      } catch (e) {
        throw toGatewayError(e, { credentials: this.credentials, endpoint: this.options.endpoint, redact: this.redact });
      }
      this.log?.({ type: 'session', credentials: this.credentials, region, ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}) });
      return region;
    })();
    // A failed resolution is retried next time (the user may set AWS_REGION or fix the profile meanwhile).
    this.region.catch(() => (this.region = undefined));
    return this.region;
  }

  async session(): Promise<GatewaySession> {
    return { credentials: this.credentials, region: await this.resolveRegion(), ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}) };
  }

  /** Every SDK call goes through here. */
  private async send<O extends { $metadata: { attempts?: number; requestId?: string } }>(operation: string, command: unknown, o: SendOptions = {}, summarize?: (out: O) => string): Promise<O> {
    const region = await this.resolveRegion();
    let release: (() => void) | undefined;
    let sent: number | undefined;
    try {
      release = await this.limiter.acquire(o.signal, o.urgent);
      // The duration logged is the call's own, not the wait for a free slot.
      sent = performance.now();
      // One entry point for every command: the caller names the command's output type.
      const out = (await this.cached.client.send(command as Parameters<CachedClient['client']['send']>[0], { abortSignal: o.signal })) as unknown as O;
      const summary = summarize?.(out);
      this.log?.({
        type: 'call',
        operation,
        outcome: 'ok',
        durationMs: performance.now() - sent,
        attempts: out.$metadata.attempts,
        requestId: out.$metadata.requestId,
        ...(o.detail || summary ? { detail: [o.detail, summary].filter(Boolean).join(', ') } : {}),
      });
      return out;
    } catch (e) {
      const error = o.signal?.aborted && !(e instanceof GatewayError) ? toGatewayError(abortError(o.signal), this.context(operation, region)) : toGatewayError(e, this.context(operation, region));
      this.log?.({
        type: 'call',
        operation,
        outcome: error.kind,
        durationMs: sent === undefined ? 0 : performance.now() - sent,
        attempts: error.details.attempts,
        requestId: error.details.requestId,
        detail: [o.detail, sent === undefined ? 'not sent' : error.details.code, error.details.awsMessage].filter(Boolean).join(', '),
      });
      throw error;
    } finally {
      release?.();
    }
  }

  private context(operation: string, region: string): Parameters<typeof toGatewayError>[1] {
    return { operation, credentials: this.credentials, region, endpoint: this.options.endpoint, redact: this.redact };
  }

  /** Describes `ids` in batches of `size`, in parallel within the concurrency bound; the first failure cancels the rest. */
  private async batched<T>(ids: readonly string[], size: number, signal: AbortSignal | undefined, describe: (batch: string[], signal: AbortSignal) => Promise<Described<T>>): Promise<Described<T>> {
    if (ids.length === 0) return { items: [], failures: [] };
    const { controller, unlink } = linkedController(signal);
    try {
      return merge(await Promise.all(chunk(ids, size).map((batch) => describe(batch, controller.signal))));
    } catch (e) {
      controller.abort();
      throw e;
    } finally {
      unlink();
    }
  }

  /** Lists every page and describes each page as soon as it is listed. */
  private async listAndDescribeAll<T>(
    list: (request: PageRequest) => Promise<Page<string>>,
    describe: (ids: string[], options: CallOptions) => Promise<Described<T>>,
    signal: AbortSignal | undefined,
  ): Promise<Described<T>> {
    const { controller, unlink } = linkedController(signal);
    const parts: Promise<Described<T>>[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const page = await list({ nextToken, signal: controller.signal });
        if (page.items.length > 0) {
          const part = describe(page.items, { signal: controller.signal });
          // Handled below by Promise.all; this keeps an early rejection from counting as unhandled meanwhile.
          part.catch(() => undefined);
          parts.push(part);
        }
        nextToken = page.nextToken;
      } while (nextToken);
      return merge(await Promise.all(parts));
    } catch (e) {
      controller.abort();
      throw e;
    } finally {
      unlink();
    }
  }

  async getAccountId(options: CallOptions = {}): Promise<string> {
    this.accountId ??= (async () => {
      const out = await this.send<ListAccountSettingsCommandOutput>('ListAccountSettings', new ListAccountSettingsCommand({ effectiveSettings: true, maxResults: 1 }), options);
      const account = accountOfArn(out.settings?.[0]?.principalArn ?? '');
      if (!account) throw new GatewayError('unknown', 'ECS did not name the account of these credentials (ListAccountSettings returned no principal ARN).', { operation: 'ListAccountSettings' });
      return account;
    })();
    this.accountId.catch(() => (this.accountId = undefined));
    return this.accountId;
  }

  // ───────────── clusters ─────────────

  async listClusters(r: PageRequest = {}): Promise<Page<string>> {
    const out = await this.send<ListClustersCommandOutput>('ListClusters', new ListClustersCommand({ maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }), { ...r, urgent: true }, (o) => `${o.clusterArns?.length ?? 0} items`);
    return { items: out.clusterArns ?? [], nextToken: out.nextToken };
  }

  describeClusters(clusters: string[], o: CallOptions = {}): Promise<Described<Cluster>> {
    return this.batched(clusters, DESCRIBE_BATCH.DescribeClusters, o.signal, async (batch, signal) => {
      const out = await this.send<DescribeClustersCommandOutput>(
        'DescribeClusters',
        new DescribeClustersCommand({ clusters: batch, include: ['STATISTICS', 'SETTINGS', 'TAGS'] }),
        { signal, detail: `${batch.length} clusters` },
        (x) => `${x.failures?.length ?? 0} failures`,
      );
      return { items: (out.clusters ?? []).map(toCluster), failures: toFailures(out.failures) };
    });
  }

  async clustersPage(r: PageRequest = {}): Promise<DescribedPage<Cluster>> {
    const page = await this.listClusters(r);
    return { ...(await this.describeClusters(page.items, r)), nextToken: page.nextToken };
  }

  allClusters(o: CallOptions = {}): Promise<Described<Cluster>> {
    return this.listAndDescribeAll((r) => this.listClusters(r), (ids, x) => this.describeClusters(ids, x), o.signal);
  }

  // ───────────── services ─────────────

  async listServices(cluster: string, r: PageRequest = {}): Promise<Page<string>> {
    const out = await this.send<ListServicesCommandOutput>(
      'ListServices',
      new ListServicesCommand({ cluster, maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }),
      { ...r, urgent: true, detail: `cluster=${cluster}` },
      (o) => `${o.serviceArns?.length ?? 0} items`,
    );
    return { items: out.serviceArns ?? [], nextToken: out.nextToken };
  }

  describeServices(cluster: string, services: string[], o: CallOptions = {}): Promise<Described<Service>> {
    return this.batched(services, DESCRIBE_BATCH.DescribeServices, o.signal, async (batch, signal) => {
      const out = await this.send<DescribeServicesCommandOutput>(
        'DescribeServices',
        new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }),
        { signal, detail: `cluster=${cluster}, ${batch.length} services` },
        (x) => `${x.failures?.length ?? 0} failures`,
      );
      return { items: (out.services ?? []).map(toService), failures: toFailures(out.failures) };
    });
  }

  async servicesPage(cluster: string, r: PageRequest = {}): Promise<DescribedPage<Service>> {
    const page = await this.listServices(cluster, r);
    return { ...(await this.describeServices(cluster, page.items, r)), nextToken: page.nextToken };
  }

  allServices(cluster: string, o: CallOptions = {}): Promise<Described<Service>> {
    return this.listAndDescribeAll((r) => this.listServices(cluster, r), (ids, x) => this.describeServices(cluster, ids, x), o.signal);
  }

  // ───────────── tasks ─────────────

  async listTasks(cluster: string, f: TaskFilter & PageRequest = {}): Promise<Page<string>> {
    const out = await this.send<ListTasksCommandOutput>(
      'ListTasks',
      new ListTasksCommand({
        cluster,
        serviceName: f.serviceName,
        desiredStatus: f.desiredStatus,
        family: f.family,
        containerInstance: f.containerInstance,
        startedBy: f.startedBy,
        launchType: f.launchType,
        maxResults: LIST_PAGE_SIZE,
        nextToken: f.nextToken,
      }),
      { signal: f.signal, urgent: true, detail: [`cluster=${cluster}`, f.serviceName && `service=${f.serviceName}`, f.desiredStatus].filter(Boolean).join(', ') },
      (o) => `${o.taskArns?.length ?? 0} items`,
    );
    return { items: out.taskArns ?? [], nextToken: out.nextToken };
  }

  describeTasks(cluster: string, tasks: string[], o: CallOptions = {}): Promise<Described<Task>> {
    return this.batched(tasks, DESCRIBE_BATCH.DescribeTasks, o.signal, async (batch, signal) => {
      const out = await this.send<DescribeTasksCommandOutput>(
        'DescribeTasks',
        new DescribeTasksCommand({ cluster, tasks: batch }),
        { signal, detail: `cluster=${cluster}, ${batch.length} tasks` },
        (x) => `${x.failures?.length ?? 0} failures`,
      );
      return { items: (out.tasks ?? []).map(toTask), failures: toFailures(out.failures) };
    });
  }

  async tasksPage(cluster: string, f: TaskFilter & PageRequest = {}): Promise<DescribedPage<Task>> {
    const page = await this.listTasks(cluster, f);
    return { ...(await this.describeTasks(cluster, page.items, f)), nextToken: page.nextToken };
  }

  allTasks(cluster: string, f: TaskFilter & CallOptions = {}): Promise<Described<Task>> {
    return this.listAndDescribeAll((r) => this.listTasks(cluster, { ...f, ...r }), (ids, x) => this.describeTasks(cluster, ids, x), f.signal);
  }

  async standaloneTasksPage(cluster: string, r: PageRequest & { desiredStatus?: 'RUNNING' | 'STOPPED'; maxPages?: number } = {}): Promise<DescribedPage<Task>> {
    const found: Described<Task> = { items: [], failures: [] };
    let nextToken = r.nextToken;
    for (let pages = 0; pages < (r.maxPages ?? 5); pages++) {
      const page = await this.tasksPage(cluster, { desiredStatus: r.desiredStatus, nextToken, signal: r.signal });
      found.items.push(...page.items.filter((t) => !t.serviceName));
      found.failures.push(...page.failures);
      nextToken = page.nextToken;
      if (!nextToken || found.items.length > 0) break;
    }
    return { ...found, nextToken };
  }

  // ───────────── container instances ─────────────

  async listContainerInstances(cluster: string, r: PageRequest = {}): Promise<Page<string>> {
    const out = await this.send<ListContainerInstancesCommandOutput>(
      'ListContainerInstances',
      new ListContainerInstancesCommand({ cluster, maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }),
      { ...r, urgent: true, detail: `cluster=${cluster}` },
      (o) => `${o.containerInstanceArns?.length ?? 0} items`,
    );
    return { items: out.containerInstanceArns ?? [], nextToken: out.nextToken };
  }

  describeContainerInstances(cluster: string, instances: string[], o: CallOptions = {}): Promise<Described<ContainerInstance>> {
    return this.batched(instances, DESCRIBE_BATCH.DescribeContainerInstances, o.signal, async (batch, signal) => {
      const out = await this.send<DescribeContainerInstancesCommandOutput>(
        'DescribeContainerInstances',
        new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }),
        { signal, detail: `cluster=${cluster}, ${batch.length} instances` },
        (x) => `${x.failures?.length ?? 0} failures`,
      );
      return { items: (out.containerInstances ?? []).map(toContainerInstance), failures: toFailures(out.failures) };
    });
  }

  async containerInstancesPage(cluster: string, r: PageRequest = {}): Promise<DescribedPage<ContainerInstance>> {
    const page = await this.listContainerInstances(cluster, r);
    return { ...(await this.describeContainerInstances(cluster, page.items, r)), nextToken: page.nextToken };
  }

  allContainerInstances(cluster: string, o: CallOptions = {}): Promise<Described<ContainerInstance>> {
    return this.listAndDescribeAll((r) => this.listContainerInstances(cluster, r), (ids, x) => this.describeContainerInstances(cluster, ids, x), o.signal);
  }

  // ───────────── task definitions ─────────────

  async listTaskDefinitionFamilies(r: PageRequest & { familyPrefix?: string; status?: 'ACTIVE' | 'INACTIVE' | 'ALL' } = {}): Promise<Page<string>> {
    const out = await this.send<ListTaskDefinitionFamiliesCommandOutput>(
      'ListTaskDefinitionFamilies',
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: r.familyPrefix, status: r.status, maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }),
      { signal: r.signal, urgent: true, detail: r.status },
      (o) => `${o.families?.length ?? 0} items`,
    );
    return { items: out.families ?? [], nextToken: out.nextToken };
  }

  async listTaskDefinitions(r: PageRequest & { family?: string; status?: TaskDefinitionStatus; sort?: 'ASC' | 'DESC' } = {}): Promise<Page<TaskDefinitionRef>> {
    const out = await this.send<ListTaskDefinitionsCommandOutput>(
      'ListTaskDefinitions',
      new ListTaskDefinitionsCommand({ familyPrefix: r.family, status: r.status, sort: r.sort ?? 'DESC', maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }),
      { signal: r.signal, urgent: true, detail: [r.family && `family=${r.family}`, r.status].filter(Boolean).join(', ') },
      (o) => `${o.taskDefinitionArns?.length ?? 0} items`,
    );
    return { items: (out.taskDefinitionArns ?? []).map((arn) => parseTaskDefinitionArn(arn) ?? { arn, family: '', revision: 0 }), nextToken: out.nextToken };
  }

  async describeTaskDefinition(taskDefinition: string, o: CallOptions = {}): Promise<TaskDefinitionDescription> {
    const out = await this.send<DescribeTaskDefinitionCommandOutput>(
      'DescribeTaskDefinition',
      new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }),
      { ...o, detail: taskDefinition },
    );
    return { taskDefinition: toTaskDefinition(out.taskDefinition ?? {}), tags: toTaskDefinitionTags(out.tags) };
  }

  async registerTaskDefinition(input: JsonObject, o: CallOptions = {}): Promise<TaskDefinitionDescription> {
    const out = await this.send<RegisterTaskDefinitionCommandOutput>(
      'RegisterTaskDefinition',
      new RegisterTaskDefinitionCommand(input as unknown as RegisterTaskDefinitionCommandInput),
      { ...o, detail: `family=${String(input.family)}` },
      (x) => `revision ${x.taskDefinition?.revision ?? '?'}`,
    );
    return { taskDefinition: toTaskDefinition(out.taskDefinition ?? {}), tags: toTaskDefinitionTags(out.tags) };
  }

  async deregisterTaskDefinition(taskDefinition: string, o: CallOptions = {}): Promise<TaskDefinition> {
    const out = await this.send<DeregisterTaskDefinitionCommandOutput>('DeregisterTaskDefinition', new DeregisterTaskDefinitionCommand({ taskDefinition }), { ...o, detail: taskDefinition });
    return toTaskDefinition(out.taskDefinition ?? {});
  }

  // ───────────── changes ─────────────

  async createService(input: JsonObject, o: CallOptions = {}): Promise<Service> {
    const out = await this.send<CreateServiceCommandOutput>('CreateService', new CreateServiceCommand(input as unknown as CreateServiceCommandInput), {
      ...o,
      detail: `cluster=${String(input.cluster ?? 'default')}, service=${String(input.serviceName)}`,
    });
    return toService(out.service ?? {});
  }

  async updateService(input: UpdateServiceInput, o: CallOptions = {}): Promise<Service> {
    const changes = Object.keys(input).filter((k) => k !== 'cluster' && k !== 'service' && input[k] !== undefined);
    const out = await this.send<UpdateServiceCommandOutput>('UpdateService', new UpdateServiceCommand(input as unknown as UpdateServiceCommandInput), {
      ...o,
      detail: `cluster=${input.cluster}, service=${input.service}, changes: ${changes.join(' ') || 'none'}`,
    });
    return toService(out.service ?? {});
  }

  async stopTask(cluster: string, task: string, reason?: string, o: CallOptions = {}): Promise<Task> {
    const out = await this.send<StopTaskCommandOutput>('StopTask', new StopTaskCommand({ cluster, task, reason }), { ...o, detail: `cluster=${cluster}, task=${task}` });
    return toTask(out.task ?? {});
  }

  // ───────────── service deployments ─────────────

  async listServiceDeployments(cluster: string, service: string, r: PageRequest & { status?: ServiceDeploymentStatus[] } = {}): Promise<Page<ServiceDeploymentBrief>> {
    const out = await this.send<ListServiceDeploymentsCommandOutput>(
      'ListServiceDeployments',
      new ListServiceDeploymentsCommand({ cluster, service, status: r.status, maxResults: LIST_PAGE_SIZE, nextToken: r.nextToken }),
      { signal: r.signal, urgent: true, detail: `cluster=${cluster}, service=${service}` },
      (o) => `${o.serviceDeployments?.length ?? 0} items`,
    );
    return { items: (out.serviceDeployments ?? []).map(toServiceDeploymentBrief), nextToken: out.nextToken };
  }

  describeServiceDeployments(arns: string[], o: CallOptions = {}): Promise<Described<ServiceDeployment>> {
    return this.batched(arns, DESCRIBE_BATCH.DescribeServiceDeployments, o.signal, async (batch, signal) => {
      const out = await this.send<DescribeServiceDeploymentsCommandOutput>(
        'DescribeServiceDeployments',
        new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch }),
        { signal, detail: `${batch.length} service deployments` },
      );
      return { items: (out.serviceDeployments ?? []).map(toServiceDeployment), failures: toFailures(out.failures) };
    });
  }

  async stopServiceDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT' = 'ROLLBACK', o: CallOptions = {}): Promise<string> {
    const out = await this.send<StopServiceDeploymentCommandOutput>('StopServiceDeployment', new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }), { ...o, detail: `${arn}, ${stopType}` });
    return out.serviceDeploymentArn ?? arn;
  }
}

/** The EcsGateway over the AWS SDK for `options`. */
export function createSdkGateway(options: GatewayOptions = {}): EcsGateway {
  return new SdkEcsGateway(options);
}
