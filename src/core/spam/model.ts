/**
 * The learned spam model: two small linear (softmax) models whose weights
 * scripts/train-spam.mjs learns and writes to model.generated.ts.
 *
 * - The line model scores one line alone from its named features and hashed character
 *   n-grams, over LINE_CLASSES. Its margins (log-odds against "clean") are cached per line.
 * - The document model turns those margins plus the line's place in its document (script
 *   mismatch, shared vocabulary, position, neighbours; context.ts) into probabilities over
 *   DOCUMENT_CLASSES, including `offtopic`, which only the document can tell.
 *
 * Both are linear in their inputs, so every verdict splits exactly into per-feature
 * contributions (explain.ts). The weights are decoded on first use, never at activation.
 */
import { HASH_BITS, NAMED_COUNT, NAMED_IDS, type LineVector } from './features';
import { CONTEXT_FEATURES } from './context';
import { SPAM_MODEL } from './model.generated';

export const LINE_CLASSES = ['clean', 'seo', 'ad', 'contact', 'caption', 'metadata', 'boilerplate'] as const;
export const DOCUMENT_CLASSES = ['clean', 'seo', 'ad', 'contact', 'offtopic', 'caption', 'metadata', 'boilerplate'] as const;
export type LineClass = (typeof LINE_CLASSES)[number];
export type DocumentClass = (typeof DOCUMENT_CLASSES)[number];
export const LINE_CLASS_COUNT = LINE_CLASSES.length;
export const DOCUMENT_CLASS_COUNT = DOCUMENT_CLASSES.length;

/** The weights as the generated file stores them. */
export interface SpamModelData {
  readonly version: number;
  readonly hashBits: number;
  readonly lineClasses: readonly string[];
  readonly documentClasses: readonly string[];
  readonly named: readonly string[];
  /** NAMED_COUNT × LINE_CLASS_COUNT, feature-major. */
  readonly namedWeights: readonly number[];
  readonly lineBias: readonly number[];
  /** Per-class scale of the quantised n-gram weights. */
  readonly gramScale: readonly number[];
  /** Base64 of an Int8Array, 2^hashBits × LINE_CLASS_COUNT, bucket-major. */
  readonly grams: string;
  readonly contextFeatures: readonly string[];
  /** CONTEXT_FEATURES.length × DOCUMENT_CLASS_COUNT, feature-major. */
  readonly contextWeights: readonly number[];
  readonly contextBias: readonly number[];
}

/** Decoded weights, ready to score. */
export interface LoadedModel {
  readonly named: Float32Array;
  readonly lineBias: Float32Array;
  /** Dequantised n-gram weights, bucket-major. */
  readonly grams: Float32Array;
  readonly context: Float32Array;
  readonly contextBias: Float32Array;
}

function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lookup = new Uint8Array(128);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  let length = text.length;
  while (length > 0 && text[length - 1] === '=') length--;
  const clean = text.slice(0, length);
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | lookup[clean.charCodeAt(i)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Checks that the data fits this code's feature layout, and decodes it. */
export function loadModel(data: SpamModelData): LoadedModel {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (
    data.hashBits !== HASH_BITS ||
    !same(data.lineClasses, LINE_CLASSES) ||
    !same(data.documentClasses, DOCUMENT_CLASSES) ||
    !same(data.named, NAMED_IDS) ||
    !same(data.contextFeatures, CONTEXT_FEATURES) ||
    data.namedWeights.length !== NAMED_COUNT * LINE_CLASS_COUNT ||
    data.contextWeights.length !== CONTEXT_FEATURES.length * DOCUMENT_CLASS_COUNT
  ) {
    throw new Error('spam model: the weights do not match the feature layout; run npm run train:spam');
  }
  const bytes = decodeBase64(data.grams);
  if (bytes.length !== (1 << HASH_BITS) * LINE_CLASS_COUNT) throw new Error('spam model: n-gram weights have the wrong size');
  const grams = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const q = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
    grams[i] = q * data.gramScale[i % LINE_CLASS_COUNT]!;
  }
  return {
    named: Float32Array.from(data.namedWeights),
    lineBias: Float32Array.from(data.lineBias),
    grams,
    context: Float32Array.from(data.contextWeights),
    contextBias: Float32Array.from(data.contextBias),
  };
}

let shipped: LoadedModel | undefined;
let loads = 0;

/** The committed model, decoded on first use. */
export function shippedModel(): LoadedModel {
  if (!shipped) {
    shipped = loadModel(SPAM_MODEL);
    loads++;
  }
  return shipped;
}

/** How many times the committed weights were decoded (at most once per process). */
export function modelLoadCount(): number {
  return loads;
}

/** Line-model logits (LINE_CLASS_COUNT) of one line. */
export function lineLogits(model: LoadedModel, vector: LineVector, out = new Float32Array(LINE_CLASS_COUNT)): Float32Array {
  for (let c = 0; c < LINE_CLASS_COUNT; c++) out[c] = model.lineBias[c]!;
  for (const j of vector.named) for (let c = 0; c < LINE_CLASS_COUNT; c++) out[c] = out[c]! + model.named[j * LINE_CLASS_COUNT + c]!;
  const v = vector.gramValue;
  for (const b of vector.grams) {
    const at = b * LINE_CLASS_COUNT;
    for (let c = 0; c < LINE_CLASS_COUNT; c++) out[c] = out[c]! + v * model.grams[at + c]!;
  }
  return out;
}

/** Margins against "clean" of the other line classes (LINE_CLASS_COUNT - 1 values). */
export function lineMargins(logits: Float32Array): Float32Array {
  const margins = new Float32Array(LINE_CLASS_COUNT - 1);
  for (let c = 1; c < LINE_CLASS_COUNT; c++) margins[c - 1] = logits[c]! - logits[0]!;
  return margins;
}

/** Document-model probabilities (DOCUMENT_CLASS_COUNT) from a context row. */
export function documentProbabilities(model: LoadedModel, row: Float32Array, out = new Float64Array(DOCUMENT_CLASS_COUNT)): Float64Array {
  const k = DOCUMENT_CLASS_COUNT;
  for (let c = 0; c < k; c++) out[c] = model.contextBias[c]!;
  for (let i = 0; i < row.length; i++) {
    const x = row[i]!;
    if (x === 0) continue;
    for (let c = 0; c < k; c++) out[c] = out[c]! + x * model.context[i * k + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, out[c]!);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / sum;
  return out;
}
