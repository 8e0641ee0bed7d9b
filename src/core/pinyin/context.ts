/**
 * The context a polyphone is read in, as feature strings for the per-character models
 * (model.ts). Training (scripts/train-pinyin.mjs) and reading (readings.ts) both call
 * `contextFeatures`, so the two cannot drift apart.
 *
 * Like g2pM, the model looks at a window of characters around the polyphone; unlike
 * g2pM's BiLSTM it sees them as sparse indicator features of a linear model: the
 * neighbouring characters and character pairs, the word the polyphone sits in and the
 * words either side (from the segmenter and the dictionary), and the dictionary's
 * reading for that word when it has one.
 */

/** A word of the sentence, as code-point indices into the sentence, end exclusive. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
}

/** What the model is told about one position. */
export interface Context {
  /** The sentence as Simplified code points (the models are trained on Simplified text). */
  readonly chars: readonly string[];
  /** Index of the polyphone in `chars`. */
  readonly at: number;
  /** The sentence's words, in order, covering `chars`. */
  readonly words: readonly WordSpan[];
  /** Index in `words` of the word holding `at`. */
  readonly word: number;
  /** The first-ranked dictionary reading of this position within its word, for a word of two or more characters. */
  readonly hint?: string;
  /**
   * The segmenter's token holding `at` when it is longer than the dictionary word: a word
   * no dictionary has, most often a name (the polyphone may be a surname: 单, 解, 朴).
   */
  readonly unknownToken?: WordSpan;
  /**
   * Per word, a rough part of speech from the dictionary: `v` when its first-ranked
   * entry's first definition starts with "to " (a verb), `w` for another dictionary word,
   * `x` for no entry. A verb before 得/地/着 changes their reading; the word itself rarely recurs.
   */
  readonly kinds?: readonly string[];
}

const DIGIT = /^\p{Nd}$/u;
const LATIN = /^[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]$/;
const SPACE = /^\s$/u;

/** A context character as the features see it: digits, Latin letters and spaces fold to one class each. */
function shape(ch: string | undefined, edge: string): string {
  if (ch === undefined) return edge;
  if (DIGIT.test(ch)) return '0';
  if (LATIN.test(ch)) return 'a';
  if (SPACE.test(ch)) return '_';
  return ch;
}

/** Longer neighbouring words (a run of Latin letters, a long name) are all one feature value: bounded work per position. */
const MAX_WORD = 8;

function wordText(chars: readonly string[], span: WordSpan | undefined, edge: string): string {
  if (!span) return edge;
  if (span.end - span.start > MAX_WORD) return '…';
  let s = '';
  for (let i = span.start; i < span.end; i++) s += shape(chars[i], edge);
  return s;
}

/** The features of the position; the first is always the bias. */
export function contextFeatures(c: Context): string[] {
  const { chars, at } = c;
  const ch = (d: number) => shape(chars[at + d], d < 0 ? '^' : '$');
  const l1 = ch(-1);
  const l2 = ch(-2);
  const r1 = ch(1);
  const r2 = ch(2);
  const span = c.words[c.word]!;
  const features = [
    'b',
    `l1${l1}`,
    `r1${r1}`,
    `l2${l2}`,
    `r2${r2}`,
    `l3${ch(-3)}`,
    `r3${ch(3)}`,
    `ll${l2}${l1}`,
    `rr${r1}${r2}`,
    `lr${l1}${r1}`,
    `pw${wordText(chars, c.words[c.word - 1], '^')}`,
    `nw${wordText(chars, c.words[c.word + 1], '$')}`,
  ];
  if (span.end - span.start > 1) {
    features.push(`w${wordText(chars, span, '')}${at - span.start}`);
    if (c.hint) features.push(`h${c.hint}`);
  } else {
    features.push('s');
  }
  if (c.kinds) {
    const before = c.kinds[c.word - 1] ?? '^';
    const after = c.kinds[c.word + 1] ?? '$';
    features.push(`pk${before}`, `nk${after}`, `pn${before}${after}`);
  }
  if (c.unknownToken) {
    const { start, end } = c.unknownToken;
    features.push(`o${at - start}`, `o${at - start}/${end - start}`);
  }
  return features;
}
