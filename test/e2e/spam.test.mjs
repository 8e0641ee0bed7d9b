// End to end: the packaged extension flags the seed's SEO line in the Problems panel,
// and the light-bulb quick fix deletes it, driven through the workbench UI.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSeed, openWorkbench, screenshot, statusItem } from '../harness/e2e.mjs';

const SEO_LINE = '铁牛视频app下载苹果';

let workbench;
let page;

before(async () => {
  workbench = await openWorkbench('e2e-spam');
  page = workbench.page;
});

after(() => workbench?.close());

const problems = () => page.locator('.markers-panel .monaco-list-row');

test("the Problems panel shows the seed's SEO warning", async () => {
  await openSeed(page);
  await page.keyboard.press('Control+Shift+M');
  const warning = problems().filter({ hasText: 'keyword-stuffing (SEO) line' });
  await warning.first().waitFor({ timeout: 30_000 });
  const text = await warning.first().innerText();
  assert.match(text, /repeats 铁牛视频app ×3/);
  assert.match(text, /zh\.seo/);
  // The caption and the source line are listed as information; nothing else.
  await problems().filter({ hasText: 'photo caption' }).first().waitFor({ timeout: 15_000 });
  await problems().filter({ hasText: 'source or byline' }).first().waitFor({ timeout: 15_000 });
  // The information lines are faded in the editor (DiagnosticTag.Unnecessary), so that a
  // reader can skip them: the source line (2) and the caption (20) carry the faded decoration.
  const faded = page.locator('.monaco-editor .view-line .squiggly-inline-unnecessary');
  await faded.first().waitFor({ timeout: 15_000 });
  const fadedText = (await faded.allInnerTexts()).join('');
  assert.match(fadedText, /網絡傳播雜志/, 'the source line is faded');
  assert.doesNotMatch(fadedText, /铁牛视频/, 'the warning is not faded');
  await screenshot(page, 'spam-problems');
});

test('the light-bulb quick fix deletes the line', async () => {
  // Clicking the problem puts the cursor on the flagged line.
  await problems().filter({ hasText: 'keyword-stuffing (SEO) line' }).first().click();
  await statusItem(page, 'Ln 84').waitFor({ timeout: 15_000 });
  // The light bulb shows in a focused editor: click into the flagged line's text.
  await page.locator('.monaco-editor .view-line', { hasText: SEO_LINE }).click();
  const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
  await bulb.waitFor({ state: 'visible', timeout: 15_000 });
  await bulb.click();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Delete this line' }).first();
  await fix.waitFor({ timeout: 15_000 });
  await screenshot(page, 'spam-quick-fix');
  // The preferred fix is the focused first entry: Enter applies it, as a user would.
  await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Delete this line' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: SEO_LINE }).waitFor({ state: 'detached', timeout: 15_000 });
  await problems().filter({ hasText: 'keyword-stuffing (SEO) line' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  assert.equal(await problems().filter({ hasText: 'zh.seo' }).count(), 0);
  await screenshot(page, 'spam-after-fix');
});
