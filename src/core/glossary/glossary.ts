/**
 * Every glossary (files and inline entries) merged into one word source that ranks above
 * CC-CEDICT. Terms are indexed in both scripts: a missing other-script form is derived
 * with OpenCC.
 */
import type { DictEntry, WordSource } from '../dict/entry';
import type { GlossaryRow } from './parse';

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
  private readonly maxLength = new Map<number, number>();
  private readonly allTerms: string[] = [];
  private readonly forms: { traditional: string; simplified: string }[] = [];

  constructor(sources: readonly GlossarySource[], convert?: ScriptPair) {
    for (const { source, rows } of sources) {
      for (const row of rows) {
        const { traditional, simplified } = forms(row, convert);
        this.forms.push({ traditional, simplified });
        const entry: DictEntry = {
          traditional,
          simplified,
          pinyin: row.pinyin,
          definitions: row.english
            .split(/\s*;\s*/)
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
          this.maxLength.set(first, Math.max(this.maxLength.get(first) ?? 0, key.length));
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

  longestMatch(text: string, start: number): number {
    const max = Math.min(this.maxLength.get(text.charCodeAt(start)) ?? 0, text.length - start);
    for (let length = max; length > 0; length--) if (this.byTerm.has(text.substr(start, length))) return length;
    return 0;
  }
}

export const EMPTY_GLOSSARY = new Glossary([]);
