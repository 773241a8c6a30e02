/**
 * The language status item names what the active document was recognised as, counts its problems, and says who
 * checks it: it sits next to VS Code's own JSON status, whose "No schema validation" is about VS Code's JSON
 * schemas, not about ECS Lens. The detail stays short (the hover line is cut at the window's edge); the link's
 * tooltip says the rest.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsLensApi } from '../helpers';
import { activate, closeAllEditors, fixtureUri, openFixture, SOURCE, waitFor } from '../helpers';

type Status = { text: string; detail?: string; explanation?: string } | undefined;

/** Next to "No schema validation": the detail says ECS Lens checked the file, the tooltip against what. */
function assertExplains(s: Status): void {
  assert.match(s?.detail ?? '', /^ECS Lens found /, `detail: ${s?.detail}`);
  assert.ok((s?.detail ?? '').length <= 40, `the detail must fit the hover line: ${s?.detail}`);
  assert.match(s?.explanation ?? '', /checks this file against the ECS API's schema and rules/, `tooltip: ${s?.explanation}`);
  assert.match(s?.explanation ?? '', /VS Code's generic JSON schema validation \("No schema validation"\) is not used/, `tooltip: ${s?.explanation}`);
}

suite('language status', () => {
  let api: EcsLensApi;

  suiteSetup(async () => {
    api = await activate();
    assert.equal(typeof api.getLanguageStatus, 'function', 'exports.getLanguageStatus missing');
  });
  teardown(closeAllEditors);

  const status = (): Status => api.getLanguageStatus!();

  test('task definition: kind, "no problems", and who checks it', async () => {
    await openFixture('task-definitions/valid-fargate.json');
    const s = await waitFor(status, (x) => /task definition/i.test(x?.text ?? '') && x?.detail === 'ECS Lens found no problems', 'status "ECS task definition", no problems');
    assert.equal(s?.text, 'ECS task definition');
    assertExplains(s);
  });

  test('problem counts stay in the detail', async () => {
    await openFixture('task-definitions/broken.json');
    // broken.json has errors and no warnings: the count is the number of our error markers on it.
    const s = await waitFor(status, (x) => /^ECS Lens found [1-9]\d* errors?$/.test(x?.detail ?? ''), 'status with an error count');
    assert.equal(s?.text, 'ECS task definition');
    const errors = vscode.languages.getDiagnostics(fixtureUri('task-definitions/broken.json')).filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(s?.detail, `ECS Lens found ${errors.length} error${errors.length === 1 ? '' : 's'}`);
    assertExplains(s);
  });

  test('task definition in JSONC', async () => {
    await openFixture('task-definitions/commented.jsonc');
    await waitFor(status, (s) => /task definition/i.test(s?.text ?? ''), 'status "ECS task definition"');
  });

  test('service', async () => {
    await openFixture('services/web-service.json');
    const s = await waitFor(status, (x) => /service/i.test(x?.text ?? '') && !/task definition/i.test(x?.text ?? ''), 'status "ECS service"');
    assertExplains(s);
  });

  test('not ECS: package.json does not claim to be a task definition or service', async () => {
    // Switch from an ECS document so that a status that never updates would be caught.
    await openFixture('services/web-service.json');
    await waitFor(status, (s) => /service/i.test(s?.text ?? ''), 'status "ECS service"');
    await openFixture('package.json');
    await waitFor(status, (s) => !/task definition|service/i.test(s?.text ?? ''), 'status to drop the ECS kind');
  });
});
