// End to end: the packaged .vsix installed into a real VS Code (code-server), driven
// through the workbench UI in headless Chromium, as a user would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSeed, openWorkbench, screenshot, statusItem } from '../harness/e2e.mjs';

let workbench;
let page;

before(async () => {
  workbench = await openWorkbench('e2e');
  page = workbench.page;
});

after(() => workbench?.close());

test('opening the seed from the Explorer shows 繁 and Chinese Text in the status bar', async () => {
  await openSeed(page); // waits until the editor shows the seed's first line
  const indicator = statusItem(page, '繁');
  await indicator.waitFor({ timeout: 30_000 });
  assert.equal((await indicator.innerText()).trim(), '繁');
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 30_000 });

  // Its tooltip names the Simplified last line.
  await indicator.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover', { hasText: 'Line 84 is Simplified' });
  await hover.first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'seed-status-bar');
});

test('clicking the indicator opens Convert Script, whose Show Script Report item lists the Simplified line and jumps to it', async () => {
  await page.mouse.move(700, 400);
  await statusItem(page, '繁').click();
  // The click opens the Convert Script pick: conversions with live examples, and the report.
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: 'Traditional → Simplified' }).first().waitFor({ timeout: 15_000 });
  await rows.filter({ hasText: '頭髮和後面 → 头发和后面' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.type('Show Script Report');
  await rows.filter({ hasText: 'Show Script Report' }).first().click();
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Line 84 is Simplified' });
  await item.waitFor({ timeout: 15_000 });
  await screenshot(page, 'script-report');
  await item.click();
  await statusItem(page, 'Ln 84, Col 1').waitFor({ timeout: 15_000 });
});
