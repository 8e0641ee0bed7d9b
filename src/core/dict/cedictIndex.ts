/**
 * The compiled CC-CEDICT index, loaded once: typed-array views over the file, nothing
 * decoded until looked up (see indexFormat.ts for the layout).
 */
import { parseWordRef } from './cedictLine';
import { CEDICT_SOURCE, type CrossReference, type DictEntry, type ReferenceKind, type WordSource } from './entry';
import {
  HASH_SEED,
  hashStep,
  hashUnits,
  MAGIC,
  RECORD_FIELD,
  RECORD_ITEM,
  RECORD_PART,
  type IndexHeader,
  type SectionName,
} from './indexFormat';

/** File name of the index next to the bundle (dist/). */
export const CEDICT_INDEX_FILE = 'cedict.idx';

const UTF8 = new TextDecoder('utf-8');

export class CedictIndex implements WordSource {
  private readonly keys: Uint16Array;
  private readonly keyOffset: Uint32Array;
  private readonly table: Uint32Array;
  private readonly mask: number;
  private readonly maxLength: Uint8Array;
  private readonly keyStart: Uint32Array;
  private readonly refs: Uint32Array;
  private readonly entryStart: Uint32Array;
  private readonly entryOffset: number;
  private readonly cache = new Map<number, DictEntry>();
  /** Prefix hashes of the text being matched, reused across calls. */
  private readonly prefixHashes = new Uint32Array(256);

  private constructor(
    private readonly bytes: Uint8Array,
    readonly header: IndexHeader,
  ) {
    const view = <T>(name: SectionName, make: (buffer: ArrayBuffer, offset: number, length: number) => T, width: number): T => {
      const [offset, length] = header.sections[name];
      const start = bytes.byteOffset + offset;
      // Views need aligned offsets; bytes inside a larger buffer (Node's pooled Buffer) may not give them, so copy then.
      if (start % width === 0) return make(bytes.buffer as ArrayBuffer, start, length / width);
      const copy = Uint8Array.prototype.slice.call(bytes, offset, offset + length);
      return make(copy.buffer, 0, length / width);
    };
    const u32 = (name: SectionName) => view(name, (b, o, l) => new Uint32Array(b, o, l), 4);
    this.keys = view('keys', (b, o, l) => new Uint16Array(b, o, l), 2);
    this.keyOffset = u32('keyOffset');
    this.table = u32('table');
    this.mask = this.table.length - 1;
    this.maxLength = view('maxLength', (b, o, l) => new Uint8Array(b, o, l), 1);
    this.keyStart = u32('keyStart');
    this.refs = u32('refs');
    this.entryStart = u32('entryStart');
    this.entryOffset = header.sections.entries[0];
  }

  /**
   * The index over the file's bytes (read by the platform: Node's fs, or `workspace.fs` in
   * the browser); throws with a clear message if they are not an index.
   */
  static fromBytes(bytes: Uint8Array): CedictIndex {
    if (bytes.length < MAGIC.length + 4 || String.fromCharCode(...bytes.subarray(0, MAGIC.length)) !== MAGIC) {
      throw new Error('not a compiled CC-CEDICT index (bad magic); rebuild it with "npm run build"');
    }
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
    const header = JSON.parse(UTF8.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as IndexHeader;
    if (header.format !== 2) throw new Error(`unsupported CC-CEDICT index format ${String(header.format)}`);
    return new CedictIndex(bytes, header);
  }

  get entryCount(): number {
    return this.header.entries;
  }

  get keyCount(): number {
    return this.header.keys;
  }

  /** The key number of `text[start, end)` given its hash, or -1. */
  private find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k1 = this.table[slot]!;
      if (k1 === 0) return -1;
      const k = k1 - 1;
      const from = this.keyOffset[k]!;
      if (this.keyOffset[k + 1]! - from !== length) continue;
      let i = 0;
      while (i < length && this.keys[from + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return k;
    }
  }

  has(word: string): boolean {
    return word.length > 0 && this.find(word, 0, word.length, hashUnits(word, 0, word.length)) >= 0;
  }

  lookup(word: string): readonly DictEntry[] {
    if (!word) return [];
    const k = this.find(word, 0, word.length, hashUnits(word, 0, word.length));
    if (k < 0) return [];
    const result: DictEntry[] = [];
    for (let r = this.keyStart[k]!; r < this.keyStart[k + 1]!; r++) result.push(this.entry(this.refs[r]!));
    return result;
  }

  longestMatch(text: string, start: number): number {
    if (start < 0 || start >= text.length) return 0;
    const max = Math.min(this.maxLength[text.charCodeAt(start)]!, text.length - start);
    const hashes = this.prefixHashes;
    let h = HASH_SEED;
    for (let i = 0; i < max; i++) hashes[i] = h = hashStep(h, text.charCodeAt(start + i));
    for (let length = max; length > 0; length--) {
      if (this.find(text, start, start + length, hashes[length - 1]!) >= 0) return length;
    }
    return 0;
  }

  private entry(n: number): DictEntry {
    const cached = this.cache.get(n);
    if (cached) return cached;
    const record = UTF8.decode(this.bytes.subarray(this.entryOffset + this.entryStart[n]!, this.entryOffset + this.entryStart[n + 1]!));
    const entry = decodeRecord(record);
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(n, entry);
    return entry;
  }
}

function list(field: string | undefined): string[] {
  return field ? field.split(RECORD_ITEM) : [];
}

function decodeRecord(record: string): DictEntry {
  const [traditional = '', simplified = '', pinyin = '', frequency = '0', definitions, classifiers, references] = record.split(RECORD_FIELD);
  return {
    traditional,
    simplified,
    pinyin,
    frequency: Number(frequency),
    definitions: list(definitions),
    classifiers: list(classifiers).flatMap((c) => parseWordRef(c) ?? []),
    references: list(references).flatMap((r): CrossReference[] => {
      const [kind, word = ''] = r.split(RECORD_PART);
      const ref = parseWordRef(word);
      return ref ? [{ ...ref, kind: kind as ReferenceKind }] : [];
    }),
    source: CEDICT_SOURCE,
  };
}
