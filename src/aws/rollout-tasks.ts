/**
 * Why a failed rollout's tasks stopped: the stopped tasks of the new revision (ECS shows them for about an
 * hour) with their stop codes, reasons and container exits, and the reasons grouped with a count.
 */
import { type EcsGateway, isGatewayError, type Task } from './gateway';
import { sameRevision } from './rollout-judge';

/** A stopped task of the new revision: why it stopped, and its containers' exits. */
export interface StoppedTaskSummary {
  taskId: string;
  taskDefinitionArn: string;
  stopCode?: string;
  stoppedReason?: string;
  stoppedAt?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

/** One distinct stop reason and how many tasks stopped for it. */
export interface StopReason {
  /** The task's stopped reason with what its containers add: `Task failed container health checks (app exit 137)`. */
  reason: string;
  count: number;
}

const MAX_TASKS = 20;

function summary(t: Task): StoppedTaskSummary {
  return {
    taskId: t.taskId,
    taskDefinitionArn: t.taskDefinitionArn,
    ...(t.stopCode ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
    ...(t.stoppedAt ? { stoppedAt: t.stoppedAt } : {}),
    containers: t.containers
      .filter((c) => c.exitCode !== undefined || c.reason)
      .map((c) => ({ name: c.name, ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}), ...(c.reason ? { reason: c.reason } : {}) })),
  };
}

/** One line per distinct reason: the task's reason, and container exits or reasons that add to it. */
export function stopReasonOf(t: StoppedTaskSummary): string {
  const base = t.stoppedReason ?? t.stopCode ?? 'no reason given';
  const extra = t.containers.filter((c) => c.exitCode !== undefined || c.reason !== t.stoppedReason).map((c) => `${c.name} ${c.exitCode !== undefined ? `exit ${c.exitCode}` : c.reason}`);
  return extra.length > 0 ? `${base} (${extra.join('; ')})` : base;
}

/**
 * The newest stopped tasks of `taskDefinition` in the service (at most 20) and their reasons, most frequent
 * first. Reading them is best effort: a refusal (no ecs:ListTasks) leaves both lists empty.
 */
export async function stoppedTasksOf(gw: EcsGateway, cluster: string, service: string, taskDefinition: string, signal?: AbortSignal): Promise<{ tasks: StoppedTaskSummary[]; reasons: StopReason[] }> {
  let tasks: StoppedTaskSummary[];
  try {
    const { items } = await gw.allTasks(cluster, { serviceName: service, desiredStatus: 'STOPPED', signal });
    tasks = items
      .filter((t) => sameRevision(t.taskDefinitionArn, taskDefinition))
      .sort((a, b) => (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? ''))
      .slice(0, MAX_TASKS)
      .map(summary);
  } catch (e) {
    if (isGatewayError(e) && (e.isCredentialProblem || e.isConnectionProblem)) throw e;
    return { tasks: [], reasons: [] };
  }
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(stopReasonOf(t), (counts.get(stopReasonOf(t)) ?? 0) + 1);
  const reasons = [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { tasks, reasons };
}
