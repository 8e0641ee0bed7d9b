import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addEntry,
  entriesOf,
  escapeCell,
  mergeDuplicates,
  parseWordList,
  serializeWordList,
  unescapeCell,
  WORD_LIST_HEADER,
  type WordListEntry,
} from '../../src/core/study/wordList';
import { readRepoFile } from './helpers';

const bank: WordListEntry = {
  simplified: '银行',
  traditional: '銀行',
  pinyin: 'yín háng',
  definitions: ['bank', 'CL:家[jia1]'],
  hsk3: 2,
  hsk2: 3,
  sentence: '他去银行取钱。',
  source: 'novel.zh.txt:3',
  added: '2026-11-02',
  tags: ['finance'],
};

test('a written list reads back as the same entries, header first', () => {
  const { list } = addEntry(parseWordList(''), bank);
  const text = serializeWordList(list);
  assert.ok(text.startsWith(`${WORD_LIST_HEADER}\n`));
  assert.equal(text, `${WORD_LIST_HEADER}\n银行\t銀行\tyín háng\tbank / CL:家[jia1]\thsk3:2 hsk2:3\t他去银行取钱。\tnovel.zh.txt:3\t2026-11-02\tfinance\n`);
  const back = parseWordList(text);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(entriesOf(back), [bank]);
});

test('the fixture round-trips byte for byte, comment line included', () => {
  const text = readRepoFile('test/fixtures/study/words.tsv');
  const list = parseWordList(text);
  assert.deepEqual(list.problems, []);
  assert.equal(serializeWordList(list), text);
});

test('tabs, line breaks and backslashes inside values survive the round trip', () => {
  const tricky: WordListEntry = { ...bank, sentence: '第一行\n第二行\t有\\反斜杠', tags: [] };
  const text = serializeWordList(addEntry(parseWordList(''), tricky).list);
  assert.equal(text.split('\n').length, 3, 'one header, one row, the final newline');
  assert.deepEqual(entriesOf(parseWordList(text)), [tricky]);
});

test('property: any entries written and read back are unchanged', () => {
  const cell = fc.string({ maxLength: 12 }).filter((s) => s.trim() === s);
  const word = fc.stringMatching(/^[\u4e00-\u9fa5]{1,4}$/);
  const entry = fc.record({
    simplified: word,
    traditional: word,
    pinyin: cell,
    definitions: fc.array(cell.filter((s) => s !== '' && !s.includes('/')), { maxLength: 3 }),
    sentence: cell,
    source: cell,
    added: fc.constantFrom('', '2026-01-31'),
    tags: fc.array(fc.stringMatching(/^[a-z0-9_]{1,6}$/), { maxLength: 3 }),
  });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
      let list = parseWordList('');
      for (const e of entries) list = addEntry(list, e).list;
      const again = parseWordList(serializeWordList(list));
      assert.deepEqual(again.problems, []);
      // fast-check builds null-prototype records: compare as plain data.
      assert.deepEqual(entriesOf(again), JSON.parse(JSON.stringify(entriesOf(list))));
    }),
  );
  fc.assert(fc.property(fc.string(), (s) => assert.equal(unescapeCell(escapeCell(s)), s.replace(/\r\n?/g, '\n'))));
});

test('adding a word already listed merges it: earliest date, both definitions and tags, first sentence kept', () => {
  let list = addEntry(parseWordList(''), bank).list;
  const again = addEntry(list, { ...bank, definitions: ['bank', 'shore'], sentence: '河的银行', added: '2026-10-01', tags: ['review'] });
  assert.equal(again.merged, true);
  list = again.list;
  const [merged] = entriesOf(list);
  assert.equal(entriesOf(list).length, 1);
  assert.deepEqual(merged!.definitions, ['bank', 'CL:家[jia1]', 'shore']);
  assert.deepEqual(merged!.tags, ['finance', 'review']);
  assert.equal(merged!.added, '2026-10-01');
  assert.equal(merged!.sentence, '他去银行取钱。');
  assert.equal(merged!.source, 'novel.zh.txt:3');
});

test('duplicates typed by hand are merged into the first row for export and on the next add', () => {
  const list = parseWordList(readRepoFile('test/fixtures/study/words.tsv'));
  const merged = mergeDuplicates(list);
  assert.deepEqual(
    merged.map((e) => e.simplified),
    ['银行', '了解', '绿'],
  );
  assert.equal(merged[0]!.added, '2026-11-01');
  assert.deepEqual(merged[0]!.tags, ['finance', 'money', 'banking']);
  const added = addEntry(list, { ...bank, tags: [] }).list;
  assert.equal(entriesOf(added).filter((e) => e.simplified === '银行').length, 1);
});

test('malformed rows are reported on their line and kept verbatim, never thrown', () => {
  const text = [
    WORD_LIST_HEADER,
    '银行\t銀行\tyín háng',
    '\tno word',
    'two words\tx',
    '好\t好\thǎo\tgood\tlevel 1',
    '好\t好\thǎo\tgood\t\t\t\tyesterday',
    'a\tb\tc\td\te\tf\tg\th\ti\tj',
    '对\t對',
  ].join('\n');
  const list = parseWordList(text);
  assert.deepEqual(
    list.problems.map((p) => p.line),
    [2, 3, 4, 5, 6],
  );
  assert.match(list.problems[0]!.message, /first column/);
  assert.match(list.problems[2]!.message, /HSK column/);
  assert.match(list.problems[3]!.message, /YYYY-MM-DD/);
  assert.match(list.problems[4]!.message, /at most 9/);
  assert.deepEqual(
    entriesOf(list).map((e) => e.simplified),
    ['银行', '对'],
  );
  // Writing the list back loses none of the malformed lines.
  const written = serializeWordList(addEntry(list, bank).list);
  for (const line of text.split('\n').slice(2, 7)) assert.ok(written.includes(line), `kept: ${line}`);
});

test('CRLF files, a byte order mark and a missing header are read too', () => {
  const list = parseWordList('\uFEFF银行\t銀行\tyín háng\r\n好\r\n');
  assert.deepEqual(list.problems, []);
  assert.deepEqual(
    entriesOf(list).map((e) => [e.simplified, e.traditional]),
    [
      ['银行', '銀行'],
      ['好', '好'],
    ],
  );
});

test('a 20,000-row list with 2,000-character cells is read whole', () => {
  const row = `银行\t銀行\tyín háng\t${'bank / '.repeat(100)}\t\t${'长'.repeat(2000)}\t\t2026-01-01\t`;
  const list = parseWordList(Array.from({ length: 20_000 }, () => row).join('\n'));
  assert.equal(list.lines.length, 20_000);
  assert.deepEqual(list.problems, []);
});
