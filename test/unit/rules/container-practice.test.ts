import assert from 'node:assert/strict';
import { applyFix, json, textAt } from '../helpers';
import { container, fargate, fixesFor, none, one } from './container-fixtures';

const PASSWORD = 'hunter2-correct-horse';
const ACCESS_KEY = `AKIA${'IOSFODNN7EXAMPLE'}`;

function withEnv(environment: unknown[], extra: Record<string, unknown> = {}): string {
  return json(fargate([container('app', { environment, ...extra })]));
}

describe('container rules: security and practice', () => {
  describe('secret-in-environment', () => {
    it('warns on a plain variable named like a secret, without repeating the value', () => {
      const text = withEnv([{ name: 'DB_PASSWORD', value: PASSWORD }]);
      const d = one(text, 'secret-in-environment');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), `"${PASSWORD}"`);
      assert.match(d.message, /"DB_PASSWORD"/);
      assert.ok(!d.message.includes(PASSWORD), 'the message must not contain the secret');
      assert.ok(!JSON.stringify(d.data).includes(PASSWORD), 'the data must not contain the secret');
    });

    it('recognises keys by their value, whatever the name', () => {
      for (const value of [ACCESS_KEY, '-----BEGIN RSA PRIVATE KEY-----\nMIIE...', `ghp_${'a'.repeat(36)}`, 'xoxb-1234567890-abcdefghij']) {
        const text = withEnv([{ name: 'CONFIG', value }]);
        const d = one(text, 'secret-in-environment');
        assert.ok(!d.message.includes(value));
      }
      assert.match(one(withEnv([{ name: 'X', value: ACCESS_KEY }]), 'secret-in-environment').message, /AWS access key ID/);
    });

    it('leaves placeholders, references and settings alone', () => {
      const text = withEnv([
        { name: 'DB_PASSWORD', value: '' },
        { name: 'API_KEY', value: '${API_KEY}' },
        { name: 'DD_API_KEY', value: '<YOUR_DATADOG_API_KEY>' },
        { name: 'ACCESS_TOKEN', value: 'MY_ACCESS_TOKEN' },
        { name: 'DB_PASSWORD_ARN', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' },
        { name: 'SECRET_NAME', value: 'prod/db' },
        { name: 'PASSWORD_MIN_LENGTH', value: '12' },
        { name: 'TOKEN_URL', value: 'https://auth.example.com/token' },
        { name: 'USE_SECRETS', value: 'true' },
        { name: 'PORT', value: '8080' },
      ]);
      none(text, 'secret-in-environment');
    });

    it('proposes moving the variable to secrets with a placeholder ARN (not certain)', () => {
      const text = withEnv([{ name: 'PORT', value: '80' }, { name: 'API_TOKEN', value: PASSWORD }]);
      assert.deepEqual(fixesFor(text, one(text, 'secret-in-environment')), [{ title: 'Move "API_TOKEN" to secrets (create the secret, then fill in its ARN)', certain: false }]);
      const after = applyFix(text, 'secret-in-environment');
      assert.ok(!after.includes(PASSWORD), 'the secret is gone from the file');
      const c = JSON.parse(after).containerDefinitions[0];
      assert.deepEqual(c.environment, [{ name: 'PORT', value: '80' }]);
      assert.deepEqual(c.secrets, [{ name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:<REGION>:<ACCOUNT_ID>:secret:<NAME>' }]);
    });

    it('drops an emptied environment list and appends to existing secrets', () => {
      const existing = { name: 'OTHER', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/other' };
      const text = withEnv([{ name: 'DB_PASSWORD', value: PASSWORD }], { secrets: [existing] });
      const c = JSON.parse(applyFix(text, 'secret-in-environment')).containerDefinitions[0];
      assert.equal(c.environment, undefined);
      assert.deepEqual(c.secrets.map((s: { name: string }) => s.name), ['OTHER', 'DB_PASSWORD']);
    });
  });

  describe('image-tag-latest', () => {
    it('warns on :latest and on an untagged image', () => {
      for (const image of ['nginx:latest', 'nginx', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app', 'registry.local:5000/team/app']) {
        const text = json(fargate([container('app', { image })]));
        const d = one(text, 'image-tag-latest');
        assert.equal(d.severity, 'warning');
        assert.equal(textAt(text, d), `"${image}"`);
      }
    });

    it('accepts version tags, digests, registry ports and templates', () => {
      for (const image of [
        'nginx:1.27',
        'registry.local:5000/team/app:2.1',
        `nginx@sha256:${'a'.repeat(64)}`,
        `app:1.0@sha256:${'b'.repeat(64)}`,
        '<IMAGE1_NAME>',
        '{{ must_env `IMAGE` }}',
        'katsubushi/katsubushi:{{ env `TAG` `latest` }}',
      ]) {
        none(json(fargate([container('app', { image })])), 'image-tag-latest');
      }
    });
  });

  describe('container-image-empty', () => {
    it('is information on an empty image (a render step fills it)', () => {
      const text = json(fargate([container('app', { image: '' })]));
      const d = one(text, 'container-image-empty');
      assert.equal(d.severity, 'information');
      assert.equal(textAt(text, d), '""');
      none(text, 'image-tag-latest');
    });
  });
});
