/**
 * Training the per-character models: a multi-class averaged perceptron per character,
 * deterministic (seeded shuffles, fixed epochs), run by scripts/train-pinyin.mjs. Kept
 * in core (pure) so that the unit tests can train on a toy set.
 *
 * Each character is trained `runs` times, each run on its own seeded order of the
 * examples, and the runs' averaged weights are averaged again: a perceptron's result
 * depends on the order it sees the examples in, and averaging over orders reduces that
 * variance (5-fold CV on CPP dev 97.15% against 97.09%: docs/pinyin-model.md). The average of
 * linear models is one linear model, so reading costs the same.
 */
import type { PinyinModelData } from './model';

/** One labelled position: the Simplified character, its context features, its reading. */
export interface Example {
  readonly char: string;
  readonly features: readonly string[];
  readonly label: string;
  /** How much the example counts (1 for hand-labelled data; less for auto-labelled). */
  readonly weight?: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  /** Training runs averaged per character, each with its own seeded example order. */
  readonly runs: number;
  /** Features seen in fewer examples of a character than this are dropped (model size). */
  readonly minCount: number;
  /** Integer scale of the stored weights. */
  readonly scale: number;
  readonly trainedOn: string;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 8, seed: 13, runs: 1, minCount: 2, scale: 100, trainedOn: '' };

/** mulberry32: a small seeded PRNG, so that a retrain gives the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Averaged {
  w: number[];
  /** Sum of updates weighted by the step they happened at, for the average. */
  u: number[];
}

/** One character's example, its features filtered, its reading as an index. */
interface Indexed {
  readonly features: readonly string[];
  readonly gold: number;
  readonly rate: number;
}

/** One run of the multi-class averaged perceptron over `examples` in orders drawn from `next`: feature -> averaged weights. */
function averagedPerceptron(examples: readonly Indexed[], classes: number, epochs: number, next: () => number): Map<string, number[]> {
  const params = new Map<string, Averaged>();
  const param = (f: string) => {
    let p = params.get(f);
    if (!p) params.set(f, (p = { w: new Array<number>(classes).fill(0), u: new Array<number>(classes).fill(0) }));
    return p;
  };
  const order = examples.map((_, i) => i);
  let step = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { features, gold, rate } = examples[n]!;
      const scores = new Array<number>(classes).fill(0);
      for (const f of features) {
        const p = params.get(f);
        if (p) for (let k = 0; k < classes; k++) scores[k]! += p.w[k]!;
      }
      let best = 0;
      for (let k = 1; k < classes; k++) if (scores[k]! > scores[best]!) best = k;
      // Ties count as errors, so that the first update happens even when all scores are 0.
      const tied = scores.some((s, k) => k !== gold && s >= scores[gold]!);
      if (best !== gold || tied) {
        const wrong = best !== gold ? best : scores.findIndex((s, k) => k !== gold && s >= scores[gold]!);
        for (const f of features) {
          const p = param(f);
          p.w[gold]! += rate;
          p.u[gold]! += rate * step;
          p.w[wrong]! -= rate;
          p.u[wrong]! -= rate * step;
        }
      }
      step++;
    }
  }
  // Averaged weight: w - u / step (the standard lazy-averaging identity).
  const out = new Map<string, number[]>();
  for (const [f, p] of params) out.set(f, p.w.map((w, k) => w - p.u[k]! / step));
  return out;
}

/** Trains one model per character that has at least two readings in `examples` (or one, kept so the model can answer). */
export function trainModels(examples: readonly Example[], options: Partial<TrainOptions> = {}): PinyinModelData {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const byChar = new Map<string, Example[]>();
  for (const e of examples) {
    const list = byChar.get(e.char);
    if (list) list.push(e);
    else byChar.set(e.char, [e]);
  }
  const chars: Record<string, { readings: string[]; weights: Record<string, number[]> }> = {};
  for (const char of [...byChar.keys()].sort()) {
    const list = byChar.get(char)!;
    const readings = [...new Set(list.map((e) => e.label))].sort();
    const counts = new Map<string, number>();
    for (const e of list) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const keep = (f: string) => f === 'b' || (counts.get(f) ?? 0) >= o.minCount;
    const examples = list.map((e) => ({ features: e.features.filter(keep), gold: readings.indexOf(e.label), rate: e.weight ?? 1 }));
    const sum = new Map<string, number[]>();
    for (let run = 0; run < o.runs; run++) {
      // A generator per character and run: retraining some characters gives the same weights for them.
      const next = random((o.seed + 1000 * run) ^ char.codePointAt(0)!);
      for (const [f, w] of averagedPerceptron(examples, readings.length, o.epochs, next)) {
        const s = sum.get(f);
        if (s) for (let k = 0; k < w.length; k++) s[k]! += w[k]!;
        else sum.set(f, [...w]);
      }
    }
    const weights: Record<string, number[]> = {};
    for (const f of [...sum.keys()].sort()) {
      // `|| 0`: no -0 in the weights, so that the model equals its JSON round trip.
      const averaged = sum.get(f)!.map((w) => Math.round((w / o.runs) * o.scale) || 0);
      if (averaged.some((w) => w !== 0)) weights[f] = averaged;
    }
    chars[char] = { readings, weights };
  }
  return { format: 1, trainedOn: o.trainedOn, scale: o.scale, chars, overrides: {} };
}

/** One labelled position inside a dictionary word: its override key, the dictionary's first reading, the label. */
export interface WordLabel {
  readonly key: string;
  readonly dictionary: string;
  readonly open: boolean;
  readonly label: string;
}

/**
 * The overrides: per word position, the labels' majority (ties to the alphabetically
 * first), kept where it differs from the dictionary's first reading or the position is open.
 */
export function learnOverrides(labels: readonly WordLabel[]): Record<string, string> {
  const counts = new Map<string, { dictionary: string; open: boolean; votes: Map<string, number> }>();
  for (const l of labels) {
    let c = counts.get(l.key);
    if (!c) counts.set(l.key, (c = { dictionary: l.dictionary, open: l.open, votes: new Map() }));
    c.votes.set(l.label, (c.votes.get(l.label) ?? 0) + 1);
  }
  const out: Record<string, string> = {};
  for (const key of [...counts.keys()].sort()) {
    const c = counts.get(key)!;
    const [best] = [...c.votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (best !== c.dictionary || c.open) out[key] = best;
  }
  return out;
}

/** A position of unlabelled text the dictionary leaves open: the character, its features, the dictionary's candidates. */
export interface OpenPosition {
  readonly char: string;
  readonly features: readonly string[];
  readonly candidates: readonly string[];
}

export interface SelfTrainingOptions {
  /** Least lead of the best allowed reading's score over the next one, in model units (before the integer scale). */
  readonly margin: number;
  /** At most this many pseudo-labels per character and reading, in the order of `positions`. */
  readonly capPerReading: number;
  /** The weight of a pseudo-labelled example. */
  readonly weight: number;
}

/**
 * Self-training: the open positions of unlabelled text that a first model reads with a
 * clear lead (at least `margin` over the runner-up among the dictionary's candidates),
 * labelled with that reading, for a second training. The auto-labels of dictionary words
 * only show the model characters inside words; these show it single characters and names,
 * the positions it is asked about (docs/pinyin-model.md measures the gain). A character's
 * pseudo-labels depend only on its own first model and positions, like its weights.
 */
export function pseudoLabels(data: PinyinModelData, positions: readonly OpenPosition[], o: SelfTrainingOptions): Example[] {
  const out: Example[] = [];
  const taken = new Map<string, number>();
  const margin = o.margin * data.scale;
  for (const p of positions) {
    const model = data.chars[p.char];
    if (!model) continue;
    let best = -1;
    let second = -1;
    const scores = model.readings.map(() => 0);
    for (const f of p.features) {
      const w = model.weights[f];
      if (w) for (let k = 0; k < w.length; k++) scores[k]! += w[k]!;
    }
    for (let k = 0; k < model.readings.length; k++) {
      if (!p.candidates.includes(model.readings[k]!)) continue;
      if (best < 0 || scores[k]! > scores[best]!) [best, second] = [k, best];
      else if (second < 0 || scores[k]! > scores[second]!) second = k;
    }
    if (second < 0 || scores[best]! - scores[second]! < margin) continue;
    const label = model.readings[best]!;
    const key = `${p.char}${label}`;
    const n = taken.get(key) ?? 0;
    if (n >= o.capPerReading) continue;
    taken.set(key, n + 1);
    out.push({ char: p.char, features: p.features, label, weight: o.weight });
  }
  return out;
}
