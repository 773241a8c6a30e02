/**
 * Diagnostics appear for ECS documents opened from the workspace, JSONC syntax is accepted, and documents that
 * are not ECS are left alone.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  codeOf,
  codesOf,
  describeDiagnostics,
  ecsDiagnostics,
  fixtureUri,
  openFixture,
  positionOf,
  settle,
  waitForDiagnostics,
} from '../helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAllEditors);

  test('a task definition with mistakes gets type, unknown-key and enum diagnostics', async () => {
    const editor = await openFixture('task-definitions/broken.json');
    const uri = editor.document.uri;
    const expected = ['schema.enum', 'schema.type', 'schema.unknown-key'];
    const diags = await waitForDiagnostics(
      uri,
      (d) => expected.every((code) => d.some((x) => codeOf(x) === code)),
      `codes ${expected.join(', ')}`,
    );

    // Each diagnostic must sit on the line of the mistake it reports, not at the top of the file.
    const lineOf = (needle: string) => positionOf(editor.document, needle).line;
    const at = (code: string) => diags.filter((d) => codeOf(d) === code).map((d) => d.range.start.line);
    assert.ok(at('schema.type').includes(lineOf('"essential": "true"')), describeDiagnostics(diags));
    assert.ok(at('schema.enum').includes(lineOf('"TCP"')), describeDiagnostics(diags));
    assert.ok(at('schema.unknown-key').includes(lineOf('"enviroment"')), describeDiagnostics(diags));
    for (const d of diags) {
      assert.ok(d.message.trim().length > 0, `empty message for ${codeOf(d)}`);
      assert.equal(d.source, 'ecs-lens');
    }
    assert.ok(
      diags.filter((d) => codeOf(d) === 'schema.type' || codeOf(d) === 'schema.unknown-key').every(
        (d) => d.severity === vscode.DiagnosticSeverity.Error,
      ),
      'type and unknown-key problems are rejected by the AWS CLI, so they must be errors',
    );
  });

  test('JSONC: comments and trailing commas are accepted, real problems still reported', async () => {
    const editor = await openFixture('task-definitions/commented.jsonc');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'schema.type'), 'schema.type');
    const line = positionOf(editor.document, '"essential": "yes"').line;
    assert.ok(
      diags.some((d) => codeOf(d) === 'schema.type' && d.range.start.line === line),
      `schema.type not on line ${line + 1} (comments must not shift positions):\n${describeDiagnostics(diags)}`,
    );
    assert.deepEqual(
      diags.filter((d) => codeOf(d) === 'json.syntax').map((d) => d.message),
      [],
      'comments or trailing commas were reported as syntax errors',
    );
  });

  test('a valid Fargate task definition gets no errors', async () => {
    // Positive control first: validation is demonstrably running in this window.
    await openFixture('task-definitions/broken.json');
    await waitForDiagnostics(fixtureUri('task-definitions/broken.json'), (d) => d.length > 0, 'any diagnostic');

    const editor = await openFixture('task-definitions/valid-fargate.json');
    await settle();
    const errors = ecsDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map(codeOf), [], describeDiagnostics(errors));
  });

  test('package.json, tsconfig.json and other JSON get no ecs-lens diagnostics', async () => {
    const others = ['package.json', 'tsconfig.json', 'other/settings.json'];
    for (const file of others) await openFixture(file);
    // Opened after the others: once its diagnostics are out, theirs would have been too.
    await openFixture('task-definitions/broken.json');
    await waitForDiagnostics(fixtureUri('task-definitions/broken.json'), (d) => d.length > 0, 'any diagnostic');
    await settle();
    for (const file of others) {
      assert.deepEqual(codesOf(fixtureUri(file)), [], `${file} got ecs-lens diagnostics`);
    }
  });
});
