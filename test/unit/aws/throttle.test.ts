import assert from 'node:assert/strict';
import { callsOf, gatewayFor, useEndpoint, useTestEnvironment } from './helpers';

describe('aws gateway under ECS throttling', () => {
  useTestEnvironment();
  // A small bucket: 14 service reads against a burst of 8 and 40 per second.
  const ctx = useEndpoint({ throttle: { serviceRead: { burst: 8, rate: 40 } } });

  // About 4 s: after a throttle on a fresh client, the SDK's adaptive rate limiter starts again from 0.5 calls
  // per second and grows its rate cubically; that is the SDK's own recovery, measured here, not a test delay.
  it('retries throttled calls (adaptive mode) so that no ThrottlingException reaches the caller', async () => {
    const { gw, log } = gatewayFor(ctx.endpoint);
    const all = await gw.allServices('batch');
    assert.equal(all.items.length, 120);
    const stats = ctx.endpoint.ecs.calls();
    assert.ok(stats.throttled > 0, 'the endpoint throttled some calls');
    assert.equal(callsOf(ctx.endpoint, 'ListServices') + callsOf(ctx.endpoint, 'DescribeServices'), 14 + stats.throttled, 'each throttled call was sent again');
    const retried = log.filter((e) => e.type === 'call' && (e.attempts ?? 1) > 1);
    assert.ok(retried.length > 0, 'the log shows the retries');
    assert.ok(log.every((e) => e.type !== 'call' || e.outcome === 'ok'), 'every call ended well');
  });
});
