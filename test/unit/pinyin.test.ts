import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSyllable, toneOfMarked, toToneMarks, toZhuyin } from '../../src/core/pinyin/pinyin';

test('tone numbers become marks on the right vowel', () => {
  assert.equal(toToneMarks('shu4 zi4'), 'shù zì');
  assert.equal(toToneMarks('zheng4 fu3'), 'zhèng fǔ');
  assert.equal(toToneMarks('hao3'), 'hǎo');
  assert.equal(toToneMarks('gou3'), 'gǒu');
  assert.equal(toToneMarks('gui4'), 'guì');
  assert.equal(toToneMarks('liu2'), 'liú');
  assert.equal(toToneMarks('xue2'), 'xué');
});

test('ü, neutral tone, capitals and non-syllables', () => {
  assert.equal(toToneMarks('lu:4'), 'lǜ');
  assert.equal(toToneMarks('nu:3'), 'nǚ');
  assert.equal(toToneMarks('de5'), 'de');
  assert.equal(toToneMarks('Bei3 jing1'), 'Běi jīng');
  assert.equal(toToneMarks('san1 D da3 yin4'), 'sān D dǎ yìn');
  assert.equal(toToneMarks('r5'), 'r');
  assert.equal(parseSyllable('shu4').tone, 4);
  assert.equal(parseSyllable('·').tone, 0);
});

test('pinyin that already has marks is kept, and its tone read back', () => {
  assert.equal(toToneMarks('xīn jī jiàn'), 'xīn jī jiàn');
  assert.equal(toneOfMarked('jiàn'), 4);
  assert.equal(toneOfMarked('mǎ'), 3);
  assert.equal(toneOfMarked('de'), 5);
});

test('zhuyin for initials, medials, y/w spellings, j/q/x + u and the buzzed i', () => {
  assert.equal(toZhuyin('shu4 zi4'), 'ㄕㄨˋ ㄗˋ');
  assert.equal(toZhuyin('zhong1 guo2'), 'ㄓㄨㄥ ㄍㄨㄛˊ');
  assert.equal(toZhuyin('xue2 sheng5'), 'ㄒㄩㄝˊ ˙ㄕㄥ');
  assert.equal(toZhuyin('yi1 yu2 wo3 you3'), 'ㄧ ㄩˊ ㄨㄛˇ ㄧㄡˇ');
  assert.equal(toZhuyin('lu:4 er2'), 'ㄌㄩˋ ㄦˊ');
  assert.equal(toZhuyin('jiu3 gui4'), 'ㄐㄧㄡˇ ㄍㄨㄟˋ');
  assert.equal(toZhuyin('C'), 'C');
});
