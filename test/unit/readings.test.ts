/**
 * readingsOf: one reading per code point in context, over the real CC-CEDICT index, the
 * jieba-rs segmenter, OpenCC t2s and the committed pinyin model.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import fc from 'fast-check';
import type { DictEntry, WordSource } from '../../src/core/dict/entry';
import { createNodeLookupService } from '../../src/node/lookup';
import { formatLine, formatReading } from '../../src/core/pinyin/format';
import { PinyinModel } from '../../src/core/pinyin/model';
import { readingsOf, wordReadingsOf, type ReadingSources } from '../../src/core/pinyin/readings';
import { normalizeSyllable, syllablesOf } from '../../src/core/pinyin/syllable';
import { isHanCodePoint } from '../../src/core/text/han';
import { repoPath } from './helpers';

const service = createNodeLookupService(repoPath('dist/cedict.idx'));
const model = PinyinModel.fromJson(readFileSync(repoPath('data/pinyin/model.json'), 'utf8'));
let sources: ReadingSources;

before(async () => {
  await service.ready('jieba-rs');
  sources = {
    dictionary: service.cedict,
    segment: (text) => service.segmentLine(text, 'jieba-rs'),
    toSimplified: service.scriptConverters!.toSimplified,
    model,
  };
});

/** The reading of the `n`th occurrence (0-based) of `char` in `text`. */
function readingOf(text: string, char: string, n = 0): string | null {
  const points = Array.from(text);
  let seen = -1;
  const at = points.findIndex((c) => c === char && ++seen === n);
  assert.ok(at >= 0, `${char} in ${text}`);
  return readingsOf(text, sources)[at]!;
}

test('行 in 银行 vs 行走', () => {
  assert.equal(readingOf('我去银行取钱。', '行'), 'hang2');
  assert.equal(readingOf('他每天行走十公里。', '行'), 'xing2');
});

test('了 in 了解 vs 来了', () => {
  assert.equal(readingOf('我想了解这件事。', '了'), 'liao3');
  assert.equal(readingOf('他终于来了。', '了'), 'le5');
});

test('重 in 重要 vs 重新', () => {
  assert.equal(readingOf('这很重要。', '重'), 'zhong4');
  assert.equal(readingOf('我们重新开始吧。', '重'), 'chong2');
});

test('为 in 作为 vs 为了', () => {
  assert.equal(readingOf('作为学生，他很努力。', '为'), 'wei2');
  assert.equal(readingOf('他为了考试复习了一夜。', '为'), 'wei4');
});

test('single-character polyphones are read from their context by the model', () => {
  assert.equal(readingOf('他跑得很快。', '得'), 'de5');
  assert.equal(readingOf('他慢慢地走了。', '地'), 'de5');
  assert.equal(readingOf('他在土地上劳动。', '地'), 'di4');
});

test('a whole line: numbered pinyin for Han, null for punctuation, ü as v', () => {
  assert.deepEqual(readingsOf('绿色的旅行。', sources), ['lv4', 'se4', 'de5', 'lv3', 'xing2', null]);
});

test('Traditional input reads like Simplified (words found through t2s)', () => {
  assert.deepEqual(readingsOf('銀行行長', sources), ['yin2', 'hang2', 'hang2', 'zhang3']);
  assert.equal(readingOf('這很重要。', '重'), 'zhong4');
  assert.equal(readingOf('他終於來了。', '了'), 'le5');
});

test('Extension B characters are one code point with their reading', () => {
  // 𩠌 (U+2980C) is outside the BMP: a surrogate pair in UTF-16, one element here.
  assert.deepEqual(readingsOf('两𩠌饭', sources), ['liang3', 'song4', 'fan4']);
  assert.deepEqual(readingsOf('兩餸飯', sources), ['liang3', 'song4', 'fan4']);
});

test('non-Han code points are null: Latin, digits, spaces, punctuation, emoji, lone surrogates', () => {
  const text = 'abc 123，!😀\uD800x';
  const readings = readingsOf(text, sources);
  assert.equal(readings.length, Array.from(text).length);
  assert.ok(readings.every((r) => r === null));
  assert.deepEqual(readingsOf('', sources), []);
});

test('without a model the dictionary alone still reads every Han character', () => {
  const plain = { ...sources, model: undefined };
  assert.deepEqual(readingsOf('我去银行。', plain), ['wo3', 'qu4', 'yin2', 'hang2', null]);
});

test('words for the text format: syllables of a word together, marks or numbers', () => {
  const words = wordReadingsOf('我去银行取钱，然后行走回家。', sources);
  assert.equal(formatLine(words, 'marks'), 'wǒ qù yínháng qǔ qián ， ránhòu xíngzǒu huíjiā 。');
  assert.equal(formatLine(words, 'numbers'), 'wo3 qu4 yin2hang2 qu3 qian2 ， ran2hou4 xing2zou3 hui2jia1 。');
  assert.equal(formatReading('lv4', 'marks'), 'lǜ');
  assert.equal(formatReading('le5', 'marks'), 'le');
});

test('syllables: CC-CEDICT spellings fold to the CPP notation', () => {
  assert.equal(normalizeSyllable('Lu:4'), 'lv4');
  assert.equal(normalizeSyllable('Hang2'), 'hang2');
  assert.equal(normalizeSyllable('xx5'), undefined);
  assert.equal(normalizeSyllable('A'), undefined);
  assert.deepEqual(syllablesOf('yin2 hang2', 2), ['yin2', 'hang2']);
  assert.equal(syllablesOf('yin2 hang2', 3), undefined);
});

const HAN_KNOWN = [...'银行了解来重要新为作得地的着还长和都说一是在不人有我他这中大上个们到𩠌銀長還為著'];
const OTHER = ['a', 'Z', '1', ' ', '\t', '，', '。', '!', '😀', '\uD800', '\uDC00', 'é', 'ア', '한', '·', '\u3000'];

test('property: one element per code point; null exactly for the non-Han ones (Han characters the dictionary knows)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...HAN_KNOWN, ...OTHER), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const readings = readingsOf(text, sources);
      const points = Array.from(text);
      assert.equal(readings.length, points.length);
      points.forEach((ch, i) => {
        const han = isHanCodePoint(ch.codePointAt(0)!);
        assert.equal(readings[i] !== null, han, `${ch} in ${text}`);
        if (han) assert.match(readings[i]!, /^[a-z]+[1-5]$/);
      });
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary strings never throw and keep one element per code point', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      const readings = readingsOf(text, sources);
      assert.equal(readings.length, Array.from(text).length);
      Array.from(text).forEach((ch, i) => {
        if (!isHanCodePoint(ch.codePointAt(0)!)) assert.equal(readings[i], null);
      });
    }),
    { numRuns: 300 },
  );
});

test('a Han character no dictionary knows is null rather than a guess', () => {
  // U+2A6D6 (Extension B) has no CC-CEDICT entry.
  const rare = String.fromCodePoint(0x2a6d6);
  assert.equal(service.cedict.lookup(rare).length, 0);
  assert.deepEqual(readingsOf(rare, sources), [null]);
});

/** A dictionary that counts its calls, to check the work per character by counting, not timing. */
function counting(dictionary: WordSource): { source: WordSource; calls: () => number } {
  let calls = 0;
  return {
    source: {
      lookup: (word: string): readonly DictEntry[] => {
        calls += Math.max(1, word.length);
        return dictionary.lookup(word);
      },
      longestMatch: (text: string, start: number) => {
        calls++;
        return dictionary.longestMatch(text, start);
      },
    },
    calls: () => calls,
  };
}

test('work grows linearly with the line: 8x the text costs about 8x the dictionary work', () => {
  const unit = '他为了行走了解银行重新开始的地方，长大了还得着急。abc 123 ';
  const work = (n: number) => {
    const dict = counting(service.cedict);
    readingsOf(unit.repeat(n), { ...sources, dictionary: dict.source });
    return dict.calls();
  };
  const small = work(20);
  const large = work(160);
  assert.ok(large <= small * 8 * 1.1, `${large} vs ${small}`);
  // A long run of Latin letters (one segmenter token) next to polyphones costs no more than linear either.
  const latin = (n: number) => {
    const dict = counting(service.cedict);
    readingsOf(`了${'a'.repeat(n)}了${'b'.repeat(n)}行`, { ...sources, dictionary: dict.source });
    return dict.calls();
  };
  assert.ok(latin(8000) <= latin(1000) * 8 * 1.1);
});
