/** The shape every dictionary source (CC-CEDICT, glossaries) answers lookups with. */

/** A word named inside a definition: `個|个[ge4]` (a classifier) or the target of "variant of". */
export interface WordRef {
  readonly traditional: string;
  readonly simplified: string;
  /** Numbered pinyin as written in the source (`ge4`), or '' when the reference gives none. */
  readonly pinyin: string;
}

/** Kinds of cross-reference CC-CEDICT writes as "<kind> of X" / "see X". */
export type ReferenceKind =
  | 'variant of'
  | 'old variant of'
  | 'erhua variant of'
  | 'Japanese variant of'
  | 'archaic variant of'
  | 'see'
  | 'see also'
  | 'abbr. for'
  | 'used in';

export interface CrossReference extends WordRef {
  readonly kind: ReferenceKind;
}

/** Where an entry came from: `cc-cedict`, or `glossary:<path>` for a glossary file or `glossary:settings`. */
export type EntrySource = string;

export interface DictEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** Numbered pinyin (`shu4 zi4`); glossary pinyin may carry marks already. May be ''. */
  readonly pinyin: string;
  readonly definitions: readonly string[];
  readonly classifiers: readonly WordRef[];
  readonly references: readonly CrossReference[];
  /** Occurrences per corpus (Leiden word frequency); 0 when unknown. Ranks entries. */
  readonly frequency: number;
  readonly source: EntrySource;
  /** A glossary's note. */
  readonly note?: string;
  /** 1-based line of a glossary entry in its file, when it has one. */
  readonly line?: number;
}

export const CEDICT_SOURCE = 'cc-cedict';

/** Anything that answers "which entries have this headword" and "how long is the longest headword here". */
export interface WordSource {
  /** Entries whose traditional or simplified form is exactly `word`, best first. */
  lookup(word: string): readonly DictEntry[];
  /** UTF-16 length of the longest headword that starts at `start` in `text`, or 0. */
  longestMatch(text: string, start: number): number;
}
