import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDictionarySegmenter } from '../../src/core/segment/dictionarySegmenter';

const WORDS = new Set(['数字', '政府', '数字化', '𠀀𠀁']);
const longestMatch = (text: string, start: number) => {
  for (let length = Math.min(4, text.length - start); length > 1; length--) if (WORDS.has(text.substr(start, length))) return length;
  return 0;
};

test('the dictionary segmenter takes the longest word at each place, else one character, never half a pair', () => {
  const segmenter = createDictionarySegmenter(longestMatch);
  assert.deepEqual(segmenter.cut('数字化政府好'), ['数字化', '政府', '好']);
  assert.deepEqual(segmenter.cut('𠀀𠀁𠀂甲'), ['𠀀𠀁', '𠀂', '甲']);
  assert.equal(segmenter.cut('数字化政府好').join(''), '数字化政府好');
  assert.deepEqual(segmenter.cut(''), []);
});

test('words added to the dictionary segmenter (glossary terms) are kept whole, longest first', () => {
  const segmenter = createDictionarySegmenter(longestMatch);
  segmenter.addWords(['新基建', '数字政府']);
  assert.deepEqual(segmenter.cut('新基建的数字政府'), ['新基建', '的', '数字政府']);
});

test('an added word over the length bound is cut like other text, so each place costs a bounded number of lookups', () => {
  const segmenter = createDictionarySegmenter(longestMatch);
  const huge = '新'.repeat(100_000);
  segmenter.addWords([huge, '新'.repeat(64), '基建']);
  const line = '新'.repeat(200) + '基建';
  // The 64-character word is kept whole; the 100,000-character one is not a word.
  assert.deepEqual(segmenter.cut(line), [...Array<string>(3).fill('新'.repeat(64)), ...Array<string>(8).fill('新'), '基建']);
  assert.equal(segmenter.cut(huge).length, Math.floor(100_000 / 64) + (100_000 % 64), '64-character words, then single characters');
});
