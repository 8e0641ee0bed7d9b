// End to end: the packaged .vsix (with its compiled CC-CEDICT index and the jieba-rs
// runtime in dist/) installed into code-server; hovering words of the seed in the
// browser shows the glossary and CC-CEDICT entries in the hover widget.
//
// Every hover here rests the mouse once and never retries: a hover that does not come
// is a failure, as it is for a reader.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED, openFromExplorer, screenshot, startWorkbenchServer, statusItem } from '../harness/e2e.mjs';

/** Fresh windows in a row for the first-hover test (the issue asks for 10). */
const FRESH_WINDOWS = Number(process.env.CHINESE_READER_FRESH_WINDOWS ?? 10);
/** How long a reader waits for the first hover, loads included (the figure). */
const FIRST_HOVER_MS = 3_000;

let workbench;

before(async () => {
  // The default hover delay (300 ms), as a new user has it.
  workbench = await startWorkbenchServer('e2e-hover', { settings: { 'editor.fontSize': 18 } });
});

after(() => workbench?.close());

/**
 * Moves the mouse once onto the `index`-th character of `word` in the first editor view line
 * showing `word` (a wrapped line is several view lines, so the word is found, not counted).
 */
async function restOn(page, word, index = 0) {
  const line = page.locator('.monaco-editor .view-line', { hasText: word }).first();
  await line.waitFor({ timeout: 30_000 });
  const point = await line.evaluate(
    (el, [w, i]) => {
      const text = el.textContent ?? '';
      let remaining = text.indexOf(w) + i;
      if (remaining < i) return null;
      const range = document.createRange();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (remaining < node.length) {
          range.setStart(node, remaining);
          range.setEnd(node, remaining + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        remaining -= node.length;
      }
      return null;
    },
    [word, index],
  );
  assert.ok(point, `${word} is rendered`);
  await page.mouse.move(10, 10);
  await page.mouse.move(point.x, point.y, { steps: 3 });
}

const hoverWidget = (page, text) => page.locator('.monaco-editor .monaco-hover', { hasText: text }).first();

/** Rests the mouse once on `word` and waits for the hover showing `text`; no second try. */
async function hoverOnce(page, word, index, text, { timeout = 15_000, name = 'hover-failure' } = {}) {
  await restOn(page, word, index);
  try {
    await hoverWidget(page, text).waitFor({ timeout });
  } catch (error) {
    const shown = await page.locator('.monaco-editor .monaco-hover').allInnerTexts();
    await screenshot(page, name);
    throw new Error(`no hover showing "${text}" on ${word} within ${timeout} ms; hover widgets: ${JSON.stringify(shown)}\n${error.message}`);
  }
  return hoverWidget(page, text);
}

test(`the first hover on a freshly opened file shows its entry, in ${FRESH_WINDOWS} fresh windows in a row`, async () => {
  // Each window is a new browser context loading a fresh workbench, so each has its own
  // extension host: the extension activates and loads its dictionary anew every time.
  for (let i = 1; i <= FRESH_WINDOWS; i++) {
    const window = await workbench.openWindow();
    try {
      await openFromExplorer(window.page, SEED);
      // Rest as soon as the extension shows it is there (the script indicator), without
      // waiting for the switch to Chinese Text, the diagnostics or any load.
      await statusItem(window.page, '繁').waitFor({ timeout: 60_000 });
      await hoverOnce(window.page, '政府治理體系', 2, 'govern', { timeout: FIRST_HOVER_MS, name: `hover-first-failure-${i}` });
    } finally {
      await window.close();
    }
  }
});

test('hovers in one window: the glossary gloss, tone colours, a compound, a mixed-script word', async (t) => {
  const { page, close } = await workbench.openWindow();
  t.after(close);
  await openFromExplorer(page, SEED);
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });

  await t.test('新基建 shows the glossary gloss, pinyin and source', async () => {
    const widget = await hoverOnce(page, '新基建時代', 1, 'new infrastructure');
    const text = await widget.innerText();
    assert.match(text, /新基建/);
    assert.match(text, /xīn jī jiàn/);
    assert.match(text, /Glossary glossary\.tsv, line \d+/);
    // Pleco's tone colours survive VS Code's sanitiser in an untrusted hover: xīn is tone 1, red.
    const colours = await widget.locator('span[style*="color"]').evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color));
    assert.ok(colours.includes('rgb(227, 0, 0)'), `tone colours rendered: ${colours.join(', ')}`);
    await screenshot(page, 'hover-glossary');
  });

  await t.test('數字政府 shows the glossary gloss and its CC-CEDICT words 數字 + 政府', async () => {
    const widget = await hoverOnce(page, '新基建時代', 7, 'digital government');
    const text = await widget.innerText();
    assert.match(text, /In CC-CEDICT: 數字 \+ 政府/);
    assert.match(text, /数字\s+shù zì/);
    assert.match(text, /government/);
    await screenshot(page, 'hover-compound');
  });
});
