/**
 * What a hover (and `zhreader lookup`) shows for a position in a line: the segmented
 * word there, its entries (glossaries first, then CC-CEDICT), the longest dictionary
 * match starting at the character (Zhongwen's rule) when it differs, a breakdown into
 * known parts for a word no dictionary has, and one hop through "variant of / see".
 */
import type { CrossReference, DictEntry, WordSource } from '../dict/entry';
import type { Token } from '../segment/segmenter';
import { codePointLength, codePointStart } from '../text/codePoints';

export interface Span {
  readonly text: string;
  /** UTF-16 offsets in the looked-up text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ResolvedReference extends CrossReference {
  /** The target's entry (one hop), when the dictionaries have it. */
  readonly target?: DictEntry;
}

export interface LookedUpEntry extends DictEntry {
  readonly resolved: readonly ResolvedReference[];
}

export interface SpanWithEntries extends Span {
  readonly entries: readonly LookedUpEntry[];
}

export interface LookupResult {
  readonly match: Span;
  readonly entries: readonly LookedUpEntry[];
  /**
   * The spelling the entries were found under, when it is not the one written here: text
   * mixing the scripts or variant forms (對于 is found as 对于, 看著 as 看着).
   */
  readonly foundAs?: string;
  /** For a word no dictionary has, or a glossary term CC-CEDICT lacks: its known parts, left to right. */
  readonly parts?: readonly SpanWithEntries[];
  /** The longest headword starting at the looked-up character, when it differs from `match`. */
  readonly longest?: SpanWithEntries;
}

export interface LookupSources {
  /** Ranked first. */
  readonly glossary: WordSource;
  readonly dictionary: WordSource;
  /** Segments a Han run (either script) into words. */
  segment(text: string): Token[];
  /**
   * Other spellings of a word no source has as written, in the order to try them: its t2s
   * and s2t forms, then variant folds.
   */
  fold?(word: string): readonly string[];
  /** `text` with the scripts and variant forms folded, code point for code point (for dictionary matching). */
  foldText?(text: string): string;
}

const HAN_CHAR = /\p{Script=Han}/u;
/** Segmenting more than this many UTF-16 units either side of the position changes nothing in practice. */
const WINDOW = 48;

function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && HAN_CHAR.test(String.fromCodePoint(cp));
}

/** The run of Han characters around `offset`, at most WINDOW units either side. */
export function hanRunAround(text: string, offset: number): Span | undefined {
  const at = codePointStart(text, offset);
  if (!isHanAt(text, at)) return undefined;
  let start = at;
  while (start > 0 && at - start < WINDOW) {
    const prev = codePointStart(text, start - 1);
    if (!isHanAt(text, prev)) break;
    start = prev;
  }
  let end = at;
  while (end < text.length && end - at < WINDOW && isHanAt(text, end)) end += codePointLength(text, end);
  return { text: text.slice(start, end), start, end };
}

/** Glossary entries, then dictionary entries, each with its references resolved one hop. */
export function entriesFor(word: string, sources: LookupSources): LookedUpEntry[] {
  return [...sources.glossary.lookup(word), ...sources.dictionary.lookup(word)].map((entry) => resolve(entry, sources));
}

/**
 * The entries of `word` as written or, failing that, under the first of its other
 * spellings (`sources.fold`) that has any; `form` is the spelling they were found under.
 */
export function foldedEntriesFor(word: string, sources: LookupSources): { entries: LookedUpEntry[]; form: string } {
  const entries = entriesFor(word, sources);
  if (entries.length > 0 || !sources.fold) return { entries, form: word };
  const tried = new Set([word]);
  for (const form of sources.fold(word)) {
    if (tried.has(form)) continue;
    tried.add(form);
    const found = entriesFor(form, sources);
    if (found.length > 0) return { entries: found, form };
  }
  return { entries, form: word };
}

function resolve(entry: DictEntry, sources: LookupSources): LookedUpEntry {
  const resolved = entry.references.map((reference): ResolvedReference => {
    const candidates = [...sources.glossary.lookup(reference.traditional), ...sources.dictionary.lookup(reference.traditional)];
    const samePinyin = candidates.filter((c) => reference.pinyin && c.pinyin.toLowerCase() === reference.pinyin.toLowerCase());
    // One hop only: a target that is itself just a reference adds nothing.
    const target = [...samePinyin, ...candidates].find((c) => c.definitions.length > 0);
    return target ? { ...reference, target } : reference;
  });
  return { ...entry, resolved };
}

function longestAt(text: string, start: number, sources: LookupSources): number {
  return Math.max(sources.glossary.longestMatch(text, start), sources.dictionary.longestMatch(text, start));
}

/**
 * Splits `span` greedily into the longest known words; unknown characters stand alone.
 * `dictionaryOnly` breaks a glossary term into its CC-CEDICT words.
 */
export function breakdown(span: Span, sources: LookupSources, dictionaryOnly = false): SpanWithEntries[] {
  const parts: SpanWithEntries[] = [];
  // Words are matched in the folded text (衞生部門 as 卫生部门) when it keeps the offsets.
  const folded = sources.foldText?.(span.text);
  const probe = folded !== undefined && folded.length === span.text.length ? folded : span.text;
  let at = 0;
  while (at < span.text.length) {
    const known = Math.max(
      dictionaryOnly ? sources.dictionary.longestMatch(span.text, at) : longestAt(span.text, at, sources),
      probe === span.text ? 0 : dictionaryOnly ? sources.dictionary.longestMatch(probe, at) : longestAt(probe, at, sources),
    );
    const length = known > 0 ? known : codePointLength(span.text, at);
    const text = span.text.slice(at, at + length);
    parts.push({ text, start: span.start + at, end: span.start + at + length, entries: foldedEntriesFor(text, sources).entries });
    at += length;
  }
  return parts;
}

/** Looks up the word at `offset` (UTF-16) in `text`; undefined when no Han character is there. */
export function lookupAt(text: string, offset: number, sources: LookupSources): LookupResult | undefined {
  if (offset < 0 || offset >= text.length) return undefined;
  const run = hanRunAround(text, offset);
  if (!run) return undefined;
  const at = codePointStart(text, offset);
  const token = sources.segment(run.text).find((t) => run.start + t.start <= at && at < run.start + t.end);
  // Without a token (an engine that dropped the character), the character itself: all of it.
  const width = codePointLength(text, at);
  const match: Span = token
    ? { text: token.text, start: run.start + token.start, end: run.start + token.end }
    : { text: text.slice(at, at + width), start: at, end: at + width };
  const { entries, form } = foldedEntriesFor(match.text, sources);
  const longestLength = longestAt(text, at, sources);
  const longest =
    longestLength > 0 && (at !== match.start || at + longestLength !== match.end)
      ? (() => {
          const t = text.slice(at, at + longestLength);
          return { text: t, start: at, end: at + longestLength, entries: entriesFor(t, sources) };
        })()
      : undefined;
  let parts: SpanWithEntries[] | undefined;
  if (entries.length === 0 && [...match.text].length > 1) {
    parts = breakdown(match, sources);
  } else if (entries.length > 0 && sources.dictionary.lookup(form).length === 0 && [...match.text].length > 1) {
    // A glossary term CC-CEDICT lacks (數字政府) is a domain compound: its dictionary
    // words (數字 + 政府) explain it, so the hover shows them under the glossary gloss.
    const split = breakdown(match, sources, true);
    if (split.length > 1 && split.some((p) => p.entries.length > 0)) parts = split;
  }
  return {
    match,
    entries,
    ...(form !== match.text ? { foundAs: form } : {}),
    ...(parts ? { parts } : {}),
    ...(longest ? { longest } : {}),
  };
}
