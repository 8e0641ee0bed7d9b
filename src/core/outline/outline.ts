/**
 * Headings -> section outline. One pass over the lines: a line is tested against the
 * rules only when its first character can start a heading, so a 5 MB novel costs little
 * more than finding its line breaks and counting its characters.
 */
import { BUILTIN_FIRST_CHARS, BUILTIN_RULES, END_ONLY, METADATA_LINE, SENTENCE_STOP, type BuiltinKind } from './rules';
import { codePointLength } from '../text/codePoints';
import { NO_USER_RULES, USER_RULE_MAX_LINE, type CompiledUserRules, type RuleError } from './userRules';

export type HeadingKind = BuiltinKind | 'title' | `user#${number}`;

/** One heading. Lines and characters are 0-based, characters in UTF-16 units (VS Code positions). */
export interface Heading {
  /** 1 for the outermost; the document title, when there is one, is the only level-1 heading. */
  readonly level: number;
  /** The heading as written, trimmed (Markdown's # marks removed). */
  readonly title: string;
  readonly line: number;
  /** The rule that matched: a built-in kind, `title`, or `user#N` for the Nth user rule. */
  readonly kind: HeadingKind;
  /** The number the heading carries (第五章 → 5), when its style has one. */
  readonly value: number | undefined;
  /**
   * The numbering marker as written (第五章, 二、, (3)), for messages; for a user rule, its
   * match when it has a `num` group, else empty (the heading has no number).
   */
  readonly marker: string;
  /** Where the title starts and ends on its line. */
  readonly startCharacter: number;
  readonly endCharacter: number;
  /** Last non-blank line of the section: up to the next heading of the same or a higher level. */
  readonly endLine: number;
  /** Non-whitespace characters (code points) in the section, heading included. */
  readonly chars: number;
  /** Index of the enclosing heading in `headings`, or -1. */
  readonly parent: number;
}

export interface Outline {
  /** In document order. */
  readonly headings: readonly Heading[];
  /** Unusable user rules. */
  readonly errors: readonly RuleError[];
  /** Non-whitespace characters in the whole document. */
  readonly chars: number;
}

export interface OutlineOptions {
  readonly userRules?: CompiledUserRules;
  /**
   * Work counters, added to as the outline is computed: tests check the cost by counting
   * work rather than by timing it.
   */
  readonly work?: OutlineWork;
}

export interface OutlineWork {
  /** Lines tested against the user rules. */
  userRuleLines: number;
  /** User rules tested, summed over those lines. */
  userRuleTests: number;
  /** UTF-16 units handed to the user rules, summed over every test. */
  userRuleUnits: number;
}

/** Longest heading title reported, in code points; longer ones (a huge Markdown heading line) are cut with …. */
export const TITLE_DISPLAY_MAX = 200;

/**
 * `title` cut to TITLE_DISPLAY_MAX code points, the last one an ellipsis. Cut by code
 * point so that a character outside the BMP (𠀋) is never split into a lone surrogate.
 */
export function displayTitle(title: string): string {
  if (title.length <= TITLE_DISPLAY_MAX) return title;
  // Walk at most TITLE_DISPLAY_MAX code points: the title may be megabytes long.
  let end = 0;
  let cut = 0;
  for (let kept = 0; kept < TITLE_DISPLAY_MAX && end < title.length; kept++) {
    if (kept === TITLE_DISPLAY_MAX - 1) cut = end;
    end += codePointLength(title, end);
  }
  return end >= title.length ? title : `${title.slice(0, cut)}…`;
}

/**
 * A Markdown heading's title and where it starts in the trimmed line: the text between
 * the opening #s (with the spaces after them) and an optional closing run of #s (with the
 * spaces before it). Scanned by hand: the obvious `/[ \t]+#+$/` retries from every space
 * of a long run and is quadratic (`# a` + 80,000 spaces + `b` took seconds).
 */
export function markdownTitle(trimmed: string): { title: string; offset: number } {
  let start = 0;
  while (trimmed.charCodeAt(start) === 0x23) start++;
  while (isBlank(trimmed.charCodeAt(start))) start++;
  let end = trimmed.length;
  let hashes = end;
  while (hashes > start && trimmed.charCodeAt(hashes - 1) === 0x23) hashes--;
  // Closing #s count only after a space or a tab; `# C#` keeps its #.
  if (hashes < end && hashes > start && isBlank(trimmed.charCodeAt(hashes - 1))) end = hashes;
  while (end > start && isBlank(trimmed.charCodeAt(end - 1))) end--;
  // String.prototype.trim also removes the ideographic and other Unicode spaces.
  const raw = trimmed.slice(start, end);
  return { title: raw.trim(), offset: start + raw.length - raw.trimStart().length };
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Longest first line taken as the document's title, in UTF-16 units. */
export const TITLE_MAX_LENGTH = 50;

interface Candidate {
  line: number;
  rank: number;
  kind: HeadingKind;
  value: number | undefined;
  marker: string;
  title: string;
  startCharacter: number;
  endCharacter: number;
  listLike: boolean;
  /** Non-whitespace characters before this line. */
  before: number;
  /** Last non-blank line before this one, or -1. */
  previousNonBlank: number;
}

/**
 * Calls `visit` for each line holding a non-space character, with the offsets of the
 * line's start and of its first and last non-space, and its count of non-space code
 * points. A separate function that captures nothing, so that V8 keeps the loop over the
 * characters tight; most of a novel is Han, which one comparison settles.
 */
function forEachNonBlankLine(text: string, visit: (line: number, start: number, first: number, last: number, count: number) => void): void {
  const length = text.length;
  let line = 0;
  let start = 0;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 0x0a;
    // Line breaks as VS Code counts them: LF, CRLF and a lone CR.
    if (code !== 0x0a && !(code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      if (code > 0x3000) {
        if (code === 0xfeff) continue;
        // A low surrogate after a high one completes a code point already counted; a lone
        // one is a (non-blank) code point of its own.
        if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
          const high = text.charCodeAt(i - 1);
          if (high >= 0xd800 && high <= 0xdbff) {
            last = i;
            continue;
          }
        }
      } else if (code <= 0x20 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : code === 0x3000 || code === 0xa0) {
        continue;
      }
      if (first === -1) first = i;
      last = i;
      count++;
      continue;
    }
    if (first !== -1) visit(line, start, first, last, count);
    line++;
    start = i + 1;
    first = -1;
    last = -1;
    count = 0;
  }
}

/** Why a trimmed line that matched a style is still not a heading (a sentence, a list item). */
function readsAsHeading(trimmed: string, rest: string, rule: (typeof BUILTIN_RULES)[number]): boolean {
  if (rule.kind === 'markdown') return true;
  if (trimmed.length > rule.maxLength) return false;
  if (SENTENCE_STOP.test(trimmed)) return false;
  if (END_ONLY.test(trimmed.slice(0, -1))) return false;
  if (rule.listLike) {
    if (rest.trim() === '') return false;
    if (rule.inlineNext?.test(rest)) return false;
  }
  return true;
}

/** The outline of `text`: headings with levels, ranges and section sizes. */
export function computeOutline(text: string, options: OutlineOptions = {}): Outline {
  const userRules = options.userRules ?? NO_USER_RULES;
  const errors: RuleError[] = [...userRules.errors];
  const hasUserRules = userRules.rules.length > 0;
  const work = options.work;

  const candidates: Candidate[] = [];
  let chars = 0;
  let lastNonBlank = -1;
  let firstNonBlank = -1;
  let firstNonBlankText = '';
  let firstNonBlankStart = 0;
  let inFence = false;

  forEachNonBlankLine(text, (line, start, first, last, count) => {
    const firstCode = text.charCodeAt(first);
    const fence = (firstCode === 0x60 || firstCode === 0x7e) && /^(```|~~~)/.test(text.slice(first, first + 3));
    if (fence) inFence = !inFence;
    const column = first - start;
    if (!inFence && !fence && (hasUserRules || BUILTIN_FIRST_CHARS.has(firstCode))) {
      const candidate = matchLine(text.slice(first, last + 1), column, firstCode);
      if (candidate) candidates.push({ ...candidate, line, before: chars, previousNonBlank: lastNonBlank });
    }
    if (firstNonBlank === -1) {
      firstNonBlank = line;
      firstNonBlankText = text.slice(first, last + 1);
      firstNonBlankStart = column;
    }
    lastNonBlank = line;
    chars += count;
  });

  function matchLine(trimmed: string, column: number, firstCode: number): Omit<Candidate, 'line' | 'before' | 'previousNonBlank'> | undefined {
    const at = (rank: number, kind: HeadingKind, value: number | undefined, marker: string, title: string, listLike: boolean, offset = 0) => {
      // Only a Markdown heading can be this long; the Outline view needs no megabyte-long name.
      return { rank, kind, value, marker, title: displayTitle(title), listLike, startCharacter: column + offset, endCharacter: column + offset + title.length };
    };
    if (hasUserRules && trimmed.length <= USER_RULE_MAX_LINE) {
      if (work) work.userRuleLines++;
      for (const rule of userRules.rules) {
        if (work) {
          work.userRuleTests++;
          work.userRuleUnits += trimmed.length;
        }
        if (!rule.test(trimmed)) continue;
        if (rule.level === 0) return undefined;
        const match = rule.match(trimmed);
        return at(rule.rank, rule.kind as HeadingKind, match?.value, match?.text ?? '', trimmed, false);
      }
    }
    if (!BUILTIN_FIRST_CHARS.has(firstCode)) return undefined;
    for (const rule of BUILTIN_RULES) {
      if (rule.kind === 'markdown' && column > 3) continue;
      const match = rule.pattern.exec(trimmed);
      if (!match) continue;
      const numberText = match[1] ?? match[2] ?? '';
      const rest = trimmed.slice(match[0].length);
      // A line that starts like a heading but reads as a sentence is no heading of any style.
      if (!readsAsHeading(trimmed, rest, rule)) return undefined;
      if (rule.kind === 'markdown') {
        const { title, offset } = markdownTitle(trimmed);
        return at(rule.rank(numberText), rule.kind, rule.value(numberText), numberText, title, rule.listLike, offset);
      }
      return at(rule.rank(numberText), rule.kind, rule.value(numberText), match[0].trim(), trimmed, rule.listLike);
    }
    return undefined;
  }

  // Adjacent lines of one list style with nothing between them are a list, not headings.
  const inList = new Set<number>();
  for (let i = 1; i < candidates.length; i++) {
    const here = candidates[i]!;
    const previous = candidates[i - 1]!;
    if (here.listLike && previous.kind === here.kind && here.previousNonBlank === previous.line) {
      inList.add(i - 1);
      inList.add(i);
    }
  }
  const found = candidates.filter((_, i) => !inList.has(i));
  if (found.length === 0) return { headings: [], errors, chars };

  // The title: a short first line that is not itself a heading and reads as a title.
  const titled =
    firstNonBlank !== -1 &&
    found[0]!.line !== firstNonBlank &&
    firstNonBlankText.length <= TITLE_MAX_LENGTH &&
    !SENTENCE_STOP.test(firstNonBlankText) &&
    !METADATA_LINE.test(firstNonBlankText) &&
    !/[，,、：:]$/.test(firstNonBlankText);
  const ranks = [...new Set(found.map((c) => c.rank))].sort((a, b) => a - b);
  const levelOf = new Map(ranks.map((rank, i) => [rank, i + 1 + (titled ? 1 : 0)]));
  const all: Candidate[] = titled
    ? [
        {
          line: firstNonBlank,
          rank: 0,
          kind: 'title',
          value: undefined,
          marker: '',
          title: firstNonBlankText,
          startCharacter: firstNonBlankStart,
          endCharacter: firstNonBlankStart + firstNonBlankText.length,
          listLike: false,
          before: 0,
          previousNonBlank: -1,
        },
        ...found,
      ]
    : found;
  levelOf.set(0, 1);

  // Sections end where a heading of the same or a higher level starts: a stack of open ones.
  const levels = all.map((c) => levelOf.get(c.rank)!);
  const endLine = new Array<number>(all.length).fill(lastNonBlank);
  const endChars = new Array<number>(all.length).fill(chars);
  const parent = new Array<number>(all.length).fill(-1);
  const open: number[] = [];
  all.forEach((c, i) => {
    while (open.length > 0 && levels[open[open.length - 1]!]! >= levels[i]!) {
      const closed = open.pop()!;
      endLine[closed] = Math.max(all[closed]!.line, c.previousNonBlank);
      endChars[closed] = c.before;
    }
    parent[i] = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  });

  const headings = all.map(
    (c, i): Heading => ({
      level: levels[i]!,
      title: c.title,
      line: c.line,
      kind: c.kind,
      value: c.value,
      marker: c.marker,
      startCharacter: c.startCharacter,
      endCharacter: c.endCharacter,
      endLine: endLine[i]!,
      chars: endChars[i]! - c.before,
      parent: parent[i]!,
    }),
  );
  return { headings, errors, chars };
}
