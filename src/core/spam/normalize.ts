/**
 * Folding a line into the form the lexicons and patterns are written for: full-width
 * ASCII to half-width, ideographic, no-break and zero-width spaces to a plain space, Latin
 * lower case, and Traditional characters to Simplified. The fold maps one UTF-16 unit to
 * one, so offsets in the folded line are offsets in the original.
 */
import { FOLD_FROM, FOLD_TO } from './fold.generated';

let table: Uint16Array | undefined;

/** 64 K entries, one per BMP unit: built on first use, under a millisecond. */
function foldTable(): Uint16Array {
  if (table) return table;
  const built = new Uint16Array(0x10000);
  for (let i = 0; i < built.length; i++) built[i] = i;
  for (let i = 0; i < FOLD_FROM.length; i++) built[FOLD_FROM.charCodeAt(i)] = FOLD_TO.charCodeAt(i);
  // Full-width ASCII forms (！ to ～) to ASCII.
  for (let cp = 0xff01; cp <= 0xff5e; cp++) built[cp] = cp - 0xfee0;
  built[0x3000] = 0x20;
  // Invisible marks that copy-pasted pages carry (zero-width space and joiners, word joiner,
  // byte-order mark) and the no-break space: spaces, so that 赞同 56\u200b12 条评论 splits
  // into its items and 加\u200b微\u200b信 reads as 加 微 信.
  for (const cp of [0xa0, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) built[cp] = 0x20;
  for (let cp = 0x41; cp <= 0x5a; cp++) {
    built[cp] = cp + 0x20;
    built[cp + 0xfee0] = cp + 0x20;
  }
  table = built;
  return built;
}

/** The folded form of `line`: same length, same offsets. */
export function foldLine(line: string): string {
  const fold = foldTable();
  let out = '';
  let changedFrom = -1;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (fold[unit] !== unit) {
      changedFrom = i;
      break;
    }
  }
  if (changedFrom < 0) return line;
  out = line.slice(0, changedFrom);
  const codes: number[] = [];
  for (let i = changedFrom; i < line.length; i++) {
    codes.push(fold[line.charCodeAt(i)]!);
    if (codes.length === 4096) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}
