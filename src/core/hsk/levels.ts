/**
 * HSK levels of a word, for both syllabuses: HSK 2.0 (levels 1-6) and HSK 3.0 (levels 1-6,
 * and 7 for the 7-9 band). The data is the build's compact index (dist/hsk-levels.json,
 * compiled from data/hsk/hsk-levels.tsv by scripts/compile-hsk.mjs); an adapter reads it
 * and passes it in.
 */

export interface HskLevels {
  /** HSK 2.0 level, 1-6. */
  readonly hsk2?: number;
  /** HSK 3.0 level, 1-6, or 7 for the 7-9 band. */
  readonly hsk3?: number;
}

/** The compiled index: each form (Simplified and Traditional) -> hsk3 * 10 + hsk2, 0 meaning "not at that syllabus". */
export interface HskIndexData {
  readonly format: 1;
  readonly attribution: string;
  readonly words: Readonly<Record<string, number>>;
}

export const HSK_ATTRIBUTION =
  'HSK word lists from drkameleon/complete-hsk-vocabulary (commit 9a032f60), MIT licence, Copyright (c) 2026 Yanis Zafirópulos';

/** A problem in the source list: its 1-based line and what is wrong. */
export interface HskProblem {
  readonly line: number;
  readonly message: string;
}

const LEVEL = /^([no])([1-9])$/;

/**
 * Compiles data/hsk/hsk-levels.tsv (`simplified<TAB>traditional,forms<TAB>n1,o4`) into the
 * index. A form listed at several levels keeps the lowest of each syllabus (the level a
 * learner meets it first). Malformed lines are reported, never fatal.
 */
export function compileHskLevels(tsv: string): { data: HskIndexData; problems: HskProblem[] } {
  const hsk2 = new Map<string, number>();
  const hsk3 = new Map<string, number>();
  const problems: HskProblem[] = [];
  const lowest = (map: Map<string, number>, word: string, level: number) => {
    const old = map.get(word);
    if (old === undefined || level < old) map.set(word, level);
  };
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const [simplified = '', traditional = '', levels = ''] = line.split('\t');
    if (!simplified || !levels) {
      problems.push({ line: i + 1, message: 'expected simplified<TAB>traditional<TAB>levels' });
      return;
    }
    const forms = [simplified, ...traditional.split(',').filter(Boolean)];
    for (const level of levels.split(',')) {
      const m = LEVEL.exec(level.trim());
      if (!m) {
        problems.push({ line: i + 1, message: `unknown level "${level}"` });
        continue;
      }
      const n = Number(m[2]);
      if (m[1] === 'o' && n > 6) {
        problems.push({ line: i + 1, message: `HSK 2.0 has no level ${n}` });
        continue;
      }
      if (m[1] === 'n' && n > 7) {
        problems.push({ line: i + 1, message: `HSK 3.0 levels 7-9 are written n7` });
        continue;
      }
      for (const form of forms) lowest(m[1] === 'o' ? hsk2 : hsk3, form, n);
    }
  });
  const words: Record<string, number> = {};
  for (const word of [...new Set([...hsk2.keys(), ...hsk3.keys()])].sort()) words[word] = (hsk3.get(word) ?? 0) * 10 + (hsk2.get(word) ?? 0);
  return { data: { format: 1, attribution: HSK_ATTRIBUTION, words }, problems };
}

/** Looks words up in the compiled index. */
export class HskIndex {
  private readonly words: ReadonlyMap<string, number>;

  constructor(data: HskIndexData) {
    if (data.format !== 1) throw new Error(`unsupported HSK index format ${String((data as { format: unknown }).format)}`);
    this.words = new Map(Object.entries(data.words));
  }

  static fromJson(text: string): HskIndex {
    return new HskIndex(JSON.parse(text) as HskIndexData);
  }

  get size(): number {
    return this.words.size;
  }

  /** The word's levels (Simplified or Traditional form); `{}` when neither list has it. */
  levels(word: string): HskLevels {
    const code = this.words.get(word.trim());
    if (!code) return {};
    const hsk3 = Math.floor(code / 10);
    const hsk2 = code % 10;
    return { ...(hsk2 ? { hsk2 } : {}), ...(hsk3 ? { hsk3 } : {}) };
  }
}

/** `hskLevels(word)` over a compiled index. */
export function createHskLevels(data: HskIndexData): (word: string) => HskLevels {
  const index = new HskIndex(data);
  return (word) => index.levels(word);
}
