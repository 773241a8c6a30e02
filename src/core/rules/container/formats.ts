/**
 * Value formats the API documents but does not type: image references, users, Docker security options, credential
 * specs and private registry credentials.
 */
import type { FixProposal, Rule } from '../types';
import { arnService, CREDENTIAL_SPEC_ARN, CREDENTIAL_SPEC_PREFIXES, DOCS, IMAGE_DIGEST, IMAGE_NAME_CHARACTERS, IMAGE_NAME_MAX_LENGTH, isWindows, SECURITY_OPTION_FLAGS, SECURITY_OPTION_PREFIXES } from '../../facts';
import { asArray, changeReported, containerLabel, containers, known, objAt, reportedPath } from '../helpers';

/** What is wrong with an image reference, or undefined when ECS takes it. */
function imageProblem(image: string): string | undefined {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  if (name.length > IMAGE_NAME_MAX_LENGTH) return `the reference is ${name.length} characters long${digest !== undefined ? ' before the @digest' : ''}, and ECS allows at most ${IMAGE_NAME_MAX_LENGTH}`;
  if (!IMAGE_NAME_CHARACTERS.test(name)) {
    const bad = [...name].find((ch) => !IMAGE_NAME_CHARACTERS.test(ch));
    return `it contains ${bad === ' ' ? 'a space' : bad === undefined ? 'nothing before the @' : `"${bad}"`}; an image reference uses letters, digits and - _ : . / # only`;
  }
  if (digest !== undefined && !IMAGE_DIGEST.test(digest)) return `the digest "${digest}" is not "sha256:" followed by 64 hexadecimal digits, the only digest form ECS takes`;
  return undefined;
}

const containerImageReference: Rule = {
  id: 'container-image-reference',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'An image reference has at most 255 characters of the allowed set, and a sha256 digest',
  docs: DOCS.container('image'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      // Most references are plain: no digest, allowed characters, short enough. Only the rest are looked at closely.
      if (typeof c.image === 'string' && c.image.length <= IMAGE_NAME_MAX_LENGTH && IMAGE_NAME_CHARACTERS.test(c.image)) continue;
      const image = known(c.image);
      // Empty images are container-image-empty's; "<your image here>" is prose for a render step to replace.
      if (image === undefined || image.trim() === '' || /<[^>]*>/.test(image)) continue;
      const problem = imageProblem(image);
      if (!problem) continue;
      const trimmed = image.trim();
      ctx.report({
        path: [...path, 'image'],
        message: `The image of ${containerLabel(c, i)} cannot be registered: ${problem}. ECS rejects the task definition (a reference it took but could not resolve would fail later with CannotPullContainerError).`,
        data: trimmed !== image && imageProblem(trimmed) === undefined ? { value: trimmed } : undefined,
      });
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const value = ctx.diagnostic.data?.value;
    // Spaces around a valid reference are a copy-and-paste slip with one remedy.
    return path && typeof value === 'string' ? [{ title: 'Remove the spaces around the image', changes: [{ path, value }], certain: true }] : undefined;
  },
};

/** What is wrong with a user value ("name", "uid", "name:group", "uid:gid", ...), or undefined. */
function userProblem(user: string): string | undefined {
  const parts = user.split(':');
  if (parts.length > 2) return 'it has more than one ":"; the forms are user, user:group, uid, uid:gid, user:gid and uid:group';
  if (parts.some((p) => p.trim() === '')) return `${parts.length > 1 ? 'one side of ":" is empty' : 'it is blank'}; the forms are user, user:group, uid, uid:gid, user:gid and uid:group`;
  const bad = parts.find((p) => /^[+-]?\d*\.?\d+$/.test(p.trim()) && !/^\d+$/.test(p.trim()));
  return bad !== undefined ? `"${bad}" is not a whole number of zero or more, as a UID or GID must be` : undefined;
}

const containerUserFormat: Rule = {
  id: 'container-user-format',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'user is a name or a non-negative UID, optionally with a group',
  docs: DOCS.container('user'),
  check(ctx) {
    const td = ctx.target.value;
    // Windows containers take no user at all (windows-container-user).
    if (isWindows(td)) return;
    for (const { c, i, path } of containers(td)) {
      const user = known(c.user);
      if (user === undefined || user === '') continue;
      const problem = userProblem(user);
      if (!problem) continue;
      ctx.report({ path: [...path, 'user'], message: `user "${user}" of ${containerLabel(c, i)} is malformed: ${problem}. Docker cannot start the container with it.` });
    }
  },
};

function isSecurityOption(option: string): boolean {
  if (SECURITY_OPTION_FLAGS.includes(option)) return true;
  // Docker also reads "no-new-privileges:true" and "label=value"; both spellings reach it unchanged.
  if (/^no-new-privileges[:=](true|false)$/.test(option)) return true;
  return SECURITY_OPTION_PREFIXES.some((p) => (option.startsWith(p) || option.startsWith(`${p.slice(0, -1)}=`)) && option.length > p.length);
}

const dockerSecurityOptionsFormat: Rule = {
  id: 'docker-security-options-format',
  severity: 'warning',
  appliesTo: 'task-definition',
  title: 'dockerSecurityOptions are no-new-privileges, apparmor:, label: or credentialspec: entries',
  docs: DOCS.container('dockerSecurityOptions'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const options = asArray(c.dockerSecurityOptions);
      for (let j = 0; j < options.length; j++) {
        const o = options[j];
        const option = known(o);
        if (option === undefined || option === '' || isSecurityOption(option)) continue;
        const lower = option.toLowerCase();
        ctx.report({
          path: [...path, 'dockerSecurityOptions', j],
          message: `${containerLabel(c, i, true)} has the security option "${option}"; ECS takes "no-new-privileges", "apparmor:PROFILE", "label:value" (SELinux) and "credentialspec:PATH"${option.startsWith('seccomp') ? ' (seccomp profiles are not among them)' : ''}, and Docker refuses to start the container with another form.`,
          data: isSecurityOption(lower) ? { value: lower } : undefined,
        });
      }
    }
  },
  fix(ctx) {
    return changeReported(ctx, 'value', true);
  },
};

const credentialSpecFormat: Rule = {
  id: 'credential-spec-format',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'A credential spec is credentialspec: or credentialspecdomainless: and an SSM or S3 ARN',
  docs: DOCS.container('credentialSpecs'),
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      const specs = asArray(c.credentialSpecs);
      for (let j = 0; j < specs.length; j++) {
        const o = specs[j];
        const spec = known(o);
        if (spec === undefined) continue;
        const prefix = CREDENTIAL_SPEC_PREFIXES.find((p) => spec.startsWith(p));
        const arn = prefix ? spec.slice(prefix.length) : spec;
        if (prefix && CREDENTIAL_SPEC_ARN.test(arn)) continue;
        const bareArn = !prefix && CREDENTIAL_SPEC_ARN.test(spec);
        ctx.report({
          path: [...path, 'credentialSpecs', j],
          message: `The credential spec "${spec}" of ${containerLabel(c, i)} ${prefix ? `names "${arn}", which is not the ARN of an SSM parameter or an S3 object` : bareArn ? 'lacks its prefix' : 'is not of the form prefix:ARN'}; each entry is "credentialspec:ARN" (instance joined to the domain) or "credentialspecdomainless:ARN" with an SSM parameter or S3 object ARN, and ECS rejects anything else.`,
          data: bareArn ? { arn: spec } : undefined,
        });
      }
    }
  },
  fix(ctx) {
    const path = reportedPath(ctx);
    const arn = ctx.diagnostic.data?.arn;
    if (!path || typeof arn !== 'string') return undefined;
    // Domain-joined or domainless is a decision about the instances: both offered, neither applied blindly.
    return CREDENTIAL_SPEC_PREFIXES.map((p): FixProposal => ({ title: `Prefix with "${p}"`, changes: [{ path, value: `${p}${arn}` }], certain: false }));
  },
};

const repositoryCredentialsSecret: Rule = {
  id: 'repository-credentials-secret',
  severity: 'error',
  appliesTo: 'task-definition',
  title: 'Private registry credentials are a Secrets Manager secret',
  docs: DOCS.privateRegistry,
  check(ctx) {
    for (const { c, i, path } of containers(ctx.target.value)) {
      if (c.repositoryCredentials === undefined) continue;
      const param = known(objAt(c, 'repositoryCredentials')?.credentialsParameter);
      const service = param === undefined ? undefined : arnService(param);
      if (service === undefined || service === 'secretsmanager') continue;
      ctx.report({
        path: [...path, 'repositoryCredentials', 'credentialsParameter'],
        message: `${containerLabel(c, i, true)} pulls its image with registry credentials from "${param}", an ARN of ${service === 'ssm' ? 'an SSM parameter' : `the "${service}" service`}; repositoryCredentials take only a Secrets Manager secret (its ARN, or its name in the same Region), so ECS rejects it and the image cannot be pulled.`,
      });
    }
  },
};

/** The rules about value formats of container members. */
export const formatRules: Rule[] = [containerImageReference, containerUserFormat, dockerSecurityOptionsFormat, credentialSpecFormat, repositoryCredentialsSecret];
