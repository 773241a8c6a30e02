/**
 * Formats of container members the API documents but does not type: image references, users, Docker security
 * options, credential specs, registry credentials; and the smallest container Docker starts.
 */

/** An image reference has at most 255 characters before any "@digest". */
export const IMAGE_NAME_MAX_LENGTH = 255;

/** The characters of an image reference before any "@digest": letters, digits, - _ : . / #. */
export const IMAGE_NAME_CHARACTERS = /^[A-Za-z0-9\-_:./#]+$/;

/** The only digest ECS takes: sha256 and 64 hexadecimal digits. */
export const IMAGE_DIGEST = /^sha256:[A-Fa-f0-9]{64}$/;

/** Docker 20.10 and later (every current ECS-optimized AMI and Fargate) reserve 6 MiB per container. */
export const DOCKER_MIN_CONTAINER_MEMORY_MIB = 6;

/** The dockerSecurityOptions ECS lists that stand alone. */
export const SECURITY_OPTION_FLAGS: readonly string[] = ['no-new-privileges'];

/** The dockerSecurityOptions ECS lists that are a prefix followed by a value: AppArmor, SELinux, gMSA. */
export const SECURITY_OPTION_PREFIXES: readonly string[] = ['apparmor:', 'label:', 'credentialspec:'];

/** The prefixes of a credentialSpecs entry: a domain-joined or a domainless gMSA credential spec. */
export const CREDENTIAL_SPEC_PREFIXES: readonly string[] = ['credentialspec:', 'credentialspecdomainless:'];

/** An ARN of the services a credential spec file can live in: an SSM parameter or an S3 object. */
export const CREDENTIAL_SPEC_ARN = /^arn:aws[a-z-]*:(ssm|s3):/;

/** The service part of an ARN ("secretsmanager" in arn:aws:secretsmanager:...), or undefined for a non-ARN. */
export function arnService(value: string): string | undefined {
  return /^arn:aws[a-z-]*:([a-z0-9-]+):/.exec(value)?.[1];
}
