#!/usr/bin/env node
'use strict';
// The CLI lives in the bundle that `npm ci` builds (the `prepare` script); see src/cli/main.ts.
let cli;
try {
  cli = require('../dist/cli.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    console.error('ecs-lens: the CLI is not built yet; run `npm run build` first.');
    process.exit(2);
  }
  throw err;
}
void cli.main();
