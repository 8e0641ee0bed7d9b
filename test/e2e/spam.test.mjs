// End to end: the packaged extension flags the seed's SEO line in the Problems panel,
// and the light-bulb quick fix deletes it, driven through the workbench UI.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, installVsix, launchChromium, prepareSandbox, startCodeServer, workbenchUrl } from '../harness/codeServer.mjs';

const SEED = 'digital-government-2.0.txt';
const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');
const VSIX = path.join(REPO, 'dist/chinese-reader.vsix');
const SEO_LINE = '铁牛视频app下载苹果';

let sandbox;
let server;
let browser;
let page;

before(async () => {
  sandbox = prepareSandbox('e2e-spam');
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

const problems = () => page.locator('.markers-panel .monaco-list-row');

test("the Problems panel shows the seed's SEO warning", async () => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.monaco-editor .view-lines', { hasText: '新基建時代' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  const warning = problems().filter({ hasText: 'keyword-stuffing (SEO) line' });
  await warning.first().waitFor({ timeout: 30_000 });
  const text = await warning.first().innerText();
  assert.match(text, /repeats 铁牛视频app ×3/);
  assert.match(text, /zh\.seo/);
  // The caption and the source line are listed as information; nothing else.
  await problems().filter({ hasText: 'photo caption' }).first().waitFor({ timeout: 15_000 });
  await problems().filter({ hasText: 'source or byline' }).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'spam-problems.png') });
});

test('the light-bulb quick fix deletes the line', async () => {
  // Clicking the problem puts the cursor on the flagged line.
  await problems().filter({ hasText: 'keyword-stuffing (SEO) line' }).first().click();
  await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: 'Ln 84' }).waitFor({ timeout: 15_000 });
  // The light bulb shows in a focused editor: click into the flagged line's text.
  await page.locator('.monaco-editor .view-line', { hasText: SEO_LINE }).click();
  const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
  await bulb.waitFor({ state: 'visible', timeout: 15_000 });
  await bulb.click();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Delete this line' }).first();
  await fix.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'spam-quick-fix.png') });
  // The preferred fix is the focused first entry: Enter applies it, as a user would.
  await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Delete this line' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: SEO_LINE }).waitFor({ state: 'detached', timeout: 15_000 });
  await problems().filter({ hasText: 'keyword-stuffing (SEO) line' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  assert.equal(await problems().filter({ hasText: 'zh.seo' }).count(), 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'spam-after-fix.png') });
});
