#!/usr/bin/env node
// `npm run package`: the .vsix. vsce refuses a manifest that has both `files` (for npm) and .vscodeignore (for
// the .vsix), so the files `vsce ls` selects are staged in .cache/vsix with a manifest without `files`, and
// packaged from there. The Marketplace page is the user guide docs/marketplace.md, not the repository README
// (which also explains development).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache/vsix');
const vsce = join(root, 'node_modules/.bin/vsce');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
for (const f of files) cpSync(join(root, f), join(out, f));
copyFileSync(join(root, 'docs/marketplace.md'), join(out, 'README.md'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
delete manifest.files;
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(root, '.vscodeignore'), join(out, '.vscodeignore'));
execFileSync(vsce, ['package', '--no-dependencies', '--out', join(root, 'ecs-lens.vsix')], { cwd: out, stdio: 'inherit' });
