/**
 * A service: `name running/desired` (and pending) with a status icon; a deployment in progress shows a
 * spinning icon, the rollout in the description and its deployments as the first children, and the tree
 * refreshes it with backoff until it settles. Children: the service's real tasks (ListTasks + DescribeTasks,
 * Fargate included), then the tasks it stopped in the last hour.
 */
import * as vscode from 'vscode';
import type { Deployment, Service, Task } from '../../aws/gateway';
import { ago, icon, md, shortTaskDefinition, tooltip, when, type Tone } from './format';
import { DeploymentNode } from './node.deployment';
import { PagedNode } from './node.paged';
import { TaskNode } from './node.task';
import { TaskListNode, byNewest } from './node.tasks';
import { CONTEXT, contextOf, type TreeHost, type TreeNode } from './node';
import type { PageFetch } from './pager';

/** How a service's rollout stands, from its deployments. */
export function rollout(s: Service): { state: 'steady' | 'in-progress' | 'failed'; primary?: Deployment } {
  const primary = s.deployments.find((d) => d.status === 'PRIMARY');
  if (primary?.rolloutState === 'FAILED') return { state: 'failed', primary };
  if (primary?.rolloutState === 'IN_PROGRESS' || s.deployments.filter((d) => d.status !== 'INACTIVE').length > 1) return { state: 'in-progress', primary };
  return { state: 'steady', primary };
}

export class ServiceNode extends PagedNode<Task> {
  readonly id: string;
  protected readonly itemName = 'task';

  constructor(
    host: TreeHost,
    parent: TreeNode,
    public service: Service,
  ) {
    super(host, parent);
    this.id = service.serviceArn;
  }

  update(service: Service): this {
    this.service = service;
    return this;
  }

  get arn(): string {
    return this.service.serviceArn;
  }

  /** A refresh of the service describes it again (counts, deployments, events), then reloads its tasks. */
  invalidate(): void {
    const session = this.host.session;
    const generation = session.generation;
    void (async () => {
      try {
        const { items } = await session.gateway().describeServices(this.clusterArn, [this.serviceArn], { signal: session.signal });
        const fresh = items[0];
        if (!fresh || generation !== session.generation) return;
        this.update(fresh);
        this.host.replaceItem<Service>(this, fresh, (s) => s.serviceArn === fresh.serviceArn);
        this.host.changed(this);
      } catch {
        // Its tasks reload too and show the error, if it lasts.
      }
    })();
  }

  get serviceArn(): string {
    return this.service.serviceArn;
  }

  get clusterArn(): string {
    return this.service.clusterArn;
  }

  get taskDefinitionArn(): string {
    return this.service.taskDefinition;
  }

  get inProgress(): boolean {
    return rollout(this.service).state === 'in-progress';
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.service;
    const { state, primary } = rollout(s);
    const label = `${s.serviceName} ${s.runningCount}/${s.desiredCount}${s.pendingCount > 0 ? ` · ${s.pendingCount} pending` : ''}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const td = shortTaskDefinition(s.taskDefinition);
    item.description =
      state === 'in-progress' && primary
        ? `deploying ${shortTaskDefinition(primary.taskDefinition)} (${primary.runningCount}/${primary.desiredCount})`
        : state === 'failed'
          ? `${td} · rollout failed`
          : s.status !== 'ACTIVE'
            ? `${td} · ${s.status.toLowerCase()}`
            : td;
    const [iconId, tone] = this.statusIcon(state);
    item.iconPath = icon(iconId, tone);
    // Screen readers do not read the icon: the state goes into the label they read.
    const spoken = state === 'in-progress' ? 'deployment in progress' : state === 'failed' ? 'rollout failed' : s.status.toLowerCase();
    item.accessibilityInformation = { label: `Service ${s.serviceName}, ${spoken}, ${s.runningCount} of ${s.desiredCount} running, ${s.pendingCount} pending, ${item.description}` };
    item.tooltip = this.tooltip(state);
    item.contextValue = contextOf(this, CONTEXT.service, 'refresh');
    if (state === 'in-progress') this.host.watch(this);
    return item;
  }

  private statusIcon(state: 'steady' | 'in-progress' | 'failed'): [string, Tone] {
    const s = this.service;
    if (s.status === 'DRAINING' || s.status === 'INACTIVE') return ['circle-slash', 'idle'];
    if (state === 'failed') return ['error', 'error'];
    if (state === 'in-progress') return ['sync~spin', 'busy'];
    if (s.desiredCount === 0) return ['circle-large-outline', 'idle'];
    if (s.runningCount < s.desiredCount) return ['warning', 'warn'];
    return ['pass-filled', 'ok'];
  }

  private tooltip(state: 'steady' | 'in-progress' | 'failed'): vscode.MarkdownString {
    const s = this.service;
    const now = this.host.now();
    const capacity = s.capacityProviderStrategy.map((c) => `${c.capacityProvider}${c.weight !== undefined ? ` (weight ${c.weight}${c.base ? `, base ${c.base}` : ''})` : ''}`).join(', ');
    const deployments = s.deployments.map(
      (d) => `- ${d.status} \`${md(shortTaskDefinition(d.taskDefinition))}\` ${d.rolloutState ?? ''}: ${d.runningCount}/${d.desiredCount} running, ${d.pendingCount} pending${d.failedTasks ? `, ${d.failedTasks} failed` : ''}${d.rolloutStateReason ? ` — ${md(d.rolloutStateReason)}` : ''}`,
    );
    const events = s.events.slice(0, 3).map((e) => `- ${e.createdAt ? `${ago(e.createdAt, now)}: ` : ''}${md(e.message)}`);
    return tooltip(
      `Service ${s.serviceName}`,
      [
        ['Status', `${s.status}${state === 'in-progress' ? ', deployment in progress' : state === 'failed' ? ', rollout failed' : ''}`],
        ['Tasks', `${s.runningCount} running of ${s.desiredCount} desired, ${s.pendingCount} pending`],
        ['Launch type', s.launchType],
        ['Capacity providers', capacity],
        ['Platform version', s.platformVersion],
        ['Task definition', shortTaskDefinition(s.taskDefinition)],
        ['Deployment controller', s.deploymentController],
        ['Circuit breaker', s.circuitBreaker ? (s.circuitBreaker.enable ? `on${s.circuitBreaker.rollback ? ', with rollback' : ', no rollback'}` : 'off') : undefined],
        ['Created', when(s.createdAt, now)],
        ['Created by', s.createdBy],
      ],
      deployments.length > 0 ? `**Deployments**\n\n${deployments.join('\n')}` : '',
      events.length > 0 ? `**Last events**\n\n${events.join('\n')}` : '',
    );
  }

  protected fetcher(): PageFetch<Task> {
    return async (nextToken, signal) => {
      const page = await this.host.session.gateway().tasksPage(this.service.clusterArn, { serviceName: this.service.serviceName, desiredStatus: 'RUNNING', nextToken, signal });
      return { ...page, items: page.items.sort(byNewest) };
    };
  }

  protected child(t: Task): TreeNode {
    return this.host.node(t.taskArn, () => new TaskNode(this.host, this, t)).update(t);
  }

  protected emptyLabel(): string {
    return 'No running tasks';
  }

  /** The deployments, while a rollout is under way or after it failed. */
  protected leading(): TreeNode[] {
    if (rollout(this.service).state === 'steady') return [];
    return this.service.deployments.map((d) => this.host.node(`${this.service.serviceArn}#deployment:${d.id}`, () => new DeploymentNode(this.host, this, d)).update(d));
  }

  protected trailing(): TreeNode[] {
    const id = `${this.service.serviceArn}#stopped`;
    return [this.host.node(id, () => new TaskListNode(this.host, this, id, 'Stopped in the last hour', 'service-stopped', this.service.clusterArn, this.service.serviceName))];
  }
}
