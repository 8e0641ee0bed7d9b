/**
 * Every glossary (files and inline entries) merged into one word source that ranks above
 * CC-CEDICT. Terms are indexed in both scripts: a missing other-script form is derived
 * with OpenCC.
 */
import type { DictEntry, WordSource } from '../dict/entry';
import { MAX_TERM_LENGTH, type GlossaryRow } from './parse';

export interface GlossarySource {
  /** Shown as `glossary:<source>`: a workspace-relative path, or `settings` for inline entries. */
  readonly source: string;
  readonly rows: readonly GlossaryRow[];
}

export interface ScriptPair {
  readonly toSimplified: (text: string) => string;
  readonly toTraditional: (text: string) => string;
}

/** Decides which form of a row is Traditional and which Simplified. */
function forms(row: GlossaryRow, convert: ScriptPair | undefined): { traditional: string; simplified: string } {
  const { term, other } = row;
  if (other) {
    // The form that t2s changes is the Traditional one; without a converter, trust the order.
    if (convert && convert.toSimplified(term) === term && convert.toSimplified(other) !== other)
      return { traditional: other, simplified: term };
    return { traditional: term, simplified: other };
  }
  if (!convert) return { traditional: term, simplified: term };
  const simplified = convert.toSimplified(term);
  if (simplified !== term) return { traditional: term, simplified };
  return { traditional: convert.toTraditional(term), simplified: term };
}

export class Glossary implements WordSource {
  private readonly byTerm = new Map<string, DictEntry[]>();
  /** Per first UTF-16 unit: the distinct lengths of the terms starting with it, longest first. */
  private readonly lengths = new Map<number, number[]>();
  private readonly allTerms: string[] = [];
  private readonly forms: { traditional: string; simplified: string }[] = [];

  constructor(sources: readonly GlossarySource[], convert?: ScriptPair) {
    for (const { source, rows } of sources) {
      for (const row of rows) {
        // Parsing refuses longer terms; rows built elsewhere are held to the same bound.
        if (row.term.length > MAX_TERM_LENGTH || row.other.length > MAX_TERM_LENGTH) continue;
        const { traditional, simplified } = forms(row, convert);
        this.forms.push({ traditional, simplified });
        const entry: DictEntry = {
          traditional,
          simplified,
          pinyin: row.pinyin,
          definitions: row.english
            // Split on the bare ';' and trim after: `\s*;\s*` backtracks quadratically on a
            // long run of spaces with no ';'.
            .split(';')
            .map((d) => d.trim())
            .filter(Boolean),
          classifiers: [],
          references: [],
          frequency: 0,
          source: `glossary:${source}`,
          ...(row.note ? { note: row.note } : {}),
          line: row.line + 1,
        };
        for (const key of new Set([traditional, simplified, row.term])) {
          const list = this.byTerm.get(key);
          if (list) list.push(entry);
          else {
            this.byTerm.set(key, [entry]);
            this.allTerms.push(key);
          }
          const first = key.charCodeAt(0);
          const lengths = this.lengths.get(first) ?? [];
          if (!lengths.includes(key.length)) {
            lengths.push(key.length);
            lengths.sort((a, b) => b - a);
          }
          this.lengths.set(first, lengths);
        }
      }
    }
  }

  get size(): number {
    return this.byTerm.size;
  }

  /** Every term, in both scripts. */
  terms(): readonly string[] {
    return this.allTerms;
  }

  /** Every entry's Traditional and Simplified form, for conversions that keep the glossary's forms. */
  termForms(): readonly { readonly traditional: string; readonly simplified: string }[] {
    return this.forms;
  }

  lookup(word: string): readonly DictEntry[] {
    return this.byTerm.get(word) ?? [];
  }

  /** UTF-16 units compared by `longestMatch` so far: the scaling tests count work with it. */
  work = 0;

  /**
   * The length of the longest term at `start`, or 0. Only the lengths some term starting
   * with that character has are tried, each at most MAX_TERM_LENGTH units: a lookup costs
   * the same on a line of any length.
   */
  longestMatch(text: string, start: number): number {
    const room = text.length - start;
    for (const length of this.lengths.get(text.charCodeAt(start)) ?? []) {
      if (length > room) continue;
      this.work += length;
      if (this.byTerm.has(text.substr(start, length))) return length;
    }
    return 0;
  }
}

export const EMPTY_GLOSSARY = new Glossary([]);
