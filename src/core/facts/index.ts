/**
 * ECS facts, each written once: task sizes, what Fargate and Windows support, launch-type readers, API defaults,
 * read-only members and documentation links. Rules, fixes, hovers, completion and normalisation import them here.
 */
export * from './defaults';
export * from './deployments';
export * from './docs';
export * from './ebs';
export * from './fargate';
export * from './members';
export * from './platform';
export * from './sizes';
export * from './windows';
export * from './service-inputs';
export * from './service-connect';
export * from './service-platform';
