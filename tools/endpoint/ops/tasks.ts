/** Tasks: list (by service, family, container instance, desired status), describe, stop. */
import { lastSegment } from '../arns';
import { invalidParameter } from '../errors';
import { describeEach, idList, optionalEnum, optionalString, paginate, requiredString } from '../input';
import type { Task } from '../model';
import { requestStop } from '../tasks';
import { renderTask } from '../views';
import type { Operation } from './context';

export const ListTasks: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const serviceName = optionalString(input, 'serviceName');
  if (serviceName !== undefined) ctx.r.service(c, serviceName);
  const family = optionalString(input, 'family');
  const startedBy = optionalString(input, 'startedBy');
  const instance = optionalString(input, 'containerInstance');
  const launchType = optionalEnum(input, 'launchType', ['EC2', 'FARGATE', 'EXTERNAL'] as const);
  const desired = optionalEnum(input, 'desiredStatus', ['RUNNING', 'PENDING', 'STOPPED'] as const) ?? 'RUNNING';
  const matches = (t: Task): boolean =>
    (serviceName === undefined || t.group === `service:${lastSegment(serviceName)}`) &&
    (family === undefined || t.taskDefinitionArn.includes(`:task-definition/${family}:`)) &&
    (startedBy === undefined || t.startedBy === startedBy) &&
    (instance === undefined || (t.containerInstanceArn !== undefined && lastSegment(t.containerInstanceArn) === lastSegment(instance))) &&
    (launchType === undefined || t.launchType === launchType) &&
    (desired === 'STOPPED' ? t.desiredStatus === 'STOPPED' : desired === 'PENDING' ? t.desiredStatus === 'RUNNING' && t.lastStatus !== 'RUNNING' : t.desiredStatus === 'RUNNING');
  const arns = [...c.tasks.values()].filter(matches).map((t) => t.taskArn).sort();
  const page = paginate(arns, (a) => a, input, 100, ['ListTasks', c.cluster.clusterName, serviceName, family, startedBy, instance, launchType, desired]);
  return { taskArns: page.items, nextToken: page.nextToken };
};

export const DescribeTasks: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const ids = idList(input, 'tasks', 100, 'taskIds');
  const includeTags = Array.isArray(input.include) && input.include.includes('TAGS');
  const { items, failures } = describeEach(ids, (id) => c.tasks.get(id), (t) => renderTask(t, includeTags), (id) => ctx.r.arns.task(c.cluster.clusterName, id));
  return { tasks: items, failures };
};

export const StopTask: Operation = (ctx, input) => {
  const c = ctx.r.cluster(optionalString(input, 'cluster'));
  const t = c.tasks.get(lastSegment(requiredString(input, 'task')));
  if (!t) throw invalidParameter('The referenced task was not found.');
  const reason = optionalString(input, 'reason');
  if (reason !== undefined && reason.length > 255) throw invalidParameter('Reason must be at most 255 characters.');
  requestStop(t, reason ?? 'Task stopped by user', 'UserInitiated', ctx.now);
  return { task: renderTask(t, false) };
};
