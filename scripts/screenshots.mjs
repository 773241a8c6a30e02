#!/usr/bin/env node
// `npm run screenshots`: real pictures of ECS Lens for the README, taken from a real VS Code (code-server 4.100.3
// in headless Chromium, 1280x800) with the packaged extension installed, on a copy of examples/.
//
// Writes media/diagnostics.png (squiggles in a flawed task definition), media/hover.png (the message on hover),
// media/problems.png (the Problems panel) and media/quickfix.png (the quick-fix menu, Ctrl+., on a Fargate
// mistake). Env: ECS_LENS_VSIX to use a prebuilt .vsix, as elsewhere.

import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureCodeServer } from './code-server/install.mjs';
import {
  REPO_ROOT,
  freePort,
  installExtensions,
  installSignalHandlers,
  log,
  makeProfile,
  makeTempRoot,
  openWorkbench,
  packageExtension,
  runCleanups,
  sleep,
  startCodeServer,
} from './code-server/session.mjs';

const MEDIA = path.join(REPO_ROOT, 'media');
const FILE = 'broken-types.json';
// The line whose squiggle gets hovered: a typo with a "did you mean" in its message reads well in a picture.
const HOVER_TEXT = '"enviroment"';
// The quick-fix picture: a Fargate task definition with bridge networking, cursor on the value, menu open.
const QUICKFIX_FILE = 'fargate-mistakes.json';
const QUICKFIX_TEXT = '"bridge"';
const QUICKFIX_TITLE = 'Set "networkMode" to "awsvpc"';

// Where the mouse rests between shots: empty explorer space, where it opens no hover or tooltip.
const PARKED_MOUSE = [200, 560];

// Picture-friendly settings on top of the clean-profile ones: more room for the code, no distractions.
const SCREENSHOT_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'editor.hover.delay': 150,
  'editor.stickyScroll.enabled': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'workbench.editor.empty.hint': 'hidden',
  'explorer.autoReveal': true,
};

async function shoot(page, name) {
  const file = path.join(MEDIA, name);
  await page.screenshot({ path: file });
  log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

/** Opens a workspace file with Quick Open, as a user would, and waits for its squiggles. */
async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type(name, { delay: 20 });
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"], .tab.active[title*="${name}"]`, { timeout: 10_000 }).catch(() => {});
  // Squiggles are decorations in the editor's overlay layer: their presence means diagnostics reached the UI.
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
}

async function main() {
  const bin = await ensureCodeServer();
  await ensureChromium();
  const vsix = await packageExtension();

  const tmp = makeTempRoot('ecs-lens-shots-');
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const profile = makeProfile(tmp, SCREENSHOT_SETTINGS);
  await installExtensions(bin, profile, [vsix]);
  const server = await startCodeServer({
    bin,
    profile,
    folder: workspace,
    port: await freePort(),
    logFile: path.join(tmp, 'code-server.log'),
  });
  const { page } = await openWorkbench(server.url, { width: 1280, height: 800 });
  // Let the workbench finish restoring (explorer, status bar) before typing into it.
  await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 30_000 }).catch(() => {});
  await sleep(1500);

  // Quick Open is what a user would do, and it works the same in every VS Code version.
  await openFile(page, FILE);
  await sleep(800); // let all decorations and the status bar settle
  await page.mouse.move(...PARKED_MOUSE);
  fs.mkdirSync(MEDIA, { recursive: true });
  await shoot(page, 'diagnostics.png');

  const word = page.locator('.monaco-editor .view-line span', { hasText: HOVER_TEXT }).first();
  await word.hover();
  await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .marker', {
    timeout: 10_000,
  });
  await sleep(400);
  await shoot(page, 'hover.png');

  await page.mouse.move(...PARKED_MOUSE);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 10_000 });
  await sleep(600);
  await shoot(page, 'problems.png');

  // Quick fixes: close the panel, open the Fargate mistakes, put the cursor on "bridge" and press Ctrl+. there.
  await page.keyboard.press('Control+J');
  await page.waitForSelector('.markers-panel', { state: 'hidden', timeout: 10_000 }).catch(() => {});
  await openFile(page, QUICKFIX_FILE);
  await sleep(800);
  // The token's own span (the line's outer span would put the click in the middle of the line).
  await page.locator('.monaco-editor .view-line span span').filter({ hasText: new RegExp(`^${QUICKFIX_TEXT}$`) }).first().click();
  await page.mouse.move(...PARKED_MOUSE);
  await page.keyboard.press('Escape'); // a hover the click may have started
  await page.keyboard.press('Control+.');
  // The menu lists the titles our provider returned: wait for ours, not just for the widget.
  await page.locator('.action-widget').getByText(QUICKFIX_TITLE).first().waitFor({ state: 'visible', timeout: 10_000 });
  await sleep(400);
  await shoot(page, 'quickfix.png');
}

installSignalHandlers();
let exitCode = 0;
try {
  await main();
} catch (err) {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
