// End to end: the packaged .vsix (with its compiled CC-CEDICT index and the jieba-rs
// runtime in dist/) installed into code-server; hovering words of the seed in the
// browser shows the glossary and CC-CEDICT entries in the hover widget.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED, openFromExplorer, openWorkbench, screenshot, statusItem } from '../harness/e2e.mjs';

let workbench;
let page;

before(async () => {
  workbench = await openWorkbench('e2e-hover', { settings: { 'editor.hover.delay': 100, 'editor.fontSize': 18 } });
  page = workbench.page;
  await openFromExplorer(page, SEED);
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).waitFor({ timeout: 30_000 });
  // The script indicator appears once the extension is active and its hover provider registered.
  await statusItem(page, '繁').waitFor({ timeout: 60_000 });
  // The switch to Chinese Text re-renders the editor's lines; hover after it.
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });
});

after(() => workbench?.close());

/** Moves the mouse over the `index`-th character of the editor line containing `lineText`. */
async function hoverCharacter(lineText, index) {
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
  const box = await line.boundingBox();
  assert.ok(box, `the line with ${lineText} is on screen`);
  // Measure the rendered characters rather than assume a width: the span holding the text.
  const x = await line.evaluate((el, i) => {
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let remaining = i;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (remaining < node.length) {
        range.setStart(node, remaining);
        range.setEnd(node, remaining + 1);
        const r = range.getBoundingClientRect();
        return r.left + r.width / 2;
      }
      remaining -= node.length;
    }
    return null;
  }, index);
  assert.ok(x !== null, `character ${index} is rendered`);
  await page.mouse.move(10, 10);
  await page.mouse.move(x, box.y + box.height / 2, { steps: 3 });
}

const hoverWidget = (text) => page.locator('.monaco-editor .monaco-hover', { hasText: text }).first();

/**
 * Hovers the character until the widget with `text` shows. The first hover of a session
 * loads the dictionary and the segmenter; VS Code may show a hover that resolved before
 * our provider answered, and the editor may re-render the line under the mouse, so the
 * mouse leaves and comes back, up to `attempts` times.
 */
async function hoverUntil(lineText, index, text, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      await hoverCharacter(lineText, index);
      await hoverWidget(text).waitFor({ timeout: 15_000 });
      return hoverWidget(text);
    } catch (error) {
      if (attempt >= attempts) {
        await screenshot(page, 'hover-failure');
        throw error;
      }
    }
  }
}

test('hovering 新基建 in the seed shows the glossary gloss, pinyin and source', async () => {
  const widget = await hoverUntil('新基建時代', 1, 'new infrastructure');
  const text = await widget.innerText();
  assert.match(text, /新基建/);
  assert.match(text, /xīn jī jiàn/);
  assert.match(text, /Glossary glossary\.tsv, line \d+/);
  // Pleco's tone colours survive VS Code's sanitiser in an untrusted hover: xīn is tone 1, red.
  const colours = await widget.locator('span[style*="color"]').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color));
  assert.ok(colours.includes('rgb(227, 0, 0)'), `tone colours rendered: ${colours.join(', ')}`);
  await screenshot(page, 'hover-glossary');
});

test('hovering 數字政府 shows the glossary gloss and its CC-CEDICT words 數字 + 政府', async () => {
  const widget = await hoverUntil('新基建時代', 7, 'digital government');
  const text = await widget.innerText();
  assert.match(text, /In CC-CEDICT: 數字 \+ 政府/);
  assert.match(text, /数字\s+shù zì/);
  assert.match(text, /government/);
  await screenshot(page, 'hover-compound');
});
