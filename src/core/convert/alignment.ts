/**
 * Where a converted text differs from its source. A conversion pass records only the
 * stretches it changed ("units": input range → output range); everything between units
 * is copied unchanged, so offsets between them shift by the units' length changes.
 * Passes compose, and the final units are cut down to the characters that really differ.
 */
import { codePointLength, countCodePoints } from '../text/codePoints';

/** Flat list of units: inStart, inEnd, outStart, outEnd, repeated; sorted and disjoint. */
export type Units = number[];

/** A replacement of input[start, end) by text; offsets in UTF-16 code units. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The units of pass A (x → y) followed by pass B (y → z), as units x → z. Overlapping
 * units of either pass merge, so a unit never splits another pass's unit.
 */
export function composeUnits(a: Units, b: Units): Units {
  // The common case: the normalisation pass changed nothing.
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const result: Units = [];
  let ia = 0;
  let ib = 0;
  // Running sums of (output length − input length) of the units already consumed.
  let deltaA = 0;
  let deltaB = 0;
  while (ia < a.length || ib < b.length) {
    // The next interval in y, from whichever pass starts first.
    const takeA = ib >= b.length || (ia < a.length && a[ia + 2]! <= b[ib]!);
    const ys = takeA ? a[ia + 2]! : b[ib]!;
    let ye = ys;
    const xDeltaBefore = deltaA;
    const zDeltaBefore = deltaB;
    // The first unit always joins; later ones only when they overlap (touching units stay
    // apart, so that edits stay as small as the passes made them).
    let first = true;
    for (;;) {
      if (ia < a.length && (a[ia + 2]! < ye || (first && takeA))) {
        ye = Math.max(ye, a[ia + 3]!);
        deltaA += a[ia + 3]! - a[ia + 2]! - (a[ia + 1]! - a[ia]!);
        ia += 4;
      } else if (ib < b.length && (b[ib]! < ye || (first && !takeA))) {
        ye = Math.max(ye, b[ib + 1]!);
        deltaB += b[ib + 3]! - b[ib + 2]! - (b[ib + 1]! - b[ib]!);
        ib += 4;
      } else {
        break;
      }
      first = false;
    }
    result.push(ys - xDeltaBefore, ye - deltaA, ys + zDeltaBefore, ye + deltaB);
  }
  return result;
}

/** Shifts every unit by fixed input and output offsets (for independently converted pieces). */
export function appendShifted(target: Units, units: Units, inOffset: number, outOffset: number): void {
  for (let i = 0; i < units.length; i += 4) {
    target.push(units[i]! + inOffset, units[i + 1]! + inOffset, units[i + 2]! + outOffset, units[i + 3]! + outOffset);
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The smallest edits turning input into output, given the units that changed. Where a
 * unit keeps its number of code points (character conversion), it is compared code point
 * by code point; otherwise (a phrase of another length) its common prefix and suffix are
 * left alone. Edits never split a surrogate pair.
 */
export function unitsToEdits(input: string, output: string, units: Units): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let u = 0; u < units.length; u += 4) {
    const inS = units[u]!;
    const inE = units[u + 1]!;
    const outS = units[u + 2]!;
    const outE = units[u + 3]!;
    // Fast path, most units: one BMP character replaced by another.
    if (inE - inS === 1 && outE - outS === 1 && !isSurrogate(input.charCodeAt(inS)) && !isSurrogate(output.charCodeAt(outS))) {
      if (input.charCodeAt(inS) !== output.charCodeAt(outS)) pushEdit(edits, inS, inE, output[outS]!);
      continue;
    }
    const source = input.slice(inS, inE);
    const target = output.slice(outS, outE);
    if (source === target) continue;
    if (countCodePoints(source) === countCodePoints(target)) {
      pushCodePointDiff(edits, source, target, inS);
    } else {
      pushTrimmed(edits, source, target, inS);
    }
  }
  return edits;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Appends an edit, joining it to the previous one when they touch (頭 + 髮 → one edit 頭髮). */
function pushEdit(edits: TextEdit[], start: number, end: number, text: string): void {
  // The edits are this module's own until returned: growing the last one in place spares
  // an object per character of a converted run.
  const last: { start: number; end: number; text: string } | undefined = edits[edits.length - 1];
  if (last && last.end === start) {
    last.end = end;
    last.text += text;
  } else {
    edits.push({ start, end, text });
  }
}

function pushCodePointDiff(edits: TextEdit[], source: string, target: string, offset: number): void {
  let i = 0;
  let j = 0;
  let runIn = -1;
  let runOut = -1;
  while (i < source.length) {
    const li = codePointLength(source, i);
    const lj = codePointLength(target, j);
    const same = li === lj && source.startsWith(target.slice(j, j + lj), i);
    if (!same && runIn < 0) {
      runIn = i;
      runOut = j;
    } else if (same && runIn >= 0) {
      pushEdit(edits, offset + runIn, offset + i, target.slice(runOut, j));
      runIn = -1;
    }
    i += li;
    j += lj;
  }
  if (runIn >= 0) pushEdit(edits, offset + runIn, offset + i, target.slice(runOut));
}

function pushTrimmed(edits: TextEdit[], source: string, target: string, offset: number): void {
  let prefix = 0;
  const max = Math.min(source.length, target.length);
  while (prefix < max && source.charCodeAt(prefix) === target.charCodeAt(prefix)) prefix++;
  // Never end the common prefix between the halves of a surrogate pair.
  if (prefix > 0 && isHighSurrogate(source.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    source.charCodeAt(source.length - 1 - suffix) === target.charCodeAt(target.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isHighSurrogate(source.charCodeAt(source.length - suffix - 1))) suffix--;
  pushEdit(edits, offset + prefix, offset + source.length - suffix, target.slice(prefix, target.length - suffix));
}

/**
 * Where `offset` of the input lands in the output after `edits` (sorted, disjoint). An
 * offset inside a replaced run moves to the end of its replacement, unless it is the
 * run's start.
 */
export function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.start >= offset) break;
    if (edit.end > offset) return edit.start + delta + edit.text.length;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset + delta;
}

/**
 * Fewer, larger edits for an editor that applies each edit at a cost. Up to `maxEdits`,
 * the edits stay as they are. Above, neighbouring edits on the same line merge, the
 * unchanged text between them rewritten as it was; if that still leaves more than
 * `maxEdits`, neighbouring edits merge across line breaks too, in groups just large enough
 * to stay within the budget. The text that results is the same either way.
 */
export function coalesceEdits(input: string, edits: readonly TextEdit[], maxEdits: number): readonly TextEdit[] {
  if (edits.length <= maxEdits) return edits;
  const byLine = mergeWhile(input, edits, (gap) => !gap.includes('\n'));
  if (byLine.length <= maxEdits) return byLine;
  const groupSize = Math.ceil(byLine.length / maxEdits);
  let count = 0;
  return mergeWhile(input, byLine, () => ++count % groupSize !== 0);
}

/** Merges each edit into the previous one while `join(gap)` says so. */
function mergeWhile(input: string, edits: readonly TextEdit[], join: (gap: string) => boolean): TextEdit[] {
  const merged: TextEdit[] = [];
  let current: { start: number; end: number; parts: string[] } | undefined;
  for (const edit of edits) {
    if (current) {
      const gap = input.slice(current.end, edit.start);
      if (join(gap)) {
        current.parts.push(gap, edit.text);
        current.end = edit.end;
        continue;
      }
      merged.push({ start: current.start, end: current.end, text: current.parts.join('') });
    }
    current = { start: edit.start, end: edit.end, parts: [edit.text] };
  }
  if (current) merged.push({ start: current.start, end: current.end, text: current.parts.join('') });
  return merged;
}
