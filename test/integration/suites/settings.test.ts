/** Settings take effect live: `ecsLens.validate.enable` and `ecsLens.files.associations`. */
import type * as vscode from 'vscode';
import { activate, closeAllEditors, codeOf, openFixture, setWorkspaceSetting, waitForDiagnostics } from '../helpers';

suite('settings', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(async () => {
    // Back to the default, whatever happened in the test, so later suites see validation on.
    await setWorkspaceSetting('ecsLens.validate.enable', undefined);
    await setWorkspaceSetting('ecsLens.files.associations', undefined);
    await closeAllEditors();
  });

  test('ecsLens.validate.enable=false clears diagnostics, true brings them back', async () => {
    const { document } = await openFixture('task-definitions/broken.json');
    const hasTypeError = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'schema.type');
    await waitForDiagnostics(document.uri, hasTypeError, 'schema.type before the change');

    await setWorkspaceSetting('ecsLens.validate.enable', false);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'all ecs-lens diagnostics to clear');

    await setWorkspaceSetting('ecsLens.validate.enable', true);
    await waitForDiagnostics(document.uri, hasTypeError, 'schema.type to come back');
  });

  test('ecsLens.files.associations "none" silences a task definition', async () => {
    const { document } = await openFixture('task-definitions/broken.json');
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics before the change');
    await setWorkspaceSetting('ecsLens.files.associations', { '**/task-definitions/broken.json': 'none' });
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'diagnostics to clear for an excluded file');
    await setWorkspaceSetting('ecsLens.files.associations', undefined);
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics to return without the association');
  });

  test('ecsLens.files.associations "task-definition" checks a file content alone would not', async () => {
    // other/settings.json has no ECS keys: only the association can make it a task definition.
    const { document } = await openFixture('other/settings.json');
    await setWorkspaceSetting('ecsLens.files.associations', { '**/other/settings.json': 'task-definition' });
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'task-definition diagnostics for an associated file');
  });
});
