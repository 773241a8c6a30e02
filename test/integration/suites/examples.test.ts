/**
 * The demo workspace shows no false problems: every file of examples/ (the runner opens a copy of it as the
 * workspace, as `npm start` does) gets exactly what examples/README.md claims for it, counting the markers of
 * every source (`vscode.languages.getDiagnostics`), VS Code's own JSON support included, not only ours.
 *
 * Runs only in a workspace whose root holds the examples' README.md (scripts/integration.mjs starts a second
 * VS Code for it); in the fixtures workspace the suite is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsLensApi } from '../helpers';
import { activate, closeAllEditors, codeOf, describeDiagnostics, openFixture, readDisk, settle, sleep, SOURCE, waitFor, workspaceRoot } from '../helpers';

type Claim = { kind: 'valid' } | { kind: 'not ECS' } | { kind: 'codes'; codes: string[] };

/** The claims table of examples/README.md (same reading as test/unit/examples.test.ts). */
function parseClaims(readme: string): Map<string, Claim> {
  const claims = new Map<string, Claim>();
  for (const line of readme.split('\n')) {
    const row = /^\|\s*`([^`]+)`\s*\|([^|]+)\|/.exec(line);
    if (!row) continue;
    const file = row[1]!;
    const text = row[2]!.trim();
    if (text === 'valid' || text === 'not ECS') {
      claims.set(file, { kind: text });
      continue;
    }
    const codes: string[] = [];
    for (const m of text.matchAll(/`([^`]+)`(?:\s*×(\d+))?/g)) {
      for (let i = 0; i < Number(m[2] ?? 1); i++) codes.push(m[1]!);
    }
    claims.set(file, { kind: 'codes', codes: codes.sort() });
  }
  return claims;
}

/** Every marker of every source, as one readable line each. */
function allMarkers(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source ?? '(no source)'} [${codeOf(d)}] ${d.message}`);
}

suite('examples', () => {
  let api: EcsLensApi & { getDocumentKind?(uri: vscode.Uri): string | undefined };
  let claims: Map<string, Claim>;
  /** How long VS Code's JSON support took to mark the control document: each file gets that long again. */
  let jsonLatencyMs = 0;

  suiteSetup(async function () {
    const readme = vscode.Uri.joinPath(workspaceRoot(), 'README.md');
    claims = parseClaims(await readDisk(readme).catch(() => ''));
    // The fixtures workspace has no claims table: the examples run in a workspace of their own.
    if (claims.size === 0) this.skip();
    api = await activate();
    assert.equal(typeof api.getDocumentKind, 'function', 'exports.getDocumentKind missing');
  });
  teardown(closeAllEditors);

  test('every JSON file of the workspace has a claim, and every claim names a file', async () => {
    const found = await vscode.workspace.findFiles('**/*.{json,jsonc}');
    const files = found.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
    assert.deepEqual([...claims.keys()].sort(), files);
  });

  test("positive control: VS Code's JSON support reports here (a trailing comma in JSONC is a warning)", async () => {
    // Without this, "no marker from any source" could only mean that VS Code's JSON language server never ran.
    const doc = await vscode.workspace.openTextDocument({ language: 'jsonc', content: '{\n  "a": 1,\n}\n' });
    await vscode.window.showTextDocument(doc);
    const started = performance.now();
    const markers = await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== SOURCE),
      (d) => d.length > 0,
      "a marker from VS Code's JSON support",
      15_000,
    );
    jsonLatencyMs = Math.min(performance.now() - started, 3000);
    assert.ok(markers.some((d) => /trailing comma/i.test(d.message)), describeDiagnostics(markers));
    // An untitled document with content is dirty: revert it, or closing would ask whether to save.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const kind of ['valid', 'codes', 'not ECS'] as const) {
    test(`${kind === 'codes' ? 'files with mistakes: exactly the claimed codes' : kind === 'valid' ? 'valid files' : 'not ECS'}, and no other marker from any source`, async () => {
      const files = [...claims].filter(([, c]) => c.kind === kind);
      assert.ok(files.length > 0, `no example is claimed "${kind}"`);
      for (const [file, claim] of files) {
        const { document } = await openFixture(file);
        const uri = document.uri;
        // Positive control: ECS Lens has analysed this very document (kind "none" for a file that is not ECS).
        const expectedKind = (k: string | undefined) => (claim.kind === 'not ECS' ? k === 'none' : k !== undefined && k !== 'none');
        await waitFor(() => api.getDocumentKind!(uri), expectedKind, `ECS Lens to analyse ${file}`, 10_000);
        const expected = claim.kind === 'codes' ? claim.codes : [];
        const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).map(codeOf).sort();
        await waitFor(ours, (codes) => JSON.stringify(codes) === JSON.stringify(expected), `the claimed codes on ${file}`, 10_000).catch(
          () => assert.fail(`${file}: expected ${JSON.stringify(expected)}, got:\n${allMarkers(uri).join('\n')}`),
        );
        // Give every other source (VS Code's JSON language server validates after a short delay) time to report.
        await settle();
        await sleep(jsonLatencyMs);
        const others = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== SOURCE);
        assert.deepEqual(others.map((d) => `${d.source}: ${d.message}`), [], `${file}: markers from other sources:\n${allMarkers(uri).join('\n')}`);
        assert.deepEqual(ours(), expected, `${file} changed after settling:\n${allMarkers(uri).join('\n')}`);
        await closeAllEditors();
      }
    });
  }
});
