/**
 * The compiled CC-CEDICT index (`dist/cedict.idx`), built at build time by
 * scripts/compile-cedict.mjs. One binary file:
 *
 *   "ZHDICT01" | u32 header length | header JSON (padded to 4 bytes) | sections
 *
 * Sections (offsets and lengths in the header, each 4-byte aligned):
 *   keys      every headword (traditional and simplified), UTF-8, joined by "\n"
 *   keyStart  u32[keys + 1]: where each key's entry list starts in `refs`
 *   refs      u32[]: entry numbers, best first for each key
 *   entryStart u32[entries + 1]: byte offset of each entry record in `entries`
 *   entries   UTF-8 records, one per CC-CEDICT line (see RECORD_* below)
 *
 * Loading decodes only the keys into a Map; entry records stay as bytes until looked up,
 * which is what keeps the load under 150 ms and the heap small.
 */

export const MAGIC = 'ZHDICT01';

/** Separates the fields of an entry record. */
export const RECORD_FIELD = '\t';
/** Separates items of a list field (definitions, classifiers, references). */
export const RECORD_ITEM = '\x1f';
/** Separates a reference's kind from its word. */
export const RECORD_PART = '\x1e';

export interface IndexHeader {
  readonly format: 1;
  /** The CC-CEDICT release the index was built from (its `#! date=` line). */
  readonly cedictDate: string;
  readonly entries: number;
  readonly keys: number;
  readonly attribution: string;
  readonly sections: Readonly<Record<SectionName, readonly [offset: number, length: number]>>;
}

export type SectionName = 'keys' | 'keyStart' | 'refs' | 'entryStart' | 'entries';
