/**
 * Rules for task definitions: size, network mode and ports, Fargate, Windows and external limits, roles, logging,
 * and resource tags (which services share).
 */
import type { Rule } from '../types';
import { externalRules } from './external';
import { fargateRules } from './fargate';
import { hostPortRules } from './host-ports';
import { limitRules } from './limits';
import { logOptionRules } from './log-options';
import { loggingRules } from './logging';
import { networkRules } from './network';
import { platformRules } from './platform';
import { portRangeRules } from './port-ranges';
import { portRules } from './ports';
import { proxyRules } from './proxy';
import { roleRules } from './roles';
import { sizeRules } from './size';
import { resourceTagRules } from './tags';
import { volumeRules } from './volumes';
import { windowsRules } from './windows';
import { windowsPlatformRules } from './windows-platform';

export const taskRules: Rule[] = [
  ...sizeRules,
  ...networkRules,
  ...portRules,
  ...portRangeRules,
  ...hostPortRules,
  ...fargateRules,
  ...windowsRules,
  ...windowsPlatformRules,
  ...externalRules,
  ...roleRules,
  ...loggingRules,
  ...logOptionRules,
  ...limitRules,
  ...platformRules,
  ...resourceTagRules,
  ...volumeRules,
  ...proxyRules,
];
