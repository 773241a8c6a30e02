/**
 * What ships: the npm package is the CLI and the library (publishable: `files`, `bin`, no `private`), and the
 * .vsix holds only what the extension uses. Reads the lists from npm and vsce themselves.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  private?: boolean;
  bin?: Record<string, string>;
  main?: string;
  types?: string;
  exports?: Record<string, { types: string; default: string }>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const norm = (p: string): string => p.replace(/^\.\//, '');

describe('package', () => {
  it('npm pack ships the CLI, the library, its types and the schemas, and nothing else', () => {
    // --ignore-scripts: list what the current build would ship, without rebuilding it (`npm test` just built).
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
    const types = files.filter((f) => f.startsWith('dist/types/'));
    assert.ok(types.includes('dist/types/index.d.ts'), 'dist/types/index.d.ts is missing (run `npm run build -- --types`)');
    assert.deepEqual(types.filter((f) => !f.endsWith('.d.ts')), [], 'only declarations under dist/types');
    assert.deepEqual(
      files.filter((f) => !f.startsWith('dist/types/')),
      [
        'LICENSE',
        'README.md',
        'bin/ecs-lens.js',
        'dist/aws.js',
        'dist/cli.js',
        'dist/index.js',
        'package.json',
        'schemas/service.schema.json',
        'schemas/task-definition.schema.json',
      ],
    );
    // What package.json points at is in the package.
    const targets = [...Object.values(pkg.bin ?? {}), pkg.types, pkg.exports?.['.']?.types, pkg.exports?.['.']?.default].map((t) => norm(String(t)));
    for (const t of targets) assert.ok(files.includes(t), `${t} is named in package.json but not shipped`);
  });

  it('is publishable as a CLI: no "private", a bin with a shebang, a build before publishing', () => {
    assert.equal(pkg.private, undefined);
    assert.deepEqual(Object.keys(pkg.bin ?? {}), ['ecs-lens']);
    assert.match(readFileSync(join(ROOT, pkg.bin!['ecs-lens']), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.match(pkg.scripts.prepublishOnly ?? '', /npm test|scripts\/build\.mjs/);
    // The engine's runtime dependencies stay runtime dependencies of the package.
    for (const dep of ['ajv', 'fast-glob', 'fastest-levenshtein', 'jsonc-parser']) assert.ok(pkg.dependencies[dep], dep);
  });

  it('the .vsix holds only what the extension uses (vsce ls)', () => {
    const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
    const out = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.deepEqual(out.split('\n').filter(Boolean).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/aws.js',
      'dist/extension.js',
      'media/activity.svg',
      'media/icon.png',
      'package.json',
      'snippets/ecs.json',
    ]);
    assert.equal(norm(String((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main)), 'dist/extension.js');
  });
});
