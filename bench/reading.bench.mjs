// Reading view (issue 14), renderer side, in a fresh process: the work the extension does
// before the webview can paint, with the study services loaded (as after the first view).
// The view opens with the lines around its top and every other line's length only (empty
// blocks of a guessed height, filled as they near the screen).
//   - first render of the seed: every line segmented, read in context, looked up and
//     rendered as ruby HTML (line cache cold), next to pinyin-pro's html() ruby of the same lines;
//   - opening a 5 MB novel at its middle: the outline, every line's length, and the first
//     screen (firstScreen: 10 lines above the top, about 4,000 characters from it) rendered,
//     next to a naive full render of every line;
//   - typing in a 1 MB document: one changed line rendered again (plus the outline, which
//     the view recomputes once typing pauses), next to a naive full re-render of the document.
//   - the webview's share, in headless Chromium with the real media/reading/reading.js fed the
//     extension's messages: the 5 MB novel's init (lengths and the first screen) placed and scrolled to
//     its middle, then one keystroke's splice; next to every line as one flat list of elements
//     (no blocks), laid out to the middle.
// The whole path inside VS Code is printed by test/e2e/reading.test.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/harness/codeServer.mjs';
import { buildNovel } from '../test/harness/novel.mjs';
import { REPO, inFreshProcess } from './lib.mjs';

export const name = 'reading';

const SCRIPT = `
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const m = await import(${JSON.stringify(path.join(REPO, 'out/bench/reading.mjs'))});
  const { html: pinyinProHtml } = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))})('pinyin-pro');

  const seed = readFileSync(${JSON.stringify(path.join(REPO, 'seeds/digital-government-2.0.txt'))}, 'utf8').split('\\n');
  // The seed's paragraphs under 第N章 headings (the e2e test's novel too).
  const { buildNovel: novel } = await import(${JSON.stringify(path.join(REPO, 'test/harness/novel.mjs'))});

  const service = m.createNodeLookupService(${JSON.stringify(path.join(REPO, 'dist', 'cedict.idx'))});
  await service.ready('jieba-rs');
  const model = m.PinyinModel.fromJson(readFileSync(${JSON.stringify(path.join(REPO, 'dist/pinyin-model.json'))}, 'utf8'));
  const hsk = new m.HskIndex(JSON.parse(readFileSync(${JSON.stringify(path.join(REPO, 'dist/hsk-levels.json'))}, 'utf8')));
  const toSimplified = service.scriptConverters.toSimplified;
  const sources = { dictionary: service.cedict, segment: (t) => service.segment(t, 'jieba-rs'), toSimplified, model };
  const known = new m.KnownWords(new Set(['的', '在', '是', '和', '了', '也', '中', '一']), toSimplified);
  // The line cache of the study services: words by line text, least recently used out after 4096.
  let cache = new Map();
  const wordReadings = (line) => {
    const hit = cache.get(line);
    if (hit) { cache.delete(line); cache.set(line, hit); return hit; }
    const words = m.wordReadingsOf(line, sources);
    if (cache.size >= 4096) cache.delete(cache.keys().next().value);
    cache.set(line, words);
    return words;
  };
  const facts = {
    wordReadings,
    definition: (w) => service.cedict.lookup(w)[0]?.definitions[0],
    level: (w) => hsk.levels(w).hsk3 ?? hsk.levels(toSimplified(w)).hsk3,
    isKnown: (w) => known.has(w),
    isSaved: () => false,
  };
  const options = { pinyin: 'all', hskLevel: 3 };
  const renderAll = (lines) => lines.map((text, i) => m.renderLine(m.buildLine(text, i, facts), options)).join('');
  const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };

  // Warm the JIT on text that is not the seed, then the seed with a cold line cache, 5 times.
  renderAll(novel(0.05).slice(-200));
  const seedRuns = [];
  for (let k = 0; k < 5; k++) { cache = new Map(); seedRuns.push(time(() => renderAll(seed))); }
  const seedPeer = med(Array.from({ length: 5 }, () => time(() => seed.map((l) => pinyinProHtml(l)).join('')))) ;

  // 5 MB: open at the middle.
  const big = novel(5);
  const bigText = big.join('\\n');
  const middle = Math.floor(big.length / 2);
  cache = new Map();
  let initBytes = 0;
  let initLines = 0;
  const openMs = time(() => {
    // What the view's init carries: the outline's headings, every line's length, and the
    // first screen from the top rendered (the rest are asked for as they near the screen).
    m.computeOutline(bigText);
    const lengths = big.map((text) => text.length);
    const { from, to } = m.firstScreen(lengths, middle);
    const parts = [];
    for (let i = from; i <= to; i++) parts.push(m.renderLine(m.buildLine(big[i], i, facts), options));
    initBytes = parts.join('').length + JSON.stringify(lengths).length;
    initLines = parts.length;
  });
  cache = new Map();
  const naiveBigMs = time(() => renderAll(big));

  // 1 MB: one keystroke in the middle.
  const mb1 = novel(1);
  const at = Math.floor(mb1.length / 2) | 1;
  cache = new Map();
  renderAll(mb1);
  const edits = [];
  const outlines = [];
  for (let k = 0; k < 20; k++) {
    mb1[at] = '龘' + mb1[at];
    edits.push(time(() => m.renderLine(m.buildLine(mb1[at], at, facts), options)));
    outlines.push(time(() => m.computeOutline(mb1.join('\\n'))));
  }
  const naiveEdit = med(Array.from({ length: 3 }, () => time(() => renderAll(mb1))));
  console.log(JSON.stringify({
    seedLines: seed.length, seed: med(seedRuns), seedPeer,
    bigMb: Buffer.byteLength(bigText) / 1048576, bigLines: big.length, openMs, initLines, initMb: initBytes / 1048576, naiveBigMs,
    mb1Lines: mb1.length, edit: med(edits), outline: med(outlines), naiveEdit,
  }));
`;

/** The 5 MB novel's lines as plain escaped text, and their lengths. */
function plainNovel() {
  const lines = buildNovel(5);
  const escape = (t) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return { html: lines.map((l) => (l.trim() ? `<p class="ln pending">${escape(l)}</p>` : '<div class="ln blank"></div>')), lengths: lines.map((l) => l.length) };
}

async function webview() {
  const { html: items, lengths } = plainNovel();
  const { firstScreen } = await import(path.join(REPO, 'out/bench/reading.mjs'));
  const css = readFileSync(path.join(REPO, 'media/reading/reading.css'), 'utf8');
  const js = readFileSync(path.join(REPO, 'media/reading/reading.js'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const stub = 'window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });';
    await page.setContent(
      `<html><head><style>${css}</style></head><body class="vscode-light"><nav id="bar"><button id="toggle-gloss"></button><button id="toggle-script"></button><button id="export"></button></nav><main id="doc"></main><div id="card" hidden></div><script>${stub}</script><script>${js}</script></body></html>`,
    );
    const middle = Math.floor(items.length / 2);
    const { from, to } = firstScreen(lengths, middle);
    const ours = await page.evaluate(
      async ([lines, lengths, line, from]) => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const send = (data) => window.dispatchEvent(new MessageEvent('message', { data }));
        let t = performance.now();
        send({ type: 'init', version: 1, lengths, from, lines, line, look: { toneColors: 'pleco', spamLines: 'strike', gloss: false, fontSize: 16 }, uri: 'bench' });
        await frame();
        const init = performance.now() - t;
        const runs = [];
        for (let k = 0; k < 11; k++) {
          t = performance.now();
          send({ type: 'splice', version: 2 + k, start: line + 2, deleteCount: 1, lines: [`<p class="ln">龘${k}</p>`] });
          await frame();
          runs.push(performance.now() - t);
        }
        return { init, splice: runs.sort((a, b) => a - b)[5] };
      },
      [items.slice(from, to + 1), lengths, middle, from],
    );
    // Peer: the same lines as one flat list (each line skipped while off screen), laid out to the middle.
    await page.setContent(`<html><head><style>${css} .ln { content-visibility: auto; contain-intrinsic-size: auto 2.4em; }</style></head><body><main id="doc"></main></body></html>`);
    const peer = await page.evaluate(
      async ([lines, line]) => {
        const t = performance.now();
        const doc = document.getElementById('doc');
        doc.innerHTML = lines.join('');
        window.scrollTo(0, doc.children[line].getBoundingClientRect().top);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - t;
      },
      [items, middle],
    );
    return { ...ours, peer, lines: items.length };
  } finally {
    await browser.close();
  }
}

export async function run() {
  const r = await inFreshProcess(SCRIPT);
  const w = await webview();
  return [
    {
      metric: `first render of the seed (${r.seedLines} lines: segment, readings in context, definitions, levels, ruby HTML), cold line cache, median of 5`,
      ours: `${r.seed.toFixed(1)} ms`,
      peer: `${r.seedPeer.toFixed(1)} ms (ratio ${(r.seed / r.seedPeer).toFixed(2)})`,
      peerName: "pinyin-pro html(): ruby of the same lines, no context model, no definitions",
    },
    {
      metric: `open a ${r.bigMb.toFixed(1)} MB novel (${r.bigLines.toLocaleString('en-US')} lines) at its middle: outline, line lengths, the first ${r.initLines} lines rendered (a ${r.initMb.toFixed(2)} MB message)`,
      ours: `${r.openMs.toFixed(0)} ms`,
      peer: `${(r.naiveBigMs / 1000).toFixed(1)} s (ratio ${(r.openMs / r.naiveBigMs).toFixed(3)})`,
      peerName: 'naive: every line of the novel rendered',
    },
    {
      metric: `a keystroke in a 1 MB document (${r.mb1Lines.toLocaleString('en-US')} lines): the changed line rendered / the outline recomputed (median of 20)`,
      ours: `${r.edit.toFixed(2)} ms / ${r.outline.toFixed(1)} ms`,
      peer: `${r.naiveEdit.toFixed(0)} ms (ratio ${((r.edit + r.outline) / r.naiveEdit).toFixed(3)})`,
      peerName: 'naive full re-render of the document (same line cache)',
    },
    {
      metric: `webview (Chromium, media/reading/reading.js): the 5 MB novel (${w.lines.toLocaleString('en-US')} lines) placed and scrolled to its middle / one keystroke's splice (median of 11)`,
      ours: `${w.init.toFixed(0)} ms / ${w.splice.toFixed(0)} ms`,
      peer: `${w.peer.toFixed(0)} ms (ratio ${(w.init / w.peer).toFixed(2)})`,
      peerName: 'one flat list of line elements (no blocks), laid out to the middle',
    },
  ];
}
