import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clozeOf, exportAnki, exportCsv, exportPleco, numberedPinyin, toneColoredPinyin } from '../../src/core/study/export';
import { mergeDuplicates, parseWordList } from '../../src/core/study/wordList';
import { readRepoFile } from './helpers';

const entries = mergeDuplicates(parseWordList(readRepoFile('test/fixtures/study/words.tsv')));

/**
 * A reader of Anki's documented text format (manual, "Text Files" and "File Headers"):
 * `#key:value` header lines first, then records split by the separator with CSV quoting
 * (a quoted field may hold the separator; `""` is a quote). Written from the manual, to
 * check our output's structure independently of the fixture's bytes.
 */
function readAnki(text: string): { headers: Map<string, string>; records: string[][] } {
  const lines = text.split('\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
    const [key, value] = lines[i]!.slice(1).split(/:(.*)/s, 2);
    headers.set(key!.trim().toLowerCase(), value!);
  }
  assert.equal(headers.get('separator'), 'tab');
  const records: string[][] = [];
  for (const line of lines.slice(i).filter(Boolean)) {
    const fields: string[] = [];
    let at = 0;
    while (at <= line.length) {
      if (line[at] === '"') {
        let value = '';
        at++;
        for (;;) {
          const q = line.indexOf('"', at);
          assert.ok(q >= 0, `unterminated quote in ${line}`);
          value += line.slice(at, q);
          if (line[q + 1] === '"') {
            value += '"';
            at = q + 2;
          } else {
            at = q + 1;
            break;
          }
        }
        fields.push(value);
        assert.ok(at === line.length || line[at] === '\t', 'a quoted field ends at a separator');
        at++;
      } else {
        const tab = line.indexOf('\t', at);
        const end = tab < 0 ? line.length : tab;
        const value = line.slice(at, end);
        assert.ok(!value.includes('"'), `an unquoted field holds no quote: ${value}`);
        fields.push(value);
        at = end + 1;
      }
    }
    records.push(fields);
  }
  return { headers, records };
}

test('Anki export matches the fixture written from the Anki manual', () => {
  assert.equal(exportAnki(entries), readRepoFile('test/fixtures/study/expected-anki.txt'));
});

test('Anki export with cloze notes matches its fixture', () => {
  assert.equal(exportAnki(entries, { cloze: true }), readRepoFile('test/fixtures/study/expected-anki-cloze.txt'));
});

test('Anki export reads back by the documented rules: headers, columns, tags, HTML', () => {
  const { headers, records } = readAnki(exportAnki(entries));
  assert.equal(headers.get('html'), 'true');
  const tagsColumn = Number(headers.get('tags column'));
  assert.equal(tagsColumn, 3);
  for (const r of records) assert.equal(r.length, 3, 'front, back, tags');
  assert.deepEqual(
    records.map((r) => r[0]),
    ['银行', '了解', '绿'],
  );
  assert.equal(records[0]![tagsColumn - 1], 'finance money banking');
  assert.match(records[0]![1]!, /^<span style="color:#02b31c">yín<\/span> <span style="color:#02b31c">háng<\/span><br>銀行<br>bank; /);
  // Data is escaped: "<color>" in a definition is text, not a tag.
  assert.match(records[2]![1]!, /green &lt;color&gt;$/);

  const cloze = readAnki(exportAnki(entries, { cloze: true }));
  assert.equal(cloze.headers.get('notetype column'), '1');
  assert.equal(cloze.headers.get('tags column'), '4');
  assert.deepEqual(
    cloze.records.map((r) => r[0]),
    ['Basic', 'Cloze', 'Basic', 'Cloze', 'Basic'],
  );
  for (const r of cloze.records.filter((r) => r[0] === 'Cloze')) assert.match(r[1]!, /\{\{c1::[^}]+\}\}/);
});

test('cloze: the word in either script becomes c1; braces in the sentence are not cloze markup; no sentence, no cloze', () => {
  const base = entries[0]!;
  assert.equal(clozeOf({ ...base, sentence: '他去銀行了' }), '他去{{c1::銀行}}了');
  assert.equal(clozeOf({ ...base, sentence: '{{c2::x}}银行' }), '{&#123;c2::x}}{{c1::银行}}');
  assert.equal(clozeOf({ ...base, sentence: '' }), undefined);
  assert.equal(clozeOf({ ...base, sentence: '没有这个词' }), undefined);
});

test('Pleco export matches the fixture: 简体[繁體]<TAB>pinyin with tone numbers<TAB>definition', () => {
  const text = exportPleco(entries, { category: 'Chinese Reader' });
  assert.equal(text, readRepoFile('test/fixtures/study/expected-pleco.txt'));
  for (const line of text.split('\n').filter((l) => l && !l.startsWith('//'))) {
    assert.match(line, /^[^\t[\]]+(\[[^\t[\]]+\])?\t[a-z:1-5]+\t[^\t]*$/u);
  }
});

test('Pleco: tabs and line breaks inside values cannot split a card', () => {
  const text = exportPleco([{ ...entries[1]!, definitions: ['a\tb', 'c\nd'] }]);
  assert.equal(text, '了解\tliao3jie3\ta b; c d\n');
});

test('CSV export matches the RFC 4180 fixture (BOM, CRLF, quoted commas and quotes)', () => {
  assert.equal(exportCsv(entries), readRepoFile('test/fixtures/study/expected.csv'));
});

test('pinyin: tone marks or numbers to Pleco numbers, and tone colours per syllable', () => {
  assert.equal(numberedPinyin('yín háng'), 'yin2hang2');
  assert.equal(numberedPinyin('nǚ ér'), 'nu:3er2');
  // A capital marked vowel (Ōuzhōu) is unmarked like a small one.
  assert.equal(numberedPinyin('Ōu zhōu'), 'Ou1zhou1');
  assert.equal(numberedPinyin('le'), 'le5');
  assert.equal(numberedPinyin('lv4 se4'), 'lu:4se4');
  assert.equal(toneColoredPinyin('ma'), '<span style="color:#777777">ma</span>');
  assert.equal(toneColoredPinyin('ni3 hao3'), '<span style="color:#1510f0">nǐ</span> <span style="color:#1510f0">hǎo</span>');
  // Whatever a person typed in the pinyin column stays text.
  assert.ok(toneColoredPinyin('<b>').includes('&lt;b&gt;'));
  assert.ok(!toneColoredPinyin('<b>').includes('<b>'));
});
