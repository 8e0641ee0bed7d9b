/** Properties of the section outline, the numbering checks and user rules (issue 10 §4). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkNumbering, compileUserRules, computeOutline, type Outline } from '../../src/core/outline';
import { TITLE_DISPLAY_MAX } from '../../src/core/outline/outline';
import { editorLines, hasLoneSurrogate, hostileInput, params } from './properties.arbitraries';

/**
 * Every structural promise an outline makes about the text it came from. `titles: false`
 * leaves out the title checks, for a property about something else.
 */
function assertWellFormed(text: string, outline: Outline, titles = true): void {
  const lines = editorLines(text);
  let previousLine = -1;
  let sectionChars = 0;
  outline.headings.forEach((h, i) => {
    assert.ok(h.line > previousLine, `headings in line order (${h.line} after ${previousLine})`);
    previousLine = h.line;
    assert.ok(h.line < lines.length, `heading line ${h.line} exists`);
    const line = lines[h.line]!;
    assert.ok(0 <= h.startCharacter && h.startCharacter <= h.endCharacter && h.endCharacter <= line.length, `range within line ${h.line}`);
    if (titles) {
      const shown = line.slice(h.startCharacter, h.endCharacter);
      // TITLE_DISPLAY_MAX counts code points, so that a cut never splits a pair.
      const codePoints = (text: string) => Array.from(text).length;
      if (codePoints(shown) <= TITLE_DISPLAY_MAX) assert.equal(h.title, shown, 'the title is the text of its range');
      else {
        assert.ok(codePoints(h.title) <= TITLE_DISPLAY_MAX && h.title.endsWith('…'), 'a long title is cut with …');
        assert.ok(shown.startsWith(h.title.slice(0, -1)), 'a cut title is a prefix of its range');
      }
      if (!hasLoneSurrogate(line)) assert.ok(!hasLoneSurrogate(h.title), `title on line ${h.line} does not end in half a surrogate pair`);
    }
    assert.ok(h.level >= 1, 'levels start at 1');
    assert.ok(h.parent < i, 'the parent comes first');
    if (h.parent >= 0) assert.ok(outline.headings[h.parent]!.level < h.level, 'the parent is a higher level');
    else sectionChars += h.chars;
    assert.ok(h.endLine >= h.line && h.endLine < lines.length, 'the section ends on a line after its heading');
    assert.ok(h.chars >= 0 && h.chars <= outline.chars, 'section size within the document');
  });
  assert.ok(sectionChars <= outline.chars, 'top-level sections do not overlap');
}

test('property: the outline of any text is well formed', () => {
  fc.assert(
    fc.property(hostileInput(), (text) => assertWellFormed(text, computeOutline(text))),
    params(),
  );
});

test('property: the outline does not depend on the line-break style', () => {
  fc.assert(
    fc.property(hostileInput(), (raw) => {
      const lf = raw.replace(/\r\n|\r|\n/g, '\n');
      const expected = computeOutline(lf);
      assert.deepEqual(computeOutline(lf.replace(/\n/g, '\r\n')), expected, 'CRLF');
      assert.deepEqual(computeOutline(lf.replace(/\n/g, '\r')), expected, 'lone CR');
    }),
    params(),
  );
});

test('property: numbering findings point at numbered headings, each after the one it follows', () => {
  fc.assert(
    fc.property(hostileInput(), (text) => {
      const { headings } = computeOutline(text);
      const byLine = new Map(headings.map((h) => [h.line, h]));
      for (const f of checkNumbering(headings)) {
        const heading = byLine.get(f.line);
        const previous = byLine.get(f.previousLine);
        assert.ok(heading && previous, 'both headings exist');
        assert.ok(heading.value !== undefined && previous.value !== undefined, 'both are numbered');
        assert.ok(f.previousLine < f.line, 'the previous heading comes first');
        assert.equal(heading.kind, previous.kind, 'same style');
        assert.ok(f.startCharacter >= heading.startCharacter && f.endCharacter >= f.startCharacter, 'range at the heading');
      }
    }),
    params(),
  );
});

test('property: a user rule makes headings of exactly the trimmed lines it matches', () => {
  const rules = compileUserRules([{ pattern: '^序章', level: 2 }, { pattern: '^卷(?<num>[0-9]+)$', level: 1 }]);
  assert.deepEqual(rules.errors, []);
  fc.assert(
    fc.property(hostileInput(), fc.array(fc.constantFrom('序章', '卷1', '卷12', '卷3x', ' 序章 '), { maxLength: 6 }), (text, extra) => {
      const full = [text, ...extra].join('\n');
      const outline = computeOutline(full, { userRules: rules });
      assertWellFormed(full, outline, false);
      assert.deepEqual(outline.errors, []);
      const lines = editorLines(full);
      // The outline's own notion of blank: ASCII white space, U+3000, U+00A0 and U+FEFF.
      const trimmed = (line: string) => line.replace(/^[ \t\v\f\u3000\u00a0\ufeff]+|[ \t\v\f\u3000\u00a0\ufeff]+$/g, '');
      for (const h of outline.headings.filter((x) => x.kind.startsWith('user#'))) {
        const line = trimmed(lines[h.line]!);
        assert.ok(h.kind === 'user#1' ? /^序章/u.test(line) : /^卷[0-9]+$/u.test(line), `${h.kind} matched "${line}"`);
        if (h.kind === 'user#2') assert.equal(h.value, Number(line.slice(1)));
      }
      // Every line the first rule matches, short enough for user rules, is a heading.
      let inFence = false;
      lines.forEach((line, i) => {
        const t = trimmed(line);
        if (/^(```|~~~)/.test(t)) inFence = !inFence;
        else if (!inFence && t.startsWith('序章') && t.length <= 120) {
          assert.ok(outline.headings.some((h) => h.line === i), `line ${i} "${t.slice(0, 20)}" is a heading`);
        }
      });
    }),
    params(0.5),
  );
});
