/**
 * Properties of the spam check (issue 10 §4) through its public entry points: the
 * document check (`checkText`) and the incremental re-check (`SpamDocument` with
 * `applyChange` and `findings`), which the learned scorer keeps.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText, SpamDocument } from '../../src/core/spam/document';
import { editorLines, hostileInput, hostileText, params } from './properties.arbitraries';

/**
 * Runs of at most 50: the spam check scores every line, and on the current code a long run
 * costs quadratic time or worse (issue 10 §2.3, §2.4), which the scaling guard
 * (scaling.test.ts) and the ReDoS check catch; here the runs only need to be hostile.
 */
const SHAPE = { maxRun: 50 } as const;

test('property: the spam check never throws and places every finding on a line of the text', () => {
  fc.assert(
    fc.property(hostileInput(SHAPE), (text) => {
      const findings = checkText(text);
      const lines = editorLines(text);
      let previous = -1;
      for (const f of findings) {
        assert.ok(f.line > previous, `findings in line order, one per line (line ${f.line} after ${previous})`);
        previous = f.line;
        assert.ok(f.line < lines.length, `line ${f.line} exists`);
        const length = lines[f.line]!.length;
        assert.ok(0 <= f.startColumn && f.startColumn <= f.endColumn && f.endColumn <= length, `columns within line ${f.line}`);
        assert.equal(f.code, `zh.${f.label}`);
        assert.ok(f.score >= 0 && Number.isFinite(f.score), 'a finite, non-negative score');
        assert.ok(f.message.length > 0, 'a message');
      }
      assert.deepEqual(checkText(text), findings, 'the same text gives the same findings');
    }),
    params(),
  );
});

/** One editor change: offsets in the current text, and what replaces the range. */
interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Line and column (UTF-16) of `offset` in `text`, with `eol` the document's only line break. */
function position(text: string, offset: number, eol: string): [number, number] {
  const before = text.slice(0, offset).split(eol);
  return [before.length - 1, before[before.length - 1]!.length];
}

test('property: the incremental re-check after any edits equals a fresh check of the result', () => {
  // VS Code documents have one end-of-line sequence, and edits arrive with it: the model
  // normalises both, so the generated document and insertions do too.
  const eol = fc.constantFrom('\n', '\r\n');
  const edits = fc.array(
    fc.record({ from: fc.nat(), length: fc.nat({ max: 40 }), text: hostileText({ maxPieces: 8, maxRun: 30 }) }),
    { minLength: 1, maxLength: 6 },
  );
  // 30% of the budget: each run checks up to seven versions of a document.
  fc.assert(
    fc.property(hostileInput({ ...SHAPE, maxPieces: 40 }), eol, edits, (raw, eolText, changes) => {
      const normalise = (s: string) => s.replace(/\r\n|\r|\n/g, eolText);
      let text = normalise(raw);
      const document = new SpamDocument(text);
      for (const change of changes) {
        // Offsets snap out of a CRLF pair, which no editor position points into.
        const snap = (o: number) => (o > 0 && text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o);
        const start = snap(change.from % (text.length + 1));
        const end = snap(Math.min(text.length, start + change.length));
        const applied: Change = { start, end: Math.max(start, end), text: normalise(change.text) };
        const [startLine, startColumn] = position(text, applied.start, eolText);
        const [endLine, endColumn] = position(text, applied.end, eolText);
        document.applyChange(startLine, startColumn, endLine, endColumn, applied.text);
        text = text.slice(0, applied.start) + applied.text + text.slice(applied.end);
        assert.equal(document.lineCount, text.split(eolText).length, 'line count follows the edits');
      }
      assert.deepEqual(document.findings(), checkText(text));
    }),
    params(0.3),
  );
});

test('property: a spam verdict does not depend on the line-break style', () => {
  // 30% of the budget: three checks per run.
  fc.assert(
    fc.property(hostileInput({ ...SHAPE, maxPieces: 40 }), (raw) => {
      const lf = raw.replace(/\r\n|\r|\n/g, '\n');
      const expected = checkText(lf);
      assert.deepEqual(checkText(lf.replace(/\n/g, '\r\n')), expected, 'CRLF as LF');
      assert.deepEqual(checkText(lf.replace(/\n/g, '\r')), expected, 'lone CR as LF');
    }),
    params(0.3),
  );
});

test('property: the hybrid scorer never throws, keeps every rule warning, and its incremental re-check equals a fresh check', () => {
  fc.assert(
    fc.property(hostileInput(SHAPE), fc.nat(), (text, at) => {
      const hybrid = checkText(text, { scorer: 'hybrid' });
      const rules = checkText(text, { scorer: 'rules' });
      // The learned model only speaks where the rules are silent: every rule finding stays.
      const byLine = new Map(hybrid.map((f) => [f.line, f]));
      for (const f of rules) {
        if (f.severity !== 'warning') continue;
        assert.equal(byLine.get(f.line)?.label, f.label, `rule warning on line ${f.line} kept`);
      }
      for (const f of hybrid) assert.ok(f.score >= 0 && f.score <= 1 && f.message.length > 0);
      // One inserted character, checked incrementally, gives what a fresh check gives.
      const document = new SpamDocument(text, { scorer: 'hybrid' });
      document.findings();
      const lines = editorLines(text);
      const line = at % lines.length;
      const column = lines[line]!.length === 0 ? 0 : at % (lines[line]!.length + 1);
      document.applyChange(line, column, line, column, '微');
      const edited = [...lines];
      edited[line] = edited[line]!.slice(0, column) + '微' + edited[line]!.slice(column);
      assert.deepEqual(document.findings(), new SpamDocument(edited.join('\n'), { scorer: 'hybrid' }).findings());
    }),
    params(),
  );
});
