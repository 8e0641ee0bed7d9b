import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ComponentsIndex } from '../../src/core/study/components';
import { describeLevels, isStudyWord, parseStudyLinkArgs, STUDY_HOVER_COMMANDS, studyHoverMarkdown, studyHoverSections } from '../../src/core/study/hoverSections';
import { hintsForLine, wordLabel, type HintPolicy } from '../../src/core/study/inlineHints';
import { MAX_SENTENCE, sentenceAround } from '../../src/core/study/sentence';
import { LINKABLE_COMMANDS, STUDY_HOVER_LINKABLE, COMMANDS } from '../../src/vscode/commandIds';
import { repoPath } from './helpers';

test('levels read as the hover shows them', () => {
  assert.equal(describeLevels({ hsk3: 4, hsk2: 5 }), 'HSK 3.0 level 4 · HSK 2.0 level 5');
  assert.equal(describeLevels({ hsk3: 7 }), 'HSK 3.0 level 7–9');
  assert.equal(describeLevels({}), '');
});

test('the study section: levels, frequency rank, and links to our own commands only', () => {
  const md = studyHoverMarkdown({ word: '银行', levels: { hsk3: 2, hsk2: 3 }, frequencyRank: 1234, known: false, at: { uri: 'file:///a/b.txt', line: 3, character: 5 } });
  // One paragraph, with a line break between the facts and the links (the hover's height is capped).
  assert.match(md, /^\n\nHSK 3\\\.0 level 2 · HSK 2\\\.0 level 3 · frequency rank 1,234  \n\[Add to Word List\]/);
  const links = [...md.matchAll(/\]\(command:([^?)]+)\?([^)]*)\)/g)];
  assert.deepEqual(
    links.map((m) => m[1]),
    [STUDY_HOVER_COMMANDS.addToWordList, STUDY_HOVER_COMMANDS.markKnown],
  );
  for (const m of links) {
    const [arg] = JSON.parse(decodeURIComponent(m[2]!)) as unknown[];
    assert.deepEqual(parseStudyLinkArgs(arg), { word: '银行', uri: 'file:///a/b.txt', line: 3, character: 5 });
  }
  const knownMd = studyHoverSections({ word: '银行', levels: {}, known: true });
  assert.match(knownMd.join('\n'), /known/);
  assert.match(knownMd.join('\n'), /\[Mark as Unknown\]\(command:chineseReader\.study\.markUnknown\?/);
});

test('the hover enables exactly the study commands, all of them in the command table', () => {
  assert.deepEqual([...STUDY_HOVER_LINKABLE].sort(), Object.values(STUDY_HOVER_COMMANDS).sort());
  for (const id of STUDY_HOVER_LINKABLE) assert.ok((Object.values(COMMANDS) as string[]).includes(id), id);
  for (const id of LINKABLE_COMMANDS) assert.ok(!STUDY_HOVER_LINKABLE.includes(id));
});

test('link arguments are validated: a Han word, a string URI, whole non-negative positions', () => {
  assert.deepEqual(parseStudyLinkArgs({ word: '了解' }), { word: '了解' });
  for (const bad of [
    undefined,
    null,
    '银行',
    ['银行'],
    { word: '' },
    { word: 'bank' },
    { word: '银行 ' },
    { word: '银'.repeat(33) },
    { word: '银行', line: -1 },
    { word: '银行', line: 1.5 },
    { word: '银行', character: '3' },
    { word: '银行', uri: 42 },
    { word: '<img src=x>' },
  ])
    assert.equal(parseStudyLinkArgs(bad), undefined, JSON.stringify(bad));
  assert.equal(isStudyWord('卡尔·马克思'), true);
  fc.assert(
    fc.property(fc.anything(), (value) => {
      const parsed = parseStudyLinkArgs(value);
      if (parsed) assert.ok(isStudyWord(parsed.word));
    }),
  );
});

test('data in the hover is escaped: a radical meaning or word cannot inject markdown, HTML or links', () => {
  const md = studyHoverMarkdown({
    word: 'x](command:evil)',
    levels: {},
    known: false,
    components: { character: '河', components: ['氵', '可'], radical: { form: '氵', meaning: '[water](command:evil) <b>' }, meanings: [{ form: '氵', meaning: '*water*' }] },
  });
  assert.ok(!md.includes('command:evil)'), md);
  assert.ok(!md.includes('<b>'));
  assert.ok(!/\]\(command:/.test(md), 'no link for a string that is not a Chinese word');
});

test('components from the compiled data: radical with meaning, decomposition, layout', () => {
  const index = ComponentsIndex.fromJson(readFileSync(repoPath('dist/components.json'), 'utf8'));
  const he = index.componentsOf('河')!;
  assert.deepEqual(he.components, ['氵', '可']);
  assert.equal(he.radical?.form, '氵');
  assert.match(he.radical.meaning, /water/);
  assert.equal(he.layout, 'left–right');
  assert.equal(index.componentsOf('想')!.radical?.form, '心');
  assert.equal(index.componentsOf('銀行'), undefined, 'one character only');
  const md = studyHoverMarkdown({ word: '河', levels: { hsk3: 2 }, known: false, components: he });
  assert.match(md, /Radical 氵 \*water\*/);
  assert.match(md, /Components 氵 \(water\) \\\+ 可 · left–right/);
});

test('frequency ranks: the most frequent count is rank 1, ranks grow as counts fall', () => {
  const index = new ComponentsIndex({ format: 1, attribution: '', decompositions: {}, radicals: {}, frequencyRanks: [[1000, 1], [500, 2], [10, 7]] });
  assert.equal(index.frequencyRank(1000), 1);
  assert.equal(index.frequencyRank(700), 2);
  assert.equal(index.frequencyRank(500), 2);
  assert.equal(index.frequencyRank(11), 7);
  assert.equal(index.frequencyRank(5), undefined);
  assert.equal(index.frequencyRank(0), undefined);
});

test('the sentence around a word, in either punctuation, cut around the word when there is none', () => {
  const line = '他说：“我去了。”然后他去银行取钱！我们走吧。';
  const at = line.indexOf('银行');
  assert.equal(sentenceAround(line, at, at + 2), '然后他去银行取钱！');
  assert.equal(sentenceAround(line, 0, 1), '他说：“我去了。”');
  const long = '长'.repeat(1000) + '银行' + '长'.repeat(1000);
  const cut = sentenceAround(long, 1000, 1002);
  assert.ok(cut.includes('银行'));
  assert.ok(cut.length <= MAX_SENTENCE + 2);
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.nat(), (text, n) => {
      const at = text.length ? n % text.length : 0;
      const s = sentenceAround(text, at, at);
      assert.ok(s.length <= MAX_SENTENCE + 2);
    }),
  );
});

function policy(mode: HintPolicy['mode'], extra: Partial<HintPolicy> = {}): HintPolicy {
  return { mode, style: 'marks', level: 3, isKnown: (w) => w === '我', levelOf: (w) => ({ 我: 1, 银行: 3, 取款: 6 })[w], ...extra };
}

const WORDS = [
  { text: '我', start: 0, end: 1, readings: ['wo3'] },
  { text: '去', start: 1, end: 2, readings: ['qu4'] },
  { text: '银行', start: 2, end: 4, readings: ['yin2', 'hang2'] },
  { text: '取款', start: 4, end: 6, readings: ['qu3', 'kuan3'] },
  { text: '。', start: 6, end: 7, readings: [null] },
];

test('inline pinyin modes: off, unknown, aboveLevel, all; the hint sits after its word', () => {
  assert.deepEqual(hintsForLine(WORDS, policy('off')), []);
  assert.deepEqual(
    hintsForLine(WORDS, policy('all')).map((h) => [h.character, h.label]),
    [
      [1, 'wǒ'],
      [2, 'qù'],
      [4, 'yínháng'],
      [6, 'qǔkuǎn'],
    ],
  );
  assert.deepEqual(
    hintsForLine(WORDS, policy('unknown')).map((h) => h.word),
    ['去', '银行', '取款'],
  );
  // Above level 3: 取款 (6) and 去 (in no list here); 银行 is level 3 itself.
  assert.deepEqual(
    hintsForLine(WORDS, policy('aboveLevel')).map((h) => h.word),
    ['去', '取款'],
  );
});

test('inline pinyin styles: marks, numbers, zhuyin', () => {
  assert.equal(wordLabel(['yin2', 'hang2'], 'marks'), 'yínháng');
  assert.equal(wordLabel(['yin2', 'hang2'], 'numbers'), 'yin2hang2');
  assert.equal(wordLabel(['yin2', 'hang2'], 'zhuyin'), 'ㄧㄣˊ ㄏㄤˊ');
  assert.equal(wordLabel(['lv4'], 'marks'), 'lǜ');
  assert.equal(wordLabel([null], 'marks'), undefined);
});
