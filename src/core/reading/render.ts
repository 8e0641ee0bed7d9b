/**
 * The reading view's HTML: each document line becomes one element (a heading, a paragraph
 * or an empty spacer), so that line N is the container's child N and scroll sync, reveal
 * and incremental updates address lines by index. Every piece of text is escaped here;
 * the markup carries no inline styles or handlers, so the page runs under a strict CSP.
 */
import { parseSyllable } from '../pinyin/pinyin';
import { toCedictSyllable } from '../pinyin/syllable';
import type { ReadingLine, ReadingWord } from './model';
import { escapeHtml } from '../text/html';

export { escapeHtml };

/** Which words get ruby pinyin. */
export const READING_PINYIN_MODES = ['all', 'unknown', 'aboveLevel', 'none'] as const;
export type ReadingPinyinMode = (typeof READING_PINYIN_MODES)[number];

/** Tone colour schemes: Pleco's (red, green, blue, purple, grey), MDBG's (red, orange, green, blue, black), or none. */
export const TONE_COLOR_SCHEMES = ['pleco', 'mdbg', 'none'] as const;
export type ToneColorScheme = (typeof TONE_COLOR_SCHEMES)[number];

/** Spam warning lines: struck through, hidden, or shown like any other line. */
export const SPAM_LINE_MODES = ['strike', 'hide', 'show'] as const;
export type SpamLineMode = (typeof SPAM_LINE_MODES)[number];

export interface LineRenderOptions {
  readonly pinyin: ReadingPinyinMode;
  /** `aboveLevel`: words above this HSK level (and words in no list) get pinyin. */
  readonly hskLevel: number;
}

/** One reading (`shu4`, `lv4`) as shown above its character, with its tone (0 when it is not pinyin). */
export function rubyText(reading: string): { text: string; tone: number } {
  const s = parseSyllable(toCedictSyllable(reading));
  return { text: s.marked, tone: s.tone };
}

/** Whether the word gets ruby in `options.pinyin` mode. */
export function wantsRuby(word: ReadingWord, options: LineRenderOptions): boolean {
  if (!word.han || !word.readings.some((r) => r)) return false;
  switch (options.pinyin) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'unknown':
      return !word.known;
    case 'aboveLevel':
      return word.level === undefined || word.level > options.hskLevel;
  }
}

/**
 * A word's characters with their readings: one `<ruby>` whose every code point (an
 * Extension B character is one, not two halves) is followed by its own `<rt>`, empty
 * when the character has no reading, so each syllable stands over its character.
 */
export function renderRuby(shown: string, readings: readonly (string | null)[]): string {
  let html = '<ruby>';
  let i = 0;
  for (const ch of shown) {
    const reading = readings[i++];
    html += escapeHtml(ch);
    if (reading) {
      const { text, tone } = rubyText(reading);
      html += `<rt class="t${tone}">${escapeHtml(text)}</rt>`;
    } else html += '<rt></rt>';
  }
  return `${html}</ruby>`;
}

function wordClasses(word: ReadingWord): string {
  const classes = ['w', word.known ? 'k' : 'u'];
  if (word.saved) classes.push('s');
  if (word.level !== undefined) classes.push(`l${word.level}`);
  return classes.join(' ');
}

/** One word: a focusable box with its ruby (or plain characters) and its gloss under it. */
export function renderWord(word: ReadingWord, options: LineRenderOptions): string {
  if (!word.han) return escapeHtml(word.shown);
  const face = wantsRuby(word, options) ? renderRuby(word.shown, word.readings) : `<span class="c">${escapeHtml(word.shown)}</span>`;
  const gloss = `<span class="g">${word.gloss ? escapeHtml(word.gloss) : '&nbsp;'}</span>`;
  return `<span class="${wordClasses(word)}" data-s="${word.start}" data-e="${word.end}">${face}${gloss}</span>`;
}

function lineClasses(line: Pick<ReadingLine, 'mark' | 'label'>): string {
  const classes = ['ln'];
  if (line.mark) classes.push(line.mark);
  if (line.label) classes.push(`z-${line.label}`);
  return classes.join(' ');
}

function noteAttribute(note: string | undefined): string {
  return note ? ` title="${escapeHtml(note)}"` : '';
}

/** A line of the document as one element: `<hN>` for a heading, `<p>` for text, an empty spacer for a blank line. */
export function renderLine(line: ReadingLine, options: LineRenderOptions): string {
  if (line.words.every((w) => !w.shown.trim())) return '<div class="ln blank"></div>';
  const body = line.words.map((w) => renderWord(w, options)).join('');
  if (line.heading !== undefined) {
    const level = Math.min(6, Math.max(1, line.heading));
    return `<h${level} class="${lineClasses(line)}"${noteAttribute(line.note)}>${body}</h${level}>`;
  }
  return `<p class="${lineClasses(line)}"${noteAttribute(line.note)}>${body}</p>`;
}

/** A line not read yet: its text, escaped, until the view asks for it (it is scrolled near). */
export function renderPending(text: string): string {
  if (!text.trim()) return '<div class="ln blank"></div>';
  return `<p class="ln pending">${escapeHtml(text)}</p>`;
}
