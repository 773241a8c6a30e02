#!/usr/bin/env node
// `npm run screenshots`: real pictures of ECS Lens for the README, taken from a real VS Code (code-server 4.100.3
// in headless Chromium, 1280x800) with the packaged extension installed, on a copy of examples/.
//
// Writes media/diagnostics.png (squiggles in a flawed task definition), media/problems.png (the Problems panel),
// media/quickfix.png (the quick-fix menu, Ctrl+., on a Fargate mistake), media/hover.png (a key that explains
// itself), media/completion.png (completion in a container), media/concepts.png (the Concepts view and a concept
// page), media/clusters.png (the live clusters view on the local ECS endpoint, with a revision opened),
// media/register.png (a new revision's diff and its confirmation) and media/deploy.png (the rollout watched).
// Env: ECS_LENS_VSIX to use a prebuilt .vsix, as elsewhere.

import fs from 'node:fs';
import path from 'node:path';
import { endpointEnvironment, startLocalEndpoint } from './code-server/endpoint.mjs';
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
  // The live clusters picture reads the local ECS endpoint's seeded account, as `npm start` does.
  const endpoint = await startLocalEndpoint({ logFile: path.join(tmp, 'endpoint.log') });
  const server = await startCodeServer({
    bin,
    profile,
    folder: workspace,
    port: await freePort(),
    logFile: path.join(tmp, 'code-server.log'),
    env: endpointEnvironment(endpoint.url),
  });
  const { page } = await openWorkbench(server.url, { width: 1280, height: 800 });
  lastPage = page;
  // Let the workbench finish restoring (explorer, status bar) before typing into it.
  await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 30_000 }).catch(() => {});
  await sleep(1500);

  // Quick Open is what a user would do, and it works the same in every VS Code version.
  await openFile(page, FILE);
  await sleep(800); // let all decorations and the status bar settle
  await page.mouse.move(...PARKED_MOUSE);
  fs.mkdirSync(MEDIA, { recursive: true });
  await shoot(page, 'diagnostics.png');

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
  await page.keyboard.press('Escape');

  await learningShots(page);
  await clustersShot(page);
  await registerAndDeployShots(page);
}

/** A button of the modal dialog VS Code shows for a confirmation. */
function dialogButton(page, label) {
  return page.locator('.monaco-dialog-box .dialog-buttons a, .monaco-dialog-box .dialog-buttons .monaco-button').filter({ hasText: new RegExp(`^${label}$`) }).first();
}

async function registerAndDeployShots(page) {
  // The revision opened from AWS becomes an editable copy; a new image tag; Register shows the diff and asks.
  await page.mouse.move(...PARKED_MOUSE);
  await page.keyboard.press('Escape');
  await runCommand(page, 'ECS Lens: Edit as New Revision');
  await page.waitForSelector('.tab.active[aria-label*="Untitled"], .tab.active[title*="Untitled"]', { timeout: 15_000 });
  await sleep(800);
  await page.keyboard.press('Control+H');
  await page.waitForSelector('.find-widget.visible', { timeout: 10_000 });
  await page.keyboard.type('api:1.8.0', { delay: 15 });
  await page.keyboard.press('Tab');
  await page.keyboard.type('api:1.9.0', { delay: 15 });
  await page.keyboard.press('Control+Alt+Enter');
  await page.keyboard.press('Escape');
  await sleep(500);
  await runCommand(page, 'ECS Lens: Register Task Definition Revision');
  await page.waitForSelector('.monaco-dialog-box', { timeout: 30_000 });
  await sleep(1200);
  await page.mouse.move(...PARKED_MOUSE);
  await shoot(page, 'register.png');
  await dialogButton(page, 'Register').click();

  // The new revision's notification offers the deployment; pick the service, confirm, and watch the rollout.
  await page.locator('.notification-list-item').filter({ hasText: 'Registered' }).getByText('Deploy to Service…').first().click({ timeout: 20_000 });
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) .monaco-list-row', { timeout: 20_000 });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'api' }).first().click();
  await page.waitForSelector('.monaco-dialog-box', { timeout: 20_000 });
  await dialogButton(page, 'Deploy').click();
  await page.locator('.notification-list-item').filter({ hasText: /running|desired|rollout|deploy/i }).first().waitFor({ timeout: 20_000 });
  await sleep(6000);
  await page.mouse.move(...PARKED_MOUSE);
  await shoot(page, 'deploy.png');
}

/** Runs a command from the palette, as a user would. */
async function runCommand(page, title) {
  // The palette sometimes misses a key press right after a chord or a closing editor: try again.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    const opened = await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 5_000 }).then(() => true, () => false);
    if (opened) break;
    if (attempt === 2) throw new Error(`the command palette did not open for "${title}"`);
    await page.keyboard.press('Escape');
    await sleep(500);
  }
  await page.keyboard.type(title, { delay: 15 });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** A tree row of a view, by its label text. */
function row(page, text) {
  return page.locator('.monaco-list-row').filter({ hasText: text }).first();
}

async function learningShots(page) {
  // A key that explains itself: the field summary and the concept behind it.
  await openFile(page, 'web-fargate.json').catch(() => {});
  await sleep(800);
  await page.locator('.monaco-editor .view-line span span').filter({ hasText: /^"executionRoleArn"$/ }).first().hover();
  await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10_000 });
  await sleep(500);
  await shoot(page, 'hover.png');
  await page.mouse.move(...PARKED_MOUSE);
  await page.keyboard.press('Escape');

  // Completion in the first container: a new line after "essential", then the suggestions for a key.
  await page.locator('.monaco-editor .view-line span span').filter({ hasText: /^"essential"$/ }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.type('he', { delay: 60 });
  await sleep(700);
  await shoot(page, 'completion.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');

  // The Concepts view with a theme open, and one concept's page.
  await runCommand(page, 'ECS Lens: Focus on Concepts View');
  // Fold the Clusters view so the Concepts view has the room, then filter it as a user would.
  await page.locator('.pane-header').filter({ hasText: 'Clusters' }).first().click();
  await runCommand(page, 'ECS Lens: Filter Concepts');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type('role', { delay: 20 });
  await page.keyboard.press('Enter');
  await row(page, 'Task execution role').waitFor({ timeout: 10_000 });
  await row(page, 'Task execution role').click();
  await page.waitForSelector('.tab[aria-label*="task-execution-role"], .tab[title*="task-execution-role"], iframe.webview', { timeout: 15_000 }).catch(() => {});
  await sleep(2500);
  await page.mouse.move(...PARKED_MOUSE);
  await shoot(page, 'concepts.png');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await runCommand(page, 'ECS Lens: Clear Concept Filter');
  await page.locator('.pane-header').filter({ hasText: 'Clusters' }).first().click();
}

async function clustersShot(page) {
  await runCommand(page, 'ECS Lens: Focus on Clusters View');
  await row(page, 'prod').waitFor({ timeout: 30_000 });
  // Room for the tree's labels: fold Concepts and widen the side bar by dragging its edge.
  await page.locator('.pane-header').filter({ hasText: 'Concepts' }).first().click();
  const box = await page.locator('.part.sidebar').first().boundingBox();
  if (box) {
    const edge = box.x + box.width;
    await page.mouse.move(edge - 1, 400);
    await page.mouse.down();
    await page.mouse.move(edge + 100, 400, { steps: 5 });
    await page.mouse.move(640, 400, { steps: 10 });
    await page.mouse.up();
  }
  await row(page, 'restricted').click();
  await row(page, 'Access denied').waitFor({ timeout: 15_000 });
  await row(page, 'prod').click();
  await row(page, 'api 4/4').waitFor({ timeout: 15_000 });
  await row(page, 'api 4/4').click();
  await row(page, 'RUNNING').waitFor({ timeout: 15_000 });
  await runCommand(page, 'ECS Lens: Open Task Definition from AWS');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type('api:8', { delay: 20 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tab.active[aria-label*="api:8"], .tab.active[title*="api:8"]', { timeout: 15_000 });
  await sleep(800);
  await page.locator('.monaco-editor .view-line span span').filter({ hasText: /^"awslogs-group"$/ }).first().hover();
  await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents', { timeout: 10_000 });
  await sleep(500);
  await shoot(page, 'clusters.png');
}

installSignalHandlers();
/** The workbench page, for a picture of what went wrong when a step fails. */
let lastPage;
let exitCode = 0;
try {
  await main();
} catch (err) {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  await lastPage?.screenshot({ path: path.join(MEDIA, 'failed.tmp.png') }).catch(() => {});
  exitCode = 1;
} finally {
  await runCleanups();
}
process.exit(exitCode);
