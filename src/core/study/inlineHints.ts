/**
 * Inline pinyin: which words of a line get a hint, and its label. The readings come from
 * the contextual pinyin service (readingsOf / wordReadingsOf); this module only decides
 * and formats, so the editor adapter stays thin.
 */
import { syllableToZhuyin } from '../pinyin/pinyin';
import { formatReading } from '../pinyin/format';
import type { Reading, WordReading } from '../pinyin/readings';
import { toCedictSyllable } from '../pinyin/syllable';

export const INLINE_PINYIN_MODES = ['off', 'unknown', 'aboveLevel', 'all'] as const;
export type InlinePinyinMode = (typeof INLINE_PINYIN_MODES)[number];
export const PINYIN_STYLES = ['marks', 'numbers', 'zhuyin'] as const;
export type PinyinStyle = (typeof PINYIN_STYLES)[number];

export interface HintPolicy {
  readonly mode: InlinePinyinMode;
  readonly style: PinyinStyle;
  /** aboveLevel: words above this HSK level (and words in no HSK list) get a hint. */
  readonly level: number;
  isKnown(word: string): boolean;
  /** The word's level in the chosen syllabus, undefined when it is in none. */
  levelOf(word: string): number | undefined;
}

export interface InlineHint {
  /** UTF-16 offset in the line where the hint goes: right after the word. */
  readonly character: number;
  readonly label: string;
  /** The word the hint reads. */
  readonly word: string;
}

/** One reading in the style asked for: `háng`, `hang2` or `ㄏㄤˊ`. */
export function styleReading(reading: string, style: PinyinStyle): string {
  if (style === 'zhuyin') return syllableToZhuyin(toCedictSyllable(reading)) ?? formatReading(reading, 'marks');
  return formatReading(reading, style);
}

/** A word's label: its syllables run together (zhuyin with spaces between, as it is written). */
export function wordLabel(readings: readonly Reading[], style: PinyinStyle): string | undefined {
  const shown = readings.filter((r): r is string => r !== null).map((r) => styleReading(r, style));
  if (shown.length === 0) return undefined;
  return shown.join(style === 'zhuyin' ? ' ' : '');
}

/** Whether `word` gets a hint under `policy`. */
export function wantsHint(word: string, policy: HintPolicy): boolean {
  switch (policy.mode) {
    case 'off':
      return false;
    case 'all':
      return true;
    case 'unknown':
      return !policy.isKnown(word);
    case 'aboveLevel': {
      const level = policy.levelOf(word);
      return level === undefined || level > policy.level;
    }
  }
}

/** The hints of one line's words. */
export function hintsForLine(words: readonly WordReading[], policy: HintPolicy): InlineHint[] {
  if (policy.mode === 'off') return [];
  const hints: InlineHint[] = [];
  for (const w of words) {
    if (!w.readings.some((r) => r !== null)) continue;
    const word = w.text.trim();
    if (!wantsHint(word, policy)) continue;
    const label = wordLabel(w.readings, policy.style);
    if (label) hints.push({ character: w.end, label, word });
  }
  return hints;
}
