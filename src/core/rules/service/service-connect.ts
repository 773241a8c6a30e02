/**
 * Service Connect (serviceConnectConfiguration): logging of the proxy, its settings, and the aliases clients use.
 * The port name checked against the task definition lives in cross-file.ts; the timeouts that depend on the port's
 * protocol are checked here against the task definition too.
 */
import type { Rule } from '../types';
import { linkedTaskDefinition } from './linked';
import { DNS_LABEL_MAX, DOCS, FARGATE_LOG_DRIVERS, isNonFargateLogDriver } from '../../facts';
import { asArray, changeTo, entries, fargateSource, isObj, known, listOf, num, type Obj, objAt, reportedPath } from '../helpers';

/** The Service Connect configuration when it is turned on (a disabled one is not judged). */
function serviceConnect(svc: Obj): Obj | undefined {
  const sc = objAt(svc, 'serviceConnectConfiguration');
  return sc && sc.enabled !== false ? sc : undefined;
}

export const accessLogConfiguration: Rule = {
  id: 'service-connect-access-log-configuration',
  severity: 'error',
  appliesTo: 'service',
  title: 'Service Connect access logs need a logConfiguration',
  docs: DOCS.serviceConnectConfiguration,
  check(ctx) {
    const sc = serviceConnect(ctx.target.value);
    if (!sc || sc.accessLogConfiguration === undefined || sc.logConfiguration !== undefined) return;
    ctx.report({
      path: ['serviceConnectConfiguration', 'accessLogConfiguration'],
      target: 'key',
      message:
        'Access logs are written by the Service Connect proxy to its log destination, and this configuration has no "logConfiguration" to send them to. ' +
        'ECS rejects accessLogConfiguration without it; add a logConfiguration (for example awslogs) next to it.',
    });
  },
};

export const containerConfigurationDuplicate: Rule = {
  id: 'service-connect-container-configuration-duplicate',
  severity: 'error',
  appliesTo: 'service',
  title: 'Each Service Connect proxy setting appears once in containerConfigurations',
  docs: DOCS.serviceConnectConfiguration,
  check(ctx) {
    const sc = serviceConnect(ctx.target.value);
    if (!sc) return;
    const seen = new Map<string, number>();
    for (const { e, i } of entries(sc, 'containerConfigurations')) {
      for (const key of Object.keys(e)) {
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          continue;
        }
        ctx.report({
          path: ['serviceConnectConfiguration', 'containerConfigurations', i, key],
          target: 'key',
          message: `"${key}" is already set by item ${first + 1} of containerConfigurations. Each proxy setting may appear only once, so ECS rejects the list; keep one value.`,
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove this repeated setting', changes: [{ path: path.slice(0, -1), remove: true }], certain: false }];
  },
};

export const clientAliasRequired: Rule = {
  id: 'service-connect-client-alias-required',
  severity: 'warning',
  appliesTo: 'service',
  title: 'A Service Connect service provides a client alias',
  docs: DOCS.serviceConnectService,
  check(ctx) {
    const sc = serviceConnect(ctx.target.value);
    if (!sc) return;
    for (const { e, i } of entries(sc, 'services')) {
      // A string is a list a template fills in later.
      if (asArray(e.clientAliases).some(isObj) || typeof e.clientAliases === 'string') continue;
      const anchor = 'clientAliases' in e ? 'clientAliases' : 'portName' in e ? 'portName' : Object.keys(e)[0];
      if (anchor === undefined) continue;
      ctx.report({
        path: ['serviceConnectConfiguration', 'services', i, anchor],
        target: 'key',
        message:
          'This Service Connect service gives no client alias: the name and port other services call it by. The API reference says each service provides at least one ' +
          'clientAliases entry with a port; without it, clients in the namespace have no alias to reach it by. Add { "port": <port>, "dnsName": "<name>" }.',
      });
    }
  },
};

/** Why a DNS name is not one, or undefined when it is fine. */
function dnsNameProblem(name: string): string | undefined {
  const labels = name.split('.');
  if (labels.some((l) => l.length === 0)) {
    return name.startsWith('.') || name.endsWith('.') ? 'it starts or ends with a dot' : 'it has two dots in a row (an empty label)';
  }
  const long = labels.find((l) => l.length > DNS_LABEL_MAX);
  return long ? `its label "${long.slice(0, 20)}…" is ${long.length} characters long, and a DNS label has at most ${DNS_LABEL_MAX}` : undefined;
}

export const clientAliasDnsName: Rule = {
  id: 'service-connect-dns-name',
  severity: 'error',
  appliesTo: 'service',
  title: 'A Service Connect client alias dnsName is a valid DNS name',
  docs: DOCS.serviceConnectClientAlias,
  check(ctx) {
    const sc = serviceConnect(ctx.target.value);
    if (!sc) return;
    for (const { e: service, i } of entries(sc, 'services')) {
      for (const { e: alias, i: j } of entries(service, 'clientAliases')) {
        const name = known(alias.dnsName);
        const problem = name === undefined ? undefined : dnsNameProblem(name);
        if (!problem) continue;
        ctx.report({
          path: ['serviceConnectConfiguration', 'services', i, 'clientAliases', j, 'dnsName'],
          message:
            `"${name}" is not a valid DNS name: ${problem}. Client tasks resolve this name through the Service Connect proxy, so it must be a DNS name ` +
            '(it need not be fully qualified, e.g. "orders" or "orders.internal"); ECS rejects the alias.',
        });
      }
    }
  },
};

export const proxyLogDriver: Rule = {
  id: 'service-connect-log-driver',
  severity: 'error',
  appliesTo: 'service',
  title: 'On Fargate the Service Connect proxy logs with awslogs, splunk or awsfirelens',
  docs: DOCS.serviceConnectConfiguration,
  check(ctx) {
    const svc = ctx.target.value;
    const sc = serviceConnect(svc);
    const driver = sc && known(objAt(sc, 'logConfiguration')?.logDriver);
    const fargate = driver !== undefined && isNonFargateLogDriver(driver) ? fargateSource(svc) : undefined;
    if (!fargate) return;
    ctx.report({
      path: ['serviceConnectConfiguration', 'logConfiguration', 'logDriver'],
      message:
        `This service runs on Fargate (${fargate.label}), where the Service Connect proxy can log only with ${listOf([...FARGATE_LOG_DRIVERS], 'or')}: ` +
        `there is no Docker daemon on a host of yours to take "${driver}" logs. ECS rejects the configuration; use "awslogs" for CloudWatch Logs.`,
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [changeTo(path, 'awslogs', false)];
  },
};

/** The port mappings of a task definition by name: their appProtocol, or undefined when any name is a placeholder. */
function portProtocols(td: Obj): Map<string, string | undefined> | undefined {
  const out = new Map<string, string | undefined>();
  for (const c of asArray(td.containerDefinitions)) {
    for (const m of isObj(c) ? asArray(c.portMappings) : []) {
      if (!isObj(m) || m.name === undefined) continue;
      const name = known(m.name);
      if (name === undefined || (m.appProtocol !== undefined && known(m.appProtocol) === undefined)) return undefined;
      out.set(name, known(m.appProtocol));
    }
  }
  return out;
}

export const serviceConnectTimeout: Rule = {
  id: 'service-td-service-connect-timeout',
  severity: 'error',
  appliesTo: 'service',
  title: 'perRequestTimeoutSeconds needs a port with an HTTP, HTTP/2 or gRPC appProtocol',
  docs: DOCS.serviceConnectTimeout,
  check(ctx) {
    const sc = serviceConnect(ctx.target.value);
    const timed = sc ? entries(sc, 'services').filter(({ e }) => (num(objAt(e, 'timeout')?.perRequestTimeoutSeconds) ?? 0) > 0) : [];
    const linked = timed.length > 0 ? linkedTaskDefinition(ctx) : undefined;
    const protocols = linked && portProtocols(linked.td);
    if (!linked || !protocols) return;
    for (const { e, i } of timed) {
      const portName = known(e.portName);
      if (portName === undefined || !protocols.has(portName) || protocols.get(portName) !== undefined) continue;
      ctx.report({
        path: ['serviceConnectConfiguration', 'services', i, 'timeout', 'perRequestTimeoutSeconds'],
        target: 'key',
        message:
          `Port mapping "${portName}" of task definition "${linked.reference}" has no appProtocol, so Service Connect treats it as plain TCP, where there are connections but no requests to time. ` +
          'ECS allows only idleTimeoutSeconds for TCP and rejects perRequestTimeoutSeconds. Remove it, or set the port mapping\'s appProtocol to "http", "http2" or "grpc".',
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    return path && [{ title: 'Remove "perRequestTimeoutSeconds"', changes: [{ path, remove: true }], certain: true }];
  },
};

export const serviceConnectRules: Rule[] = [accessLogConfiguration, containerConfigurationDuplicate, clientAliasRequired, clientAliasDnsName, proxyLogDriver, serviceConnectTimeout];
