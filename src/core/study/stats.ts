/**
 * Reading statistics of a document and of each outline section: characters, Han
 * characters, words (segmenter tokens holding a Han character), distinct words, the share
 * of word tokens known, the HSK level distribution, the estimated level (the lowest HSK
 * level whose words cover 95% of the word tokens) and the reading time.
 *
 * One pass over the lines: each line is segmented once and its counts go to the document
 * and to every section open at that line (sections nest a few levels deep at most), so the
 * work is linear in the text.
 */
import { isHanCodePoint } from '../text/han';
import { english, type Translate } from '../text/messages';

/** Share of word tokens the estimated level must cover. */
export const COVERAGE_TARGET = 0.95;
/** HSK 3.0 has levels 1-6 and the 7-9 band (7); HSK 2.0 levels 1-6. */
export const MAX_LEVEL = 7;

export interface StatsSources {
  /** Segments one line into tokens (their texts, in order, covering the line). */
  segment(line: string): readonly { readonly text: string }[];
  isKnown(word: string): boolean;
  /** The word's HSK level in the chosen syllabus, or undefined when it is in none. */
  level(word: string): number | undefined;
}

/** A section to report on: lines [startLine, endLine], 0-based, inclusive. */
export interface StatsSection {
  readonly title: string;
  readonly level: number;
  readonly startLine: number;
  readonly endLine: number;
}

export interface ReadingStats {
  /** Code points other than whitespace. */
  readonly characters: number;
  readonly hanCharacters: number;
  /** Word tokens: segmenter tokens holding at least one Han character. */
  readonly words: number;
  readonly distinctWords: number;
  readonly knownWords: number;
  /** knownWords / words, 0 when there are no words. */
  readonly knownShare: number;
  /** Word tokens per HSK level: index 1-7; index 0 counts the words in no HSK list. */
  readonly levels: readonly number[];
  /** Lowest level whose words (and below) cover 95% of the word tokens; undefined when even level 7 does not. */
  readonly estimatedLevel: number | undefined;
  /** Share of word tokens at or below each level (index 1-7). */
  readonly coverage: readonly number[];
  readonly readingMinutes: number;
}

export interface SectionStats extends ReadingStats {
  readonly title: string;
  readonly level: number;
  readonly startLine: number;
  readonly endLine: number;
}

export interface DocumentStats {
  readonly document: ReadingStats;
  readonly sections: readonly SectionStats[];
}

class Tally {
  characters = 0;
  han = 0;
  words = 0;
  known = 0;
  readonly distinct = new Set<string>();
  readonly levels: number[] = new Array<number>(MAX_LEVEL + 1).fill(0);

  result(charsPerMinute: number): ReadingStats {
    const coverage = [0];
    let covered = 0;
    let estimatedLevel: number | undefined;
    for (let level = 1; level <= MAX_LEVEL; level++) {
      covered += this.levels[level]!;
      const share = this.words ? covered / this.words : 0;
      coverage.push(share);
      if (estimatedLevel === undefined && this.words > 0 && share >= COVERAGE_TARGET) estimatedLevel = level;
    }
    return {
      characters: this.characters,
      hanCharacters: this.han,
      words: this.words,
      distinctWords: this.distinct.size,
      knownWords: this.known,
      knownShare: this.words ? this.known / this.words : 0,
      levels: [...this.levels],
      estimatedLevel,
      coverage,
      readingMinutes: this.characters / charsPerMinute,
    };
  }
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

/** A statistics pass that can run in slices, so that an editor stays responsive and can cancel it. */
export interface StatsRun {
  /** Reads up to `maxLines` more lines; true once every line is read. */
  step(maxLines: number): boolean;
  /** Lines read so far, of `lineCount`. */
  readonly linesRead: number;
  readonly lineCount: number;
  result(): DocumentStats;
}

/**
 * Starts the statistics of `text` (lines split on LF or CRLF) and of each of `sections`.
 * `charsPerMinute` is the reading speed (characters other than whitespace per minute).
 */
export function startStats(text: string, sections: readonly StatsSection[], sources: StatsSources, charsPerMinute: number): StatsRun {
  const speed = Number.isFinite(charsPerMinute) && charsPerMinute > 0 ? charsPerMinute : 400;
  const whole = new Tally();
  const tallies = sections.map(() => new Tally());
  // Sections sorted by start line; `open` holds those whose range contains the current line.
  const order = sections.map((_, i) => i).sort((a, b) => sections[a]!.startLine - sections[b]!.startLine);
  let next = 0;
  let open: number[] = [];
  const lines = text.split(/\r?\n/);
  const memo = new Map<string, { isWord: boolean; known: boolean; slot: number }>();
  let n = 0;

  const readLine = () => {
    while (next < order.length && sections[order[next]!]!.startLine <= n) open.push(order[next++]!);
    if (open.length > 0) open = open.filter((i) => sections[i]!.endLine >= n);
    const targets = [whole, ...open.map((i) => tallies[i]!)];
    const line = lines[n]!;
    let characters = 0;
    let han = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0)!;
      if (isHanCodePoint(cp)) han++;
      if (!/\s/u.test(ch)) characters++;
    }
    for (const t of targets) {
      t.characters += characters;
      t.han += han;
    }
    if (han === 0) return;
    for (const token of sources.segment(line)) {
      let facts = memo.get(token.text);
      if (!facts) {
        // Each distinct token is looked up once: a novel repeats its words thousands of times.
        const isWord = hasHan(token.text);
        const level = isWord ? sources.level(token.text) : undefined;
        facts = { isWord, known: isWord && sources.isKnown(token.text), slot: level !== undefined && level >= 1 && level <= MAX_LEVEL ? level : 0 };
        memo.set(token.text, facts);
      }
      if (!facts.isWord) continue;
      const { known, slot } = facts;
      for (const t of targets) {
        t.words++;
        if (known) t.known++;
        t.levels[slot]!++;
        t.distinct.add(token.text);
      }
    }
  };

  return {
    get linesRead() {
      return n;
    },
    lineCount: lines.length,
    step(maxLines) {
      const stop = Math.min(lines.length, n + Math.max(1, maxLines));
      for (; n < stop; n++) readLine();
      return n >= lines.length;
    },
    result: () => ({
      document: whole.result(speed),
      sections: sections.map((s, i) => ({ title: s.title, level: s.level, startLine: s.startLine, endLine: s.endLine, ...tallies[i]!.result(speed) })),
    }),
  };
}

/** The statistics of `text` and of each of `sections`, in one call (the CLI, tests). */
export function computeStats(text: string, sections: readonly StatsSection[], sources: StatsSources, charsPerMinute: number): DocumentStats {
  const run = startStats(text, sections, sources, charsPerMinute);
  run.step(Number.MAX_SAFE_INTEGER);
  return run.result();
}

/** "93%" (rounded down, so that 99.6% never reads as 100%). */
export function formatShare(share: number): string {
  return `${Math.floor(share * 100)}%`;
}

/** "HSK 4", or "beyond HSK" when no level covers 95%, or "–" with no words. */
export function formatEstimate(stats: Pick<ReadingStats, 'estimatedLevel' | 'words'>, syllabus: '2.0' | '3.0', t: Translate = english): string {
  if (stats.words === 0) return '–';
  if (stats.estimatedLevel === undefined) return t('beyond HSK');
  if (syllabus === '3.0' && stats.estimatedLevel === 7) return 'HSK 7–9';
  return `HSK ${stats.estimatedLevel}`;
}

/** "12 min", "<1 min", "1 h 5 min". */
export function formatMinutes(minutes: number, t: Translate = english): string {
  if (minutes < 1) return t('<1 min');
  if (minutes < 60) return t('{minutes} min', { minutes: Math.round(minutes) });
  return t('{hours} h {minutes} min', { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) });
}

/** Longest part tried when a word is read as HSK words (HSK entries are at most a few characters). */
const MAX_PART = 4;

/**
 * The level of a word the HSK lists lack, read as HSK words: the segmenter joins compounds
 * the lists split (数字化 = 数字 + 化, 政府工作 = 政府 + 工作). Greedy longest match over
 * code points; the word's level is its hardest part's, undefined when any part is in no
 * list. Listed words keep their own level. Linear in the word (parts are at most 4 long).
 */
export function levelByParts(word: string, levelOf: (w: string) => number | undefined): number | undefined {
  const own = levelOf(word);
  if (own !== undefined) return own;
  const points = Array.from(word);
  if (points.length < 2) return undefined;
  let hardest = 0;
  for (let at = 0; at < points.length; ) {
    let found: number | undefined;
    let length = Math.min(MAX_PART, points.length - at);
    for (; length >= 1; length--) {
      if (at === 0 && length === points.length) continue;
      found = levelOf(points.slice(at, at + length).join(''));
      if (found !== undefined) break;
    }
    if (found === undefined) return undefined;
    hardest = Math.max(hardest, found);
    at += length;
  }
  return hardest;
}
