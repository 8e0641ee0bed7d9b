// End to end: the seed's outline in the Outline view of the Explorer sidebar, as a user
// sees it, with the packaged .vsix installed in a real VS Code (code-server).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickEditorLine, openSeed, openWorkbench, runCommand, screenshot, statusItem } from '../harness/e2e.mjs';

const TITLE = '新基建時代,“數字政府2.0建設”如何推進?';
const SECTIONS = ['1、應對治理大考:讓數字化想象力落地', '2、數字政府2.0時代:數據運營能力成關鍵', '3、智慧城市布局加速:需統籌全國“一盤棋”'];

let workbench;
let page;

before(async () => {
  // The Outline view tall enough to show every entry; breadcrumbs on (the default).
  workbench = await openWorkbench('e2e-outline', { settings: { 'breadcrumbs.enabled': true } });
  page = workbench.page;
});

after(() => workbench?.close());

const outlineRows = () => page.locator('.pane:has(.pane-header[aria-label*="Outline"]) .monaco-list-row');

test('the Outline view lists the seed\'s title and its three sections, nested, with length and reading time', async () => {
  await openSeed(page);
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 30_000 });

  await runCommand(page, 'Explorer: Focus on Outline View');
  const rows = outlineRows();
  await rows.filter({ hasText: SECTIONS[2] }).waitFor({ timeout: 30_000 });
  const names = await rows.locator('.label-name').allInnerTexts();
  assert.deepEqual(names.map((t) => t.trim()), [TITLE, ...SECTIONS]);
  const details = await rows.locator('.label-description').allInnerTexts();
  assert.deepEqual(details.map((t) => t.trim()), ['2,759 chars · 7 min', '651 chars · 2 min', '1,153 chars · 3 min', '853 chars · 2 min']);
  // Nesting: the sections are one level below the title.
  const levels = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-level'))));
  assert.deepEqual(levels, [1, 2, 2, 2]);
  await screenshot(page, 'outline-view');
});

test('clicking a section in the Outline view moves the editor there, and the breadcrumbs follow', async () => {
  await outlineRows().filter({ hasText: SECTIONS[1] }).click();
  await statusItem(page, /Ln 22, Col 1/).waitFor({ timeout: 15_000 });
  const breadcrumbs = page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: SECTIONS[1] });
  await breadcrumbs.first().waitFor({ timeout: 15_000 });
  await screenshot(page, 'outline-breadcrumbs');
});

test('Go to Symbol in Editor (Ctrl+Shift+O) offers the sections and jumps to one', async () => {
  await clickEditorLine(page, SECTIONS[1]);
  await page.keyboard.press('Control+Shift+O');
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: SECTIONS[2] });
  await item.waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.quick-input-widget .monaco-list-row', { hasText: SECTIONS[0] }).count(), 1);
  await screenshot(page, 'outline-go-to-symbol');
  await item.click();
  await statusItem(page, /Ln 56, Col 1/).waitFor({ timeout: 15_000 });
});

test('sticky scroll keeps the title and the current section at the top while scrolling through it', async () => {
  await page.keyboard.press('Escape');
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.click();
  await page.keyboard.press('Control+Home');
  await editor.hover();
  // Scroll until line 30 (inside section 2) is near the top.
  const sticky = page.locator('.sticky-widget', { hasText: SECTIONS[1] });
  for (let i = 0; i < 20 && !(await sticky.isVisible()); i++) await page.mouse.wheel(0, 200);
  await sticky.waitFor({ timeout: 15_000 });
  assert.match(await page.locator('.sticky-widget').innerText(), /新基建時代/);
  await screenshot(page, 'outline-sticky-scroll');
});
