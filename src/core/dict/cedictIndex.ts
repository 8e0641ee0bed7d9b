/**
 * The compiled CC-CEDICT index, loaded once: headwords in a Map, entry records left as
 * bytes and decoded when looked up (see indexFormat.ts for the layout).
 */
import { readFileSync } from 'node:fs';
import { parseWordRef } from './cedictLine';
import { CEDICT_SOURCE, type CrossReference, type DictEntry, type ReferenceKind, type WordSource } from './entry';
import { MAGIC, RECORD_FIELD, RECORD_ITEM, RECORD_PART, type IndexHeader, type SectionName } from './indexFormat';

/** File name of the index next to the bundle (dist/). */
export const CEDICT_INDEX_FILE = 'cedict.idx';

export class CedictIndex implements WordSource {
  private readonly keyIndex = new Map<string, number>();
  /** Longest headword (UTF-16 units, capped at 255) starting with each first code unit. */
  private readonly maxLength = new Uint8Array(65536);
  private readonly keyStart: Uint32Array;
  private readonly refs: Uint32Array;
  private readonly entryStart: Uint32Array;
  private readonly entryOffset: number;
  private readonly cache = new Map<number, DictEntry>();

  private constructor(
    private readonly bytes: Buffer,
    readonly header: IndexHeader,
  ) {
    const section = (name: SectionName) => header.sections[name];
    const u32 = (name: SectionName) => {
      const [offset, length] = section(name);
      const start = bytes.byteOffset + offset;
      // Views need 4-byte alignment; a pooled Buffer may not give it, so copy then.
      if (start % 4 === 0) return new Uint32Array(bytes.buffer, start, length / 4);
      return new Uint32Array(Uint8Array.prototype.slice.call(bytes, offset, offset + length).buffer);
    };
    this.keyStart = u32('keyStart');
    this.refs = u32('refs');
    this.entryStart = u32('entryStart');
    this.entryOffset = section('entries')[0];
    const [keysOffset, keysLength] = section('keys');
    const keys = bytes.toString('utf8', keysOffset, keysOffset + keysLength).split('\n');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      this.keyIndex.set(key, i);
      const first = key.charCodeAt(0);
      const length = Math.min(key.length, 255);
      if (length > this.maxLength[first]!) this.maxLength[first] = length;
    }
  }

  /** Reads and indexes the file at `path`; throws with a clear message if it is not an index. */
  static load(path: string): CedictIndex {
    return CedictIndex.fromBytes(readFileSync(path));
  }

  static fromBytes(data: Uint8Array): CedictIndex {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a compiled CC-CEDICT index (bad magic)');
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as IndexHeader;
    if (header.format !== 1) throw new Error(`unsupported CC-CEDICT index format ${String(header.format)}`);
    return new CedictIndex(bytes, header);
  }

  get entryCount(): number {
    return this.header.entries;
  }

  get keyCount(): number {
    return this.header.keys;
  }

  has(word: string): boolean {
    return this.keyIndex.has(word);
  }

  lookup(word: string): readonly DictEntry[] {
    const k = this.keyIndex.get(word);
    if (k === undefined) return [];
    const result: DictEntry[] = [];
    for (let r = this.keyStart[k]!; r < this.keyStart[k + 1]!; r++) result.push(this.entry(this.refs[r]!));
    return result;
  }

  longestMatch(text: string, start: number): number {
    const max = Math.min(this.maxLength[text.charCodeAt(start)]!, text.length - start);
    for (let length = max; length > 0; length--) {
      if (this.keyIndex.has(text.substr(start, length))) return length;
    }
    return 0;
  }

  private entry(n: number): DictEntry {
    const cached = this.cache.get(n);
    if (cached) return cached;
    const record = this.bytes.toString(
      'utf8',
      this.entryOffset + this.entryStart[n]!,
      this.entryOffset + this.entryStart[n + 1]!,
    );
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
  const [traditional = '', simplified = '', pinyin = '', frequency = '0', definitions, classifiers, references] =
    record.split(RECORD_FIELD);
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
