/** Properties of script conversion and script detection (issue 10 §4). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import type { TextEdit } from '../../src/core/convert/alignment';
import { createConverter, type ScriptConverter } from '../../src/core/convert/engine';
import { CONVERSIONS } from '../../src/core/convert/variants';
import { detectScript } from '../../src/core/script/detect';
import { editorLines, hasLoneSurrogate, hostileInput, params, splitsPair, wellFormedText } from './properties.arbitraries';

/**
 * IDS runs of at most 16 wherever the conversion runs: opencc-js, and our engine on the
 * current code (issue 10 §2.2), take exponential time in them (⿲×32 takes about 0.15 s,
 * ×36 about 2 s); the scaling guard covers long runs.
 */
const SHAPE = { maxIds: 16, maxRun: 100 } as const;

const converters = new Map<string, ScriptConverter>();
const converterFor = (id: string) => {
  const c = CONVERSIONS.find((x) => x.id === id)!;
  let converter = converters.get(id);
  if (!converter) converters.set(id, (converter = createConverter(c.from, c.to)));
  return converter;
};
const references = new Map<string, (text: string) => string>();
const referenceFor = (id: string) => {
  const c = CONVERSIONS.find((x) => x.id === id)!;
  let reference = references.get(id);
  if (!reference) references.set(id, (reference = OpenCC.Converter({ from: c.from, to: c.to })));
  return reference;
};
const conversion = fc.constantFrom(...CONVERSIONS.map((c) => c.id));

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let last = 0;
  for (const e of edits) {
    assert.ok(e.start >= last && e.end >= e.start, `edits sorted and disjoint (${e.start}..${e.end} after ${last})`);
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

test('property: conversion edits rebuild the output and never split a surrogate pair', () => {
  fc.assert(
    fc.property(conversion, hostileInput(SHAPE), (id, text) => {
      const result = converterFor(id).convert(text);
      assert.equal(applyEdits(text, result.edits), result.text, 'the edits rebuild the output');
      for (const e of result.edits) {
        assert.ok(!splitsPair(text, e.start) && !splitsPair(text, e.end), `edit ${e.start}..${e.end} splits a pair in the input`);
        assert.ok(!hasLoneSurrogate(e.text) || hasLoneSurrogate(text), 'an edit brings no lone surrogate of its own');
      }
      assert.equal(editorLines(result.text).length, editorLines(text).length, 'line breaks are kept');
    }),
    params(),
  );
});

test('property: chunked conversion equals whole-text conversion', () => {
  // Half the budget: every run converts twice.
  fc.assert(
    fc.property(conversion, hostileInput(SHAPE), fc.integer({ min: 1, max: 64 }), (id, text, chunk) => {
      const converter = converterFor(id);
      const steps = converter.convertSteps(text, chunk);
      let next = steps.next();
      let done = 0;
      while (!next.done) {
        assert.ok(next.value > done && next.value <= text.length, 'progress moves forward');
        done = next.value;
        next = steps.next();
      }
      assert.deepEqual(next.value, converter.convert(text));
    }),
    params(0.5),
  );
});

test('property: conversion of well-formed text equals opencc-js', () => {
  // Half the budget: every run converts twice, once with opencc-js.
  fc.assert(
    fc.property(conversion, wellFormedText(SHAPE), (id, text) => {
      assert.equal(converterFor(id).convert(text).text, referenceFor(id)(text));
    }),
    params(0.5),
  );
});

test('property: a lone surrogate hides nothing from conversion', () => {
  // Pieces without IDS characters (which take any character as a component) joined by
  // lone surrogates convert as the pieces do on their own: no phrase spans a lone surrogate.
  const pieces = fc.array(wellFormedText({ ...SHAPE, maxIds: 0, maxPieces: 12 }), { minLength: 1, maxLength: 6 });
  const lone = fc.array(fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'), { minLength: 5, maxLength: 5 });
  fc.assert(
    fc.property(conversion, pieces, lone, (id, parts, surrogates) => {
      const converter = converterFor(id);
      const text = parts.map((p, i) => (i === 0 ? p : surrogates[i - 1]! + p)).join('');
      const expected = parts.map((p, i) => (i === 0 ? '' : surrogates[i - 1]!) + converter.convert(p).text).join('');
      assert.equal(converter.convert(text).text, expected);
    }),
    params(0.5),
  );
});

test('property: text with nothing to convert is left exactly as it is', () => {
  const untouched = fc.array(fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', '\r\n', '\r', '，', '。', '#', 'ａ', '\u3000', '\ud800', '\udc00'), { size: 'medium' });
  fc.assert(
    fc.property(conversion, untouched, (id, parts) => {
      const text = parts.join('');
      const result = converterFor(id).convert(text);
      assert.equal(result.text, text);
      assert.deepEqual(result.edits, []);
    }),
    params(),
  );
});

test('property: script detection counts add up, line by line and across documents', () => {
  fc.assert(
    fc.property(hostileInput(), hostileInput(), (a, b) => {
      const report = detectScript(a);
      assert.equal(report.lineCount, editorLines(a).length, 'lines as editors count them');
      const sum = (key: 'traditional' | 'simplified') => report.lines.reduce((n, l) => n + l[key], 0);
      assert.equal(sum('traditional'), report.traditional);
      assert.equal(sum('simplified'), report.simplified);
      assert.ok(report.han >= report.traditional + report.simplified, 'distinguishing characters are Han');
      let previous = -1;
      for (const l of report.lines) {
        assert.ok(l.line > previous && l.line < report.lineCount, 'lines in order and in range');
        assert.ok(l.traditional + l.simplified > 0, 'only lines with evidence are listed');
        previous = l.line;
      }
      for (const o of report.outliers) assert.ok(report.lines.some((l) => l.line === o.line), 'outliers are listed lines');
      // Two documents joined by a line break: the counts add up.
      const joined = detectScript(`${a}\n${b}`);
      const other = detectScript(b);
      assert.equal(joined.traditional, report.traditional + other.traditional);
      assert.equal(joined.simplified, report.simplified + other.simplified);
      assert.equal(joined.han, report.han + other.han);
      assert.equal(joined.lineCount, editorLines(`${a}\n${b}`).length);
    }),
    params(),
  );
});
