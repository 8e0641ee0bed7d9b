/**
 * Walking UTF-16 text by code point. Conversion, segmentation and lookup all keep
 * surrogate pairs (CJK Extension B and beyond, emoji) whole; a lone surrogate counts as
 * one code point of its own, as it does for `String.prototype.codePointAt` and opencc-js.
 */

/** UTF-16 units of the code point starting at `i`: 2 for a surrogate pair, else 1. */
export function codePointLength(text: string, i: number): 1 | 2 {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  // A high surrogate is a pair only with a low one after it: a lone one must not hide
  // the character that follows.
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * The start of the code point containing `i`: one unit back for the low half of a pair.
 * A lone low surrogate is a code point of its own.
 */
export function codePointStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return i;
  const high = text.charCodeAt(i - 1);
  return high >= 0xd800 && high <= 0xdbff ? i - 1 : i;
}

export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += codePointLength(text, i)) n++;
  return n;
}
