import assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/fixes';
import { applyFix, json, textAt } from '../helpers';
import { container, fargate, fixesFor, none, one } from './container-fixtures';

function withEnv(extra: Record<string, unknown>, patch: Record<string, unknown> = {}): string {
  return json(fargate([container('app', extra)], patch));
}

describe('container rules: environment', () => {
  describe('environment-duplicate', () => {
    it('warns on the later name', () => {
      const text = withEnv({ environment: [{ name: 'PORT', value: '80' }, { name: 'MODE', value: 'web' }, { name: 'PORT', value: '8080' }] });
      const d = one(text, 'environment-duplicate');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"PORT"');
      assert.deepEqual(d.data?.path, ['containerDefinitions', 0, 'environment', 2, 'name']);
      assert.deepEqual(fixesFor(text, d).map((f) => f.certain), [false, false]);
      const env = JSON.parse(applyFix(text, 'environment-duplicate')).containerDefinitions[0].environment;
      assert.deepEqual(env, [{ name: 'MODE', value: 'web' }, { name: 'PORT', value: '8080' }]);
    });

    it('removes an exact duplicate with certainty', () => {
      const text = withEnv({ environment: [{ name: 'PORT', value: '80' }, { name: 'PORT', value: '80' }] });
      assert.deepEqual(JSON.parse(fixAll(text).text).containerDefinitions[0].environment, [{ name: 'PORT', value: '80' }]);
    });

    it('accepts unique names', () => {
      none(withEnv({ environment: [{ name: 'PORT', value: '80' }, { name: 'port', value: '80' }] }), 'environment-duplicate');
    });
  });

  describe('environment-file-arn', () => {
    it('is an error on an s3:// URL and the certain fix turns it into the ARN', () => {
      const text = withEnv({ environmentFiles: [{ value: 's3://my-bucket/app/prod.env', type: 's3' }] });
      const d = one(text, 'environment-file-arn');
      assert.equal(d.severity, 'error');
      assert.equal(textAt(text, d), '"s3://my-bucket/app/prod.env"');
      assert.deepEqual(fixesFor(text, d), [{ title: 'Change to "arn:aws:s3:::my-bucket/app/prod.env"', certain: true }]);
      assert.equal(JSON.parse(applyFix(text, 'environment-file-arn')).containerDefinitions[0].environmentFiles[0].value, 'arn:aws:s3:::my-bucket/app/prod.env');
    });

    it('uses the partition of the task roles', () => {
      const text = withEnv({ environmentFiles: [{ value: 's3://b/app.env', type: 's3' }] }, { executionRoleArn: 'arn:aws-cn:iam::123456789012:role/exec' });
      assert.equal(JSON.parse(applyFix(text, 'environment-file-arn')).containerDefinitions[0].environmentFiles[0].value, 'arn:aws-cn:s3:::b/app.env');
    });

    it('is an error on a bucket ARN and on a non-ARN, without a fix', () => {
      const bucket = withEnv({ environmentFiles: [{ value: 'arn:aws:s3:::my-bucket', type: 's3' }] });
      const d = one(bucket, 'environment-file-arn');
      assert.match(d.message, /ARN of a bucket/);
      assert.deepEqual(fixesFor(bucket, d), []);
      assert.match(one(withEnv({ environmentFiles: [{ value: 'my-bucket/app.env', type: 's3' }] }), 'environment-file-arn').message, /not an ARN/);
    });

    it('accepts object ARNs and templates', () => {
      none(withEnv({ environmentFiles: [{ value: 'arn:aws:s3:::my-bucket/app.env', type: 's3' }] }), 'environment-file-arn');
      none(withEnv({ environmentFiles: [{ value: '{{ tfstate `aws_s3_bucket.env.arn` }}/.env', type: 's3' }] }), 'environment-file-arn');
    });
  });

  describe('environment-file-extension', () => {
    it('warns on an object without the .env extension', () => {
      const text = withEnv({ environmentFiles: [{ value: 'arn:aws:s3:::my-bucket/app.txt', type: 's3' }] });
      const d = one(text, 'environment-file-extension');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), '"arn:aws:s3:::my-bucket/app.txt"');
    });

    it('accepts .env files', () => {
      none(withEnv({ environmentFiles: [{ value: 'arn:aws:s3:::mainroom-environment-files/mainroom-ecs.env', type: 's3' }] }), 'environment-file-extension');
    });
  });
});
