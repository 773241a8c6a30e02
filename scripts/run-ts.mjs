#!/usr/bin/env node
// Runs a TypeScript entry point through tsx (used by the fuzz and bench scripts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsx, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
