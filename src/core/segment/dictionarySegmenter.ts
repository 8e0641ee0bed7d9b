/**
 * The segmenter of last resort: forward maximum matching over the dictionary (CC-CEDICT's
 * headwords in both scripts) and the words added to it (glossary terms). It stands in for
 * jieba-rs where its native binary cannot load (a platform the package ships no binary
 * for), so the hover still finds words, if less well than jieba's model does.
 */
import { codePointLength } from '../text/codePoints';
import type { Segmenter } from './segmenter';

/** UTF-16 length of the longest dictionary word starting at `start` in `text`, or 0. */
export type LongestMatch = (text: string, start: number) => number;

export function createDictionarySegmenter(longestMatch: LongestMatch): Segmenter {
  const added = new Set<string>();
  let maxAdded = 0;
  const longestAdded = (text: string, start: number) => {
    for (let length = Math.min(maxAdded, text.length - start); length > 1; length--) {
      if (added.has(text.substr(start, length))) return length;
    }
    return 0;
  };
  return {
    // It fills the jieba-rs slot: the setting still says jieba-rs, and the hover warns once.
    engine: 'jieba-rs',
    cut(text) {
      const words: string[] = [];
      for (let i = 0; i < text.length; ) {
        const length = Math.max(longestMatch(text, i), longestAdded(text, i), codePointLength(text, i));
        words.push(text.slice(i, i + length));
        i += length;
      }
      return words;
    },
    addWords(words) {
      for (const word of words) {
        added.add(word);
        maxAdded = Math.max(maxAdded, word.length);
      }
    },
  };
}
