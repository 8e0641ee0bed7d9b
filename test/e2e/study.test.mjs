// End to end: the packaged .vsix in code-server, the seed open in headless Chromium, with
// inline pinyin on and unknown words highlighted, as a reader sets them in settings.json.
// The screenshots (test/e2e/screenshots/study-*.png) are the README's.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SEED, openFromExplorer, openWorkbench, runCommand, screenshot, statusItem } from '../harness/e2e.mjs';

let workbench;
let page;

/** A few words a learner knows: the seed's commonest function words. */
const KNOWN = ['的', '在', '是', '和', '與', '了', '也', '將', '更', '為', '中', '一'];

before(async () => {
  workbench = await openWorkbench('e2e-study', {
    settings: {
      'editor.fontSize': 18,
      'editor.inlayHints.enabled': 'on',
      'chineseReader.study.inlinePinyin': 'all',
      'chineseReader.study.highlightUnknown': true,
      'chineseReader.study.knownShareInStatusBar': true,
    },
    prepare: (sandbox) => writeFileSync(path.join(sandbox.workspace, 'chinese-known-words.txt'), `${KNOWN.join('\n')}\n`),
  });
  page = workbench.page;
  await openFromExplorer(page, SEED);
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first().waitFor({ timeout: 30_000 });
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });
});

after(() => workbench?.close());

/**
 * The rendered text of the document line whose first view line holds `start` (inlay hints
 * included), with its wrapped continuation lines: Chinese Text wraps long lines, and a
 * line's hints can run onto the next view line. View lines are absolutely positioned, so
 * they are put in order by their top; the continuation ends where the next line number is.
 */
async function lineText(start) {
  return page.locator('.monaco-editor').first().evaluate((editor, start) => {
    const byTop = (els) => [...els].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    const lines = byTop(editor.querySelectorAll('.view-lines .view-line'));
    const numbers = byTop(editor.querySelectorAll('.margin-view-overlays .line-numbers')).filter((n) => n.textContent.trim() !== '');
    const first = lines.findIndex((l) => l.textContent.includes(start));
    if (first < 0) return '';
    const top = parseFloat(lines[first].style.top);
    const nextNumber = numbers.map((n) => parseFloat(n.parentElement.style.top || n.style.top)).find((t) => t > top) ?? Infinity;
    return lines
      .slice(first)
      .filter((l) => parseFloat(l.style.top) < nextNumber)
      .map((l) => l.textContent.replace(/\u00a0/g, ' '))
      .join('');
  }, start);
}

test('inline pinyin shows each word\'s reading after it, in context, on the seed', async () => {
  // The first line: 新基建時代,“數字政府2.0建設”如何推進?  The hints load with the dictionary.
  await page.locator('.monaco-editor .view-line', { hasText: 'shídài' }).first().waitFor({ timeout: 60_000 });
  const text = await lineText('新基建');
  assert.match(text, /時代\s*shídài/);
  assert.match(text, /如何\s*rúhé/);
  assert.match(text, /推進\s*tuījìn/);
  // The status bar entry shows inline pinyin is on.
  await statusItem(page, '拼').waitFor({ timeout: 15_000 });
  await screenshot(page, 'study-inline-pinyin');
});

test('unknown words are highlighted with the theme colour; known words are not', async () => {
  // VS Code draws a decoration's background as a div in the line's overlay layer.
  const overlays = page.locator('.monaco-editor .view-overlays div[class*="ced-"]');
  await overlays.first().waitFor({ timeout: 60_000 });
  const count = await overlays.count();
  assert.ok(count > 20, `${count} highlighted words on screen`);
  const background = await overlays.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the highlight has a colour');
  // On the line 「…原本正常的社會運行…」, 的 is in the known list and 社會 is not: a highlight
  // covers the middle of 社 and none covers 的 (the first of each after 原本).
  const covered = (char) =>
    page.evaluate((char) => {
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent.includes('原本') && l.textContent.includes('社會'));
      if (!line) return 'no line';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let after = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const from = after ? 0 : node.data.indexOf('原本');
        if (from < 0) continue;
        after = true;
        const at = node.data.indexOf(char, from);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const r = range.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return [...document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"]')].some((d) => {
          const b = d.getBoundingClientRect();
          return b.left <= x && x <= b.right && b.top <= y && y <= b.bottom;
        });
      }
      return 'no character';
    }, char);
  assert.equal(await covered('社'), true, '社會 (unknown) is highlighted');
  assert.equal(await covered('的'), false, '的 (known) is not');
  await screenshot(page, 'study-unknown-words');
});

test('the status bar shows the share of the seed\'s words that are known', async () => {
  const item = statusItem(page, /^known \d+%$/);
  await item.waitFor({ timeout: 60_000 });
  const share = Number(/known (\d+)%/.exec(await item.innerText())[1]);
  // Twelve function words of the seed are known: a real share, far from 0 and 100.
  assert.ok(share > 5 && share < 60, `known ${share}%`);
});

test('Show Reading Statistics opens a webview with the figures and the level chart, no script', async () => {
  await runCommand(page, 'Show Reading Statistics', 'Chinese Reader: ');
  // The webview's content lives in a nested iframe.
  let frame;
  for (let i = 0; i < 120 && !frame; i++) {
    for (const f of page.frames()) {
      if (await f.locator('h1', { hasText: 'Reading statistics' }).count().catch(() => 0)) frame = f;
    }
    if (!frame) await page.waitForTimeout(500);
  }
  assert.ok(frame, 'the statistics webview rendered');
  const body = await frame.locator('body').innerText();
  assert.match(body, /of words known/);
  assert.match(body, /estimated level/);
  assert.match(body, /1、應對治理大考/, 'a row per outline section');
  assert.equal(await frame.locator('svg.chart rect.bar').count(), 8, 'a bar per HSK 3.0 level and one for words in no list');
  assert.equal(await frame.locator('script').count(), 0);
  const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  await screenshot(page, 'study-statistics');
});

test('Toggle Inline Pinyin turns the hints off from the Command Palette', async () => {
  await runCommand(page, 'Toggle Inline Pinyin', 'Chinese Reader: ');
  await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-editor .view-line')].some((l) => l.textContent.includes('shídài')), null, { timeout: 30_000 });
  const text = await lineText('新基建');
  assert.doesNotMatch(text, /shídài/);
});
