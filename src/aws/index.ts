/**
 * The AWS layer's bundle entry (built as dist/aws.js): loaded by the extension and the CLI only when an AWS
 * feature is used, so that activation and `ecs-lens lint` never load the AWS SDK. Callers that only need the
 * types import `./gateway`, which loads nothing.
 *
 * ```ts
 * const aws = await import('../aws/index');
 * const gateway = aws.createEcsGateway({ credentials: { kind: 'profile', profile: 'dev' }, region: 'eu-west-1' });
 * const page = await gateway.servicesPage('prod');
 * ```
 */
export { createSdkGateway as createEcsGateway } from './sdk-gateway';
export { disposeClients } from './clients';
export { listProfiles, type ProfileInfo, type ProfileKind } from './credentials';
export * from './gateway';
