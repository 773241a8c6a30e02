/**
 * A watched rollout as terminal lines: one progress line whenever the state or the counts change, each new
 * service event under it, and the outcome with its reasons.
 */
import { revisionName, type RolloutProgress, type RolloutResult } from '../aws/rollout';

/** `95 s` → `1m 35s`. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

function progressLine(p: RolloutProgress): string {
  const c = p.counts;
  const parts = [p.state + (p.lifecycleStage ? ` (${p.lifecycleStage})` : ''), revisionName(p.taskDefinition), `${c.running}/${c.desired} running, ${c.pending} pending, ${c.failed} failed`];
  if (p.circuitBreaker && p.circuitBreaker.status !== 'DISABLED') parts.push(`circuit breaker ${p.circuitBreaker.failures}/${p.circuitBreaker.threshold ?? '?'}${p.circuitBreaker.status === 'TRIGGERED' ? ' TRIGGERED' : ''}`);
  if (p.primaryTaskDefinition && revisionName(p.primaryTaskDefinition) !== revisionName(p.taskDefinition)) parts.push(`PRIMARY runs ${revisionName(p.primaryTaskDefinition)}`);
  return parts.join('  ');
}

/** A printer for progress: returns the text to print for each poll (often nothing). */
export function progressPrinter(): (p: RolloutProgress) => string {
  let last = '';
  let first = true;
  return (p) => {
    const out: string[] = [];
    if (first) {
      first = false;
      out.push(p.source === 'service-deployment' ? `Watching service deployment ${p.serviceDeploymentArn ?? ''}`.trimEnd() : `Watching deployment ${p.deploymentId ?? ''} in the service's deployments (${p.fallbackReason ?? 'no service-deployment API'})`);
    }
    if (p.warning) out.push(`  ${p.warning}`);
    const line = progressLine(p);
    if (line !== last) out.push(`[${duration(p.elapsedMs).padStart(7)}] ${line}`);
    last = line;
    for (const e of p.newEvents) out.push(`          ${e.message}`);
    return out.length > 0 ? `${out.join('\n')}\n` : '';
  };
}

/** The outcome for `cluster`/`service`, with the reason and stop reasons of a failure. */
export function formatOutcome(r: RolloutResult, cluster: string, service: string): string {
  const name = `${cluster}/${service}`;
  const p = r.progress;
  const out: string[] = [];
  switch (r.outcome) {
    case 'completed':
      out.push(`Rollout completed in ${duration(p.elapsedMs)}: ${name} runs ${revisionName(p.taskDefinition)} (${p.counts.running}/${p.counts.desired} running).`);
      break;
    case 'rolled-back':
      out.push(`Rollout FAILED and was rolled back: ${r.reason ?? 'no reason given'}`);
      break;
    case 'failed':
      out.push(`Rollout FAILED: ${r.reason ?? 'no reason given'}`);
      break;
    case 'timed-out':
    case 'stopped-watching':
      out.push(`${r.reason ?? 'Stopped watching.'} Last seen: ${progressLine(p)}. Check it with \`ecs-lens tree --cluster ${cluster}\`.`);
      break;
  }
  if (r.stopReasons.length > 0) {
    out.push(`Stopped tasks of ${revisionName(p.taskDefinition)}:`);
    for (const s of r.stopReasons) out.push(`  ${s.count}× ${s.reason}`);
  }
  return `${out.join('\n')}\n`;
}

/** Exit code of `deploy --wait`: 0 completed, 1 failed or rolled back, 2 not finished in time, 130 interrupted. */
export function outcomeExitCode(r: RolloutResult): number {
  return { completed: 0, failed: 1, 'rolled-back': 1, 'timed-out': 2, 'stopped-watching': 130 }[r.outcome];
}
