/**
 * ECS errors as the service sends them: HTTP 400 with `{"__type": "<Name>", "message": "..."}` for client errors,
 * 500 for ServerException. The messages are ECS's own wording where it is known, so callers are tested
 * against what they will really read.
 */

/** An error the endpoint answers with; `status` is the HTTP status code. */
export class EcsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string): EcsError => new EcsError('InvalidParameterException', message);
export const clientError = (message: string): EcsError => new EcsError('ClientException', message);
export const clusterNotFound = (): EcsError => new EcsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = (): EcsError => new EcsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = (): EcsError => new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.');
export const throttled = (): EcsError => new EcsError('ThrottlingException', 'Rate exceeded');

/** A required member that is absent or empty. */
export const missing = (member: string): EcsError => invalidParameter(`${member} can not be blank.`);
