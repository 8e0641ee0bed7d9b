import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Glossary } from '../../src/core/glossary/glossary';
import { glossaryFormatOf, jsonErrorOffset, parseGlossary, parseInlineEntries, splitCsvLine } from '../../src/core/glossary/parse';
import { loadScriptConverters } from '../../src/core/segment/opencc';
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
