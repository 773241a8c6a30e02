/** Security and practice advice: secrets in plain text, mutable image tags, empty images. */
import { valueAt } from '../../document/paths';
import { containsPlaceholder } from '../../document/placeholders';
import type { JsonChange, Rule } from '../types';
import { namedEntries } from './secrets';
import { DOCS } from '../../facts';
import { containerLabel, containers, reportedPath, str } from '../helpers';

const SENSITIVE_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY/i;
/** Names that mention a secret but hold something about it (where it is, how long it lives), not the secret. */
const REFERENCE_NAME = /(_ARN|_NAME|_ID|_PATH|_FILE|_URL|_URI|_ENDPOINT|_HOST|_REGION|_HEADER|_TYPE|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_EXPIRATION|_TIMEOUT|_LIFETIME|_ENABLED|_DISABLED|_ENABLE|_MODE)$/i;
const KEY_VALUES: Array<{ re: RegExp; what: string }> = [
  { re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key ID' },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{20,}/, what: 'a GitHub token' },
  { re: /\bxox[baprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
];

/** A cheap first look: only values containing one of these can match KEY_VALUES. */
const KEY_HINT = /AKIA|ASIA|PRIVATE KEY|gh[pousr]_|github_pat_|xox[baprs]-/;

/** Values that cannot be a real secret: empty, flags, numbers, references, placeholders and dummy text. */
function harmlessValue(v: string): boolean {
  const t = v.trim();
  return (
    t === '' ||
    containsPlaceholder(t) ||
    /^(true|false|yes|no|on|off|none|null|\d+)$/i.test(t) ||
    /^(arn:|ssm:|secretsmanager:|s3:\/\/|https?:\/\/|\/)/i.test(t) ||
    /^<.*>$|^\{.*\}$|^\[.*\]$/.test(t) ||
    /^(x+|\*+|\.+|-+|changeme|change_me|replace_?me|todo|tbd|dummy|example|placeholder|(your|my)[-_ ].*)$/i.test(t)
  );
}

export const secretInEnvironment: Rule = {
  id: 'secret-in-environment',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Secrets are passed through "secrets", not plain environment variables',
  docs: DOCS.secrets,
  check(ctx) {
    const td = ctx.target.value;
    // Only a report asks whether the variable is also a secret.
    const inSecrets = (k: number, name: string): boolean => namedEntries(td, 'secrets')[k]?.some((s) => s.name === name) === true;
    namedEntries(td, 'environment').forEach((list, k) => {
      for (const e of list) {
        const value = str(e.entry.value);
        if (value === undefined) continue;
        const byName = SENSITIVE_NAME.test(e.name) && !REFERENCE_NAME.test(e.name);
        if ((!byName && !KEY_HINT.test(value)) || harmlessValue(value)) continue;
        const key = KEY_VALUES.find((p) => p.re.test(value));
        if (!key && !byName) continue;
        // Never repeat the value: messages end up in logs and CI output.
        ctx.report({
          path: [...e.path, 'value'],
          message:
            (key
              ? `The value of environment variable "${e.name}" (${containerLabel(e.c, e.i)}) looks like ${key.what}. `
              : `Environment variable "${e.name}" (${containerLabel(e.c, e.i)}) looks like a secret. `) +
            `Plain "environment" values are stored as text in the task definition: anyone allowed to describe it, and ` +
            `every copy in source control or CI logs, can read them. Store the value in Secrets Manager or SSM Parameter ` +
            `Store and reference it under "secrets" (the execution role needs read access to it).`,
          data: { name: e.name, inSecrets: inSecrets(k, e.name) },
        });
      }
    });
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const { name, inSecrets } = ctx.diagnostic.data ?? {};
    if (!path || typeof name !== 'string') return undefined;
    // path: [...container, 'environment', k, 'value']
    const container = path.slice(0, -3);
    const environment = valueAt(ctx.doc.json.value, [...container, 'environment']);
    const only = Array.isArray(environment) && environment.length === 1;
    const changes: JsonChange[] = [{ path: only ? [...container, 'environment'] : path.slice(0, -1), remove: true }];
    if (inSecrets !== true) {
      changes.push({ path: [...container, 'secrets', -1], value: { name, valueFrom: 'arn:aws:secretsmanager:<REGION>:<ACCOUNT_ID>:secret:<NAME>' } });
    }
    return [{ title: `Move "${name}" to secrets (create the secret, then fill in its ARN)`, changes, certain: false }];
  },
};

/** The tag of an image reference, '' for none, undefined for a digest. `host:5000/app` has no tag. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? '' : last.slice(colon + 1);
}

export const imageTagLatest: Rule = {
  id: 'image-tag-latest',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'Images use a fixed tag or digest, not "latest"',
  docs: DOCS.container('image'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const image = str(c.image);
      if (image === undefined) continue;
      const trimmed = image.trim();
      if (trimmed === '') continue;
      const tag = imageTag(trimmed);
      // The placeholder test only for an image that would be reported: most have a fixed tag.
      if ((tag !== '' && tag !== 'latest') || containsPlaceholder(image)) continue;
      ctx.report({
        path: [...path, 'image'],
        message:
          `${containerLabel(c, i, true)} uses image "${image}"${tag === '' ? ', which has no tag, so Docker pulls "latest"' : ''}. ` +
          `"latest" moves whenever someone pushes: tasks started at different times (scaling, replacements) can run ` +
          `different code, and a rollback to this revision does not bring the old image back. Pin a version tag or an ` +
          `@sha256: digest.`,
      });
    }
  },
};

export const imageEmpty: Rule = {
  id: 'container-image-empty',
  severity: 'information',
  appliesTo: 'task-definition',
  title: 'An empty image must be filled in before registering',
  docs: DOCS.container('image'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      if (typeof c.image !== 'string' || c.image.trim() !== '') continue;
      ctx.report({
        path: [...path, 'image'],
        message:
          `${containerLabel(c, i, true)} has an empty image. ECS rejects that ("Container.image should not be null ` +
          `or empty"), so this file is presumably a template whose image a render step (for example ` +
          `amazon-ecs-render-task-definition in CI) fills in. If not, set the image here.`,
      });
    }
  },
};

export const practiceRules: Rule[] = [secretInEnvironment, imageTagLatest, imageEmpty];
