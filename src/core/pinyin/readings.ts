/**
 * One reading per character in context: `readingsOf('我来了')` -> `['wo3', 'lai2', 'le5']`.
 *
 * 1. The segmenter cuts the line into words (Traditional through its t2s copy).
 * 2. Each word takes its readings from CC-CEDICT, entries ranked by frequency; a word
 *    the dictionary lacks is broken into its longest dictionary words.
 * 3. A character whose reading is still open (a single-character word with several
 *    readings, a position where a word's entries disagree, or CC-CEDICT's neutral tone
 *    on a character with no neutral reading of its own) is read from its context: the
 *    model's word overrides first, then two particle rules (地, 得), then the
 *    per-character model (model.ts, context.ts); without a model, the first-ranked
 *    reading stands.
 *
 * Pure: the dictionary, the segmenter, the t2s map and the model are passed in.
 */
import type { DictEntry, WordSource } from '../dict/entry';
import { simplifiedAligned, type Token, type ToSimplified } from '../segment/segmenter';
import { isHanCodePoint } from '../text/han';
import { contextFeatures, type WordSpan } from './context';
import type { PinyinModel } from './model';
import { normalizeSyllable, syllablesOf } from './syllable';

export interface ReadingSources {
  readonly dictionary: WordSource;
  /** Segments a line (either script) into tokens covering it, offsets in UTF-16 units of the line. */
  segment(text: string): readonly Token[];
  /** OpenCC t2s: dictionary words and models are looked up on the Simplified copy too. */
  readonly toSimplified?: ToSimplified;
  readonly model?: PinyinModel;
}

/** A reading: numbered pinyin (`le5`, `lv4`) for a Han character, null for anything else. */
export type Reading = string | null;

/** How the line was read, position by position (code points). */
export interface Analysis {
  /** The line's code points. */
  readonly original: readonly string[];
  /** The same code points in Simplified (t2s one by one where the phrase table changes the count). */
  readonly chars: readonly string[];
  /** Dictionary words (or single characters) covering the line, in order. */
  readonly words: readonly WordSpan[];
  /** The segmenter's tokens, as code-point spans: what the text format prints as words. */
  readonly tokens: readonly WordSpan[];
  /** Per code point: the index in `words` of its word. */
  readonly wordOf: readonly number[];
  /** Per word: its rough part of speech (context.ts). */
  readonly kinds: readonly string[];
  /** Per code point: the index in `tokens` of its token. */
  readonly tokenOf: readonly number[];
  /** Per code point: the dictionary's readings, best first; empty for non-Han and unknown characters. */
  readonly candidates: readonly (readonly string[])[];
  /** Per code point: the first-ranked reading of its word, for words of two or more characters. */
  readonly hints: readonly (string | undefined)[];
}

/** Unique readings in order. */
function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function entriesOf(dictionary: WordSource, original: string, simplified: string): readonly DictEntry[] {
  const first = dictionary.lookup(original);
  return simplified === original ? first : [...first, ...dictionary.lookup(simplified)];
}

/** Readings per position of a word, from the entries whose pinyin pairs up with its characters; undefined when none does. */
function wordReadings(entries: readonly DictEntry[], length: number): string[][] | undefined {
  let positions: string[][] | undefined;
  for (const entry of entries) {
    const syllables = syllablesOf(entry.pinyin, length);
    if (!syllables) continue;
    positions ??= Array.from({ length }, () => []);
    syllables.forEach((s, i) => pushUnique(positions![i]!, s));
  }
  return positions;
}

/** Splits the code points [start, end) into longest dictionary words of the Simplified copy. */
function dictionaryWords(dictionary: WordSource, chars: readonly string[], start: number, end: number): WordSpan[] {
  const text = chars.slice(start, end).join('');
  const spans: WordSpan[] = [];
  let unit = 0;
  let at = start;
  while (at < end) {
    const matched = dictionary.longestMatch(text, unit);
    let length = 1;
    if (matched > 0) {
      // Code points covered by the `matched` UTF-16 units.
      let units = 0;
      length = 0;
      while (units < matched && at + length < end) units += chars[at + length++]!.length;
    }
    spans.push({ start: at, end: at + length });
    for (let i = at; i < at + length; i++) unit += chars[i]!.length;
    at += length;
  }
  return spans;
}

/** Segments and looks up `text`; what `readingsOf` decides from, and what training learns from. */
export function analyse(text: string, sources: ReadingSources): Analysis {
  const original = Array.from(text);
  const chars = sources.toSimplified && text ? Array.from(simplifiedAligned(text, sources.toSimplified)) : original;
  // Token offsets (UTF-16 of `text`) -> code-point spans.
  const tokens: WordSpan[] = [];
  let unit = 0;
  let point = 0;
  for (const token of text ? sources.segment(text) : []) {
    if (token.start !== unit) break;
    const start = point;
    while (unit < token.end && point < original.length) unit += original[point++]!.length;
    if (unit !== token.end) break;
    if (point > start) tokens.push({ start, end: point });
  }
  if (point !== original.length) {
    // The segmenter did not cover the line: continue character by character.
    for (let i = point; i < original.length; i++) tokens.push({ start: i, end: i + 1 });
  }

  const tokenOf: number[] = new Array<number>(original.length).fill(0);
  tokens.forEach((t, n) => tokenOf.fill(n, t.start, t.end));
  const words: WordSpan[] = [];
  const wordOf: number[] = new Array<number>(original.length).fill(0);
  const candidates: (readonly string[])[] = new Array<readonly string[]>(original.length).fill([]);
  const hints: (string | undefined)[] = new Array<string | undefined>(original.length).fill(undefined);
  const addWord = (span: WordSpan, readings: readonly (readonly string[])[] | undefined) => {
    for (let i = span.start; i < span.end; i++) {
      wordOf[i] = words.length;
      const r = readings?.[i - span.start];
      if (r) {
        candidates[i] = r;
        if (span.end - span.start > 1) hints[i] = r[0];
      }
    }
    words.push(span);
  };
  const lookupSpan = (span: WordSpan) => {
    const o = original.slice(span.start, span.end).join('');
    const s = chars.slice(span.start, span.end).join('');
    const readings = wordReadings(entriesOf(sources.dictionary, o, s), span.end - span.start);
    // CC-CEDICT writes the neutral tone of a word's unstressed syllable (知识 zhi1 shi5)
    // where careful reading, and the CPP labels, keep the character's own tone (46 of 48
    // such positions in CPP dev). A character that has a neutral reading of its own
    // (了 么 着 得) keeps it (42 of 45). So for the others the character's own readings
    // come first, and the model may still choose the neutral one.
    return readings?.map((list, k) => {
      if (!list.every((r) => r.endsWith('5'))) return list;
      const own = perCharacter({ start: span.start + k, end: span.start + k + 1 })[0]!;
      if (own.length === 0 || own.some((r) => r.endsWith('5'))) return list;
      const merged = [...own];
      for (const r of list) pushUnique(merged, r);
      return merged;
    });
  };

  for (const token of tokens) {
    if (token.end - token.start > 1) {
      const readings = lookupSpan(token);
      if (readings) {
        addWord(token, readings);
        continue;
      }
    }
    for (const span of token.end - token.start > 1 ? dictionaryWords(sources.dictionary, chars, token.start, token.end) : [token]) {
      addWord(span, span.end - span.start > 1 ? lookupSpan(span) ?? perCharacter(span) : perCharacter(span));
    }
  }
  const kinds = words.map((w) => {
    const o = original.slice(w.start, w.end).join('');
    const entries = entriesOf(sources.dictionary, o, chars.slice(w.start, w.end).join(''));
    if (entries.length === 0) return 'x';
    // Any sense of the first entries: 跑's first-listed entry is pao2 "(of an animal) to paw".
    if (entries.slice(0, 3).some((e) => e.definitions.some((d) => /^(\([^)]*\) )?to /.test(d)))) return 'v';
    const first = entries[0]!.definitions[0] ?? '';
    // An adverb ("slowly") or a reduplicated adjective (慢慢, 好好): what 地 follows as a particle.
    return /^\w+ly\b/.test(first) || (w.end - w.start === 2 && original[w.start] === original[w.start + 1]) ? 'a' : 'w';
  });
  return { original, chars, words, tokens, wordOf, tokenOf, candidates, hints, kinds };

  function perCharacter(span: WordSpan): string[][] {
    const out: string[][] = [];
    for (let i = span.start; i < span.end; i++) {
      const list: string[] = [];
      if (isHanCodePoint(original[i]!.codePointAt(0)!)) {
        for (const entry of entriesOf(sources.dictionary, original[i]!, chars[i]!)) {
          const s = entry.pinyin.trim().includes(' ') ? undefined : normalizeSyllable(entry.pinyin.trim());
          if (s) pushUnique(list, s);
        }
      }
      out.push(list);
    }
    return out;
  }
}

/** Whether position `i` is still open after the dictionary: several readings to choose from. */
export function isOpen(analysis: Analysis, i: number): boolean {
  return analysis.candidates[i]!.length > 1;
}

/** The key of position `i` in the model's overrides (`银行@1`), or undefined outside a word of two or more characters. */
export function overrideKey(analysis: Analysis, i: number): string | undefined {
  const word = analysis.words[analysis.wordOf[i]!]!;
  return word.end - word.start > 1 ? `${analysis.chars.slice(word.start, word.end).join('')}@${i - word.start}` : undefined;
}

/** The model's features for position `i`. */
export function featuresAt(analysis: Analysis, i: number): string[] {
  const word = analysis.words[analysis.wordOf[i]!]!;
  const token = analysis.tokens[analysis.tokenOf[i]!]!;
  const unknownToken = token.end - token.start > word.end - word.start ? token : undefined;
  return contextFeatures({ chars: analysis.chars, at: i, words: analysis.words, word: analysis.wordOf[i]!, hint: analysis.hints[i], unknownToken, kinds: analysis.kinds });
}

/**
 * Grammar the labelled data is too thin to teach (CPP dev has one 地 as a particle in 20,
 * six 得 in 20): 地 between an adverbial (an adverb, a reduplicated adjective) and a verb,
 * and 得 between a verb and what describes it, are the structural particle de5.
 */
function particleRule(analysis: Analysis, i: number, options: readonly string[]): string | undefined {
  const char = analysis.chars[i];
  if ((char !== '地' && char !== '得') || !options.includes('de5')) return undefined;
  const w = analysis.wordOf[i]!;
  const word = analysis.words[w]!;
  if (word.end - word.start !== 1) return undefined;
  const before = analysis.kinds[w - 1];
  const after = analysis.kinds[w + 1];
  if (char === '地') return before === 'a' && after === 'v' ? 'de5' : undefined;
  // 得 right after a verb is the complement marker (跑得很快, 说得对), unless it is the verb
  // "to get" itself taking 了/到/以 (得了, 得到 when cut apart, 得以).
  const next = analysis.chars[i + 1];
  return before === 'v' && after !== 'x' && next !== '了' && next !== '到' && next !== '以' ? 'de5' : undefined;
}

/** The reading of each code point of an analysed line. */
export function decide(analysis: Analysis, model: PinyinModel | undefined): Reading[] {
  return analysis.original.map((ch, i) => {
    if (!isHanCodePoint(ch.codePointAt(0)!)) return null;
    const options = analysis.candidates[i]!;
    if (options.length === 0) return null;
    if (!model) return options[0]!;
    const word = analysis.words[analysis.wordOf[i]!]!;
    if (word.end - word.start > 1) {
      const fixed = model.override(analysis.chars.slice(word.start, word.end).join(''), i - word.start);
      if (fixed) return fixed;
    }
    if (options.length === 1) return options[0]!;
    const rule = particleRule(analysis, i, options);
    if (rule) return rule;
    return model.predict(analysis.chars[i]!, featuresAt(analysis, i), options) ?? options[0]!;
  });
}

/**
 * One reading per code point of `text`: numbered pinyin for a Han character (`le5`, `lv4`),
 * null for anything else (and for a Han character no dictionary knows).
 */
export function readingsOf(text: string, sources: ReadingSources): Reading[] {
  return decide(analyse(text, sources), sources.model);
}

/** A segmenter token with the readings of its code points. */
export interface WordReading {
  readonly text: string;
  /** UTF-16 offsets in the line, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly readings: readonly Reading[];
}

/** The line's words (as the segmenter cut them) with their readings: what the text format and inline pinyin show. */
export function wordReadingsOf(text: string, sources: ReadingSources): WordReading[] {
  const analysis = analyse(text, sources);
  const readings = decide(analysis, sources.model);
  const out: WordReading[] = [];
  let unit = 0;
  for (const token of analysis.tokens) {
    const word = analysis.original.slice(token.start, token.end).join('');
    out.push({ text: word, start: unit, end: unit + word.length, readings: readings.slice(token.start, token.end) });
    unit += word.length;
  }
  return out;
}
