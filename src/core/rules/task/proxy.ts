/** The App Mesh proxy (proxyConfiguration) and task-level placement constraints. */
import type { Rule } from '../types';
import { APPMESH_IGNORED_IDS, APPMESH_REQUIRED_PROPERTIES, DOCS, isFargate } from '../../facts';
import { containerNameIndex, entries, known, listOf, objAt, renameProposals, reportedReference } from '../helpers';

const proxyConfigurationContainer: Rule = {
  id: 'proxy-configuration-container',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'proxyConfiguration.containerName names a container of the task',
  docs: DOCS.proxyConfiguration,
  check(ctx) {
    const td = ctx.target.value;
    const name = known(objAt(td, 'proxyConfiguration')?.containerName);
    if (name === undefined || name === '') return;
    const { names, templated } = containerNameIndex(td);
    if (templated || names.has(name)) return;
    ctx.report({
      path: ['proxyConfiguration', 'containerName'],
      message: `proxyConfiguration names "${name}" as the App Mesh proxy container, but the task has no container of that name (it has ${listOf([...names.keys()]) || 'none with a name'}). No Envoy proxy would take the redirected traffic (whether ECS already rejects the registration is not confirmed). Name the Envoy container.`,
      data: { names: [...names.keys()] },
    });
  },
  fix(ctx) {
    const ref = reportedReference(ctx);
    if (!ref) return undefined;
    const { path, wrong, names } = ref;
    return renameProposals(path, wrong, names);
  },
};

const proxyConfigurationProperties: Rule = {
  id: 'proxy-configuration-properties',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'An App Mesh proxy lists IgnoredUID or IgnoredGID, AppPorts, ProxyIngressPort and ProxyEgressPort',
  docs: DOCS.proxyConfiguration,
  check(ctx) {
    const proxy = objAt(ctx.target.value, 'proxyConfiguration');
    if (!proxy || (proxy.type !== undefined && proxy.type !== 'APPMESH')) return;
    const given = new Map<string, unknown>();
    for (const { e } of entries(proxy, 'properties')) {
      if (typeof e.name === 'string') given.set(e.name, e.value);
    }
    const missing = APPMESH_REQUIRED_PROPERTIES.filter((p) => !given.has(p));
    // One of the two ids is enough; the other may be present with an empty value.
    if (!APPMESH_IGNORED_IDS.some((p) => typeof given.get(p) === 'string' && given.get(p) !== '')) missing.unshift(`${APPMESH_IGNORED_IDS.join(' or ')}`);
    if (missing.length === 0) return;
    ctx.report({
      path: proxy.properties === undefined ? ['proxyConfiguration'] : ['proxyConfiguration', 'properties'],
      target: 'key',
      message: `The App Mesh proxy configuration lacks ${missing.join(', ')}; the API marks ${missing.length > 1 ? 'them' : 'it'} required, and without ${missing.length > 1 ? 'them' : 'it'} the CNI plugin cannot tell which traffic to send through Envoy (whether ECS already rejects the registration is not confirmed).`,
    });
  },
};

/** When AWS discontinued App Mesh: its console and resources are no longer reachable after this day. */
const APP_MESH_END = '30 September 2026';

const proxyAppMeshDiscontinued: Rule = {
  id: 'proxy-app-mesh-discontinued',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'App Mesh proxy configuration after the end of App Mesh',
  docs: DOCS.serviceConnect,
  check(ctx) {
    const proxy = objAt(ctx.target.value, 'proxyConfiguration');
    // APPMESH is the only type the API has, and the default.
    if (!proxy || (proxy.type !== undefined && proxy.type !== 'APPMESH')) return;
    ctx.report({
      path: ['proxyConfiguration'],
      target: 'key',
      message: `proxyConfiguration routes the task's traffic through an Envoy proxy that AWS App Mesh configures, and AWS discontinued App Mesh on ${APP_MESH_END}: its console and resources are no longer accessible, so the proxy has no mesh to take its configuration from. Move the service to Service Connect (serviceConnectConfiguration on the service), which needs no proxy settings in the task definition.`,
    });
  },
};

const taskPlacementMemberOfExpression: Rule = {
  id: 'task-placement-member-of-expression',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A task definition memberOf constraint needs an expression',
  docs: DOCS.taskPlacementConstraint,
  check(ctx) {
    const td = ctx.target.value;
    // Fargate rejects placement constraints altogether (fargate-unsupported-task-parameter).
    if (isFargate(td)) return;
    for (const { e, i } of entries(td, 'placementConstraints')) {
      if (e.type !== 'memberOf') continue;
      if (e.expression !== undefined && (typeof e.expression !== 'string' || e.expression.trim() !== '')) continue;
      const missing = e.expression === undefined;
      ctx.report({
        path: ['placementConstraints', i, missing ? 'type' : 'expression'],
        message: `A memberOf constraint places the task only on container instances that match its cluster query language expression, such as "attribute:ecs.instance-type =~ g5.*"; ${missing ? 'without one' : 'with an empty one'} there is nothing to match, and ECS rejects the task definition.`,
      });
    }
  },
};

/** The App Mesh proxy and task placement-constraint rules. */
export const proxyRules: Rule[] = [proxyConfigurationContainer, proxyConfigurationProperties, proxyAppMeshDiscontinued, taskPlacementMemberOfExpression];
