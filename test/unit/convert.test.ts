import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { coalesceEdits, composeUnits, mapOffset, unitsToEdits, type TextEdit } from '../../src/core/convert/alignment';
import { alternativesFor } from '../../src/core/convert/ambiguity';
import { detectSourceVariant } from '../../src/core/convert/detectSource';
import { configsFor, createConverter } from '../../src/core/convert/engine';
import { configName, CONVERSIONS, VARIANTS, type Variant } from '../../src/core/convert/variants';
import { readRepoFile, SEED } from './helpers';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let last = 0;
  for (const e of edits) {
    assert.ok(e.start >= last, 'edits are sorted and disjoint');
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

/** No edit starts or ends between the halves of a surrogate pair. */
function assertNoSplitPair(text: string, edits: readonly TextEdit[]) {
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);
  for (const e of edits) {
    assert.ok(!isLow(e.start), `edit at ${e.start} splits a surrogate pair`);
    assert.ok(!isLow(e.end), `edit ending at ${e.end} splits a surrogate pair`);
  }
}

test('every config gives exactly opencc-js output on the seed, and the edits rebuild it', () => {
  const seed = readRepoFile(SEED);
  const simplified = OpenCC.Converter({ from: 't', to: 'cn' })(seed);
  for (const c of CONVERSIONS) {
    const input = c.from === 'cn' ? simplified : seed;
    const expected = OpenCC.Converter({ from: c.from, to: c.to })(input);
    const result = createConverter(c.from, c.to).convert(input);
    assert.equal(result.text, expected, `${c.id} text`);
    assert.equal(applyEdits(input, result.edits), expected, `${c.id} edits rebuild the output`);
  }
});

test('pairs without their own config go through standard Traditional, like opencc-js', () => {
  assert.deepEqual(configsFor('hk', 'tw'), ['hk2t', 't2tw']);
  assert.deepEqual(configsFor('cn', 'jp'), ['s2t', 't2jp']);
  assert.deepEqual(configsFor('tw', 'tw'), []);
  const text = '綫條着色，裏面的爲什麼';
  for (const [from, to] of [
    ['hk', 'tw'],
    ['tw', 'hk'],
    ['jp', 'cn'],
  ] as [Variant, Variant][]) {
    const result = createConverter(from, to).convert(text);
    assert.equal(applyEdits(text, result.edits), result.text, `${from}→${to}`);
  }
  assert.equal(createConverter('hk', 'tw').convert('綫條').text, '線條');
});

test('a cursor next to a phrase that changes length is not inside any edit', () => {
  const text = '頭髮乾了。\n第二行：爲了衆人、資訊、記憶體。\n';
  const result = createConverter('twp', 'cn').convert(text);
  assert.equal(result.text, OpenCC.Converter({ from: 'twp', to: 'cn' })(text));
  const cursor = text.indexOf('：') + 1;
  assert.ok(result.edits.every((e) => e.start >= cursor || e.end <= cursor), JSON.stringify(result.edits));
  assert.equal(mapOffset(result.edits, cursor), result.text.indexOf('：') + 1);
});

test('edits touch only the characters that change', () => {
  const text = 'abc 汉字 def 中文 软件';
  const result = createConverter('cn', 'tw').convert(text);
  assert.equal(result.text, 'abc 漢字 def 中文 軟件');
  assert.deepEqual(result.edits, [
    { start: 4, end: 5, text: '漢' },
    { start: 14, end: 15, text: '軟' },
  ]);
});

test('phrase conversions change length and the edits still rebuild the text', () => {
  const text = '我的鼠标和软件。自行车在这里';
  const result = createConverter('cn', 'twp').convert(text);
  assert.equal(result.text, OpenCC.Converter({ from: 'cn', to: 'twp' })(text));
  assert.match(result.text, /滑鼠/);
  assert.match(result.text, /軟體/);
  assert.equal(applyEdits(text, result.edits), result.text);
  const back = createConverter('twp', 'cn').convert('軟體和滑鼠');
  assert.equal(back.text, '软件和鼠标');
});

test('characters that move between UTF-16 planes, emoji, combining marks and Extension B are never split', () => {
  // Simplified 𬣙 (U+2C8D9, astral) becomes Traditional 譸 (BMP): the length shrinks by one.
  const astral = '\u{2C8D9}张';
  const converted = createConverter('cn', 't').convert(astral);
  assert.equal(converted.text, OpenCC.Converter({ from: 'cn', to: 't' })(astral));
  assert.notEqual(converted.text.length, astral.length, 'the sample really changes plane');
  assert.equal(applyEdits(astral, converted.edits), converted.text);
  assertNoSplitPair(astral, converted.edits);

  const text = '😀发👍🏽干e\u0301𠮷后𡃁里';
  for (const [from, to] of [
    ['cn', 'tw'],
    ['cn', 'twp'],
    ['cn', 't'],
    ['t', 'cn'],
  ] as [Variant, Variant][]) {
    const result = createConverter(from, to).convert(text);
    assert.equal(result.text, OpenCC.Converter({ from, to })(text), `${from}→${to}`);
    assert.equal(applyEdits(text, result.edits), result.text);
    assertNoSplitPair(text, result.edits);
    assert.ok(result.text.includes('😀') && result.text.includes('👍🏽') && result.text.includes('e\u0301'));
    assert.ok(result.text.includes('𠮷') && result.text.includes('𡃁'));
  }
});

test('protected terms are never converted; the rest of the text is', () => {
  // OpenCC's phrase table already keeps 乾隆; a term it does convert shows protection at work.
  const plain = createConverter('t', 'cn').convert('乾燥的乾隆年間');
  assert.equal(plain.text, '干燥的乾隆年间');
  const protectedResult = createConverter('t', 'cn', { protectedTerms: ['乾燥', '乾隆'] }).convert('乾燥的乾隆年間');
  assert.equal(protectedResult.text, '乾燥的乾隆年间');
  assert.deepEqual(protectedResult.edits, [{ start: 6, end: 7, text: '间' }]);
  // The longest protected term wins where two start at the same place.
  const longest = createConverter('t', 'cn', { protectedTerms: ['乾', '乾燥劑'] }).convert('乾燥劑與乾燥');
  assert.equal(longest.text, '乾燥劑与乾燥');
  // A protected Simplified term survives Simplified → Traditional too.
  const s2t = createConverter('cn', 'tw', { protectedTerms: ['发哥'] }).convert('发哥的头发');
  assert.equal(s2t.text, '发哥的頭髮');
  assert.equal(applyEdits('发哥的头发', s2t.edits), s2t.text);
  // Empty terms are ignored instead of matching everywhere.
  assert.equal(createConverter('cn', 'tw', { protectedTerms: [''] }).convert('头发').text, '頭髮');
});

test('fixed terms (a glossary\'s forms) replace OpenCC\'s conversion, with minimal edits; protected terms win', () => {
  const input = '台湾的数字政府';
  assert.equal(createConverter('cn', 't').convert(input).text, '臺灣的數字政府');
  const fixed = createConverter('cn', 't', { fixedTerms: [['台湾', '台灣']] }).convert(input);
  assert.equal(fixed.text, '台灣的數字政府');
  assert.equal(applyEdits(input, fixed.edits), fixed.text);
  assert.deepEqual(fixed.edits[0], { start: 1, end: 2, text: '灣' }, 'only the character that differs is replaced');
  // A fixed term of another length: the edit still rebuilds the text, and cursors map through it.
  const longer = createConverter('cn', 'tw', { fixedTerms: [['软件', '軟體程式']] }).convert('新软件。');
  assert.equal(longer.text, '新軟體程式。');
  assert.equal(applyEdits('新软件。', longer.edits), longer.text);
  // Where a protected term and a fixed term both start, the protected term is kept as it is.
  const both = createConverter('cn', 't', { protectedTerms: ['台湾'], fixedTerms: [['台湾', '台灣']] }).convert(input);
  assert.equal(both.text, '台湾的數字政府');
});

test('ambiguous characters converted without context are marked with their alternatives', () => {
  assert.deepEqual([...(alternativesFor('干') ?? [])].sort(), ['乾', '干', '幹', '榦'].sort());
  assert.deepEqual(alternativesFor('发'), ['發', '髮']);
  assert.ok(alternativesFor('后')?.includes('后'));
  assert.equal(alternativesFor('中'), undefined);

  const text = '干，发。后；他说';
  const result = createConverter('cn', 'tw', { markAmbiguities: true }).convert(text);
  const marked = result.ambiguities.map((a) => [result.text.slice(a.start, a.end), a.source]);
  assert.deepEqual(marked, [
    ['幹', '干'],
    ['發', '发'],
    ['後', '后'],
  ]);
  // Glyph variants (說 / 説) are not a choice: 说 is not marked.
  for (const a of result.ambiguities) {
    assert.equal(result.text.slice(a.start, a.end), a.chosen);
    assert.equal(a.alternatives[0], a.chosen);
    assert.ok(a.alternatives.length > 1);
  }
  // A phrase decides by context: 头发 is 頭髮 without doubt.
  const phrase = createConverter('cn', 'tw', { markAmbiguities: true }).convert('头发');
  assert.deepEqual(phrase.ambiguities, []);
  // Off unless asked for, and never for Traditional → Simplified.
  assert.deepEqual(createConverter('cn', 'tw').convert(text).ambiguities, []);
  assert.deepEqual(createConverter('t', 'cn', { markAmbiguities: true }).convert('乾燥').ambiguities, []);
});

test('ambiguities in the non-segmented s2t config point at the chosen character', () => {
  const result = createConverter('cn', 't', { markAmbiguities: true }).convert('abc干');
  assert.equal(result.ambiguities.length, 1);
  assert.equal(result.ambiguities[0]!.start, 3);
  assert.equal(result.text.slice(3), result.ambiguities[0]!.chosen);
});

test('converting in line-aligned pieces gives the same result as at once', () => {
  const seed = readRepoFile(SEED);
  const converter = createConverter('t', 'cn');
  const whole = converter.convert(seed);
  const steps = converter.convertSteps(seed, 500);
  let progress = 0;
  let step = steps.next();
  while (!step.done) {
    assert.ok(step.value > progress, 'progress grows');
    progress = step.value;
    step = steps.next();
  }
  assert.ok(progress > 0, 'the seed took several pieces');
  assert.equal(step.value.text, whole.text);
  assert.deepEqual(step.value.edits, whole.edits);
});

test('composing passes merges overlapping units and keeps offsets', () => {
  // Pass A: x[2,3) → y[2,4) (one character becomes two); pass B: y[3,5) → z[3,4).
  const composed = composeUnits([2, 3, 2, 4], [3, 5, 3, 4]);
  assert.deepEqual(composed, [2, 4, 2, 4]);
  // Disjoint units shift by the other pass's length change.
  assert.deepEqual(composeUnits([0, 1, 0, 2], [5, 6, 5, 6]), [0, 1, 0, 2, 4, 5, 5, 6]);
  // Touching units stay apart, so that edits stay small.
  assert.deepEqual(composeUnits([0, 1, 0, 2], [2, 3, 2, 3]), [0, 1, 0, 2, 1, 2, 2, 3]);
  // A deletion in A next to a change in B.
  assert.deepEqual(composeUnits([1, 2, 1, 1], [1, 2, 1, 3]), [1, 2, 1, 1, 2, 3, 1, 3]);
  const input = 'abXcd';
  const output = 'abYYcd';
  assert.deepEqual(unitsToEdits(input, output, [2, 3, 2, 4]), [{ start: 2, end: 3, text: 'YY' }]);
});

test('coalescing keeps the text and stays within the edit budget, by line first', () => {
  const input = 'a1b1\nc1d1\ne1f1\ng1h1\n';
  const edits = [0, 2, 5, 7, 10, 12, 15, 17].map((start) => ({ start, end: start + 1, text: input[start]!.toUpperCase() }));
  const expected = applyEdits(input, edits);
  assert.equal(coalesceEdits(input, edits, 8), edits, 'within budget: unchanged');
  const byLine = coalesceEdits(input, edits, 4);
  assert.equal(byLine.length, 4);
  assert.ok(byLine.every((e) => !input.slice(e.start, e.end).includes('\n')), 'no edit spans a line break');
  assert.equal(applyEdits(input, byLine), expected);
  const grouped = coalesceEdits(input, edits, 2);
  assert.ok(grouped.length <= 2);
  assert.equal(applyEdits(input, grouped), expected);
});

test('offsets map through edits: starts stay, ends follow the replacement', () => {
  const edits = [{ start: 2, end: 4, text: 'X' }];
  assert.equal(mapOffset(edits, 0), 0);
  assert.equal(mapOffset(edits, 2), 2);
  assert.equal(mapOffset(edits, 3), 3);
  assert.equal(mapOffset(edits, 4), 3);
  assert.equal(mapOffset(edits, 6), 5);
});

test('the source variant is detected when not given', () => {
  assert.equal(detectSourceVariant('数字政府建设', 'tw'), 'cn');
  assert.equal(detectSourceVariant('數位政府建設', 'tw'), 't');
  assert.equal(detectSourceVariant('数字政府', 'cn'), 't');
});

test('variant and config names match opencc-js', () => {
  assert.deepEqual([...VARIANTS], ['cn', 'tw', 'twp', 'hk', 'hkp', 'jp', 't']);
  assert.equal(configName('t', 'cn'), 't2s');
  assert.equal(configName('twp', 'cn'), 'tw2sp');
  assert.equal(configName('cn', 'twp'), 's2twp');
  for (const c of CONVERSIONS) assert.equal(configName(c.from, c.to), c.id);
  assert.equal(new Set(CONVERSIONS.map((c) => c.id)).size, 16);
});
