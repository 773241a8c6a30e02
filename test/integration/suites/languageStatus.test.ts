/** The language status item names what the active document was recognised as. */
import * as assert from 'node:assert/strict';
import type { EcsLensApi } from '../helpers';
import { activate, closeAllEditors, openFixture, waitFor } from '../helpers';

suite('language status', () => {
  let api: EcsLensApi;

  suiteSetup(async () => {
    api = await activate();
    assert.equal(typeof api.getLanguageStatus, 'function', 'exports.getLanguageStatus missing');
  });
  teardown(closeAllEditors);

  const status = () => api.getLanguageStatus!();

  test('task definition', async () => {
    await openFixture('task-definitions/valid-fargate.json');
    await waitFor(status, (s) => /task definition/i.test(s?.text ?? ''), 'status "ECS task definition"');
  });

  test('task definition in JSONC', async () => {
    await openFixture('task-definitions/commented.jsonc');
    await waitFor(status, (s) => /task definition/i.test(s?.text ?? ''), 'status "ECS task definition"');
  });

  test('service', async () => {
    await openFixture('services/web-service.json');
    await waitFor(status, (s) => /service/i.test(s?.text ?? '') && !/task definition/i.test(s?.text ?? ''), 'status "ECS service"');
  });

  test('not ECS: package.json does not claim to be a task definition or service', async () => {
    // Switch from an ECS document so that a status that never updates would be caught.
    await openFixture('services/web-service.json');
    await waitFor(status, (s) => /service/i.test(s?.text ?? ''), 'status "ECS service"');
    await openFixture('package.json');
    await waitFor(status, (s) => !/task definition|service/i.test(s?.text ?? ''), 'status to drop the ECS kind');
  });
});
