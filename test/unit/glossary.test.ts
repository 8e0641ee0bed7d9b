import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Glossary } from '../../src/core/glossary/glossary';
import { glossaryFormatOf, jsonErrorOffset, MAX_TERM_LENGTH, parseGlossary, parseInlineEntries, splitCsvLine } from '../../src/core/glossary/parse';
import { lookupAt } from '../../src/core/lookup/lookup';
import { renderMarkdown } from '../../src/core/lookup/render';
import { loadScriptConverters } from '../../src/node/scriptConverters';
import { readRepoFile } from './helpers';

test('TSV: header, comments, 2- and 5-column rows, and bad rows reported on their line', () => {
  const text = [
    'term\tother\tpinyin\tenglish\tnote',
    '# a comment',
    '新基建\t\txīn jī jiàn\tnew infrastructure\tslogan',
    '健康碼\thealth code',
    '',
    '壞行\tonly\tthree',
    'abc\t\t\tno Chinese here\t',
    '空白\t\t\t\t',
    '數字政府\t数字政府\tshu4 zi4 zheng4 fu3\tdigital government; e-government\t',
  ].join('\n');
  const { rows, problems } = parseGlossary(text, 'tsv');
  assert.deepEqual(
    rows.map((r) => [r.term, r.other, r.pinyin, r.english, r.note, r.line]),
    [
      ['新基建', '', 'xīn jī jiàn', 'new infrastructure', 'slogan', 2],
      ['健康碼', '', '', 'health code', '', 3],
      ['數字政府', '数字政府', 'shu4 zi4 zheng4 fu3', 'digital government; e-government', '', 8],
    ],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [5, 6, 7],
  );
  assert.match(problems[0]!.message, /found 3/);
  assert.match(problems[1]!.message, /no Chinese character/);
  assert.match(problems[2]!.message, /English gloss .* is empty/);
});

test('CSV: quoted fields with commas and doubled quotes; an open quote is a problem, not a throw', () => {
  assert.deepEqual(splitCsvLine('a,"b, c","say ""hi"""'), ['a', 'b, c', 'say "hi"']);
  const { rows, problems } = parseGlossary('智慧城市,,,"smart city, connected",\n綠碼,"green code\n', 'csv');
  assert.equal(rows[0]!.english, 'smart city, connected');
  assert.deepEqual(problems, [{ line: 1, message: 'unbalanced double quote' }]);
});

test('JSON: entries and bad elements reported on the element line; invalid JSON on its line', () => {
  const text = '[\n  {"term": "新基建", "english": "new infrastructure"},\n  {"term": "x"},\n  42,\n  {"term": "健康碼", "english": 5}\n]';
  const { rows, problems } = parseGlossary(text, 'json');
  assert.deepEqual(rows.map((r) => [r.term, r.line]), [['新基建', 1]]);
  assert.deepEqual(problems.map((p) => p.line), [2, 3, 4]);
  assert.match(problems[2]!.message, /"english" must be a string/);
  const broken = parseGlossary('[\n{"term": "新基建",\n"english": }\n]', 'json');
  assert.equal(broken.rows.length, 0);
  assert.equal(broken.problems[0]!.line, 2);
  assert.match(broken.problems[0]!.message, /invalid JSON/);
  assert.match(parseGlossary('{"term": "a"}', 'json').problems[0]!.message, /must be an array/);
});

test('JSON syntax errors are located without a position in the message', () => {
  assert.equal(jsonErrorOffset('[1, 2]'), -1);
  assert.equal(jsonErrorOffset('[1, }'), 4);
  assert.equal(jsonErrorOffset('{"a": "b\n"}'), 8);
  assert.equal(jsonErrorOffset('[1] x'), 4);
});

test('inline entries from settings', () => {
  const { rows, problems } = parseInlineEntries([{ term: '新基建', english: 'new infrastructure' }, 'oops', { term: '新', english: '' }]);
  assert.equal(rows.length, 1);
  assert.deepEqual(problems.map((p) => p.line), [1, 2]);
});

test('file formats come from the extension', () => {
  assert.equal(glossaryFormatOf('a/glossary.TSV'), 'tsv');
  assert.equal(glossaryFormatOf('terms.csv'), 'csv');
  assert.equal(glossaryFormatOf('terms.json'), 'json');
  assert.equal(glossaryFormatOf('terms.txt'), undefined);
});

test('the merged glossary answers in both scripts, derives the missing form and says where entries came from', async () => {
  const convert = await loadScriptConverters();
  const glossary = new Glossary(
    [
      { source: 'a.tsv', rows: parseGlossary('健康碼\thealth code\n数字政府\tdigital government\n', 'tsv').rows },
      { source: 'settings', rows: parseInlineEntries([{ term: '健康碼', english: 'health QR code' }]).rows },
    ],
    convert,
  );
  assert.deepEqual([...glossary.terms()].sort(), ['健康码', '健康碼', '数字政府', '數字政府'].sort());
  const entries = glossary.lookup('健康码');
  assert.deepEqual(entries.map((e) => [e.traditional, e.simplified, e.source, e.line]), [
    ['健康碼', '健康码', 'glossary:a.tsv', 1],
    ['健康碼', '健康码', 'glossary:settings', 1],
  ]);
  assert.equal(glossary.lookup('數字政府')[0]!.simplified, '数字政府');
  assert.equal(glossary.longestMatch('在數字政府中', 1), 4);
  assert.equal(glossary.longestMatch('在數字政府中', 0), 0);
});

test('the seed glossary parses without problems and covers the seed terms CC-CEDICT lacks', () => {
  const { rows, problems } = parseGlossary(readRepoFile('seeds/glossary.tsv'), 'tsv');
  assert.deepEqual(problems, []);
  const terms = rows.map((r) => r.term);
  for (const term of ['新基建', '健康碼', '數字政府', '智慧城市']) assert.ok(terms.includes(term), term);
});

test('a term longer than MAX_TERM_LENGTH is refused on its line, and a Glossary built without parsing skips it', () => {
  const huge = '長'.repeat(100_000);
  const { rows, problems } = parseGlossary(`${huge}\tbook-length term\n正常\tnormal\n`, 'tsv');
  assert.deepEqual(rows.map((r) => r.term), ['正常']);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.line, 0);
  assert.match(problems[0]!.message, new RegExp(`the term is 100000 characters long; a term may have at most ${MAX_TERM_LENGTH}`));
  const glossary = new Glossary([{ source: 'x', rows: [{ term: huge, other: '', pinyin: '', english: 'x', note: '', line: 0 }] }]);
  assert.equal(glossary.size, 0);
});

test('glossary lookups on long lines cost the same at n and 8n: work is counted, not timed', () => {
  // The adversarial shape: many terms sharing a first character with every length up to the
  // cap, none matching, on a line made of that character. Before the cap, one 100k-character
  // term made every lookup compare up to the rest of the line.
  const rows = Array.from({ length: MAX_TERM_LENGTH }, (_, i) => ({
    term: `${'長'.repeat(i)}乙`,
    other: '',
    pinyin: '',
    english: 'never matches',
    note: '',
    line: i,
  }));
  const glossary = new Glossary([{ source: 'adversarial', rows }]);
  const none = { lookup: () => [], longestMatch: () => 0 };
  const sources = { glossary, dictionary: none, segment: (text: string) => [...text].map((ch, i) => ({ text: ch, start: i, end: i + 1 })) };
  const workFor = (n: number) => {
    const line = '長'.repeat(n);
    glossary.work = 0;
    // A lookup in the middle and one at the start (where the whole line lies ahead).
    lookupAt(line, Math.floor(n / 2), sources);
    lookupAt(line, 0, sources);
    return glossary.work;
  };
  const small = workFor(40_000);
  const large = workFor(320_000);
  assert.ok(small > 0, 'the lookups compared something');
  assert.ok(large <= small * 1.01, `work per lookup does not grow with the line: ${small} at n, ${large} at 8n`);
});

test('glossary text in the hover: a lone CR makes no heading and a bare URL no link', async () => {
  const text = ['連結詞\t\t\tfirst sense\r===\rsecond\u2028line', '網址詞\t\t\tsee https://example.com/a_b and www.example.org or me@example.com'].join('\n');
  const { rows, problems } = parseGlossary(text, 'tsv');
  assert.deepEqual(problems, []);
  const glossary = new Glossary([{ source: 'g.tsv', rows }], await loadScriptConverters());
  const none = { lookup: () => [], longestMatch: () => 0 };
  const sources = { glossary, dictionary: none, segment: (t: string) => [{ text: t, start: 0, end: t.length }] };
  const heading = renderMarkdown(lookupAt('連結詞', 0, sources)!);
  // Every line break in the data became a space: no line of the markdown starts with ===.
  assert.doesNotMatch(heading, /[\r\u2028\u2029]/);
  assert.doesNotMatch(heading, /^\s*={2,}/m);
  assert.match(heading, /first sense === second line/);
  const link = renderMarkdown(lookupAt('網址詞', 0, sources)!);
  // GFM autolinks need "https://", "www." or "x@y.z" as written: each is broken by an escape
  // (which the renderer shows as the plain character).
  assert.doesNotMatch(link, /https?:\/\//);
  assert.doesNotMatch(link, /www\./);
  assert.doesNotMatch(link, /[^\\]@/);
  assert.match(link, /https\\:\/\/example\\\.com\/a\\_b/);
});
