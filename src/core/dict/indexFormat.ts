/**
 * The compiled CC-CEDICT index (`dist/cedict.idx`), built at build time by
 * scripts/compile-cedict.mjs. One binary file, little-endian:
 *
 *   "ZHDICT02" | u32 header length | header JSON (padded) | sections
 *
 * Sections (offsets and lengths in the header, each 4-byte aligned):
 *   keys       every headword (traditional and simplified) as UTF-16 code units, concatenated
 *   keyOffset  u32[keys + 1]: where each key starts in `keys` (in code units)
 *   table      u32[capacity]: open-addressing hash table of key number + 1 (0 = empty),
 *              hashed with `hashUnits` and probed linearly
 *   maxLength  u8[65536]: the longest headword (UTF-16 units, capped at 255) per first code unit
 *   keyStart   u32[keys + 1]: where each key's entry list starts in `refs`
 *   refs       u32[]: entry numbers, best first for each key
 *   entryStart u32[entries + 1]: byte offset of each entry record in `entries`
 *   entries    UTF-8 records, one per CC-CEDICT line (see RECORD_* below)
 *
 * Loading makes typed-array views over the file and decodes nothing: a lookup hashes the
 * text's code units and compares them with the key in place, and an entry record is
 * decoded only when it is looked up. That keeps the load in tens of milliseconds and the
 * heap almost untouched.
 */

export const MAGIC = 'ZHDICT02';

/** FNV-1a over UTF-16 code units `text[start, end)`. */
export function hashUnits(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of `hashUnits`, for hashing every prefix in one pass. */
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193) >>> 0;
}

export const HASH_SEED = 0x811c9dc5;

/** Separates the fields of an entry record. */
export const RECORD_FIELD = '\t';
/** Separates items of a list field (definitions, classifiers, references). */
export const RECORD_ITEM = '\x1f';
/** Separates a reference's kind from its word. */
export const RECORD_PART = '\x1e';

export interface IndexHeader {
  readonly format: 2;
  /** The CC-CEDICT release the index was built from (its `#! date=` line). */
  readonly cedictDate: string;
  readonly entries: number;
  readonly keys: number;
  readonly attribution: string;
  readonly sections: Readonly<Record<SectionName, readonly [offset: number, length: number]>>;
}

export type SectionName = 'keys' | 'keyOffset' | 'table' | 'maxLength' | 'keyStart' | 'refs' | 'entryStart' | 'entries';
