/** Network mode against launch type and platform, and the container members that depend on the mode. */
import { containsPlaceholder } from '../../document/placeholders';
import type { Rule } from '../types';
import { DOCS, isFargate, isWindows } from '../../facts';
import { containerLabel, containers, explicitNetworkMode, fargateEntryPath, fixTarget, isSet, removeReported, str } from '../helpers';

const fargateNetworkMode: Rule = {
  id: 'fargate-network-mode',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Fargate tasks must use the awsvpc network mode',
  docs: DOCS.networkMode,
  check(ctx) {
    const td = ctx.target.value;
    if (!isFargate(td) || containsPlaceholder(td.networkMode)) return;
    const mode = str(td.networkMode);
    if (mode === 'awsvpc') return;
    const quote = `ECS rejects it: "Fargate only supports network mode 'awsvpc'".`;
    if (mode === undefined || mode === '') {
      if (td.networkMode !== undefined && mode === undefined) return; // a wrong type is a schema error
      ctx.report({
        path: mode === '' ? ['networkMode'] : fargateEntryPath(td),
        message: `requiresCompatibilities includes "FARGATE", but networkMode is ${mode === '' ? 'empty' : 'not set'}, which means bridge mode; every Fargate task gets its own network interface and needs "networkMode": "awsvpc". ${quote}`,
      });
      return;
    }
    // Values outside the enum (typos, wrong case) are the schema's to report, with a suggestion.
    if (mode !== 'bridge' && mode !== 'host' && mode !== 'none') return;
    ctx.report({
      path: ['networkMode'],
      message: `requiresCompatibilities includes "FARGATE", but networkMode is "${mode}"; every Fargate task gets its own network interface and needs "awsvpc". ${quote}`,
    });
  },
  fix(ctx) {
    const found = fixTarget(ctx);
    if (!found) return undefined;
    return [{ title: 'Set "networkMode" to "awsvpc"', changes: [{ path: [...found.target.at, 'networkMode'], value: 'awsvpc' }], certain: true }];
  },
};

const windowsNetworkMode: Rule = {
  id: 'windows-network-mode',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Windows tasks on EC2 use the default network mode or awsvpc',
  docs: DOCS.windows,
  check(ctx) {
    const td = ctx.target.value;
    if (!isWindows(td) || isFargate(td)) return;
    const mode = explicitNetworkMode(td);
    if (mode !== 'bridge' && mode !== 'host' && mode !== 'none') return;
    ctx.report({
      path: ['networkMode'],
      message: `runtimePlatform says this is a Windows task, and Docker on Windows has no "${mode}" network mode: omit networkMode (the Windows default, NAT) or use "awsvpc". Containers of this task would fail to start on a Windows container instance.`,
    });
  },
  fix(ctx) {
    const path = ctx.diagnostic.data?.path;
    if (!Array.isArray(path)) return undefined;
    return [
      { title: 'Remove "networkMode" (use the Windows default network)', changes: [{ path, remove: true }], certain: false },
      { title: 'Set "networkMode" to "awsvpc"', changes: [{ path, value: 'awsvpc' }], certain: false },
    ];
  },
};

/**
 * links, hostname and extraHosts only make sense where each container has its own network stack (bridge).
 * On Fargate, links and extraHosts are reported by fargate-unsupported-container-parameter, and on Windows
 * links by windows-unsupported-container-parameter; this rule leaves those to them.
 */
const networkModeContainerParameter: Rule = {
  id: 'network-mode-container-parameter',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'links, hostname and extraHosts must fit the network mode',
  docs: DOCS.containerDefinition,
  check(ctx) {
    const td = ctx.target.value;
    const fargate = isFargate(td);
    const mode = explicitNetworkMode(td) ?? (fargate ? 'awsvpc' : undefined);
    if (mode !== 'awsvpc' && mode !== 'host' && mode !== 'none') return;
    for (const { c, i, path } of containers(td)) {
      const who = (): string => containerLabel(c, i);
      if (isSet(c.links) && !fargate && !isWindows(td)) {
        ctx.report({
          path: [...path, 'links'],
          target: 'key',
          message: `${who()} uses "links", which only work in bridge mode; with networkMode "${mode}" ECS rejects them. Containers of one ${mode} task reach each other on localhost${mode === 'awsvpc' ? ' (or through Service Connect or service discovery across tasks)' : ''}.`,
        });
      }
      if (mode === 'awsvpc' && isSet(c.hostname) && !containsPlaceholder(c.hostname)) {
        ctx.report({
          path: [...path, 'hostname'],
          target: 'key',
          message: `${who()} sets "hostname", which awsvpc mode does not allow (the task's network interface names the host). ECS rejects it: "hostname is not supported on container when networkMode=awsvpc."`,
        });
      }
      if (mode === 'awsvpc' && isSet(c.extraHosts) && !fargate) {
        ctx.report({
          path: [...path, 'extraHosts'],
          target: 'key',
          message: `${who()} sets "extraHosts", which awsvpc mode does not support: the task's /etc/hosts is managed for its network interface. Resolve these names through DNS (for example a Route 53 private zone) instead.`,
        });
      }
    }
  },
  fix(ctx) {
    return removeReported(ctx);
  },
};

export const networkRules: Rule[] = [fargateNetworkMode, windowsNetworkMode, networkModeContainerParameter];
