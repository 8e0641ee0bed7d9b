/**
 * Detects whether text is written in Traditional or Simplified Chinese script.
 *
 * Only characters that OpenCC maps differently in each direction count as evidence
 * (see scriptChars.generated.ts): 鐵 is Traditional-only, 铁 Simplified-only, while 中,
 * and characters such as 于 that OpenCC keeps in both scripts, say nothing. The verdict
 * is per line and for the whole document, so that a Traditional article with one pasted
 * Simplified line is reported as Traditional, with that line named.
 */
import { forEachHanCodePoint, HAN_TABLE_SIZE } from '../text/han';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './scriptChars.generated';

export type ScriptKind = 'traditional' | 'simplified' | 'mixed' | 'neutral';

export interface ScriptCounts {
  /** Traditional-only characters. */
  readonly traditional: number;
  /** Simplified-only characters. */
  readonly simplified: number;
}

export interface LineScript extends ScriptCounts {
  /** Zero-based line number. */
  readonly line: number;
  readonly script: ScriptKind;
}

export interface ScriptReport extends ScriptCounts {
  readonly script: ScriptKind;
  /** All Han characters, distinguishing or not. */
  readonly han: number;
  readonly lineCount: number;
  /** Every line holding at least one distinguishing character, in order. */
  readonly lines: readonly LineScript[];
  /**
   * Lines written in a script other than the document's: for a Traditional document,
   * its Simplified and mixed lines (and the reverse); for a mixed document, the lines of
   * the script with less evidence. Lines with fewer than MIN_OUTLIER_EVIDENCE opposing
   * characters are not outliers: a single stray character is more often a converter's
   * leftover than a pasted line.
   */
  readonly outliers: readonly LineScript[];
}

/** Share of the evidence one script needs for a document to be that script. */
export const DOCUMENT_DOMINANCE = 0.9;
/** Share of the evidence one script needs for a line to be that script. */
export const LINE_DOMINANCE = 0.8;
/** Opposing characters a line needs before it is reported as an outlier. */
export const MIN_OUTLIER_EVIDENCE = 2;

const TRADITIONAL = 1;
const SIMPLIFIED = 2;
const HAN = 4;

let table: Uint8Array | undefined;

/** One byte per code point: built on first use (about 0.2 MB, under a millisecond). */
function scriptTable(): Uint8Array {
  if (table) return table;
  const built = new Uint8Array(HAN_TABLE_SIZE);
  forEachHanCodePoint((cp) => {
    built[cp] = HAN;
  });
  const mark = (chars: string, flag: number) => {
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      if (cp < HAN_TABLE_SIZE) built[cp] = built[cp]! | flag | HAN;
    }
  };
  mark(TRADITIONAL_ONLY, TRADITIONAL);
  mark(SIMPLIFIED_ONLY, SIMPLIFIED);
  table = built;
  return built;
}

/** Classifies a pair of counts given the share the majority script needs. */
export function classifyCounts(counts: ScriptCounts, dominance: number): ScriptKind {
  const total = counts.traditional + counts.simplified;
  if (total === 0) return 'neutral';
  if (counts.traditional >= dominance * total) return 'traditional';
  if (counts.simplified >= dominance * total) return 'simplified';
  return 'mixed';
}

function opposing(line: LineScript, documentScript: 'traditional' | 'simplified'): number {
  return documentScript === 'traditional' ? line.simplified : line.traditional;
}

function findOutliers(script: ScriptKind, counts: ScriptCounts, lines: readonly LineScript[]): LineScript[] {
  if (script === 'neutral') return [];
  // In a mixed document the outliers are the lines of the script with less evidence.
  const base: 'traditional' | 'simplified' =
    script === 'mixed' ? (counts.traditional >= counts.simplified ? 'traditional' : 'simplified') : script;
  return lines.filter((l) => l.script !== base && opposing(l, base) >= MIN_OUTLIER_EVIDENCE);
}

/** Counts distinguishing characters per line and classifies each line and the whole text. */
export function detectScript(text: string): ScriptReport {
  const lookup = scriptTable();
  const lines: LineScript[] = [];
  let traditional = 0;
  let simplified = 0;
  let han = 0;
  let line = 0;
  let lineT = 0;
  let lineS = 0;
  const endLine = () => {
    if (lineT + lineS > 0) {
      const counts = { traditional: lineT, simplified: lineS };
      lines.push({ line, ...counts, script: classifyCounts(counts, LINE_DOMINANCE) });
      traditional += lineT;
      simplified += lineS;
    }
    lineT = 0;
    lineS = 0;
  };

  const length = text.length;
  for (let i = 0; i < length; i++) {
    let cp = text.charCodeAt(i);
    if (cp === 10 || cp === 13) {
      endLine();
      if (cp === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      continue;
    }
    if (cp < 0x2e80) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp >= HAN_TABLE_SIZE) continue;
    const flags = lookup[cp]!;
    if (flags === 0) continue;
    han++;
    if (flags & TRADITIONAL) lineT++;
    else if (flags & SIMPLIFIED) lineS++;
  }
  endLine();

  const counts = { traditional, simplified };
  const script = classifyCounts(counts, DOCUMENT_DOMINANCE);
  return {
    script,
    traditional,
    simplified,
    han,
    lineCount: line + 1,
    lines,
    outliers: findOutliers(script, counts, lines),
  };
}
