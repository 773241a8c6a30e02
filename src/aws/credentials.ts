/**
 * Credentials only through the SDK's own providers, and the profile list through the SDK's own shared-config
 * loader: SSO, `credential_process`, role chaining and every file-location variable then behave exactly as
 * in the AWS CLI. The one thing added is a record of the secret values that passed through, so that any text
 * bound for a log can be scrubbed of them.
 */
import { fromEnv, fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { CredentialSource } from './gateway';

/** Remembers credential values and removes them (and anything shaped like an AWS access key id) from text. */
export class SecretRedactor {
  private readonly values = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const v of values) if (v && v.length >= 8) this.values.add(v);
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.values) out = out.split(v).join('[redacted]');
    // Access key ids of any kind (AKIA, ASIA, ...) and signature fields some AWS messages echo.
    return out
      .replace(/\b(?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{12,}\b/g, '[redacted key id]')
      .replace(/(Credential=)[^\s,]+/g, '$1[redacted]')
      .replace(/(Signature=)[0-9a-f]+/g, '$1[redacted]');
  }
}

/** What the SDK's credential providers return (kept local: no SDK type leaves this layer). */
type Identity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
type Provider = (props?: Record<string, unknown>) => Promise<Identity>;

/**
 * The SDK provider for `source`, wrapped to record the secrets it hands out in `redactor`. A named profile
 * reads the files again on every refresh (`ignoreCache`): after `aws sso login` or an edit of the files, the
 * next call uses the new credentials without restarting anything.
 */
export function credentialProvider(source: CredentialSource, redactor: SecretRedactor): Provider {
  const inner: Provider =
    source.kind === 'profile'
      ? (fromIni({ profile: source.profile, ignoreCache: true }) as Provider)
      : source.kind === 'environment'
        ? (fromEnv() as Provider)
        : (fromNodeProviderChain() as Provider);
  return async (props) => {
    const identity = await inner(props);
    redactor.add(identity.accessKeyId, identity.secretAccessKey, identity.sessionToken);
    return identity;
  };
}

/** How a profile gets its credentials. */
export type ProfileKind = 'sso' | 'process' | 'assume-role' | 'web-identity' | 'static' | 'login' | 'other';

export interface ProfileInfo {
  name: string;
  /** The profile's `region` (config file, or credentials file as the SDK also reads it). */
  region?: string;
  kind: ProfileKind;
  /** For SSO profiles, the `sso_session` or start URL: what `aws sso login` will open. */
  ssoSession?: string;
  /** The files that define the profile. */
  sources: ('config' | 'credentials')[];
}

function kindOf(p: Record<string, string | undefined>): ProfileKind {
  if (p.sso_session || p.sso_start_url) return 'sso';
  if (p.credential_process) return 'process';
  if (p.role_arn && p.web_identity_token_file) return 'web-identity';
  if (p.role_arn) return 'assume-role';
  if (p.aws_access_key_id) return 'static';
  if (p.login_session) return 'login';
  return 'other';
}

/**
 * Every profile of the shared config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE
 * honoured), sorted by name with `default` first, with its region and kind. Reads the files afresh each time;
 * never returns a secret value.
 */
export async function listProfiles(files: { configFile?: string; credentialsFile?: string } = {}): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ configFilepath: files.configFile, filepath: files.credentialsFile, ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter((n) => !/^(sso-session|services)\./.test(n)));
  const profiles: ProfileInfo[] = [];
  for (const name of names) {
    const config = configFile[name] ?? {};
    const credentials = credentialsFile[name] ?? {};
    const merged = { ...credentials, ...config };
    const kind = kindOf(merged);
    profiles.push({
      name,
      ...(merged.region ? { region: merged.region } : {}),
      kind,
      ...(kind === 'sso' ? { ssoSession: merged.sso_session ?? merged.sso_start_url } : {}),
      sources: [...(configFile[name] ? (['config'] as const) : []), ...(credentialsFile[name] ? (['credentials'] as const) : [])],
    });
  }
  return profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
