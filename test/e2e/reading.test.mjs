// End to end: the packaged .vsix in code-server, the seed open in headless Chromium, and the
// reading view opened from the Command Palette; assertions run inside the webview's own
// frame. The screenshots (test/e2e/screenshots/reading-*.png) are the README's. Timings
// are printed, never asserted.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS, chooseInQuickInput, openFromExplorer, openSeed, openWorkbench, runCommand, screenshot, statusItem, until } from '../harness/e2e.mjs';
import { buildNovel } from '../harness/novel.mjs';

const SETTINGS = { 'editor.fontSize': 16, 'workbench.colorTheme': 'Default Light Modern' };
const NOVEL = 'novel.zh.txt';

let workbench;
let page;
/** The reading view's document: the webview's outer iframe holds the page in #active-frame. */
const view = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/** Polls `probe(body, arg)` (run in the view's page) until it returns a truthy value; a condition, not a sleep. */
async function inView(probe, arg, what, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await view().locator('body').evaluate(probe, arg, { timeout: 5_000 });
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The 1-based number of the document line under a point of the view (false where there is
 * none), counted the way the view's script counts: an empty block (a hole) stands for its
 * `data-n` lines. `at` is 'bar' (just under the toolbar) or a fraction of the view's height.
 */
function lineNumberAt(_body, at) {
  const y = at === 'bar' ? document.getElementById('bar').getBoundingClientRect().bottom + 2 : window.innerHeight * at;
  const el = document.elementFromPoint(window.innerWidth / 2, y)?.closest('.ln');
  if (!el) return false;
  let index = 0;
  for (const block of document.getElementById('doc').children) {
    if (block === el.parentElement) return index + [...block.children].indexOf(el) + 1;
    index += block.classList.contains('hole') ? Number(block.dataset.n) : block.childElementCount;
  }
  return false;
}

/** The number of the editor's first line on screen, below sticky scroll's overlay (rows under it are hidden). */
function editorTopLine() {
  return page.evaluate(() => {
    const sticky = document.querySelector('.monaco-editor .sticky-widget');
    const below = sticky && sticky.getBoundingClientRect().height > 0 ? sticky.getBoundingClientRect().bottom - 2 : -Infinity;
    const numbers = [...document.querySelectorAll('.monaco-editor .margin-view-overlays .line-numbers')]
      .filter((n) => !n.closest('.sticky-widget') && n.getBoundingClientRect().height > 0 && n.getBoundingClientRect().top >= below)
      .map((n) => ({ y: n.getBoundingClientRect().top, line: Number(n.textContent) }))
      .filter((n) => n.line > 0)
      .sort((a, b) => a.y - b.y);
    return numbers[0]?.line;
  });
}

/** Readings over a run of characters in line `line`: walks the rubies' base characters and their rt. */
function rubyOf(_body, [line, run]) {
  const el = document.querySelectorAll('#doc .ln')[line];
  if (!el) return undefined;
  const pairs = [];
  for (const ruby of el.querySelectorAll('ruby')) {
    let base = '';
    for (const node of ruby.childNodes) {
      if (node.nodeName === 'RT') {
        for (const ch of base) pairs.push([ch, node.textContent]);
        base = '';
      } else base += node.textContent;
    }
  }
  const text = pairs.map((p) => p[0]).join('');
  const at = Array.from(text).length && text.indexOf(run);
  if (at < 0) return undefined;
  const index = Array.from(text.slice(0, at)).length;
  return pairs.slice(index, index + Array.from(run).length).map((p) => p[1]);
}

/** The word of line `line` whose characters hold `run` (its text content also holds the ruby and the gloss). */
async function wordWith(line, run) {
  const start = await inView(
    (_, [n, chars]) => {
      for (const w of document.querySelectorAll('#doc .ln')[n]?.querySelectorAll('.w') ?? []) {
        const base = [...w.querySelectorAll('ruby, .c')].map((r) => [...r.childNodes].filter((c) => c.nodeName !== 'RT').map((c) => c.textContent).join('')).join('');
        if (base.includes(chars)) return w.dataset.s;
      }
      return undefined;
    },
    [line, run],
    `the word holding ${run}`,
  );
  return view().locator('#doc .ln').nth(line).locator(`.w[data-s="${start}"]`);
}

/** Writes the 5 MB novel (test/harness/novel.mjs, the bench's) to `file`; returns its line count. */
function writeNovel(file) {
  const lines = buildNovel(5);
  writeFileSync(file, lines.join('\n'));
  return lines.length;
}

let novelLines = 0;

before(async () => {
  workbench = await openWorkbench('e2e-reading', {
    settings: SETTINGS,
    prepare: (sandbox) => {
      novelLines = writeNovel(path.join(sandbox.workspace, NOVEL));
    },
  });
  page = workbench.page;
  await openSeed(page);
  await statusItem(page, 'Chinese Text').waitFor({ timeout: 60_000 });
});

after(() => workbench?.close());

/**
 * Clicks the middle of the editor's text area: the top lines of a scrolled editor lie under
 * sticky scroll's heading overlay, which takes the click.
 */
async function clickEditorMiddle() {
  // The text editor's own lines: the one whose middle is really on screen (other editors,
  // such as the Output panel's or a hidden one, exist in the DOM too).
  const point = await page.evaluate(() => {
    // `.view-lines` is as tall as the whole document; the scrollable element is the visible part.
    for (const visible of document.querySelectorAll('.monaco-editor .editor-scrollable')) {
      const lines = visible.querySelector('.view-lines');
      if (!lines) continue;
      const box = visible.getBoundingClientRect();
      if (box.width < 50 || box.height < 50) continue;
      const x = box.left + Math.min(100, box.width / 2);
      const y = box.top + box.height / 2;
      if (lines.contains(document.elementFromPoint(x, y))) return { x, y };
    }
    return undefined;
  });
  assert.ok(point, 'a text editor is on screen');
  await page.mouse.click(point.x, point.y);
}

test('the view opens beside the seed with ruby pinyin: 數字政府 reads shù zì zhèng fǔ', async () => {
  const started = Date.now();
  await runCommand(page, 'Open Reading View to the Side', 'Chinese Reader: ');
  await view().locator('#doc ruby').first().waitFor({ timeout: 60_000 });
  const firstRuby = Date.now() - started;
  const readings = await inView(rubyOf, [0, '數字政府'], 'the ruby of 數字政府');
  assert.deepEqual(readings, ['shù', 'zì', 'zhèng', 'fǔ']);
  // Tone colours: a fourth-tone syllable is drawn in Pleco's purple, not in the text colour.
  const colors = await view().locator('#doc rt.t4').first().evaluate((rt) => [getComputedStyle(rt).color, getComputedStyle(rt.closest('.ln')).color]);
  assert.equal(colors[0], 'rgb(137, 0, 191)');
  assert.notEqual(colors[0], colors[1]);
  // The page runs under our CSP: the only script is the nonce'd file from the extension.
  const csp = await view().locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-[^']+'/);
  // Headings from the outline rules: the title is a heading element.
  assert.equal(await view().locator('#doc .ln').first().evaluate((el) => el.tagName), 'H1');
  const seedRendered = Date.now() - started;
  console.log(`reading e2e: seed, palette command to first ruby ${firstRuby} ms (dictionaries loading included); to the checks done ${seedRendered} ms`);
  await screenshot(page, 'reading-light');
});

test('clicking a word shows its card; "Add to Word List" writes the word list file', async () => {
  const word = await wordWith(0, '政府');
  await word.click();
  const card = view().locator('#card:not([hidden])');
  await card.waitFor({ timeout: 30_000 });
  const text = await card.innerText();
  assert.match(text, /government/i);
  assert.match(text, /HSK/);
  assert.match(text, /zhèng\s*fǔ/);
  await screenshot(page, 'reading-card');
  await card.locator('button', { hasText: 'Add to Word List' }).click();
  const file = path.join(workbench.sandbox.workspace, 'chinese-words.tsv');
  const saved = await until(() => existsSync(file) && readFileSync(file, 'utf8').includes('政府') && readFileSync(file, 'utf8'), 'the word list to hold 政府');
  assert.match(saved, /^simplified\ttraditional\tpinyin/);
  // The card and the page show the word as saved.
  await inView(() => document.querySelector('#card')?.textContent.includes('In word list'), undefined, 'the card to say "In word list"');
  await inView(() => document.querySelector('#doc .ln').querySelector('.w.s') !== null, undefined, 'the saved word to be marked');
  await view().locator('body').press('Escape');
});

test('keyboard: arrows move word by word and Enter opens the card', async () => {
  await view().locator('#doc .ln').first().locator('.w').first().click();
  await view().locator('body').press('Escape');
  const first = await inView(() => document.querySelector('.w.cur')?.textContent, undefined, 'a current word');
  await view().locator('body').press('ArrowRight');
  const second = await inView(() => document.querySelector('.w.cur')?.textContent, undefined, 'the next word');
  assert.notEqual(second, first);
  await view().locator('body').press('Enter');
  await view().locator('#card:not([hidden])').waitFor({ timeout: 30_000 });
  await view().locator('body').press('Escape');
});

test('scrolling the editor scrolls the view', async () => {
  const before = await view().locator('body').evaluate(() => window.scrollY);
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first().click();
  await page.keyboard.press('Control+End');
  const after = await inView((_, y) => window.scrollY > y + 200 && window.scrollY, before, 'the view to follow the editor down');
  assert.ok(after > before);
});

test('dark theme, and the interlinear gloss under each word', async () => {
  // The theme picker (Ctrl+K Ctrl+T; the palette ranks "Browse Color Themes in Marketplace" first).
  await clickEditorMiddle();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 15_000 });
  await chooseInQuickInput(page, 'Dark Modern', 'Dark Modern');
  await inView(() => document.body.classList.contains('vscode-dark'), undefined, 'the dark theme');
  await page.keyboard.press('Control+Home');
  await inView(() => window.scrollY < 60, undefined, 'the view back at the top');
  await page.locator('.monaco-editor .view-line', { hasText: '新基建時代' }).first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'reading-dark');
  await view().locator('#toggle-gloss').click();
  await inView(() => document.body.classList.contains('gloss'), undefined, 'the gloss');
  // Each gloss is centred under its own word.
  const placed = await (await wordWith(0, '政府')).evaluate((w) => {
      const g = w.querySelector('.g');
      const face = w.querySelector('ruby, .c');
      const a = face.getBoundingClientRect();
      const b = g.getBoundingClientRect();
      return { gloss: g.textContent, dx: Math.abs(a.left + a.width / 2 - (b.left + b.width / 2)), below: b.top >= a.bottom - 1 };
    });
  assert.match(placed.gloss, /government/);
  assert.ok(placed.dx < 2, `gloss centred under the word (off by ${placed.dx} px)`);
  assert.ok(placed.below, 'gloss under the word');
  await screenshot(page, 'reading-gloss');
});

test('Export Reading View as HTML writes one file without scripts that looks the same in Chromium', async () => {
  await runCommand(page, 'Export Reading View as HTML', 'Chinese Reader: ');
  // code-server's save dialog: the path is filled in beside the document; accept it.
  const input = page.locator('.quick-input-widget input');
  await until(async () => /\.reading\.html$/.test(await input.inputValue().catch(() => '')), 'the save dialog with the default name');
  await page.keyboard.press('Enter');
  const file = path.join(workbench.sandbox.workspace, 'digital-government-2.0.reading.html');
  await until(() => existsSync(file), 'the exported file');
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script/i);
  const exported = await page.context().browser().newPage({ viewport: { width: 900, height: 900 } });
  try {
    await exported.goto(`file://${file}`);
    const readings = await exported.locator('body').evaluate(rubyOf, [0, '數字政府']);
    assert.deepEqual(readings, ['shù', 'zì', 'zhèng', 'fǔ']);
    const style = (el) => {
      const rt = el.querySelector('#doc rt.t4');
      const g = el.querySelector('#doc .g');
      const [r, g2, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return { rt: getComputedStyle(rt).color, gloss: getComputedStyle(g).display, dark: r + g2 + b < 3 * 80, size: getComputedStyle(document.body).fontSize };
    };
    const inExport = await exported.locator('body').evaluate(style);
    const inPanel = await view().locator('body').evaluate(style);
    // Same tone colours, gloss, font size, and a dark page like the dark-themed view.
    assert.deepEqual(inExport, inPanel);
    assert.equal(inExport.dark, true);
    await exported.screenshot({ path: path.join(SCREENSHOTS, 'reading-export.png') });
  } finally {
    await exported.close();
  }
});

test('after a window reload the view comes back (its serializer) with its gloss toggle, at the editor\'s line', async () => {
  // Move the editor down; the view follows. Then reload the window.
  await clickEditorMiddle();
  await page.keyboard.press('Control+G');
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  await inView(() => window.scrollY > 200, undefined, 'the view to follow the editor down');
  const before = await inView(lineNumberAt, 'bar', 'the line under the toolbar');
  assert.ok(before > 20, `the view followed the editor to line ${before}`);
  assert.equal(await view().locator('body').evaluate(() => document.body.classList.contains('gloss')), true);
  // Developer: Reload Window, as a user reloads: VS Code saves its state (the view's among
  // it) before the page goes. (A bare page reload may go before code-server has saved it.)
  await runCommand(page, 'Developer: Reload Window');
  await page.waitForEvent('load', { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.tab', { hasText: 'Reading: digital-government-2.0.txt' }).waitFor({ timeout: 60_000 });
  const restored = await inView(() => {
    const onScreen = [...document.querySelectorAll('#doc .ln ruby')].some((r) => {
      const box = r.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    return onScreen && { gloss: document.body.classList.contains('gloss') };
  }, undefined, 'the restored view, with ruby on screen');
  await screenshot(page, 'reading-restored');
  assert.equal(restored.gloss, true, 'the gloss toggle survives the reload');
  // The view and the editor show the same line again (the editor restores its own scroll, or
  // not: code-server may reload before it has saved it; the view follows the editor).
  const editorTop = await until(async () => {
    const top = await editorTopLine();
    const viewTop = await view().locator('body').evaluate(lineNumberAt, 'bar').catch(() => false);
    return top !== undefined && viewTop && Math.abs(top - viewTop) <= 3 ? top : undefined;
  }, 'the restored view at the editor\'s line');
  console.log(`reading e2e: before the reload the view was at line ${before}; after it, the editor and the view are at line ${editorTop}`);
});

test('a 5 MB novel opens at its visible part, and typing keeps the view in step (timings printed)', async () => {
  // One reading view at a time in this test: the seed's goes.
  await runCommand(page, 'View: Close All Editors');
  await page.locator('iframe.webview').waitFor({ state: 'detached', timeout: 30_000 });
  await openFromExplorer(page, NOVEL);
  await page.locator('.monaco-editor .view-line', { hasText: '第1章' }).first().waitFor({ timeout: 60_000 });
  // Go to the middle of the novel.
  const middle = Math.floor(novelLines / 2) & ~1;
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(middle + 1));
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor').first().click({ position: { x: 400, y: 300 } });
  const started = Date.now();
  // The keybinding scoped to zh-text.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('v');
  const visible = await inView(
    (_, n) => {
      // Every line is there, holes counted by their data-n.
      let count = 0;
      for (const block of document.getElementById('doc').children) count += block.classList.contains('hole') ? Number(block.dataset.n) : block.childElementCount;
      if (count !== n) return false;
      const el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      return !!el?.closest('.ln:not(.pending)') && el.closest('.ln').querySelector('ruby') !== null;
    },
    novelLines,
    'ruby at the middle of the novel',
  );
  assert.ok(visible);
  const openMs = Date.now() - started;
  // Where the time went, from the view page's clock (the same wall clock as this test's): the
  // page's navigation start (VS Code had made the panel, the editor group and the webview with
  // its service worker), its script's start (the page loaded), the first screen placed (the
  // ready message, the extension's init, the page's placing). Printed, never asserted.
  const phases = await view().locator('body').evaluate(() => {
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime;
    return { origin: performance.timeOrigin, script: at('reading:script'), init: at('reading:init') };
  });
  const since = (ms) => (ms === undefined ? '?' : Math.round(phases.origin + ms - started));
  // The view holds the lines near the screen; the rest are empty blocks of a guessed height.
  const held = await view().locator('body').evaluate(() => document.querySelectorAll('#doc .ln').length);
  assert.ok(held < novelLines / 10, `the view holds ${held} line elements of ${novelLines}`);
  const line = (await inView(lineNumberAt, 0.5, 'the line in the middle of the view')) - 1;
  assert.ok(Math.abs(line - middle) < 100, `the view opened at line ${line} of ${novelLines}, where the editor was (${middle})`);
  // Scrolling the view in the middle of the novel scrolls the editor to the same line.
  const box = await page.locator('iframe.webview.ready').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 1500);
  // The first line under the view's toolbar, once the wheel has moved the page.
  const viewTop = await inView(lineNumberAt, 'bar', 'a line under the toolbar');
  const editorTop = await until(async () => {
    const top = await editorTopLine();
    return top !== undefined && Math.abs(top - viewTop) <= 3 && top > line + 5 ? top : undefined;
  }, `the editor to follow the view to line ${viewTop}`);
  assert.ok(Math.abs(editorTop - viewTop) <= 3);
  // Type in the editor; the view's line follows. With word wrap on, the click may land on a
  // wrapped row, so the character goes in somewhere in the line, not necessarily at its start.
  await clickEditorMiddle();
  const typed = Date.now();
  await page.keyboard.type('龘');
  await page.locator('.monaco-editor .view-line', { hasText: '龘' }).first().waitFor({ timeout: 60_000 });
  const editorMs = Date.now() - typed;
  await inView(() => [...document.querySelectorAll('#doc .ln')].some((l) => l.textContent.includes('龘')), undefined, 'the typed character in the view');
  const typingMs = Date.now() - typed;
  console.log(`reading e2e: 5 MB novel (${novelLines} lines), keybinding to ruby at line ${line}: ${openMs} ms; a typed character in the editor after ${editorMs} ms, in the view after ${typingMs} ms`);
  console.log(`reading e2e: 5 MB novel, from the keybinding: the view's page starts loading at ${since(0)} ms, its script runs at ${since(phases.script)} ms, the first screen is placed at ${since(phases.init)} ms, the test saw the ruby at ${openMs} ms`);
});
