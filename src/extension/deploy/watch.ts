/**
 * Watching a rollout in a progress notification, with the rollout watcher of src/aws/rollout.ts (which decides
 * what the state means: a circuit-breaker rollback is a failure, success needs the PRIMARY deployment on the
 * new revision). The notification shows the state, running / desired / pending / failed counts, the circuit
 * breaker's failures against its threshold and the latest service event; the log gets a line per change and
 * every event. Cancelling the notification stops watching, never the deployment.
 */
import * as vscode from 'vscode';
import type { EcsGateway, Service } from '../../aws/gateway';
import { revisionName, watchRollout, type RolloutProgress, type RolloutResult, type WatchOptions } from '../../aws/rollout';
import type { DeployHost } from './flow';
import { showFailure } from './flow';

/** What a watch reported, for the tests and the log: the notification's messages and the outcome. */
export interface WatchRecord {
  cluster: string;
  service: string;
  taskDefinition?: string;
  title: string;
  messages: string[];
  result?: Pick<RolloutResult, 'outcome' | 'ok' | 'reason' | 'stopReasons'> & { state: string };
  /** The message shown at the end. */
  summary?: string;
}

/** `95000` → `1m 35s`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** One poll as one line: `IN_PROGRESS · web:13 · 1/3 running, 2 pending, 0 failed · circuit breaker 0/3`. */
export function progressLine(p: RolloutProgress): string {
  const c = p.counts;
  const parts = [`${p.state}${p.lifecycleStage ? ` (${p.lifecycleStage})` : ''}`, revisionName(p.taskDefinition), `${c.running}/${c.desired} running, ${c.pending} pending, ${c.failed} failed`];
  const cb = p.circuitBreaker;
  if (cb && cb.status !== 'DISABLED') parts.push(`circuit breaker ${cb.failures}/${cb.threshold ?? '?'}${cb.status === 'TRIGGERED' ? ' TRIGGERED' : ''}`);
  if (p.primaryTaskDefinition && revisionName(p.primaryTaskDefinition) !== revisionName(p.taskDefinition)) parts.push(`PRIMARY runs ${revisionName(p.primaryTaskDefinition)}`);
  return parts.join(' · ');
}

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The rollout watches of this extension host: test overrides of the poll timing, the running ones, the last ones. */
export class RolloutWatches implements vscode.Disposable {
  /** Poll timing for tests (the local endpoint's rollouts take seconds at its higher speeds). */
  options: Pick<WatchOptions, 'intervalMs' | 'maxIntervalMs' | 'timeoutMs'> = {};
  private readonly running = new Set<AbortController>();
  private readonly recent: WatchRecord[] = [];

  /** Stops watching everything being watched (what cancelling each notification does); returns how many. */
  stopAll(): number {
    const n = this.running.size;
    for (const c of this.running) c.abort();
    return n;
  }

  /** The last watches, oldest first (at most 20). */
  records(): WatchRecord[] {
    return this.recent.map((r) => ({ ...r, messages: [...r.messages] }));
  }

  /** Whether something is being watched now. */
  get active(): number {
    return this.running.size;
  }

  begin(record: WatchRecord): AbortController {
    const controller = new AbortController();
    this.running.add(controller);
    this.recent.push(record);
    if (this.recent.length > 20) this.recent.shift();
    return controller;
  }

  end(controller: AbortController): void {
    this.running.delete(controller);
  }

  dispose(): void {
    this.stopAll();
  }
}

/** What to watch: the service, and UpdateService's (or CreateService's) answer when the caller started it. */
export interface WatchTarget {
  gw: EcsGateway;
  cluster: string;
  service: string;
  started?: Service;
  taskDefinition?: string;
  /** The notification's title: `Deploying web:13 to prod/web`. */
  title: string;
  signal?: AbortSignal;
  /** A rollback the user asked for: ending rolled back is its success. */
  expect?: 'rollback';
}

/** The end of a watch as one message, and how loud it is. */
function summaryOf(r: RolloutResult, name: string, expect?: 'rollback'): { severity: 'info' | 'warning' | 'error'; text: string } {
  const p = r.progress;
  if (expect === 'rollback' && r.outcome === 'rolled-back') {
    const runs = p.primaryTaskDefinition ? ` ${name} runs ${revisionName(p.primaryTaskDefinition)} again.` : '';
    return { severity: 'info', text: `Rolled back in ${duration(p.elapsedMs)}: the deployment of ${revisionName(p.taskDefinition)} was stopped.${runs}` };
  }
  const stops = r.stopReasons.length > 0 ? ` Stopped tasks of ${revisionName(p.taskDefinition)}: ${r.stopReasons.map((s) => `${s.count}× ${s.reason}`).join('; ')}.` : '';
  switch (r.outcome) {
    case 'completed':
      return { severity: 'info', text: `Rollout completed in ${duration(p.elapsedMs)}: ${name} runs ${revisionName(p.taskDefinition)} (${p.counts.running}/${p.counts.desired} running).` };
    case 'rolled-back':
      return { severity: 'error', text: `Rollout of ${revisionName(p.taskDefinition)} to ${name} FAILED and was rolled back: ${r.reason ?? 'no reason given'}${stops}` };
    case 'failed':
      return { severity: 'error', text: `Rollout of ${revisionName(p.taskDefinition)} to ${name} FAILED: ${r.reason ?? 'no reason given'}${stops}` };
    case 'timed-out':
    case 'stopped-watching':
      return { severity: 'warning', text: `${r.reason ?? 'Stopped watching.'} ${name} — last seen: ${progressLine(p)}.` };
  }
}

/**
 * Watches a rollout in a cancellable progress notification until it completes, fails, rolls back or the user
 * stops watching, then reports the outcome (with the stop reasons of a failure). Resolves with the watcher's
 * result, or undefined when ECS could not be read (shown as an error: the deployment goes on).
 */
export async function watchInNotification(host: DeployHost, target: WatchTarget): Promise<RolloutResult | undefined> {
  const name = `${target.cluster.slice(target.cluster.lastIndexOf('/') + 1)}/${target.service}`;
  const record: WatchRecord = { cluster: target.cluster, service: target.service, ...(target.taskDefinition ? { taskDefinition: target.taskDefinition } : {}), title: target.title, messages: [] };
  const controller = host.watches.begin(record);
  const stopOnSessionEnd = (): void => controller.abort();
  target.signal?.addEventListener('abort', stopOnSessionEnd, { once: true });
  host.log.info(`watching the rollout of ${name}${target.taskDefinition ? ` (${revisionName(target.taskDefinition)})` : ''}`);
  let result: RolloutResult | undefined;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: target.title, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        let lastLine = '';
        let lastEvent = '';
        return watchRollout(target.gw, {
          ...host.watches.options,
          cluster: target.cluster,
          service: target.service,
          ...(target.started ? { started: target.started } : {}),
          ...(target.taskDefinition ? { taskDefinition: target.taskDefinition } : {}),
          signal: controller.signal,
          onProgress: (p) => {
            const line = progressLine(p);
            if (p.polls === 1) host.log.info(`rollout ${name}: following ${p.source === 'service-deployment' ? `service deployment ${p.serviceDeploymentArn ?? ''}` : `deployment ${p.deploymentId ?? ''} in deployments[] (${p.fallbackReason ?? 'no service-deployment API'})`}`);
            if (p.warning) host.log.warn(`rollout ${name}: ${p.warning}`);
            if (line !== lastLine) host.log.info(`rollout ${name}: ${line}`);
            for (const e of p.newEvents) host.log.info(`rollout ${name}: event: ${e.message}`);
            lastLine = line;
            if (p.events[0]) lastEvent = p.events[0].message;
            // A poll that failed and is retried (throttling, the network) says so instead of the last event.
            const message = clip(`${line}${p.warning ? ` — ${p.warning}` : lastEvent ? ` — ${lastEvent}` : ''}`, 220);
            if (message !== record.messages.at(-1)) record.messages.push(message);
            progress.report({ message });
          },
        });
      },
    );
  } catch (e) {
    showFailure(host, e, `Watching the rollout of ${name} stopped`, 'The deployment goes on.');
    return undefined;
  } finally {
    host.watches.end(controller);
    target.signal?.removeEventListener('abort', stopOnSessionEnd);
  }
  const summary = summaryOf(result, name, target.expect);
  record.result = { outcome: result.outcome, ok: result.ok, ...(result.reason ? { reason: result.reason } : {}), stopReasons: result.stopReasons, state: result.progress.state };
  record.summary = summary.text;
  const logLine = `rollout ${name}: ${summary.text}`;
  if (summary.severity === 'error') host.log.error(logLine);
  else if (summary.severity === 'warning') host.log.warn(logLine);
  else host.log.info(logLine);
  const actions = result.outcome === 'stopped-watching' || result.outcome === 'timed-out' ? ['Watch Again', 'Show Log'] : summary.severity === 'error' ? ['Show Log'] : [];
  void host.prompts.notify(summary.severity, summary.text, actions).then((a) => {
    if (a === 'Show Log') host.log.show();
    else if (a === 'Watch Again') void vscode.commands.executeCommand('ecsLens.watchRollout', { cluster: target.cluster, service: target.service });
  });
  return result;
}
