// Study tools (issue 13) on a generated 5 MB novel (the seed's paragraphs under 第N章
// headings, repeated until 5 MB of UTF-8), in a fresh process:
//   - inline pinyin per visible screen (50 lines): the work the inlay hints provider does
//     for one viewport, cold (every line read afresh) and warm (lines cached by text, as
//     after scrolling back), next to pinyin-pro converting the same lines;
//   - Show Reading Statistics of the whole novel (every line segmented, known words,
//     HSK levels, each chapter), next to a naive pass that only cuts the whole text with
//     jieba-rs in one call.
import path from 'node:path';
import { REPO, inFreshProcess } from './lib.mjs';

export const name = 'study';

const SCRIPT = `
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const m = await import(${JSON.stringify(path.join(REPO, 'out/bench/study.mjs'))});
  const { pinyin } = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))})('pinyin-pro');

  // The novel: chapters of about 3,000 characters made of the seed's paragraphs.
  const paragraphs = readFileSync(${JSON.stringify(path.join(REPO, 'seeds/digital-government-2.0.txt'))}, 'utf8').split('\\n').filter((l) => /\\p{Script=Han}/u.test(l));
  const lines = [];
  let bytes = 0;
  for (let chapter = 1, i = 0; bytes < 5 * 1024 * 1024; chapter++) {
    lines.push('第' + chapter + '章', '');
    for (let size = 0; size < 3000; i++) {
      const p = paragraphs[i % paragraphs.length];
      lines.push(p, '');
      size += p.length;
    }
    bytes = Buffer.byteLength(lines.join('\\n'));
  }
  const text = lines.join('\\n');

  const service = m.createNodeLookupService(${JSON.stringify(path.join(REPO, 'dist', 'cedict.idx'))});
  await service.ready('jieba-rs');
  const model = m.PinyinModel.fromJson(readFileSync(${JSON.stringify(path.join(REPO, 'dist/pinyin-model.json'))}, 'utf8'));
  const hsk = new m.HskIndex(JSON.parse(readFileSync(${JSON.stringify(path.join(REPO, 'dist/hsk-levels.json'))}, 'utf8')));
  const toSimplified = service.scriptConverters.toSimplified;
  const sources = { dictionary: service.cedict, segment: (t) => service.segmentLine(t, 'jieba-rs'), toSimplified, model };
  const known = new m.KnownWords(new Set(['的', '在', '是', '和', '了', '也', '中', '一', '政府', '數字']), toSimplified);
  const levelOf = (w) => hsk.levels(w).hsk3 ?? hsk.levels(toSimplified(w)).hsk3;
  const policy = { mode: 'all', style: 'marks', level: 3, isKnown: (w) => known.has(w), levelOf };

  // Screens: 50 lines from 40 places spread over the novel.
  const SCREEN = 50;
  const starts = Array.from({ length: 40 }, (_, i) => Math.floor(((i * 7919) % 1000) / 1000 * (lines.length - SCREEN)));
  const screen = (s) => lines.slice(s, s + SCREEN);
  const cache = new Map();
  const provide = (s, cached) => {
    let hints = 0;
    for (const line of screen(s)) {
      if (!/\\p{Script=Han}/u.test(line)) continue;
      let words = cached ? cache.get(line) : undefined;
      if (!words) {
        words = m.wordReadingsOf(line, sources);
        if (cached) cache.set(line, words);
      }
      hints += m.hintsForLine(words, policy).length;
    }
    return hints;
  };
  provide(starts[0], false); // warm the JIT and the segmenter
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const timeEach = (f) => starts.map((s) => { const t = performance.now(); f(s); return performance.now() - t; });
  const cold = med(timeEach((s) => provide(s, false)));
  for (const s of starts) provide(s, true);
  const warm = med(timeEach((s) => provide(s, true)));
  const peer = med(timeEach((s) => { for (const line of screen(s)) pinyin(line, { toneType: 'symbol', type: 'array' }); }));
  const screenChars = starts.reduce((n, s) => n + screen(s).join('').length, 0) / starts.length;

  // Statistics of the whole novel, chapters as sections.
  const sections = [];
  lines.forEach((l, i) => { if (/^第\\d+章$/.test(l)) sections.push({ title: l, level: 1, startLine: i, endLine: i }); });
  for (let k = 0; k < sections.length; k++) sections[k].endLine = (sections[k + 1]?.startLine ?? lines.length) - 1;
  let t = performance.now();
  const stats = m.computeStats(text, sections, { segment: (l) => service.segmentLine(l, 'jieba-rs'), isKnown: (w) => known.has(w), level: levelOf }, 400);
  const statsMs = performance.now() - t;
  t = performance.now();
  const naive = service.segmentLine(text, 'jieba-rs', false).length;
  const naiveMs = performance.now() - t;
  console.log(JSON.stringify({ mb: bytes / 1024 / 1024, lines: lines.length, screenChars, cold, warm, peer, statsMs, naiveMs, words: stats.document.words, naive, chapters: sections.length }));
`;

export async function run() {
  const r = await inFreshProcess(SCRIPT);
  return [
    {
      metric: `inline pinyin per screen (50 lines, ~${Math.round(r.screenChars)} chars) of a ${r.mb.toFixed(1)} MB novel, cold / warm (median of 40)`,
      ours: `${r.cold.toFixed(1)} / ${r.warm.toFixed(2)} ms`,
      peer: `${r.peer.toFixed(1)} ms`,
      peerName: 'pinyin-pro, same lines (no context model)',
    },
    {
      metric: `reading statistics, whole ${r.mb.toFixed(1)} MB novel (${r.words.toLocaleString('en-US')} words, ${r.chapters} chapters)`,
      ours: `${(r.statsMs / 1000).toFixed(2)} s`,
      peer: `${(r.naiveMs / 1000).toFixed(2)} s (ratio ${(r.statsMs / r.naiveMs).toFixed(2)})`,
      peerName: 'naive pass: one jieba-rs cut of the whole text',
    },
  ];
}
