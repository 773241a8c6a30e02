/**
 * Auto-refresh of services with a deployment in progress: while the Clusters view is visible, each watched
 * service is described again (DescribeServices, ten per call, per cluster) after 5 s, then 7.5 s, 11 s, ... up
 * to 60 s (backoff, longer after an error), and its tasks reloaded. A service that settles stops being
 * watched; a new deployment starts the backoff over. Nothing runs while the view is hidden or collapsed away.
 */
import type * as vscode from 'vscode';
import type { Service } from '../../aws/gateway';
import type { AwsSession } from '../aws/session';

const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60_000;
const GROWTH = 1.5;

/** What the auto-refresh needs of a service node. */
export interface WatchedService {
  readonly id: string;
  readonly clusterArn: string;
  readonly serviceArn: string;
  readonly inProgress: boolean;
}

export interface AutoRefreshHost {
  readonly session: AwsSession;
  readonly visible: boolean;
  /** New data for a service: update the node (and its parent's page), reload its tasks, render it again. */
  serviceUpdated(node: WatchedService, service: Service): void;
  readonly log: vscode.LogOutputChannel;
}

export class AutoRefresh implements vscode.Disposable {
  private readonly watched = new Map<string, WatchedService>();
  private timer: NodeJS.Timeout | undefined;
  private delay = FIRST_DELAY_MS;
  private running = false;

  constructor(private readonly host: AutoRefreshHost) {}

  /** Services watched now (for the tests). */
  get services(): string[] {
    return [...this.watched.keys()];
  }

  /** The wait before the next refresh, in ms. */
  get nextDelayMs(): number {
    return this.delay;
  }

  watch(node: WatchedService): void {
    if (!node.inProgress) return;
    if (!this.watched.has(node.serviceArn)) this.delay = FIRST_DELAY_MS;
    this.watched.set(node.serviceArn, node);
    this.schedule();
  }

  /** The view was shown or hidden. */
  visibilityChanged(): void {
    if (this.host.visible) this.schedule();
    else this.stop();
  }

  /** Forgets every watch (the session ended). */
  clear(): void {
    this.watched.clear();
    this.stop();
  }

  private schedule(): void {
    if (this.timer || this.running || this.watched.size === 0 || !this.host.visible) return;
    this.timer = setTimeout(() => void this.tick(), this.delay);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.host.visible || this.watched.size === 0) return;
    this.running = true;
    const session = this.host.session;
    const generation = session.generation;
    const byCluster = new Map<string, WatchedService[]>();
    for (const node of this.watched.values()) byCluster.set(node.clusterArn, [...(byCluster.get(node.clusterArn) ?? []), node]);
    let failed = false;
    try {
      await Promise.all(
        [...byCluster].map(async ([cluster, nodes]) => {
          try {
            const { items } = await session.gateway().describeServices(cluster, nodes.map((n) => n.serviceArn), { signal: session.signal });
            if (generation !== session.generation) return;
            const seen = new Set<string>();
            for (const service of items) {
              const node = this.watched.get(service.serviceArn);
              if (!node) continue;
              seen.add(service.serviceArn);
              this.host.serviceUpdated(node, service);
              if (!node.inProgress) this.watched.delete(service.serviceArn);
            }
            // A service ECS no longer describes (deleted) is not watched any more.
            for (const n of nodes) if (!seen.has(n.serviceArn)) this.watched.delete(n.serviceArn);
          } catch (e) {
            failed = true;
            this.host.log.debug(`auto-refresh of ${nodes.length} service(s) failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        }),
      );
    } finally {
      this.running = false;
    }
    if (generation !== session.generation) return;
    this.delay = Math.min(MAX_DELAY_MS, this.delay * (failed ? GROWTH * 2 : GROWTH));
    this.schedule();
  }

  dispose(): void {
    this.clear();
  }
}
