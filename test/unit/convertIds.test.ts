/**
 * Ideographic description sequences (⿰氵青), lone surrogates and chunked conversion: the
 * shapes where conversion used to differ from opencc-js or from itself, or to take
 * exponential time. Complexity is checked by counting the description parser's steps,
 * never by a clock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { createConverter, textConverter } from '../../src/core/convert/engine';
import { CONVERSIONS } from '../../src/core/convert/variants';
import { loadScriptConverters } from '../../src/node/scriptConverters';
import { codePointLength, countCodePoints } from '../../src/core/text/codePoints';
import { IdsScanner, idsWork } from '../../src/core/text/ids';

const SEED = 20261129;
const t2s = createConverter('t', 'cn');

/** Steps the description parser takes to convert `text`. */
function idsSteps(text: string): number {
  const before = idsWork.steps;
  t2s.convert(text);
  return idsWork.steps - before;
}

/** The whole conversion of `text` in pieces of `chunk` characters (at line breaks). */
function chunked(converter: ReturnType<typeof createConverter>, text: string, chunk: number) {
  const steps = converter.convertSteps(text, chunk);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * opencc-js's rule for the end of a description sequence, written as the plain recursive
 * definition but remembering each start: a polynomial reference for the scanner.
 */
function referenceEnd(text: string, i: number, memo = new Map<number, number>()): number {
  const code = text.charCodeAt(i);
  const arity = code === 0x2ff2 || code === 0x2ff3 ? 3 : code >= 0x2ff0 && code <= 0x2fff ? 2 : 0;
  if (arity === 0) return 0;
  const known = memo.get(i);
  if (known !== undefined) return known;
  let end = i + 1;
  for (let k = 0; k < arity; k++) {
    if (end >= text.length) {
      memo.set(i, 0);
      return 0;
    }
    end = referenceEnd(text, end, memo) || end + codePointLength(text, end);
  }
  memo.set(i, end);
  return end;
}

test('44 × ⿲: the right sequences and output, in a number of steps linear in the run (n vs 8n)', () => {
  const raw = OpenCC.Converter({ from: 't', to: 'cn' });
  // Short runs: opencc-js itself is the reference (it takes minutes at 44).
  for (let n = 1; n <= 12; n++) {
    for (const tail of ['', '說', '說話頭髮', '說話頭髮'.repeat(6)]) {
      const text = '⿲'.repeat(n) + tail + '後';
      assert.equal(t2s.convert(text).text, raw(text), `${n} × ⿲ + ${tail}`);
    }
  }
  // 44 ⿲ nest into one sequence with 89 components; the 說 after it is converted.
  const complete = '⿲'.repeat(44) + '說'.repeat(89);
  assert.equal(t2s.convert(complete + '說').text, complete + '说');
  assert.equal(t2s.convert('⿲'.repeat(44)).text, '⿲'.repeat(44));
  // Every start in runs that do and do not run out of text, against the reference.
  for (const text of [complete, '⿲'.repeat(44), '⿲'.repeat(44) + '說話', '說' + '⿲⿰'.repeat(22) + '\n頭髮'.repeat(9)]) {
    const scanner = new IdsScanner(text);
    const memo = new Map<number, number>();
    for (let i = 0; i < text.length; i++) assert.equal(scanner.end(i), referenceEnd(text, i, memo), `start ${i}`);
  }
  const small = idsSteps('⿲'.repeat(44));
  const large = idsSteps('⿲'.repeat(8 * 44));
  assert.ok(small > 0, 'the parser ran');
  assert.ok(large <= 16 * small, `8× the run took ${large} steps against ${small}: more than 16×`);
});

test('20,000 nested ⿰ are one sequence, parsed without recursion, in linear steps', () => {
  const nested = (n: number) => '⿰'.repeat(n) + '說'.repeat(n + 1);
  const text = nested(20_000) + '說';
  // The sequence is described, not written: left alone; the 說 after it is converted.
  assert.equal(t2s.convert(text).text, nested(20_000) + '说');
  assert.equal(new IdsScanner(text).end(0), text.length - 1);
  const small = idsSteps(nested(2_500));
  const large = idsSteps(nested(20_000));
  assert.ok(large <= 16 * small, `8× the nesting took ${large} steps against ${small}: more than 16×`);
});

test('the hover\'s t2s (segmentation, glossary terms) is the linear engine, not opencc-js\'s Converter', async () => {
  const { toSimplified, toTraditional } = await loadScriptConverters();
  // opencc-js's own parse recurses once per nesting level, and overflows the stack here.
  const nested = '⿰'.repeat(20_000) + '說'.repeat(20_001);
  assert.throws(() => OpenCC.Converter({ from: 't', to: 'cn' })(nested), RangeError, 'control: opencc-js overflows');
  assert.equal(toSimplified(nested), nested);
  // A glossary row of 40 ⿲ (every lookup took 21 s through opencc-js's Converter).
  assert.equal(toSimplified('⿲'.repeat(40)), '⿲'.repeat(40));
  assert.equal(toSimplified('數字政府'), '数字政府');
  assert.equal(toTraditional('数字'), '數字');
});

/** Text drawn from the characters that matter here: descriptions, surrogates, line breaks, convertible words. */
const hostile = fc
  .array(
    fc.constantFrom('⿰', '⿱', '⿲', '⿳', '⿻', '說', '話', '頭髮', '后', '干', '\n', '\r\n', 'a', ' ', '\uD840', '\uDC00', '𠀀', '𫟼', '乾隆'),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

test('property: conversion equals opencc-js, lone surrogates included (every config)', () => {
  const raws = new Map(CONVERSIONS.map((c) => [c.id, OpenCC.Converter({ from: c.from, to: c.to })]));
  const ours = new Map(CONVERSIONS.map((c) => [c.id, createConverter(c.from, c.to)]));
  fc.assert(
    fc.property(hostile, fc.constantFrom(...CONVERSIONS.map((c) => c.id)), (text, id) => {
      assert.equal(ours.get(id)!.convert(text).text, raws.get(id)!(text));
    }),
    { seed: SEED, numRuns: 1000 },
  );
});

test('a lone high surrogate does not hide the next character', () => {
  assert.equal(codePointLength('\uD840說', 0), 1);
  assert.equal(codePointLength('\uD840\uDC00', 0), 2);
  assert.equal(codePointLength('\uD840', 0), 1);
  assert.equal(countCodePoints('\uD840說\uDC00'), 3);
  assert.equal(t2s.convert('\uD840說話').text, '\uD840说话');
  assert.equal(textConverter('cn', 'tw')('\uD840头发'), '\uD840頭髮');
});

test('property: chunked conversion equals whole-text conversion (descriptions at line ends included)', () => {
  const converters = [createConverter('t', 'cn'), createConverter('cn', 'twp', { protectedTerms: ['乾隆'] }), createConverter('hk', 'tw')];
  fc.assert(
    fc.property(hostile, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 1, 2), (text, chunk, k) => {
      const converter = converters[k]!;
      const whole = converter.convert(text);
      const pieces = chunked(converter, text, chunk);
      assert.equal(pieces.text, whole.text);
      assert.deepEqual(pieces.edits, whole.edits);
    }),
    { seed: SEED, numRuns: 1000 },
  );
});

test('a description at a line end keeps its components from the next line, in pieces too', () => {
  // ⿰ takes "\n" and 說 as its components in the whole text (as in opencc-js): a piece
  // must not end between them.
  const text = '頭髮⿰\n說話\n'.repeat(3);
  const raw = OpenCC.Converter({ from: 't', to: 'cn' })(text);
  assert.equal(t2s.convert(text).text, raw);
  assert.equal(chunked(t2s, text, 1).text, raw);
});

test('protected and glossary terms are bounded in length, so the term walk stays linear', () => {
  // A term of 65 characters is ignored (a 100,000-character one over a line of the same
  // characters would cost 100,000 steps per character); one of 64 still protects.
  const long = '頭'.repeat(64);
  const text = `${long}髮`;
  assert.equal(createConverter('t', 'cn', { protectedTerms: [long] }).convert(text).text, `${long}发`);
  assert.equal(createConverter('t', 'cn', { protectedTerms: [`${long}髮`] }).convert(text).text, `${'头'.repeat(64)}发`);
  assert.equal(createConverter('t', 'cn', { fixedTerms: [[`${long}髮`, 'x']] }).convert(text).text, `${'头'.repeat(64)}发`);
  const huge = '數'.repeat(100_000);
  assert.equal(createConverter('t', 'cn', { protectedTerms: [huge + '字'] }).convert(huge).text, '数'.repeat(100_000));
});
