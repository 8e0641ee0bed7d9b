import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import * as OpenCC from 'opencc-js';
import type { textConverter } from '../../src/core/convert/engine';
import { loadSegmenter } from '../../src/node/engines';
import { loadScriptConverters } from '../../src/node/scriptConverters';
import { segment, simplifiedAligned, SEGMENTER_ENGINES, type Segmenter } from '../../src/core/segment/segmenter';
import { readRepoFile, repoPath, SEED } from './helpers';

const words = (tokens: { text: string }[]) => tokens.map((t) => t.text);

/** The contract every engine passes. */
for (const engine of SEGMENTER_ENGINES) {
  describe(`segmenter contract: ${engine}`, () => {
    const load = () => loadSegmenter(engine);

    test('loads once and names itself', () => {
      const segmenter = load();
      assert.equal(segmenter.engine, engine);
      assert.equal(loadSegmenter(engine), segmenter);
    });

    test('words concatenate back to the text, punctuation and Latin included', () => {
      const text = '数字政府2.0建设, 如何推进?Hello 世界';
      assert.equal(load().cut(text).join(''), text);
    });

    test('Simplified text: 数字 and 政府 are words', () => {
      const cut = load().cut('数字政府建设');
      assert.ok(cut.includes('数字') && cut.includes('政府'), cut.join('/'));
    });

    test('Traditional text through t2s keeps 數字 whole, with offsets into the original', async () => {
      const { toSimplified } = await loadScriptConverters();
      const tokens = segment(load(), '以數字化手段建立數字政府', toSimplified);
      assert.ok(words(tokens).includes('數字化') || words(tokens).includes('數字'), words(tokens).join('/'));
      for (const t of tokens) assert.equal('以數字化手段建立數字政府'.slice(t.start, t.end), t.text);
    });

    test('added words are never split', () => {
      const segmenter = load();
      segmenter.addWords(['新基建', '健康码']);
      const cut = segmenter.cut('新基建时代的健康码');
      assert.ok(cut.includes('新基建') && cut.includes('健康码'), cut.join('/'));
    });

    test('empty text gives no tokens', () => {
      assert.deepEqual(segment(load(), ''), []);
    });
  });
}

test('offsets map back by code point when characters are outside the BMP', () => {
  const fake: Segmenter = {
    engine: 'jieba-rs',
    cut: (text) => [...text].reduce<string[]>((acc, ch, i) => (i % 2 ? [...acc.slice(0, -1), acc.at(-1)! + ch] : [...acc, ch]), []),
    addWords: () => undefined,
  };
  // 𰻞 is one code point, two UTF-16 units; the fake converter maps it to a BMP character.
  const text = '𰻞𰻞麵好吃';
  const tokens = segment(fake, text, (s) => s.replace(/𰻞/gu, '边').replace(/麵/g, '面'));
  assert.deepEqual(words(tokens), ['𰻞𰻞', '麵好', '吃']);
  assert.deepEqual(tokens.map((t) => [t.start, t.end]), [[0, 4], [4, 6], [6, 7]]);
});

test('a conversion that changes the code-point count falls back to character by character', () => {
  const phraseLike = (s: string) => (s.length > 1 ? s.replace('乾隆', '干') : s === '乾' ? '干' : s);
  assert.equal(simplifiedAligned('乾隆年', phraseLike), '干隆年');
});

test('runs of ideographic description characters segment through t2s (44 × ⿲, 20,000 nested ⿰)', async () => {
  // t2s used to be opencc-js's Converter: 44 ⿲ took 46 s in `segment`, 20,000 nested ⿰ overflowed the stack.
  const { toSimplified } = await loadScriptConverters();
  for (const text of ['⿲'.repeat(44) + '\n數字政府', '⿰'.repeat(20_000) + '說'.repeat(20_001) + '。以數字化手段建立數字政府']) {
    const tokens = segment(loadSegmenter('jieba-rs'), text, toSimplified);
    assert.equal(words(tokens).join(''), text);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(words(tokens).includes('數字') || words(tokens).includes('數字化'), 'the words after the run are found');
  }
});

test('an engine whose words do not cover the text degrades to one token per character', () => {
  const broken: Segmenter = { engine: 'jieba-rs', cut: () => ['错'], addWords: () => undefined };
  assert.deepEqual(words(segment(broken, '數字')), ['數', '字']);
});

test(
  'the build ships opencc-js once: the hover takes its converters from dist/convert-engine.js',
  { skip: !existsSync(repoPath('dist/convert-engine.js')) && 'dist/convert-engine.js not built: run npm run build' },
  () => {
    const engine = createRequire(import.meta.url)(repoPath('dist/convert-engine.js')) as { textConverter: typeof textConverter };
    const seed = readRepoFile(SEED);
    for (const [from, to] of [
      ['t', 'cn'],
      ['cn', 't'],
    ] as const) {
      assert.equal(engine.textConverter(from, to)(seed), OpenCC.Converter({ from, to })(seed), `${from} → ${to}`);
    }
    assert.equal(existsSync(repoPath('dist/node_modules/opencc-js')), false, 'no second copy in dist/node_modules');
  },
);
