/**
 * Every failure of an SDK call turned into a GatewayError that says what to do. The SDK reports failures in
 * three shapes: service errors (a `name` that is the AWS error code, `$metadata` with the HTTP status),
 * credential-provider errors (CredentialsProviderError, TokenProviderError) and Node network errors (`code`
 * ECONNREFUSED, ENOTFOUND, ...). Classification goes by those names and codes, never by SDK classes, so this
 * module does not load the SDK.
 */
import { type CredentialSource, GatewayError, type GatewayErrorKind } from './gateway';

export interface ErrorContext {
  operation?: string;
  credentials: CredentialSource;
  region?: string;
  endpoint?: string;
  /** Removes secret values from text that will be shown or logged. */
  redact: (text: string) => string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  errno?: string | number;
  cause?: unknown;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

/** Public AWS regions ECS runs in: an unresolvable endpoint in one of them is a network problem, not a bad region. */
const KNOWN_REGIONS = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1',
  'me-central-1', 'mx-central-1', 'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']);

const SERVICE_CODES: Readonly<Record<string, GatewayErrorKind>> = {
  ExpiredTokenException: 'expired-credentials',
  ExpiredToken: 'expired-credentials',
  RequestExpired: 'expired-credentials',
  TokenRefreshRequired: 'expired-credentials',
  UnrecognizedClientException: 'invalid-credentials',
  InvalidClientTokenId: 'invalid-credentials',
  InvalidSignatureException: 'invalid-credentials',
  SignatureDoesNotMatch: 'invalid-credentials',
  IncompleteSignature: 'invalid-credentials',
  MissingAuthenticationTokenException: 'invalid-credentials',
  AuthFailure: 'invalid-credentials',
  AccessDeniedException: 'access-denied',
  AccessDenied: 'access-denied',
  UnauthorizedOperation: 'access-denied',
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  ClusterNotFoundException: 'not-found',
  ServiceNotFoundException: 'not-found',
  ServiceNotActiveException: 'not-found',
  ServiceDeploymentNotFoundException: 'not-found',
  ResourceNotFoundException: 'not-found',
  TargetNotFoundException: 'not-found',
  TaskSetNotFoundException: 'not-found',
  InvalidParameterException: 'invalid-parameters',
  SerializationException: 'invalid-parameters',
  ValidationException: 'invalid-parameters',
  PlatformUnknownException: 'invalid-parameters',
  PlatformTaskDefinitionIncompatibilityException: 'invalid-parameters',
  LimitExceededException: 'invalid-parameters',
  AttributeLimitExceededException: 'invalid-parameters',
  ClientException: 'invalid-parameters',
  UnknownOperationException: 'unsupported',
  UnsupportedFeatureException: 'unsupported',
  ConflictException: 'conflict',
  UpdateInProgressException: 'conflict',
  ResourceInUseException: 'conflict',
  ServerException: 'server-error',
  InternalFailure: 'server-error',
  ServiceUnavailable: 'server-error',
};

function who(c: CredentialSource): string {
  if (c.kind === 'profile') return `profile "${c.profile}"`;
  if (c.kind === 'environment') return 'the environment variables';
  return 'the default credential chain';
}

function profileName(c: CredentialSource): string | undefined {
  return c.kind === 'profile' ? c.profile : (process.env.AWS_PROFILE ?? undefined);
}

function networkCode(e: SdkErrorShape): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 4; depth++) {
    const code = (x as SdkErrorShape).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || TLS_CODES.has(code) || code === 'ENOTFOUND')) return code;
    x = (x as SdkErrorShape).cause;
  }
  return e.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined;
}

/** The GatewayError for anything an SDK call (or its credential provider) threw. */
export function toGatewayError(error: unknown, ctx: ErrorContext): GatewayError {
  if (error instanceof GatewayError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorShape;
  const op = ctx.operation ?? 'the call';
  // One line: provider messages can carry a failed command's output on several lines.
  const rawMessage = ctx.redact(e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  const base = { operation: ctx.operation, requestId: e.$metadata?.requestId, httpStatus: e.$metadata?.httpStatusCode, attempts: e.$metadata?.attempts };
  const make = (kind: GatewayErrorKind, message: string, extra: { code?: string; command?: string } = {}): GatewayError =>
    new GatewayError(kind, message, { ...base, awsMessage: rawMessage, ...extra });
  const region = ctx.region ?? 'the region';
  const profile = profileName(ctx.credentials);
  const where = ctx.endpoint ? `the ECS endpoint ${ctx.endpoint}` : `ECS in ${region}`;

  if (e.name === 'AbortError') return make('cancelled', `${op} was cancelled.`);

  // Credential providers: nothing was sent yet.
  if (e.name === 'CredentialsProviderError' || e.name === 'TokenProviderError' || /could not load credentials/i.test(rawMessage)) {
    if (/credential_process|^Command failed/i.test(rawMessage) && ctx.credentials.kind === 'profile') {
      return make('no-credentials', `The credential_process of profile "${ctx.credentials.profile}" failed: ${rawMessage}. Run it in a terminal to see why.`);
    }
    if (e.name === 'TokenProviderError' || /\bsso\b/i.test(rawMessage)) {
      const p = profile ?? 'default';
      const command = `aws sso login --profile ${p}`;
      return make('sso-login-required', `The AWS SSO session of profile "${p}" has expired or was never started: run \`${command}\`, then retry.`, { command });
    }
    const how =
      ctx.credentials.kind === 'environment'
        ? 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)'
        : 'choose a profile from ~/.aws/config, run `aws configure` or `aws sso login --profile NAME`, or set AWS_PROFILE';
    return make('no-credentials', `No AWS credentials in ${who(ctx.credentials)}: ${how}. (${rawMessage})`);
  }

  if (/region is missing/i.test(rawMessage)) {
    return make('no-region', `No AWS region is set: pass --region, set AWS_REGION, or give ${profile ? `profile "${profile}"` : 'your profile'} a region in ~/.aws/config.`);
  }
  if (/region not accepted|invalid region|invalid configuration.*region/i.test(rawMessage)) {
    return make('unknown-region', `"${region}" is not a valid AWS region name (for example us-east-1): choose another region.`);
  }

  const net = networkCode(e);
  if (net) {
    // An unknown region's endpoint does not resolve; for a known one that means DNS or the network is down.
    if ((net === 'ENOTFOUND' || net === 'EAI_AGAIN') && !ctx.endpoint && !KNOWN_REGIONS.has(region)) {
      return make('unknown-region', `Region "${region}" is unknown or has no ECS endpoint (ecs.${region}.amazonaws.com does not resolve): choose another region.`, { code: net });
    }
    if (TLS_CODES.has(net)) {
      return make('endpoint-unreachable', `Cannot verify the TLS certificate of ${where} (${net}): a proxy may intercept HTTPS; set NODE_EXTRA_CA_CERTS to its certificate.`, { code: net });
    }
    const hint = ctx.endpoint ? 'check that it is running and the endpoint setting is right' : 'check the network connection, proxy and VPN';
    return make('endpoint-unreachable', `Cannot reach ${where} (${net}): ${hint}.`, { code: net });
  }

  const code = e.name && e.name !== 'Error' ? e.name : undefined;
  let kind: GatewayErrorKind | undefined = code ? SERVICE_CODES[code] : undefined;
  if (code === 'ClientException' && /not authorized/i.test(rawMessage)) kind = 'access-denied';
  // ECS reports some missing things as client or parameter errors ("Unable to describe task definition.",
  // "The referenced task was not found.").
  if ((code === 'ClientException' || code === 'InvalidParameterException') && /unable to describe task definition|not found|does not exist/i.test(rawMessage)) kind = 'not-found';
  if (!kind && (e.$fault === 'server' || (e.$metadata?.httpStatusCode ?? 0) >= 500)) kind = 'server-error';
  const attempts = e.$metadata?.attempts;
  switch (kind) {
    case 'expired-credentials': {
      const command = profile ? `aws sso login --profile ${profile}` : undefined;
      return make(kind, `The credentials of ${who(ctx.credentials)} have expired: sign in again${command ? ` (\`${command}\` for an SSO profile)` : ''} or refresh the session keys.`, { code, command });
    }
    case 'invalid-credentials':
      return make(kind, `AWS does not accept the credentials of ${who(ctx.credentials)} (${code}): the access key may be wrong, deleted or inactive, or region ${region} may not be enabled for the account.`, { code });
    case 'access-denied':
      return make(kind, `Access denied for ${op}: ${rawMessage}. Ask for the ecs:${ctx.operation ?? '...'} permission, or choose another profile.`, { code });
    case 'throttled':
      return make(kind, `ECS throttled ${op} (${rawMessage})${attempts ? ` after ${attempts} attempts` : ''}: the account's ECS request quota is shared with every other tool; wait a moment and retry.`, { code });
    case 'not-found':
      return make(kind, `${op}: ${rawMessage} (${code}) It may have been deleted, or be in another region or account than ${region}.`, { code });
    case 'invalid-parameters':
      return make(kind, `ECS rejected ${op}: ${rawMessage}`, { code });
    case 'unsupported':
      return make(kind, `${where} does not support ${op} (${code}).`, { code });
    case 'conflict':
      return make(kind, `ECS refused ${op} in the current state: ${rawMessage}`, { code });
    case 'server-error':
      return make(kind, `ECS failed to answer ${op} (${code ?? `HTTP ${e.$metadata?.httpStatusCode}`})${attempts ? ` after ${attempts} attempts` : ''}: retry in a moment.`, { code });
    default:
      return make('unknown', `${op} failed: ${code ? `${code}: ` : ''}${rawMessage}`, { code });
  }
}
