/**
 * Numbered pinyin in the form contextual readings use (CPP's): lower case, `5` for the
 * neutral tone, `v` for ü (`le5`, `lv4`). CC-CEDICT writes `lu:4` and capitalises proper
 * nouns (`Hang2`); both fold to the same syllable.
 */

const SYLLABLE = /^[a-z]+[1-5]$/;

/** `Lu:4` -> `lv4`; undefined for anything that is not one numbered syllable (`xx5` is kept: CC-CEDICT's placeholder is filtered by callers). */
export function normalizeSyllable(raw: string): string | undefined {
  const s = raw.toLowerCase().replace(/u:/g, 'v').replace(/ü/g, 'v');
  return SYLLABLE.test(s) && s !== 'xx5' ? s : undefined;
}

/** A dictionary entry's pinyin as one syllable per code point of `word`, or undefined when they do not pair up. */
export function syllablesOf(pinyin: string, codePoints: number): string[] | undefined {
  const parts = pinyin.trim().split(/\s+/);
  if (parts.length !== codePoints) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    const s = normalizeSyllable(part);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

/** `lv4` -> `lu:4`, the spelling the tone-mark and zhuyin formatters read. */
export function toCedictSyllable(reading: string): string {
  return reading.replace(/v/g, 'u:');
}
