/**
 * Word segmentation: a small interface over the two jieba engines, and the Traditional
 * path (cut an OpenCC t2s copy, map the words back by code point).
 */
import { codePointLength, countCodePoints } from '../text/codePoints';

export type SegmenterEngine = 'jieba-rs' | 'nodejieba';

export const SEGMENTER_ENGINES: readonly SegmenterEngine[] = ['jieba-rs', 'nodejieba'];

/** A loaded engine. Engines keep the words added to them for the life of the process. */
export interface Segmenter {
  readonly engine: SegmenterEngine;
  /** Splits `text` into words whose concatenation is `text`. */
  cut(text: string): string[];
  /** Adds words (Simplified, as the jieba dictionary is) so they are never split. */
  addWords(words: Iterable<string>): void;
}

/** A word of the original text; offsets are UTF-16 units, end exclusive. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Converts Traditional to Simplified (OpenCC t2s); may change lengths. */
export type ToSimplified = (text: string) => string;

/**
 * A copy of `text` converted to Simplified with exactly as many code points, so that
 * word boundaries found in it map back by code point. OpenCC's phrase tables can change
 * the count; then each character is converted on its own and kept if its image is not one
 * code point.
 */
export function simplifiedAligned(text: string, toSimplified: ToSimplified): string {
  const whole = toSimplified(text);
  if (countCodePoints(whole) === countCodePoints(text)) return whole;
  let out = '';
  for (const ch of text) {
    const s = toSimplified(ch);
    out += countCodePoints(s) === 1 ? s : ch;
  }
  return out;
}

/**
 * Segments `text` (either script) into tokens with offsets in `text`. With
 * `toSimplified`, the engine cuts the Simplified copy, because jieba's dictionary is
 * Simplified and cuts Traditional words such as 數字 into single characters.
 */
export function segment(segmenter: Segmenter, text: string, toSimplified?: ToSimplified): Token[] {
  if (!text) return [];
  const source = toSimplified ? simplifiedAligned(text, toSimplified) : text;
  const words = segmenter.cut(source);
  // Map each word's code points of `source` onto the same code points of `text`.
  const tokens: Token[] = [];
  let sourceAt = 0;
  let textAt = 0;
  for (const word of words) {
    if (source.startsWith(word, sourceAt) === false) return fallbackTokens(text);
    const points = countCodePoints(word);
    const start = textAt;
    for (let p = 0; p < points; p++) {
      textAt += codePointLength(text, textAt);
    }
    sourceAt += word.length;
    tokens.push({ text: text.slice(start, textAt), start, end: textAt });
  }
  if (sourceAt !== source.length || textAt !== text.length) return fallbackTokens(text);
  return tokens;
}

/** One token per code point: what a misbehaving engine's output degrades to. */
function fallbackTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const ch of text) {
    tokens.push({ text: ch, start: at, end: at + ch.length });
    at += ch.length;
  }
  return tokens;
}
