/** The sentence around a position in a line: what a word list saves as the word's context. */

/** Characters that end a sentence in Chinese and Western text. */
const ENDS = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);
/** Longest sentence kept: a line without punctuation (a poem, a table) is cut around the word. */
export const MAX_SENTENCE = 200;

/**
 * The sentence of `line` holding the UTF-16 range [start, end): from after the previous
 * sentence end to the next one (included, with closing quotes), trimmed. Linear in the line.
 */
export function sentenceAround(line: string, start: number, end = start): string {
  let from = start;
  while (from > 0 && !ENDS.has(line[from - 1]!)) from--;
  let to = Math.max(end, start);
  while (to < line.length && !ENDS.has(line[to]!)) to++;
  while (to < line.length && (ENDS.has(line[to]!) || '”’」』）)"\''.includes(line[to]!))) to++;
  // Opening quotes and spaces left over from the previous sentence.
  let text = line.slice(from, to);
  let offset = from;
  const lead = /^[\s”’」』）)]+/u.exec(text);
  if (lead) {
    text = text.slice(lead[0].length);
    offset += lead[0].length;
  }
  text = text.trimEnd();
  if (text.length <= MAX_SENTENCE) return text;
  // Too long: a window around the word, on code point boundaries.
  const at = start - offset;
  let a = Math.max(0, at - MAX_SENTENCE / 2);
  let b = Math.min(text.length, a + MAX_SENTENCE);
  if (/[\udc00-\udfff]/.test(text[a] ?? '')) a++;
  if (/[\udc00-\udfff]/.test(text[b] ?? '')) b++;
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`;
}

/** Today as YYYY-MM-DD in local time. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
