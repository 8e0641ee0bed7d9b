import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addKnownWords, KnownWords, parseKnownWords, removeKnownWords } from '../../src/core/study/knownWords';
import { computeStats, formatEstimate, levelByParts, startStats, type StatsSources } from '../../src/core/study/stats';

/** A segmenter for tests: words are separated by spaces (and a punctuation mark is its own token). */
function spaced(levels: Record<string, number>, known: Iterable<string>): StatsSources & { calls: () => number } {
  const knownSet = new Set(known);
  let calls = 0;
  return {
    segment(line) {
      calls++;
      return line.split(/(\s+|[，。])/u).filter(Boolean).map((text) => ({ text }));
    },
    isKnown: (w) => knownSet.has(w),
    level: (w) => levels[w],
    calls: () => calls,
  };
}

const LEVELS = { 我: 1, 是: 1, 学生: 1, 喜欢: 1, 看书: 2, 小说: 3, 龙: 5 };

test('counts characters, Han characters, word tokens and distinct words; punctuation is not a word', () => {
  const s = computeStats('我 是 学生。\n我 喜欢 看书，ok', [], spaced(LEVELS, []), 400).document;
  assert.equal(s.hanCharacters, 9);
  assert.equal(s.characters, 13, 'non-whitespace code points: 9 Han, 2 punctuation, 2 Latin');
  assert.equal(s.words, 6);
  assert.equal(s.distinctWords, 5);
  assert.equal(s.readingMinutes, 13 / 400);
});

test('known share: word tokens in the known list over all word tokens, in either script', () => {
  const known = new KnownWords(new Set(['我', '學生']), (t) => t.replace('學', '学'));
  assert.ok(known.has('学生') && known.has('學生') && !known.has('是'));
  const sources = { ...spaced(LEVELS, []), isKnown: (w: string) => known.has(w) };
  const s = computeStats('我 是 学生 我', [], sources, 400).document;
  assert.equal(s.knownWords, 3);
  assert.equal(s.knownShare, 0.75);
  assert.equal(computeStats('hello', [], sources, 400).document.knownShare, 0, 'no words: 0, not NaN');
});

test('estimated level: the lowest level covering 95% of word tokens', () => {
  // 19 tokens at level 1 and one at level 3: level 1 covers 95%.
  const text = `${'我 '.repeat(19)}小说`;
  assert.equal(computeStats(text, [], spaced(LEVELS, []), 400).document.estimatedLevel, 1);
  // 18 + 2: level 1 covers 90%, level 3 covers 100%.
  const s = computeStats(`${'我 '.repeat(18)}小说 小说`, [], spaced(LEVELS, []), 400).document;
  assert.equal(s.estimatedLevel, 3);
  assert.deepEqual(s.levels, [0, 18, 0, 2, 0, 0, 0, 0]);
  assert.equal(s.coverage[1], 0.9);
  assert.equal(formatEstimate(s, '3.0'), 'HSK 3');
  // A tenth of the words in no list: no level reaches 95%.
  const beyond = computeStats(`${'我 '.repeat(9)}饕餮`, [], spaced(LEVELS, []), 400).document;
  assert.equal(beyond.estimatedLevel, undefined);
  assert.equal(formatEstimate(beyond, '3.0'), 'beyond HSK');
  assert.equal(formatEstimate({ estimatedLevel: 7, words: 3 }, '3.0'), 'HSK 7–9');
});

test('property: the estimate is the first level whose coverage reaches 95%, and the distribution sums to the words', () => {
  const words = Object.keys(LEVELS);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words, '饕餮'), { minLength: 1, maxLength: 60 }), (tokens) => {
      const s = computeStats(tokens.join(' '), [], spaced(LEVELS, []), 400).document;
      assert.equal(
        s.levels.reduce((a, b) => a + b, 0),
        s.words,
      );
      const first = s.coverage.findIndex((c, i) => i > 0 && c >= 0.95);
      assert.equal(s.estimatedLevel, first > 0 ? first : undefined);
      for (let i = 2; i < s.coverage.length; i++) assert.ok(s.coverage[i]! >= s.coverage[i - 1]!);
    }),
  );
});

test('sections: each heading range gets its own figures, nested sections count in their parents', () => {
  const text = ['第一章', '我 是 学生', '第一节', '我 喜欢 看书', '第二章', '龙'].join('\n');
  const sections = [
    { title: '第一章', level: 1, startLine: 0, endLine: 3 },
    { title: '第一节', level: 2, startLine: 2, endLine: 3 },
    { title: '第二章', level: 1, startLine: 4, endLine: 5 },
  ];
  const stats = computeStats(text, sections, spaced({ ...LEVELS, 第一章: 1, 第一节: 1, 第二章: 1 }, ['我']), 400);
  assert.deepEqual(
    stats.sections.map((s) => s.words),
    [8, 4, 2],
  );
  assert.deepEqual(
    stats.sections.map((s) => s.knownWords),
    [2, 1, 0],
  );
  assert.equal(stats.document.words, 10);
});

test('work is linear: each line is segmented once, however many sections contain it', () => {
  const lines = Array.from({ length: 800 }, (_, i) => (i % 100 === 0 ? `第${i}章` : '我 是 学生'));
  const sections = lines.flatMap((l, i) => (l.startsWith('第') ? [{ title: l, level: 1, startLine: i, endLine: i + 99 }, { title: `${l}一`, level: 2, startLine: i, endLine: i + 49 }] : []));
  const sources = spaced(LEVELS, []);
  computeStats(lines.join('\n'), sections, sources, 400);
  assert.equal(sources.calls(), 800);
  const eight = spaced(LEVELS, []);
  computeStats(Array.from({ length: 8 }, () => lines.join('\n')).join('\n'), [], eight, 400);
  assert.equal(eight.calls(), 8 * 800);
});

test('compounds the HSK lists lack take the level of their hardest part', () => {
  const levelOf = (w: string) => ({ 数字: 3, 化: 4, 政府: 4, 工作: 1 })[w];
  assert.equal(levelByParts('数字化', levelOf), 4);
  assert.equal(levelByParts('政府工作', levelOf), 4);
  assert.equal(levelByParts('数字', levelOf), 3);
  assert.equal(levelByParts('饕餮', levelOf), undefined);
  assert.equal(levelByParts('数字饕', levelOf), undefined);
});

test('known-words file: one word per line, comments kept, adds append, removes drop lines', () => {
  const text = '# my words\n我\n学生  (from class)\n\n';
  assert.deepEqual([...parseKnownWords(text)], ['我', '学生']);
  const added = addKnownWords(text, ['是', '我', ' 看书 ', 'two words', '']);
  assert.equal(added.added, 2);
  assert.equal(added.text, '# my words\n我\n学生  (from class)\n\n是\n看书\n');
  assert.equal(addKnownWords('我', ['是']).text, '我\n是\n');
  const removed = removeKnownWords(added.text, ['学生']);
  assert.equal(removed.removed, 1);
  assert.equal(removed.text, '# my words\n我\n\n是\n看书\n');
});

test('a run in slices gives the same figures as one call', () => {
  const text = ['第一章', '我 是 学生', '', '我 喜欢 看书', '第二章', '龙 小说'].join('\n');
  const sections = [
    { title: '第一章', level: 1, startLine: 0, endLine: 3 },
    { title: '第二章', level: 1, startLine: 4, endLine: 5 },
  ];
  const whole = computeStats(text, sections, spaced(LEVELS, ['我']), 400);
  const run = startStats(text, sections, spaced(LEVELS, ['我']), 400);
  let steps = 0;
  while (!run.step(2)) steps++;
  assert.equal(steps, 2, 'six lines in slices of two');
  assert.equal(run.linesRead, run.lineCount);
  assert.deepEqual(run.result(), whole);
});
