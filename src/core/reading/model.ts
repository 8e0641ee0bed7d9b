/**
 * The reading view's model: one entry per document line, each a list of words with their
 * contextual readings, a short gloss, HSK level and the learner's known/saved flags.
 * Built from plain functions (the study services in the extension, fixtures in tests),
 * so the renderer never looks anything up itself.
 */
import type { Reading, WordReading } from '../pinyin/readings';
import type { SpamLabel } from '../spam/types';
import { countCodePoints } from '../text/codePoints';
import { isHanCodePoint } from '../text/han';

export interface ReadingWord {
  /** The word as written in the document. */
  readonly text: string;
  /** The word as shown: the other script when the view converts, else `text`. Same code-point count as `text`. */
  readonly shown: string;
  /** UTF-16 offsets in the line, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** One reading per code point of `text` (null: no reading). */
  readonly readings: readonly Reading[];
  /** Whether the word holds a Han character (only those are words a learner looks up). */
  readonly han: boolean;
  /** The first short definition, for the interlinear gloss. */
  readonly gloss?: string;
  /** HSK level in the chosen syllabus (7: the 7-9 band). */
  readonly level?: number;
  readonly known: boolean;
  readonly saved: boolean;
}

/** How a line is shown: spam warnings struck through or hidden, captions and bylines smaller. */
export type LineMark = 'spam' | 'small';

export interface ReadingLine {
  /** 0-based line number in the document. */
  readonly line: number;
  /** The heading level from the outline rules (1 = title), when the line is a heading. */
  readonly heading?: number;
  /** The spam checker's label for the line, and how it is shown. */
  readonly label?: SpamLabel;
  readonly mark?: LineMark;
  /** The label's title and reasons, for the tooltip. */
  readonly note?: string;
  readonly words: readonly ReadingWord[];
}

/** What building a line needs to know about words, supplied by the caller. */
export interface WordFacts {
  /** The line's words with contextual readings (segmenter + readingsOf). */
  wordReadings(text: string): readonly WordReading[];
  /** The word's first definition, or undefined when no dictionary has it. */
  definition(word: string): string | undefined;
  level(word: string): number | undefined;
  isKnown(word: string): boolean;
  isSaved(word: string): boolean;
  /** Converts a word to the script shown; must keep the code-point count to be used. */
  convert?(word: string): string;
}

export interface LineContext {
  readonly heading?: number;
  readonly label?: SpamLabel;
  readonly mark?: LineMark;
  readonly note?: string;
}

/** Longest gloss shown under a word; longer first definitions are cut at a word boundary. */
export const MAX_GLOSS = 24;

/**
 * A definition made short enough to stand under a word: the first sense of CC-CEDICT's
 * first definition, without its parenthesised remarks or classifier notes.
 */
export function shortGloss(definition: string): string {
  let text = definition.split(';')[0]!.trim();
  // "(of a company) to go public": the remark is for the card, not the line.
  const withoutRemarks = text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  // A definition that is all remark ("(possessive particle, …)") keeps its words, not its brackets.
  text = withoutRemarks || text.replace(/[()]/g, '').trim();
  if (text.length <= MAX_GLOSS) return text;
  const cut = text.lastIndexOf(' ', MAX_GLOSS - 1);
  return `${text.slice(0, cut > 8 ? cut : MAX_GLOSS - 1)}…`;
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

/** Builds one line of the model. Linear in the line's length (plus what `facts` costs). */
export function buildLine(text: string, line: number, facts: WordFacts, context: LineContext = {}): ReadingLine {
  const words: ReadingWord[] = [];
  for (const w of facts.wordReadings(text)) {
    const han = hasHan(w.text);
    let shown = w.text;
    if (han && facts.convert) {
      const converted = facts.convert(w.text);
      // A conversion that changes the count (a phrase table's rewrite) cannot keep the ruby aligned.
      if (countCodePoints(converted) === countCodePoints(w.text)) shown = converted;
    }
    const definition = han ? facts.definition(w.text) : undefined;
    const level = han ? facts.level(w.text) : undefined;
    words.push({
      text: w.text,
      shown,
      start: w.start,
      end: w.end,
      readings: w.readings,
      han,
      ...(definition ? { gloss: shortGloss(definition) } : {}),
      ...(level !== undefined ? { level } : {}),
      known: han && facts.isKnown(w.text),
      saved: han && facts.isSaved(w.text),
    });
  }
  return { line, ...context, words };
}
