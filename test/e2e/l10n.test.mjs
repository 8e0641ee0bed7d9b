// End to end: the packaged extension in a VS Code whose display language is Simplified
// Chinese (zh-cn). The Command Palette lists our commands with their Chinese titles, the
// Problems panel shows the seed's spam warning in Chinese, and its quick fixes are Chinese.
// VS Code's own chrome stays English: no language pack can be fetched here, so the harness
// registers an empty one (see registerEmptyLanguagePack in test/harness/codeServer.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSeed, openWorkbench, screenshot } from '../harness/e2e.mjs';

const SEO_LINE = '铁牛视频app下载苹果';
const SEO_LABEL = '关键词堆砌（SEO）行';

let workbench;
let page;

before(async () => {
  workbench = await openWorkbench('e2e-l10n', { locale: 'zh-cn' });
  page = workbench.page;
});

after(() => workbench?.close());

const problems = () => page.locator('.markers-panel .monaco-list-row');

test('zh-cn: the Problems panel shows the seed\'s spam warning in Chinese, the matched term as written', async () => {
  await openSeed(page);
  await page.keyboard.press('Control+Shift+M');
  const warning = problems().filter({ hasText: SEO_LABEL });
  await warning.first().waitFor({ timeout: 30_000 });
  const text = await warning.first().innerText();
  assert.match(text, /用“-”连接重复 铁牛视频app ×3（另有 4 条理由）/);
  assert.match(text, /zh\.seo/);
  // The information findings are Chinese too.
  await problems().filter({ hasText: '图片说明：描述图片（图为……）' }).first().waitFor({ timeout: 15_000 });
  await problems().filter({ hasText: '来源或署名：注明来源' }).first().waitFor({ timeout: 15_000 });
});

test('zh-cn: the Command Palette lists the Chinese Reader commands by their Chinese titles', async () => {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('>Chinese Reader: 转换为');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  for (const title of ['转换为繁体（台湾）', '转换为简体', '转换为繁体（香港）']) {
    await rows.filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
  }
  // The screenshot: the palette over the seed, the Chinese warning in the Problems panel below.
  await screenshot(page, 'l10n-zh-cn-palette-problems');
  await page.keyboard.press('Escape');
});

test('zh-cn: the light-bulb quick fixes are Chinese', async () => {
  await problems().filter({ hasText: SEO_LABEL }).first().click();
  await page.locator('.monaco-editor .view-line', { hasText: SEO_LINE }).click();
  const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
  await bulb.waitFor({ state: 'visible', timeout: 15_000 });
  await bulb.click();
  const fixes = page.locator('.action-widget .monaco-list-row');
  await fixes.filter({ hasText: `删除此行（${SEO_LABEL}）` }).first().waitFor({ timeout: 15_000 });
  await fixes.filter({ hasText: '在垃圾内容检查中忽略此行' }).first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'l10n-zh-cn-quick-fix');
  await page.keyboard.press('Escape');
});
