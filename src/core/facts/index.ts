/**
 * ECS facts, each written once: task sizes, what Fargate, Windows and external instances support, launch-type
 * readers, API defaults, read-only members, Linux and Docker settings, ports, tags, log options, volumes and
 * documentation links. Rules, fixes, hovers, completion and normalisation import them here.
 */
export * from './containers';
export * from './defaults';
export * from './deployments';
export * from './devices';
export * from './docs';
export * from './ebs';
export * from './external';
export * from './fargate';
export * from './linux';
export * from './logging';
export * from './members';
export * from './platform';
export * from './ports';
export * from './proxy';
export * from './sizes';
export * from './tags';
export * from './volumes';
export * from './windows';
export * from './service-inputs';
export * from './service-connect';
export * from './service-platform';
