/** The service-deployment API (ECS, October 2024): list, describe and stop the rollouts of a service. */
import { EcsError, invalidParameter } from '../errors';
import { describeEach, idList, optionalEnum, optionalString, paginate, requiredString } from '../input';
import type { Json, ServiceDeploymentStatus } from '../model';
import { renderServiceDeployment } from '../views';
import type { Operation } from './context';

const STATUSES: readonly ServiceDeploymentStatus[] = [
  'PENDING', 'IN_PROGRESS', 'SUCCESSFUL', 'STOPPED', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED',
];

function epochFilter(v: unknown, member: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw invalidParameter(`createdAt.${member} must be a timestamp.`);
  return v;
}

export const ListServiceDeployments: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const rec = ctx.r.service(c, requiredString(input, 'service'));
  const statuses = input.status === undefined ? undefined : (input.status as unknown[]);
  if (statuses !== undefined && (!Array.isArray(statuses) || statuses.some((s) => !STATUSES.includes(s as ServiceDeploymentStatus)))) {
    throw invalidParameter(`status must be a list of ${STATUSES.join(', ')}.`);
  }
  const createdAt = (input.createdAt ?? {}) as Json;
  const before = epochFilter(createdAt.before, 'before');
  const after = epochFilter(createdAt.after, 'after');
  const briefs = rec.serviceDeployments
    .map((arn) => ctx.r.serviceDeployments.get(arn))
    .filter((sd) => sd !== undefined)
    .map((sd) => renderServiceDeployment(ctx.r, sd))
    .filter((sd) => (!statuses || statuses.includes(sd.status)) && (before === undefined || sd.createdAt < before) && (after === undefined || sd.createdAt > after))
    .map((sd) => ({
      serviceDeploymentArn: sd.serviceDeploymentArn,
      serviceArn: sd.serviceArn,
      clusterArn: sd.clusterArn,
      ...(sd.startedAt !== undefined ? { startedAt: sd.startedAt } : {}),
      createdAt: sd.createdAt,
      ...(sd.finishedAt !== undefined ? { finishedAt: sd.finishedAt } : {}),
      targetServiceRevisionArn: sd.targetServiceRevision.arn,
      status: sd.status,
      ...(sd.statusReason ? { statusReason: sd.statusReason } : {}),
    }));
  // Newest first, as ECS lists them, keyed by creation time (and ARN) so that a deployment started between
  // two pages does not shift the next one.
  const keyed = briefs.map((b) => ({ b, key: `${String(Math.round(b.createdAt * 1000)).padStart(15, '0')} ${b.serviceDeploymentArn}` })).sort((x, y) => (x.key < y.key ? 1 : -1));
  const page = paginate(keyed, (k) => k.key, input, 20, ['ListServiceDeployments', c.cluster.clusterName, rec.service.serviceName, statuses, before, after], true);
  return { serviceDeployments: page.items.map((k) => k.b), nextToken: page.nextToken };
};

export const DescribeServiceDeployments: Operation = (ctx, input) => {
  const arns = idList(input, 'serviceDeploymentArns', 20, 'serviceDeploymentArns');
  const { items, failures } = describeEach(arns, (_, arn) => ctx.r.serviceDeployments.get(arn), (sd) => renderServiceDeployment(ctx.r, sd), (arn) => arn);
  return { serviceDeployments: items, failures };
};

export const StopServiceDeployment: Operation = (ctx, input) => {
  const arn = requiredString(input, 'serviceDeploymentArn');
  const stopType = optionalEnum(input, 'stopType', ['ROLLBACK', 'ABORT'] as const) ?? 'ROLLBACK';
  const sd = ctx.r.serviceDeployments.get(arn);
  if (!sd) throw new EcsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
  if (sd.sd.status !== 'PENDING' && sd.sd.status !== 'IN_PROGRESS') {
    throw new EcsError('ConflictException', `The service deployment is ${sd.sd.status} and can no longer be stopped.`);
  }
  sd.sd.status = 'STOP_REQUESTED';
  sd.stopType = stopType;
  return { serviceDeploymentArn: arn };
};
