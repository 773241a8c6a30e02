import assert from 'node:assert/strict';
import { applyFix, json, textAt } from '../helpers';
import { container, fargate, fixesFor, none, one } from './container-fixtures';

function withSecrets(secrets: unknown[], extra: Record<string, unknown> = {}): string {
  return json(fargate([container('app', { secrets, ...extra })]));
}

const SM = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';

describe('container rules: secrets', () => {
  describe('secret-value-from-arn', () => {
    it('is an error on a Secrets Manager ARN without the "secret:" part', () => {
      const text = withSecrets([{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:prod/db' }]);
      const d = one(text, 'secret-value-from-arn');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"arn:aws:secretsmanager:us-east-1:123456789012:prod/db"');
      assert.match(d.message, /":secret:<secret-name>"/);
    });

    it('is an error on an ARN of another service', () => {
      const d = one(withSecrets([{ name: 'CONFIG', valueFrom: 'arn:aws:s3:::bucket/config.json' }]), 'secret-value-from-arn');
      assert.match(d.message, /an ARN of "s3"/);
    });

    it('is an error on SSM ARNs without parameter/ and on missing region or account', () => {
      one(withSecrets([{ name: 'A', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:db-password' }]), 'secret-value-from-arn');
      assert.match(one(withSecrets([{ name: 'A', valueFrom: 'arn:aws:ssm::123456789012:parameter/x' }]), 'secret-value-from-arn').message, /region is missing/);
      one(withSecrets([{ name: 'A', valueFrom: 'arn:aws:secretsmanager:us-east-1' }]), 'secret-value-from-arn');
    });

    it('accepts secret and parameter ARNs, JSON keys, parameter names and templates', () => {
      const text = withSecrets([
        { name: 'A', valueFrom: SM },
        { name: 'B', valueFrom: `${SM}:username::` },
        { name: 'C', valueFrom: `${SM}:password:AWSCURRENT:` },
        { name: 'D', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/prod/db-url' },
        { name: 'E', valueFrom: 'arn:aws-cn:ssm:cn-north-1:123456789012:parameter/name' },
        { name: 'F', valueFrom: '/app/prod/db-url' },
        { name: 'G', valueFrom: 'gokabot.DATABASE_URL' },
        { name: 'H', valueFrom: 'arn:aws:secretsmanager:ap-northeast-1:{{must_env `AWS_ACCOUNT_ID`}}:secret:x' },
        { name: 'I', valueFrom: '<NEW_RELIC_LICENSE_KEY_SECRET_ARN>' },
      ]);
      none(text, 'secret-value-from-arn');
      none(text, 'secret-value-from-name');
    });
  });

  describe('secret-value-from-name', () => {
    it('warns on a parameter name with characters SSM does not allow', () => {
      const text = withSecrets([{ name: 'DB_URL', valueFrom: 'my db url' }]);
      const d = one(text, 'secret-value-from-name');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"my db url"');
    });
  });

  describe('secret-name-duplicate', () => {
    it('is an error on the second secret of the same name', () => {
      const text = withSecrets([
        { name: 'DB_PASSWORD', valueFrom: SM },
        { name: 'DB_PASSWORD', valueFrom: '/app/db-password' },
      ]);
      const d = one(text, 'secret-name-duplicate');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"DB_PASSWORD"');
      assert.deepEqual(d.data?.path, ['containerDefinitions', 0, 'secrets', 1, 'name']);
      assert.match(d.message, /Duplicate secret names found: DB_PASSWORD/);
      assert.equal(JSON.parse(applyFix(text, 'secret-name-duplicate')).containerDefinitions[0].secrets.length, 1);
    });

    it('accepts the same name in different containers', () => {
      const secret = { name: 'DB_PASSWORD', valueFrom: SM };
      none(json(fargate([container('a', { secrets: [secret] }), container('b', { secrets: [secret] })])), 'secret-name-duplicate');
    });
  });

  describe('secret-environment-conflict', () => {
    it('is an error on a secret that is also an environment variable', () => {
      const text = withSecrets([{ name: 'DB_USER', valueFrom: SM }], { environment: [{ name: 'PORT', value: '80' }, { name: 'DB_USER', value: 'app' }] });
      const d = one(text, 'secret-environment-conflict');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"DB_USER"');
      assert.match(d.message, /not shared with any new or existing environment variables/);
      assert.deepEqual(fixesFor(text, d), [{ title: 'Remove the plain environment variable (keep the secret)', certain: false }]);
      const env = JSON.parse(applyFix(text, 'secret-environment-conflict')).containerDefinitions[0].environment;
      assert.deepEqual(env, [{ name: 'PORT', value: '80' }]);
    });

    it('accepts different names', () => {
      none(withSecrets([{ name: 'DB_PASSWORD', valueFrom: SM }], { environment: [{ name: 'DB_USER', value: 'app' }] }), 'secret-environment-conflict');
    });
  });
});
