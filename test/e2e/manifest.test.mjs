// End to end: what the manifest gives a user beyond the commands, in code-server with the
// packaged .vsix: the editor's "Chinese Reader" context submenu, the Get Started walkthrough,
// the glossary JSON schema's checks, and the extension's details page (its README with the
// screenshots). Screenshots: test/e2e/screenshots/{context-menu,walkthrough,details-page}.png.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openSeed, openWorkbench, openFromExplorer, runCommand, screenshot, statusItem, until } from '../harness/e2e.mjs';

let workbench;
let page;

before(async () => {
  workbench = await openWorkbench('e2e-manifest', {
    settings: { 'editor.fontSize': 16, 'workbench.colorTheme': 'Default Light Modern' },
    prepare: (sandbox) => {
      // One entry without its English gloss, one with a property no glossary has.
      writeFileSync(path.join(sandbox.workspace, 'terms.glossary.json'), `${JSON.stringify([{ term: '新基建' }, { term: '數字政府', english: 'digital government', colour: 'red' }], null, 2)}\n`);
    },
  });
  page = workbench.page;
  await openSeed(page);
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });
});

after(() => workbench?.close());

/** An item of the open context menu (VS Code draws it in a shadow root; roles reach into it). */
const menuItem = (label) => page.getByRole('menuitem', { name: label }).first();

test('right-click in a Chinese text: a "Chinese Reader" submenu with conversion, study and reading commands; one of them converts the file', async () => {
  const line = page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first();
  await line.click({ button: 'right' });
  await menuItem('Chinese Reader').hover();
  for (const label of ['Convert Script…', 'Convert to Simplified', 'Open Converted Copy to the Side', 'Export Word List…', 'Show Script Report', 'Open Reading View to the Side']) {
    await menuItem(label).waitFor({ timeout: 15_000 });
  }
  // Word-list commands need a selection; without one they are not offered.
  assert.equal(await page.getByRole('menuitem', { name: 'Add to Word List' }).count(), 0);
  await screenshot(page, 'context-menu');
  await menuItem('Convert to Simplified').click();
  await page.locator('.monaco-editor .view-line', { hasText: '新基建时代' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Z');
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first().waitFor({ timeout: 30_000 });
});

test('with a word selected, the submenu offers Add to Word List and Mark as Known', async () => {
  const line = page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first();
  await line.click();
  // The keys go to the editor only once it has focus (one CI run found no selection, with
  // nothing to say why: the keys had likely gone before the focus).
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  // What the user sees: the status bar counts the selection.
  await statusItem(page, '(3 selected)').waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 15_000 });
  await line.click({ button: 'right', position: { x: 10, y: 5 } });
  await menuItem('Chinese Reader').hover();
  await menuItem('Add to Word List').waitFor({ timeout: 15_000 });
  await menuItem('Mark as Known').waitFor({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
});

test('Get Started: the walkthrough lists its four steps, and its first button opens the seed', async () => {
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Chinese Reader' }).first().click();
  const steps = page.locator('.getting-started-step');
  await steps.first().waitFor({ timeout: 30_000 });
  const titles = await page.locator('.getting-started-step .step-title').allTextContents();
  for (const title of ['Open a Chinese text', 'Rest the mouse on a word', 'Convert between scripts', 'Read the Problems panel']) {
    assert.ok(titles.some((t) => t.includes(title)), `step "${title}" in ${JSON.stringify(titles)}`);
  }
  // The open step's media: media/walkthrough/open.md, rendered beside the steps.
  await page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: 'Open a Chinese text' }).waitFor({ timeout: 30_000 });
  await screenshot(page, 'walkthrough');
  await page.locator('.getting-started-step', { hasText: 'Open a Chinese text' }).locator('a, button', { hasText: 'Open the Sample Article' }).first().click();
  await page.locator('.tab', { hasText: 'digital-government-2.0.txt' }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first().waitFor({ timeout: 30_000 });
});

test('a glossary JSON file is checked against the schema: a missing gloss and an unknown property are flagged', async () => {
  await openFromExplorer(page, 'terms.glossary.json');
  await page.locator('.monaco-editor .view-line', { hasText: '數字政府' }).first().waitFor({ timeout: 30_000 });
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const markers = page.locator('.markers-panel .monaco-list-row');
  const texts = await until(async () => {
    const all = (await markers.allTextContents()).join('\n');
    return /english/.test(all) && /colour/.test(all) ? all : undefined;
  }, 'the schema problems in the Problems panel');
  assert.match(texts, /Missing property "english"/);
  assert.match(texts, /Property colour is not allowed/);
});

test("the extension's details page shows its README with every screenshot", async () => {
  await runCommand(page, 'View: Close All Editors');
  await page.keyboard.press('Control+Shift+X');
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Chinese Reader' }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.extension-editor .header .name', { hasText: 'Chinese Reader' }).waitFor({ timeout: 30_000 });
  // The README is shown in a webview; its images must have loaded (inlined in the packaged README).
  // (Webview frames sit in the workbench's overlay layer, not inside the editor's DOM.)
  const readme = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const images = await until(async () => {
    const found = await readme.locator('body').evaluate(() => [...document.images].map((img) => ({ src: img.src.slice(0, 30), w: img.naturalWidth }))).catch(() => []);
    return found.length >= 3 && found.every((i) => i.w > 0) ? found : undefined;
  }, 'the README with its screenshots loaded', 60_000);
  assert.ok(images.length >= 3, `${images.length} images`);
  await screenshot(page, 'details-page');
});
