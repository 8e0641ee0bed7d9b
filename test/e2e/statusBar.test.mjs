// End to end: the packaged .vsix installed into a real VS Code (code-server), driven
// through the workbench UI in headless Chromium, as a user would.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  REPO,
  installVsix,
  launchChromium,
  prepareSandbox,
  startCodeServer,
  workbenchUrl,
} from '../harness/codeServer.mjs';

const SEED = 'digital-government-2.0.txt';
const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');
const VSIX = path.join(REPO, 'dist/chinese-reader.vsix');

let sandbox;
let server;
let browser;
let page;

before(async () => {
  sandbox = prepareSandbox('e2e');
  await installVsix(VSIX, sandbox.extensions);
  server = await startCodeServer(sandbox);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(server, { folder: sandbox.workspace }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  sandbox?.cleanup();
});

const statusItem = (text) => page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text });

test('opening the seed from the Explorer shows 繁 and Chinese Text in the status bar', async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  // The editor shows the seed's first line.
  await page.locator('.monaco-editor .view-lines', { hasText: '新基建時代' }).waitFor({ timeout: 30_000 });
  const indicator = statusItem('繁');
  await indicator.waitFor({ timeout: 30_000 });
  assert.equal((await indicator.innerText()).trim(), '繁');
  await statusItem('Chinese Text').waitFor({ timeout: 30_000 });

  // Its tooltip names the Simplified last line.
  await indicator.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover', { hasText: 'Line 84 is Simplified' });
  await hover.first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-status-bar.png') });
});

test('clicking the indicator opens Convert Script, whose Show Script Report item lists the Simplified line and jumps to it', async () => {
  await page.mouse.move(700, 400);
  await statusItem('繁').click();
  // The click opens the Convert Script pick: conversions with live examples, and the report.
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'Traditional → Simplified' }).first().waitFor({ timeout: 15_000 });
  await rows.filter({ hasText: '頭髮和後面 → 头发和后面' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.type('Show Script Report');
  await rows.filter({ hasText: 'Show Script Report' }).first().click();
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Line 84 is Simplified' });
  await item.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'script-report.png') });
  await item.click();
  await statusItem('Ln 84, Col 1').waitFor({ timeout: 15_000 });
});
