import assert from 'node:assert/strict';
import { container0, ec2Task, fargateTask, fixed, fixesFor, none, only, windowsEc2Task } from './task-helpers';

type Obj = Record<string, unknown>;
const digest = 'sha256:' + 'a1'.repeat(32);

describe('container rules: value formats', () => {
  describe('container-image-reference', () => {
    const code = 'container-image-reference';

    it('flags a reference over 255 characters, a bad character and a malformed digest', () => {
      const long = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${'a'.repeat(220)}:1.0`;
      assert.match(only(fargateTask({}, { image: long }), code, 'error', `"${long}"`).message, /at most 255/);
      assert.match(only(fargateTask({}, { image: 'nginx:1.27;rm' }), code, 'error', '"nginx:1.27;rm"').message, /contains ";"/);
      assert.match(only(fargateTask({}, { image: 'nginx@sha256:1234' }), code, 'error', '"nginx@sha256:1234"').message, /64 hexadecimal digits/);
      assert.match(only(fargateTask({}, { image: 'nginx@md5:' + 'a'.repeat(32) }), code, 'error', `"nginx@md5:${'a'.repeat(32)}"`).message, /sha256/);
    });

    it('accepts tags, digests (255 applies before the @), upper case and placeholders', () => {
      none(fargateTask({}, { image: `public.ecr.aws/nginx/nginx@${digest}` }), code);
      none(fargateTask({}, { image: `${'r'.repeat(240)}:1.0@${digest}` }), code);
      none(fargateTask({}, { image: 'XXXXX.dkr.ecr.us-east-1.amazonaws.com/myApp:latest' }), code);
      none(fargateTask({}, { image: '{{ must_env `IMAGE` }}' }), code);
      none(fargateTask({}, { image: '<your app image URL here>' }), code);
      none(fargateTask({}, { image: '' }), code);
    });

    it('fix: trims spaces around an otherwise valid reference (certain)', () => {
      assert.deepEqual(fixesFor(fargateTask({}, { image: ' nginx:1.27 ' }), code), [{ title: 'Remove the spaces around the image', certain: true }]);
      assert.equal(container0(fixed(fargateTask({}, { image: ' nginx:1.27 ' }), code)).image, 'nginx:1.27');
      assert.deepEqual(fixesFor(fargateTask({}, { image: 'nginx 1.27' }), code), []);
    });
  });

  describe('container-user-format', () => {
    const code = 'container-user-format';

    it('flags negative or fractional ids, empty sides and extra colons', () => {
      assert.match(only(ec2Task({}, { user: '-1' }), code, 'warning', '"-1"').message, /whole number/);
      only(ec2Task({}, { user: '1000:1.5' }), code, 'warning', '"1000:1.5"');
      assert.match(only(ec2Task({}, { user: '1000:' }), code, 'warning', '"1000:"').message, /empty/);
      only(ec2Task({}, { user: 'a:b:c' }), code, 'warning', '"a:b:c"');
    });

    it('accepts every documented form, and leaves Windows to its own rule', () => {
      for (const user of ['nginx', 'nginx:www-data', '1000', '1000:1000', 'app:1000', '0']) none(ec2Task({}, { user }), code);
      none(windowsEc2Task({}, { user: '-1' }), code);
    });
  });

  describe('docker-security-options-format', () => {
    const code = 'docker-security-options-format';
    const options = (dockerSecurityOptions: unknown[]): Obj => ec2Task({}, { dockerSecurityOptions });

    it('flags forms ECS does not list', () => {
      assert.match(only(options(['seccomp:unconfined']), code, 'warning', '"seccomp:unconfined"').message, /seccomp profiles are not among them/);
      only(options(['apparmor']), code, 'warning', '"apparmor"');
    });

    it('accepts the listed forms, with : or =', () => {
      none(options(['no-new-privileges', 'apparmor:docker-default', 'label:type:container_t', 'credentialspec:file://gmsa.json', 'label=disable', 'no-new-privileges:true']), code);
    });

    it('fix: lower-cases a listed form (certain)', () => {
      assert.deepEqual(container0(fixed(options(['No-New-Privileges']), code)).dockerSecurityOptions, ['no-new-privileges']);
    });
  });

  describe('credential-spec-format', () => {
    const code = 'credential-spec-format';
    const ssm = 'arn:aws:ssm:us-east-1:123456789012:parameter/gmsa/credspec';

    it('flags a spec without its prefix, or with something other than an SSM or S3 ARN', () => {
      assert.match(only(windowsEc2Task({}, { credentialSpecs: [ssm] }), code, 'error', `"${ssm}"`).message, /lacks its prefix/);
      assert.match(only(windowsEc2Task({}, { credentialSpecs: ['credentialspec:C:\\gmsa.json'] }), code, 'error', '"credentialspec:C:\\\\gmsa.json"').message, /not the ARN/);
    });

    it('accepts both prefixes with SSM and S3 ARNs', () => {
      none(windowsEc2Task({}, { credentialSpecs: [`credentialspecdomainless:${ssm}`] }), code);
      none(ec2Task({}, { credentialSpecs: ['credentialspec:arn:aws:s3:::bucket/gmsa/credspec.json'] }), code);
    });

    it('fix: offers either prefix for a bare ARN', () => {
      assert.deepEqual(fixesFor(windowsEc2Task({}, { credentialSpecs: [ssm] }), code), [
        { title: 'Prefix with "credentialspec:"', certain: false },
        { title: 'Prefix with "credentialspecdomainless:"', certain: false },
      ]);
    });
  });

  describe('repository-credentials-secret', () => {
    const code = 'repository-credentials-secret';
    const creds = (credentialsParameter: string): Obj => fargateTask({}, { repositoryCredentials: { credentialsParameter } });

    it('flags an ARN of another service', () => {
      const d = only(creds('arn:aws:ssm:us-east-1:123456789012:parameter/dockerhub'), code, 'error', '"arn:aws:ssm:us-east-1:123456789012:parameter/dockerhub"');
      assert.match(d.message, /an SSM parameter/);
      assert.match(d.message, /Secrets Manager secret/);
    });

    it('accepts a Secrets Manager ARN or a secret name', () => {
      none(creds('arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf'), code);
      none(creds('dockerhub'), code);
    });
  });
});
