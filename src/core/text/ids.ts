/**
 * Ideographic description sequences (⿰氵青: "氵 left of 青"). OpenCC, and opencc-js
 * after it, treats a whole sequence as one unmatched unit: its components are described,
 * not written, so they are never converted. This module finds where a sequence ends, with
 * opencc-js's rules (U+2FF0–U+2FFF; ⿲ and ⿳ take three components, the others two; a
 * component is a nested sequence or one code point; a description that runs out of text
 * is no sequence, and its character counts as a single code point where it stands).
 *
 * opencc-js finds the end by plain recursion, re-parsing the same nested descriptions each
 * time an inner one runs out of text: exponential in a run of ⿲ (44 of them took 65 s),
 * and a stack overflow at 20,000 nested ⿰. Here each start offset is parsed once per text
 * (the ends are remembered) with an explicit stack, so a text costs linear time whatever
 * its shape, and gives exactly opencc-js's result.
 */
import { codePointLength } from './codePoints';

const IDS_FIRST = 0x2ff0;
const IDS_LAST = 0x2fff;

/** Whether a UTF-16 unit is an ideographic description character. */
export function isIdsUnit(code: number): boolean {
  return code >= IDS_FIRST && code <= IDS_LAST;
}

/** Components an ideographic description character takes (⿲ and ⿳: 3), 0 for any other code point. */
export function idsArity(code: number): number {
  if (code < IDS_FIRST || code > IDS_LAST) return 0;
  return code === 0x2ff2 || code === 0x2ff3 ? 3 : 2;
}

/**
 * Steps taken by every IdsScanner since the process started: tests compare it at n and 8n
 * to check the parse stays linear, by counting work instead of timing it.
 */
export const idsWork = { steps: 0 };

/** Ends of the description sequences of one text, each start parsed once. */
export class IdsScanner {
  /** End by start offset (0: no sequence starts there); created on the first sequence. */
  private ends: Map<number, number> | undefined;

  constructor(private readonly text: string) {}

  /**
   * End (exclusive, UTF-16) of the description sequence starting at `start`, or 0 when
   * none does (not a description character, or its components run past the text's end).
   */
  end(start: number): number {
    const text = this.text;
    if (!isIdsUnit(text.charCodeAt(start))) return 0;
    const ends = (this.ends ??= new Map<number, number>());
    const known = ends.get(start);
    if (known !== undefined) return known;
    // One frame per description being parsed: where it starts, the components it still
    // needs, and where its next component starts. Components always lie to the right.
    const starts: number[] = [start];
    const needed: number[] = [idsArity(text.charCodeAt(start))];
    const cursors: number[] = [start + 1];
    // The end of the component frame that just finished (0: it ran out of text), or -1.
    let finished = -1;
    while (starts.length > 0) {
      idsWork.steps++;
      const top = starts.length - 1;
      if (finished >= 0) {
        // A nested description that ran out of text is one code point in its parent.
        const at = cursors[top]!;
        cursors[top] = finished || at + codePointLength(text, at);
        needed[top]!--;
        finished = -1;
      }
      const at = cursors[top]!;
      if (needed[top] === 0 || at >= text.length) {
        finished = needed[top] === 0 ? at : 0;
        ends.set(starts[top]!, finished);
        starts.pop();
        needed.pop();
        cursors.pop();
        continue;
      }
      const code = text.charCodeAt(at);
      if (!isIdsUnit(code)) {
        cursors[top] = at + codePointLength(text, at);
        needed[top]!--;
        continue;
      }
      const nested = ends.get(at);
      if (nested !== undefined) {
        finished = nested;
        continue;
      }
      starts.push(at);
      needed.push(idsArity(code));
      cursors.push(at + 1);
    }
    return finished;
  }
}
