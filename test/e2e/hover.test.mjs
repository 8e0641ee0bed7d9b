// End to end: the packaged .vsix (with its compiled CC-CEDICT index and the jieba-rs
// runtime in dist/) installed into code-server; hovering words of the seed in the
// browser shows the glossary and CC-CEDICT entries in the hover widget.
//
// Every hover here rests the mouse once and never retries: a hover that does not come
// is a failure, as it is for a reader.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED, openFromExplorer, runCommand, screenshot, startWorkbenchServer, statusItem } from '../harness/e2e.mjs';

/** Fresh windows in a row for the first-hover test (the issue asks for 10). */
const FRESH_WINDOWS = Number(process.env.CHINESE_READER_FRESH_WINDOWS ?? 10);
/** How long a reader waits for the first hover, loads included (the figure). */
const FIRST_HOVER_MS = 3_000;

let workbench;

before(async () => {
  // The default hover delay (300 ms), as a new user has it.
  workbench = await startWorkbenchServer('e2e-hover', {
    settings: { 'editor.fontSize': 18 },
    prepare: ({ workspace }) => {
      // Hostile glossary cells: a lone CR before "===" (a heading, were it a line break) and
      // bare addresses (links, were GFM's autolinks left to them).
      appendFileSync(
        path.join(workspace, 'glossary.tsv'),
        '\n試驗詞\t\t\tfirst sense\r===\n網址詞\t\t\tsee https://example.com/a and www.example.org or me@example.com\n',
      );
      writeFileSync(path.join(workspace, 'hostile.zh.txt'), '這是試驗詞和網址詞。\n');
    },
  });
});

after(() => workbench?.close());

/** Where the `index`-th character of `word` is drawn in the first view line showing it, or null. */
async function characterCentre(page, word, index) {
  const line = page.locator('.monaco-editor .view-line', { hasText: word }).first();
  await line.waitFor({ timeout: 30_000 });
  return line.evaluate(
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
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
        }
        remaining -= node.length;
      }
      return null;
    },
    [word, index],
  );
}

/**
 * Moves the mouse once onto the `index`-th character of `word` (a wrapped line is several
 * view lines, so the word is found, not counted). The character is measured until the
 * editor has laid it out (a non-empty box, the same twice in a row): a line measured
 * while the editor re-renders it (when the language switches and word wrap comes on)
 * has an empty box at 0,0, and the mouse would rest on the title bar. Measuring again is
 * not hovering again: the mouse moves onto the word once.
 */
async function restOn(page, word, index = 0) {
  let point = null;
  for (let i = 0; i < 100; i++) {
    const next = await characterCentre(page, word, index);
    if (next && next.width > 0 && point && next.x === point.x && next.y === point.y) break;
    point = next;
    await page.waitForTimeout(100);
  }
  assert.ok(point && point.width > 0, `${word} is laid out on screen`);
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
      // Rest as soon as the extension shows it is active (the script indicator), without
      // waiting for the diagnostics or any load. Earlier than
      // that, VS Code finds no hover provider (the extension host of a new window starts
      // after the file shows, and activating on "*" does not change that: measured), and it
      // does not ask again while the mouse rests on the same character.
      await statusItem(window.page, '繁').waitFor({ timeout: 60_000 });
      // The seed is a .txt file: the extension switches it to Chinese Text, and the editor
      // lays its lines out again (word wrap comes on). Rest once that is done, as a reader
      // whose file just took its final look.
      await statusItem(window.page, 'Chinese Text').waitFor({ timeout: 60_000 });
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

test('glossary data is shown as text: a lone CR makes no heading, a bare URL no link', async (t) => {
  const { page, close } = await workbench.openWindow();
  t.after(close);
  await openFromExplorer(page, 'hostile.zh.txt');
  // A *.zh.txt file is Chinese Text before the extension is active; the script indicator
  // shows that it is (see the first test).
  await statusItem(page, '繁').waitFor({ timeout: 60_000 });
  const heading = await hoverOnce(page, '試驗詞', 0, 'first sense');
  assert.equal(await heading.locator('h1, h2, h3, h4, h5, h6').count(), 0, 'no heading in the hover');
  assert.match(await heading.innerText(), /first sense ===/);
  const link = await hoverOnce(page, '網址詞', 0, 'example.com');
  // The only links a hover may hold are the study tools' own word-list commands.
  const foreign = await link.locator('a').evaluateAll((anchors) =>
    anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '').filter((href) => !href.startsWith('command:chineseReader.study.')),
  );
  assert.deepEqual(foreign, [], 'no link from the glossary in the hover');
  assert.match(await link.innerText(), /see https:\/\/example\.com\/a and www\.example\.org or me@example\.com/);
});

test('the hover of a mixed-script word, with the word wrap on and the diagnostics faded; the log says what loaded', async (t) => {
  const { page, close } = await workbench.openWindow();
  t.after(close);
  await openFromExplorer(page, SEED);
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });
  // Word wrap is on for Chinese Text: line 4 (160 characters) takes several view lines.
  const line4 = page.locator('.monaco-editor .view-line', { hasText: '數字化正在重新定義' });
  await line4.first().waitFor({ timeout: 15_000 });
  const wrapped = await page.locator('.monaco-editor .view-line').evaluateAll((lines) => lines.filter((l) => l.textContent.includes('與之相輔相成')).length);
  assert.ok(wrapped >= 1);
  const editorWidth = await page.locator('.monaco-editor .view-lines').first().evaluate((el) => el.getBoundingClientRect().width);
  const lineWidth = await line4.first().evaluate((el) => el.scrollWidth);
  assert.ok(lineWidth <= editorWidth + 1, `a view line fits the editor: ${lineWidth} <= ${editorWidth}`);

  const widget = await hoverOnce(page, '數字政府2.0建設', 0, 'digital government');
  // The header (the word, both scripts, pinyin) is not cut off: no scrollbar inside the hover.
  const scrolls = await widget.evaluate((el) => {
    const body = el.querySelector('.monaco-scrollable-element > *') ?? el;
    return body.scrollHeight > el.clientHeight + 1;
  });
  assert.equal(scrolls, false, 'the hover fits without scrolling');
  await screenshot(page, 'hover-compound');

  const duiyu = await hoverOnce(page, '對于技術', 0, 'regarding');
  const text = await duiyu.innerText();
  assert.match(text, /對於 · 对于/);
  assert.match(text, /written 對于 here/);
  await screenshot(page, 'hover-mixed-script');

  await runCommand(page, 'Output: Show Output Channels...');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Chinese Reader' }).first().click();
  await page.locator('.monaco-editor', { hasText: 'Loaded the CC-CEDICT index in' }).first().waitFor({ timeout: 15_000 });
});
