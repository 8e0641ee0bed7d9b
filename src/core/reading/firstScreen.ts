/**
 * Which lines a reading view renders before anything else when it opens: the first screen or
 * so from the line the editor shows at its top. The view holds every other line as an empty
 * block of a guessed height and asks for it when it comes near the screen, so rendering more
 * here only delays the first paint (markup to build, send, parse and lay out).
 */

/** Lines rendered above the top line, to scroll up into. */
export const FIRST_BEFORE = 10;
/**
 * Characters rendered from the top line down: about four screens of a half-width view at
 * 16 px (40 characters a row, 22 rows a screen).
 */
export const FIRST_CHARS = 4000;
/** The characters of a row: what a short or blank line counts for at least, so at most FIRST_CHARS / FIRST_ROW lines. */
export const FIRST_ROW = 40;

/**
 * The lines [from, to] a view opening at line `top` of a document whose lines have these
 * `lengths` renders first: FIRST_BEFORE lines above `top` (clamped into the document), and
 * from `top` down to the line that brings the characters to FIRST_CHARS (or the last line).
 * An empty document gives `to < from`. Linear in the lines it returns (at most 110).
 */
export function firstScreen(lengths: readonly number[], top: number): { from: number; to: number } {
  const last = lengths.length - 1;
  if (last < 0) return { from: 0, to: -1 };
  const start = Math.min(Math.max(0, top), last);
  let to = start;
  for (let chars = Math.max(FIRST_ROW, lengths[start] ?? 0); to < last && chars < FIRST_CHARS; ) {
    to++;
    chars += Math.max(FIRST_ROW, lengths[to] ?? 0);
  }
  return { from: Math.max(0, start - FIRST_BEFORE), to };
}
