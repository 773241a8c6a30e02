#!/usr/bin/env node
// Compiles the extension-host test code to CommonJS under out/test/:
//   out/test/integration/index.js        mocha entry (extensionTestsPath for @vscode/test-electron)
//   out/test/integration/suites/*.js     the suites, found at run time by index.js
//   out/test/harness/                    the test-only harness extension for code-server (package.json + js)
//   out/test/electron/runTest.js         the @vscode/test-electron launcher
//
// Files are transpiled one by one (no bundling): index.js discovers the suites on disk, `vscode` is provided by
// the extension host, and mocha is loaded from the project's node_modules. esbuild does not type-check; the
// suites are type-checked with `tsc -p test/integration`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'test');

/** Every .ts file under `dir` (relative to the repo root), fixtures excluded: those are documents, not code. */
function tsFiles(dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((f) => !f.includes(`${path.sep}fixtures${path.sep}`));
}

export async function buildTests() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const integration = tsFiles('test/integration').filter((f) => !f.includes(`${path.sep}harness${path.sep}`));
  const harness = tsFiles('test/integration/harness');
  const electron = tsFiles('test/electron');

  const common = {
    bundle: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline', // stack traces of failing tests point at the .ts lines
    logLevel: 'warning',
  };
  await esbuild.build({ ...common, entryPoints: integration, outbase: path.join(root, 'test'), outdir: outDir });
  await esbuild.build({ ...common, entryPoints: electron, outbase: path.join(root, 'test'), outdir: outDir });
  await esbuild.build({ ...common, entryPoints: harness, outdir: path.join(outDir, 'harness') });
  fs.copyFileSync(
    path.join(root, 'test/integration/harness/package.json'),
    path.join(outDir, 'harness', 'package.json'),
  );
  // The compiled files are CommonJS whatever the root package.json says about "type".
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  return {
    entry: path.join(outDir, 'integration', 'index.js'),
    harnessDir: path.join(outDir, 'harness'),
    electronRunner: path.join(outDir, 'electron', 'runTest.js'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildTests();
  console.log(`built tests: ${path.relative(root, out.entry)}, ${path.relative(root, out.harnessDir)}`);
}
