import assert from 'node:assert/strict';
import { fargateTask } from '../helpers';
import { ec2Service, fargateService, fixedService, none, only, serviceFixes, workspaceOf } from './service-helpers';

const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/service-connect', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'sc' } };
const scService = (portName = 'http', extra: Record<string, unknown> = {}): Record<string, unknown> => ({ portName, discoveryName: 'web', clientAliases: [{ port: 80, dnsName: 'web' }], ...extra });
const withSc = (sc: Record<string, unknown>, patch: Record<string, unknown> = {}): Record<string, unknown> =>
  fargateService({ serviceConnectConfiguration: { enabled: true, namespace: 'internal', services: [scService()], ...sc }, ...patch });
const scOf = (svc: Record<string, unknown>): Record<string, unknown> => svc.serviceConnectConfiguration as Record<string, unknown>;

describe('service rules: Service Connect', () => {
  describe('service-connect-access-log-configuration', () => {
    it('flags access logs without a log configuration', () => {
      const d = only(withSc({ accessLogConfiguration: { format: 'JSON' } }), 'service-connect-access-log-configuration', 'error', '"accessLogConfiguration"');
      assert.match(d.message, /no "logConfiguration"/);
    });

    it('accepts access logs with a log configuration, and a disabled configuration', () => {
      none(withSc({ accessLogConfiguration: { format: 'TEXT' }, logConfiguration: awslogs }), 'service-connect-access-log-configuration');
      none(withSc({ enabled: false, accessLogConfiguration: { format: 'TEXT' } }), 'service-connect-access-log-configuration');
    });
  });

  describe('service-connect-container-configuration-duplicate', () => {
    it('flags a setting given twice; the fix (a proposal) removes the repetition', () => {
      const svc = withSc({ containerConfigurations: [{ logLevel: 'info' }, { logLevel: 'debug' }] });
      assert.match(only(svc, 'service-connect-container-configuration-duplicate', 'error', '"logLevel"').message, /already set by item 1/);
      assert.deepEqual(scOf(fixedService(svc, 'service-connect-container-configuration-duplicate')).containerConfigurations, [{ logLevel: 'info' }]);
    });

    it('accepts each setting once', () => {
      none(withSc({ containerConfigurations: [{ logLevel: 'info' }] }), 'service-connect-container-configuration-duplicate');
    });
  });

  describe('service-connect-client-alias-required', () => {
    it('warns about a published port without a client alias', () => {
      const d = only(withSc({ services: [{ portName: 'http', discoveryName: 'web' }] }), 'service-connect-client-alias-required', 'warning', '"portName"');
      assert.match(d.message, /gives no client alias/);
      only(withSc({ services: [{ portName: 'http', clientAliases: [] }] }), 'service-connect-client-alias-required', 'warning', '"clientAliases"');
    });

    it('accepts an alias, and client-only services that publish nothing', () => {
      none(withSc({}), 'service-connect-client-alias-required');
      none(withSc({ services: undefined }), 'service-connect-client-alias-required');
    });
  });

  describe('service-connect-dns-name', () => {
    const alias = (dnsName: string): Record<string, unknown> => withSc({ services: [scService('http', { clientAliases: [{ port: 80, dnsName }] })] });

    it('flags empty labels and labels over 63 characters', () => {
      assert.match(only(alias('orders..internal'), 'service-connect-dns-name', 'error', '"orders..internal"').message, /two dots in a row/);
      assert.match(only(alias('orders.'), 'service-connect-dns-name', 'error', '"orders."').message, /starts or ends with a dot/);
      assert.match(only(alias(`${'a'.repeat(64)}.internal`), 'service-connect-dns-name', 'error', `"${'a'.repeat(64)}.internal"`).message, /64 characters long/);
    });

    it('accepts short and qualified names, and placeholders', () => {
      for (const name of ['orders', 'orders.internal', 'db_primary.prod.local', 'a'.repeat(63)]) none(alias(name), 'service-connect-dns-name');
      none(alias('${ALIAS}'), 'service-connect-dns-name');
    });
  });

  describe('service-connect-log-driver', () => {
    it('flags a proxy log driver Fargate does not offer', () => {
      const d = only(withSc({ logConfiguration: { logDriver: 'json-file' } }), 'service-connect-log-driver', 'error', '"json-file"');
      assert.match(d.message, /"awslogs", "splunk" or "awsfirelens"/);
      assert.deepEqual(serviceFixes(withSc({ logConfiguration: { logDriver: 'json-file' } }), 'service-connect-log-driver'), [{ title: 'Change to "awslogs"', certain: false }]);
      assert.equal((scOf(fixedService(withSc({ logConfiguration: { logDriver: 'json-file' } }), 'service-connect-log-driver')).logConfiguration as Record<string, unknown>).logDriver, 'awslogs');
    });

    it('accepts Fargate drivers, and any driver on EC2', () => {
      none(withSc({ logConfiguration: awslogs }), 'service-connect-log-driver');
      none(ec2Service({ serviceConnectConfiguration: { enabled: true, namespace: 'internal', logConfiguration: { logDriver: 'json-file' } } }), 'service-connect-log-driver');
    });
  });

  describe('service-td-service-connect-timeout', () => {
    const timed = (portName: string): Record<string, unknown> => withSc({ services: [scService(portName, { timeout: { perRequestTimeoutSeconds: 30, idleTimeoutSeconds: 300 } })] });
    const ports = workspaceOf(fargateTask({}, { portMappings: [{ containerPort: 80, name: 'http', appProtocol: 'http' }, { containerPort: 5432, name: 'db' }] }));

    it('flags a per-request timeout on a TCP port; the fix removes it', () => {
      const d = only(timed('db'), 'service-td-service-connect-timeout', 'error', '"perRequestTimeoutSeconds"', ports);
      assert.match(d.message, /Port mapping "db" .* has no appProtocol/);
      const after = scOf(fixedService(timed('db'), 'service-td-service-connect-timeout', ports)).services as Array<Record<string, unknown>>;
      assert.deepEqual(after[0].timeout, { idleTimeoutSeconds: 300 });
    });

    it('accepts it on an HTTP port, 0 (turned off), and without the task definition', () => {
      none(timed('http'), 'service-td-service-connect-timeout', ports);
      none(withSc({ services: [scService('db', { timeout: { perRequestTimeoutSeconds: 0 } })] }), 'service-td-service-connect-timeout', ports);
      none(timed('db'), 'service-td-service-connect-timeout');
    });
  });
});
