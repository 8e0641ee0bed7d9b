// End to end: script conversion from the command palette of a real VS Code (the packaged
// .vsix in code-server, driven in headless Chromium), on the seed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, installVsix, launchChromium, prepareSandbox, startCodeServer, workbenchUrl } from '../harness/codeServer.mjs';

const SEED = 'digital-government-2.0.txt';
const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');
const VSIX = path.join(REPO, 'dist/chinese-reader.vsix');

let sandbox;
let server;
let browser;
let page;

before(async () => {
  // Documents over 20 KB ask before converting; the seed (8 KB) does not, large.txt does.
  sandbox = prepareSandbox('e2e-convert', { settings: { 'chineseReader.convert.confirmAboveMB': 0.02 } });
  const seed = readFileSync(path.join(REPO, 'seeds', SEED), 'utf8');
  writeFileSync(path.join(sandbox.workspace, 'large.txt'), seed.repeat(4));
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

const editorLines = (text) => page.locator('.monaco-editor .view-lines', { hasText: text });

async function runFromPalette(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(`>Chinese Reader: ${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

test('Convert to Simplified from the command palette converts the seed, and one undo restores it', async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await editorLines('新基建時代').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().click();

  await runFromPalette('Convert to Simplified');
  await editorLines('新基建时代').waitFor({ timeout: 30_000 });
  assert.equal(await editorLines('新基建時代').count(), 0, 'no Traditional first line left');
  // The status bar indicator follows: the document is now Simplified.
  await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: '简' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'convert-to-simplified.png') });

  await page.keyboard.press('Control+Z');
  await editorLines('新基建時代').waitFor({ timeout: 30_000 });
});

test('Convert Script… offers every variant with an example and converts with the one picked', async () => {
  await runFromPalette('Convert Script…');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'Simplified → Traditional (Taiwan, with Taiwan phrases)' }).first().waitFor({ timeout: 15_000 });
  await rows.filter({ hasText: '软件和鼠标 → 軟體和滑鼠' }).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'convert-script-pick.png') });
  await page.keyboard.type('Traditional → Simplified');
  await rows.filter({ hasText: 'Traditional → Simplified' }).first().click();
  await editorLines('新基建时代').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Z');
  await editorLines('新基建時代').waitFor({ timeout: 30_000 });
});

test('a document over chineseReader.convert.confirmAboveMB asks first: Cancel leaves it, Convert converts it', async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'large.txt' });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.monaco-editor .view-lines').first().click();
  await editorLines('新基建時代').first().waitFor({ timeout: 30_000 });

  await runFromPalette('Convert to Simplified');
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'larger than 0.02 MB' });
  await dialog.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'convert-large-file-question.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  assert.equal(await editorLines('新基建时代').count(), 0, 'Cancel converts nothing');

  await runFromPalette('Convert to Simplified');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Convert' }).click();
  await editorLines('新基建时代').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Z');
  await editorLines('新基建時代').first().waitFor({ timeout: 30_000 });
});
