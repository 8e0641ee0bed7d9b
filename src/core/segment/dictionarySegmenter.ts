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

/**
 * Longest added word (UTF-16 units) the segmenter keeps whole. Each place of a text tries
 * every added length, longest first: one glossary term of 100,000 characters would make
 * that 100,000 lookups per character. Longer words are cut like any other text.
 */
export const MAX_ADDED_WORD_LENGTH = 64;

export function createDictionarySegmenter(longestMatch: LongestMatch): Segmenter {
  const added = new Set<string>();
  /** The distinct lengths of the added words, longest first: only those are tried. */
  let lengths: number[] = [];
  const longestAdded = (text: string, start: number) => {
    for (const length of lengths) {
      if (start + length <= text.length && added.has(text.substr(start, length))) return length;
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
      for (const word of words) if (word.length > 1 && word.length <= MAX_ADDED_WORD_LENGTH) added.add(word);
      lengths = [...new Set([...added].map((w) => w.length))].sort((a, b) => b - a);
    },
  };
}
