import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HAN_TABLE_SIZE, isHanCodePoint, isMostlyHan, measureHanShare } from '../../src/core/text/han';
import { readRepoFile, SEED } from './helpers';

test('isHanCodePoint agrees with \\p{Script=Han} on every code point', () => {
  const han = /^\p{Script=Han}$/u;
  const mismatches: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (isHanCodePoint(cp) !== han.test(String.fromCodePoint(cp))) mismatches.push(cp.toString(16));
    if (mismatches.length > 5) break;
  }
  assert.deepEqual(mismatches, []);
  assert.equal(isHanCodePoint(HAN_TABLE_SIZE - 1), true, 'HAN_TABLE_SIZE is one past the last Han code point');
});

test('measureHanShare counts letters of every script but not digits or punctuation', () => {
  assert.deepEqual(measureHanShare('2020年12月3日，GDP增長'), { han: 5, letters: 8, share: 5 / 8 });
  assert.deepEqual(measureHanShare('123 ... !!!'), { han: 0, letters: 0, share: 0 });
});

test('measureHanShare samples only the start of the text', () => {
  const text = '中'.repeat(100) + 'x'.repeat(1000);
  assert.equal(measureHanShare(text, 100).share, 1);
  assert.ok(measureHanShare(text).share < 0.1);
});

test('isMostlyHan accepts the seed article and Chinese with Latin terms', () => {
  assert.equal(isMostlyHan(readRepoFile(SEED)), true);
  assert.equal(isMostlyHan('大數據、物聯網、云計算、人工智能、5G與IoT的應用不斷深入。'), true);
});

test('isMostlyHan rejects English, Japanese, and too little Chinese', () => {
  assert.equal(isMostlyHan('The quick brown fox jumps over the lazy dog, 狐狸.'), false);
  assert.equal(isMostlyHan('吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。'), false);
  assert.equal(isMostlyHan('中文字'), false, 'fewer than 10 Han characters');
  assert.equal(isMostlyHan(''), false);
});
