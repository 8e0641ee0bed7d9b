/**
 * Simplified characters that stand for several Traditional ones (干 → 乾, 幹, 干; 发 → 發,
 * 髮; 后 → 後, 后). opencc-js keeps only OpenCC's first choice for each character, so the
 * readings are recovered from its tables: OpenCC's Simplified → Traditional choice, every
 * Traditional character that OpenCC simplifies to it, and the character itself when it is
 * also written in Traditional text (后 is the Traditional for "empress"). Regional or
 * Japanese forms of the same character (說 / 説, 裏 / 裡) are one reading, not a choice.
 */
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import HK_VARIANTS from 'opencc-js/dict/HKVariants';
import JP_SHINJITAI from 'opencc-js/dict/JPShinjitaiCharacters';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS from 'opencc-js/dict/TWVariants';
import { SIMPLIFIED_ONLY } from '../script/scriptChars.generated';

let table: Map<string, readonly string[]> | undefined;
/** One flag per code point below U+30000: 1 where `table` has an entry (a fast first check). */
let flags: Uint8Array | undefined;

function parse(dict: string): [string, string][] {
  return dict.split('|').map((entry) => entry.split(' ') as [string, string]);
}

function buildTable(): Map<string, readonly string[]> {
  const readings = new Map<string, string[]>();
  const add = (simplified: string, traditional: string) => {
    const list = readings.get(simplified);
    if (!list) readings.set(simplified, [traditional]);
    else if (!list.includes(traditional)) list.push(traditional);
  };
  for (const [simplified, traditional] of parse(ST_CHARACTERS)) add(simplified, traditional);
  for (const [traditional, simplified] of parse(TS_CHARACTERS)) {
    // Only merged characters: those OpenCC also converts Simplified → Traditional.
    if (readings.has(simplified)) add(simplified, traditional);
  }
  // Pairs of glyph variants of one character, in either order.
  const variants = new Set<string>();
  for (const dict of [TW_VARIANTS, HK_VARIANTS, JP_SHINJITAI]) {
    for (const [a, b] of parse(dict)) variants.add(a + b).add(b + a);
  }
  const simplifiedOnly = new Set(SIMPLIFIED_ONLY);
  const result = new Map<string, readonly string[]>();
  for (const [simplified, list] of readings) {
    if (!simplifiedOnly.has(simplified) && !list.includes(simplified)) list.push(simplified);
    const distinct = list.filter((t, i) => !list.slice(0, i).some((earlier) => variants.has(earlier + t)));
    if (distinct.length > 1) result.set(simplified, distinct);
  }
  return result;
}

/** The Traditional readings of a Simplified character, OpenCC's choice first; undefined when it has one. */
export function alternativesFor(simplified: string): readonly string[] | undefined {
  table ??= buildTable();
  return table.get(simplified);
}

/** Whether the code point may have several readings; cheap enough to ask for every character. */
export function mayBeAmbiguous(codePoint: number): boolean {
  if (!flags) {
    table ??= buildTable();
    flags = new Uint8Array(0x30000);
    for (const key of table.keys()) {
      const cp = key.codePointAt(0)!;
      if (cp < flags.length) flags[cp] = 1;
    }
  }
  return codePoint < flags.length && flags[codePoint] === 1;
}
