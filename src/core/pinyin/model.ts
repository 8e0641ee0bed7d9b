/**
 * The per-character reading models: for each polyphone the training data holds, a linear
 * classifier over context features (context.ts), trained by scripts/train-pinyin.mjs
 * (an averaged perceptron) and shipped as data (data/pinyin/model.json, copied to
 * dist/pinyin-model.json at build). Pure: the data is parsed from a string or an object
 * an adapter has read.
 */

/** The model file's format. */
export interface PinyinModelData {
  readonly format: 1;
  /** What the weights were trained on, for the model card and `--version` style reports. */
  readonly trainedOn: string;
  /** Weights are stored as integers; divide by this scale. */
  readonly scale: number;
  /**
   * Per Simplified character: its readings, and per feature the weight for each reading
   * (same order), as integers.
   */
  readonly chars: Readonly<Record<string, { readonly readings: readonly string[]; readonly weights: Readonly<Record<string, readonly number[]>> }>>;
  /**
   * Readings the labelled data gives for a character of a dictionary word where they differ
   * from CC-CEDICT's (黄陂 huang2 bei1, not pi2) or where the dictionary leaves it open:
   * `"<Simplified word>@<code-point index>"` -> reading.
   */
  readonly overrides: Readonly<Record<string, string>>;
}

interface CharModel {
  readonly readings: readonly string[];
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

export class PinyinModel {
  private readonly models = new Map<string, CharModel>();
  private readonly overrides: ReadonlyMap<string, string>;

  constructor(data: PinyinModelData) {
    if (data.format !== 1) throw new Error(`unsupported pinyin model format ${String((data as { format: unknown }).format)}`);
    this.overrides = new Map(Object.entries(data.overrides ?? {}));
    for (const [char, m] of Object.entries(data.chars)) {
      this.models.set(char, { readings: m.readings, weights: new Map(Object.entries(m.weights)) });
    }
  }

  /** Parses the JSON text of a model file; throws with a clear message when it is not one. */
  static fromJson(text: string): PinyinModel {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new Error(`the pinyin model is not valid JSON (${(error as Error).message})`);
    }
    if (typeof data !== 'object' || data === null || !('chars' in data)) throw new Error('not a pinyin model file');
    return new PinyinModel(data as PinyinModelData);
  }

  /** The labelled data's reading of the character at code point `index` of the Simplified dictionary word `word`, if it has one. */
  override(word: string, index: number): string | undefined {
    return this.overrides.size > 0 ? this.overrides.get(`${word}@${index}`) : undefined;
  }

  /** Whether there is a model for `char` (Simplified). */
  has(char: string): boolean {
    return this.models.has(char);
  }

  get size(): number {
    return this.models.size;
  }

  /**
   * The best reading of `char` given its context features, among `allowed` when some of
   * the model's readings are allowed (the dictionary's candidates), else among all of
   * them; undefined when there is no model for `char`.
   */
  predict(char: string, features: readonly string[], allowed?: readonly string[]): string | undefined {
    const model = this.models.get(char);
    if (!model) return undefined;
    const { readings, weights } = model;
    const scores = new Array<number>(readings.length).fill(0);
    for (const f of features) {
      const w = weights.get(f);
      if (!w) continue;
      for (let k = 0; k < w.length; k++) scores[k]! += w[k]!;
    }
    const usable = allowed && readings.some((r) => allowed.includes(r)) ? allowed : undefined;
    let best = -1;
    for (let k = 0; k < readings.length; k++) {
      if (usable && !usable.includes(readings[k]!)) continue;
      if (best < 0 || scores[k]! > scores[best]!) best = k;
    }
    return best < 0 ? undefined : readings[best];
  }
}
