/**
 * Why a line got its label: the document model is linear in its context row, and the
 * line model's margins in that row are linear in the line's features, so the log-odds
 * of the label against "clean" split exactly into one contribution per feature (up to
 * the clipping of very large margins, which is scaled back in, and the pooled
 * log-sum-exp margins, which are split by their softmax shares). Contributions are
 * grouped into plain-words reasons: the n-grams as "wording typical of …" with the
 * strongest words, each named feature with its own words.
 */
import type { ScriptKind } from '../script/detect';
import { CONTEXT_FEATURES, describeContext, MARGIN_CLIP, MARGIN_SCALE, pooledMargin, POOLED_INFORMATION, POOLED_WARNING } from './context';
import { describeNamed, gramsOf, lineVector, NAMED_IDS } from './features';
import { LEXICON_REASON, type LexiconName } from './lexicon';
import { DOCUMENT_CLASSES, LINE_CLASS_COUNT, lineLogits, lineMargins, type LoadedModel } from './model';
import type { LineFeatures } from './signals';
import type { SpamLabel } from './types';

export interface Contribution {
  /** Feature id: a named line feature, a context feature, or `ngrams`. */
  readonly feature: string;
  /** What the feature means, in plain words. */
  readonly description: string;
  /** Contribution to the log-odds of the label against clean. */
  readonly value: number;
  /** The reason as a warning message shows it, when the feature speaks for the label. */
  readonly reason?: string;
  /** Words of the line behind the contribution (for "allow this term"). */
  readonly terms?: readonly string[];
}

const CLASS_WORDS: Readonly<Record<SpamLabel, string>> = {
  seo: 'keyword-stuffing lines',
  ad: 'advertisements',
  contact: 'contact solicitations',
  offtopic: 'lines from another topic',
  caption: 'photo captions',
  metadata: 'bylines and source lines',
  boilerplate: 'site boilerplate',
};

function quote(terms: readonly string[], max = 4): string {
  return terms.slice(0, max).join(', ') + (terms.length > max ? ', …' : '');
}

/** The reason a named feature gives, with the line's own details where it has them. */
function namedReason(id: string, f: LineFeatures): { reason: string; terms?: string[] } {
  if (id === 'repeat:prefix' || id === 'repeat:prefix4') {
    const r = f.repetition!;
    return { reason: `repeats ${r.unit} ×${r.count} joined by ${r.separator === ' ' ? 'spaces' : `'${r.separator}'`}`, terms: [r.unit] };
  }
  if (id === 'repeat:word') {
    const w = f.sharedWord!;
    return { reason: `the word ${w.word} in ${w.count} of ${w.segments} segments`, terms: [w.word] };
  }
  if (id === 'list:keywords') return { reason: `keyword list of ${f.segments} segments` };
  if (id === 'segments:4+' || id === 'segments:8+') return { reason: `${f.segments} segments joined by separators` };
  if (id.startsWith('contact:')) {
    const shown = f.contacts.map((c) => `${c.what} ${c.text}`);
    return shown.length > 0 && id !== 'contact:bare' ? { reason: `gives ${quote(shown, 3)}`, terms: f.contacts.map((c) => c.text) } : { reason: describeNamed(id) };
  }
  const lexicon = /^lex:([a-z]+)/.exec(id);
  if (lexicon) {
    const name = lexicon[1] as LexiconName;
    const terms = [...(f.terms[name] ?? [])];
    return { reason: `${LEXICON_REASON[name]} (${quote(terms)})`, terms };
  }
  if (id === 'latin:mixed') {
    const share = Math.round((100 * f.latin) / Math.max(1, f.latin + f.han));
    return { reason: `mixes Latin tokens into Chinese (${share}% of letters)` };
  }
  return { reason: describeNamed(id) };
}

function contextReason(id: string, documentScript: ScriptKind): string {
  // Both mismatch features give the same reason; the message names it once.
  if (id === 'mismatch' || id === 'mismatch×pitch') {
    return documentScript === 'traditional' ? 'Simplified line in a Traditional document' : 'Traditional line in a Simplified document';
  }
  return describeContext(id);
}

/** Each feature's contribution to `label` against clean for one line, largest first. */
export function explainVerdict(model: LoadedModel, f: LineFeatures, row: Float32Array, label: SpamLabel, documentScript: ScriptKind): Contribution[] {
  const k = DOCUMENT_CLASSES.length;
  const target = DOCUMENT_CLASSES.indexOf(label);
  const coefficient = (i: number) => model.context[i * k + target]! - model.context[i * k]!;
  const contributions: Contribution[] = [];
  // The line model's part: its margins enter the row clipped and scaled.
  const vector = lineVector(f);
  const margins = lineMargins(lineLogits(model, vector));
  const through = new Float64Array(LINE_CLASS_COUNT);
  for (let c = 1; c < LINE_CLASS_COUNT; c++) {
    const m = margins[c - 1]!;
    const clipped = Math.max(-MARGIN_CLIP, Math.min(MARGIN_CLIP, m));
    const scale = m === 0 ? 1 : clipped / m;
    through[c] = (coefficient(c - 1) * scale) / MARGIN_SCALE;
  }
  // The pooled margins (log-sum-exp) pass each class margin on with its softmax share:
  // their first-order split, exact when one class dominates, as it does for a flagged line.
  for (const [feature, from, to] of [[POOLED_WARNING, 0, 2], [POOLED_INFORMATION, 3, 5]] as const) {
    const pooled = pooledMargin(margins, from, to);
    const clipped = Math.max(-MARGIN_CLIP, Math.min(MARGIN_CLIP, pooled));
    const scale = pooled === 0 ? 1 : clipped / pooled;
    for (let i = from; i <= to; i++) through[i + 1] = through[i + 1]! + (coefficient(feature) * scale * Math.exp(margins[i]! - pooled)) / MARGIN_SCALE;
  }
  const lineWeight = (weights: Float32Array, at: number) => {
    let sum = 0;
    for (let c = 1; c < LINE_CLASS_COUNT; c++) sum += through[c]! * (weights[at + c]! - weights[at]!);
    return sum;
  };
  for (const j of vector.named) {
    const id = NAMED_IDS[j]!;
    const value = lineWeight(model.named, j * LINE_CLASS_COUNT);
    const { reason, terms } = namedReason(id, f);
    contributions.push({ feature: id, description: describeNamed(id), value, reason, terms });
  }
  // N-grams: one contribution for all of them, with the strongest words named.
  const byBucket = new Map<number, string>();
  for (const [text, bucket] of gramsOf(f.folded)) if (!byBucket.has(bucket)) byBucket.set(bucket, text);
  let gramTotal = 0;
  const words: [string, number][] = [];
  for (const bucket of vector.grams) {
    const value = vector.gramValue * lineWeight(model.grams, bucket * LINE_CLASS_COUNT);
    gramTotal += value;
    const text = byBucket.get(bucket) ?? '';
    if (value > 0 && text.length >= 2 && /[\p{Script=Han}a-z]/u.test(text) && !/\s/.test(text)) words.push([text, value]);
  }
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen: string[] = [];
  for (const [text] of words) {
    if (chosen.length >= 4) break;
    if (chosen.some((w) => w.includes(text) || text.includes(w))) continue;
    chosen.push(text);
  }
  if (vector.grams.length > 0) {
    contributions.push({
      feature: 'ngrams',
      description: `character n-grams of the line (${vector.grams.length})`,
      value: gramTotal,
      reason: `wording typical of ${CLASS_WORDS[label]}${chosen.length > 0 ? ` (${quote(chosen)})` : ''}`,
      terms: chosen.filter((w) => /\p{Script=Han}/u.test(w)),
    });
  }
  // The document's part.
  for (let i = 6; i < CONTEXT_FEATURES.length; i++) {
    if (row[i] === 0 || i === POOLED_WARNING || i === POOLED_INFORMATION) continue;
    const id = CONTEXT_FEATURES[i]!;
    contributions.push({ feature: id, description: describeContext(id), value: row[i]! * coefficient(i), reason: contextReason(id, documentScript) });
  }
  contributions.push({
    feature: 'bias',
    description: 'the model\'s prior for this label',
    value: model.contextBias[target]! - model.contextBias[0]! + lineBiasPart(model, through),
  });
  return contributions.sort((a, b) => b.value - a.value);
}

function lineBiasPart(model: LoadedModel, through: Float64Array): number {
  let sum = 0;
  for (let c = 1; c < LINE_CLASS_COUNT; c++) sum += through[c]! * (model.lineBias[c]! - model.lineBias[0]!);
  return sum;
}
