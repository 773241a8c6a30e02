/** Scheduling strategy: what DAEMON services cannot have, and what REPLICA services need. */
import type { Rule } from '../types';
import { DOCS } from '../../facts';
import { baseOf, controllerType, fargateSource, isCreateServiceInput, isDaemon, nonEmptyArray, num, objAt, reportedPath } from '../helpers';

export const daemonDesiredCount: Rule = {
  id: 'service-daemon-desired-count',
  severity: 'error',
  appliesTo: 'service',
  title: 'A DAEMON service must not set desiredCount',
  docs: DOCS.schedulingStrategy,
  check(ctx) {
    const svc = ctx.target.value;
    // describe-services output reports a daemon's desiredCount (one per instance); it is not input yet.
    if (ctx.doc.kind === 'services-describe' || !isDaemon(svc) || !('desiredCount' in svc)) return;
    ctx.report({
      path: ['desiredCount'],
      target: 'key',
      message:
        'A DAEMON service runs one task on every container instance that matches its constraints, so it has no task count of its own. ' +
        'ECS rejects desiredCount here, even 0: "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again".',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "desiredCount"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const daemonPlacementStrategy: Rule = {
  id: 'service-daemon-placement-strategy',
  severity: 'error',
  appliesTo: 'service',
  title: 'A DAEMON service takes no placementStrategy',
  docs: DOCS.schedulingStrategy,
  check(ctx) {
    const svc = ctx.target.value;
    if (!isDaemon(svc) || !nonEmptyArray(svc.placementStrategy)) return;
    ctx.report({
      path: ['placementStrategy'],
      target: 'key',
      message:
        'A DAEMON service places exactly one task on each matching container instance, so there is nothing for a placement strategy to decide; ' +
        'ECS refuses placementStrategy on DAEMON services. Use placementConstraints to choose which instances get the daemon.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "placementStrategy"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const daemonFargate: Rule = {
  id: 'service-daemon-fargate',
  severity: 'error',
  appliesTo: 'service',
  title: 'The DAEMON scheduling strategy does not run on Fargate',
  docs: DOCS.schedulingStrategy,
  check(ctx) {
    const svc = ctx.target.value;
    if (!isDaemon(svc)) return;
    const fargate = fargateSource(svc);
    if (!fargate) return;
    ctx.report({
      path: ['schedulingStrategy'],
      message:
        `This service uses ${fargate.label}, but Fargate has no container instances to run a daemon on: ECS rejects the DAEMON scheduling strategy for Fargate tasks. ` +
        'Use "REPLICA" with a desiredCount, or run the daemon on EC2 capacity.',
    });
  },
};

export const daemonDeploymentController: Rule = {
  id: 'service-daemon-deployment-controller',
  severity: 'error',
  appliesTo: 'service',
  title: 'The DAEMON scheduling strategy works only with the ECS deployment controller',
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    if (!isDaemon(svc)) return;
    const type = controllerType(svc);
    if (type !== 'CODE_DEPLOY' && type !== 'EXTERNAL') return;
    ctx.report({
      path: ['deploymentController', 'type'],
      message:
        `The ${type} deployment controller needs a REPLICA service: ECS does not support the DAEMON scheduling strategy with CODE_DEPLOY or EXTERNAL deployments, and rejects the service. ` +
        'Use the ECS controller for a daemon, or "REPLICA" for blue/green and external deployments.',
    });
  },
};

export const daemonMaximumPercent: Rule = {
  id: 'service-daemon-maximum-percent',
  severity: 'error',
  appliesTo: 'service',
  title: 'A DAEMON service allows at most 100 for maximumPercent',
  docs: DOCS.deploymentConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    if (!isDaemon(svc)) return;
    const max = num(objAt(svc, 'deploymentConfiguration')?.maximumPercent);
    if (max === undefined || max <= 100) return;
    ctx.report({
      path: ['deploymentConfiguration', 'maximumPercent'],
      message:
        `A daemon can run only one task per instance, so a deployment cannot go above 100 percent; ${max} is refused: ` +
        '"The daemon scheduling strategy does not support values above 100 for maximumPercent on a deployment configuration". Set it to 100 (the DAEMON default) or leave it out.',
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Set "maximumPercent" to 100', changes: [{ path, value: 100 }], certain: true }];
  },
};

export const replicaDesiredCount: Rule = {
  id: 'service-replica-desired-count',
  severity: 'warning',
  appliesTo: 'service',
  title: 'create-service input for a REPLICA service should give desiredCount',
  docs: DOCS.createService,
  check(ctx) {
    const svc = ctx.target.value;
    // Only plain create-service input: update-service keeps the current count, and ecspresso files are merged later.
    if (isDaemon(svc) || 'desiredCount' in svc || !isCreateServiceInput(svc)) return;
    const anchor = 'schedulingStrategy' in svc ? 'schedulingStrategy' : 'serviceName';
    ctx.report({
      path: [anchor],
      target: 'key',
      message:
        'This create-service input has no desiredCount. The CreateService reference requires it for REPLICA services (the default strategy), ' +
        'so ECS may reject the call. Say how many tasks the service keeps running.',
    });
  },
  fix(ctx) {
    return [{ title: 'Add "desiredCount": 1', changes: [{ path: [...baseOf(ctx), 'desiredCount'], value: 1 }], certain: false }];
  },
};

export const schedulingRules: Rule[] = [daemonDesiredCount, daemonPlacementStrategy, daemonFargate, daemonDeploymentController, daemonMaximumPercent, replicaDesiredCount];
