/**
 * Contextual readings as people read them: tone marks (`yínháng`) or numbers
 * (`yin2hang2`), a word's syllables written together, words separated by spaces.
 */
import { parseSyllable } from './pinyin';
import type { Reading, WordReading } from './readings';
import { toCedictSyllable } from './syllable';

export type ToneStyle = 'marks' | 'numbers';

/** One reading (`lv4`) in the style asked for: `lǜ` or `lv4`. */
export function formatReading(reading: string, tone: ToneStyle): string {
  return tone === 'numbers' ? reading : parseSyllable(toCedictSyllable(reading)).marked;
}

/**
 * A word's pinyin: its syllables written together; a character without a reading (not Han,
 * or a Han character no dictionary knows) stays as it is.
 */
export function formatWord(text: string, readings: readonly Reading[], tone: ToneStyle): string {
  const points = Array.from(text);
  return points.map((ch, i) => (readings[i] ? formatReading(readings[i], tone) : ch)).join('');
}

/** A line's words in pinyin, separated by single spaces; the whitespace of the line is not kept. */
export function formatLine(words: readonly WordReading[], tone: ToneStyle): string {
  const out: string[] = [];
  for (const w of words) {
    const points = Array.from(w.text);
    let start = 0;
    let end = points.length;
    while (start < end && /\s/u.test(points[start]!)) start++;
    while (end > start && /\s/u.test(points[end - 1]!)) end--;
    if (end > start) out.push(formatWord(points.slice(start, end).join(''), w.readings.slice(start, end), tone));
  }
  return out.join(' ');
}
