/**
 * The SDK clients, one per (credential source, region, endpoint) for the whole process: the SDK's adaptive
 * retry mode keeps a client-side rate limiter per client, and it only learns the account's throttling when
 * one client serves that scope. Each client has the redactor that knows the secrets its provider handed out.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import { credentialProvider, SecretRedactor } from './credentials';
import type { CredentialSource } from './gateway';

export interface CachedClient {
  client: ECSClient;
  redactor: SecretRedactor;
}

const clients = new Map<string, CachedClient>();

/** The cached client for this scope, created on first use. */
export function cachedClient(credentials: CredentialSource, region: string | undefined, endpoint: string | undefined, maxAttempts: number): CachedClient {
  const key = JSON.stringify([credentials.kind, credentials.kind === 'profile' ? credentials.profile : '', region ?? '', endpoint ?? '', maxAttempts]);
  let cached = clients.get(key);
  if (!cached) {
    const redactor = new SecretRedactor();
    const client = new ECSClient({
      // Without an explicit region the SDK reads AWS_REGION, then the region of this profile (once per client).
      ...(region ? { region } : {}),
      ...(credentials.kind === 'profile' ? { profile: credentials.profile } : {}),
      ...(endpoint ? { endpoint } : {}),
      credentials: credentialProvider(credentials, redactor),
      retryMode: 'adaptive',
      maxAttempts,
      // Fail fast on a dead endpoint; a slow answer may still take a while.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
    cached = { client, redactor };
    clients.set(key, cached);
  }
  return cached;
}

/** Closes every cached SDK client (sockets included); the next gateway call creates fresh ones. */
export function disposeClients(): void {
  for (const { client } of clients.values()) client.destroy();
  clients.clear();
}
