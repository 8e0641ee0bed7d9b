/**
 * The learned scorer's verdict on a line the rule detectors left alone: the shipped
 * weights (model.generated.ts), decoded once on first use, turned into a probability,
 * a label and reasons in plain words from the largest contributions.
 */
import type { LineContext } from './combine';
import { contributions, documentLeavesOpen, learnedMaySpeak, loadModel, marginOf, probabilityOf, vectorOf, type Contribution, type LoadedModel } from './learned';
import { SPAM_MODEL } from './model.generated';
import type { SpamOptions } from './options';
import type { LineFeatures } from './signals';
import { english, msg } from '../text/messages';
import type { SpamLabel, SpamVerdict } from './types';

let shipped: LoadedModel | undefined;
let override: LoadedModel | null | undefined;

/** The model in use: the shipped weights, decoded on first call. */
export function spamModel(): LoadedModel | undefined {
  if (override !== undefined) return override ?? undefined;
  shipped ??= loadModel(SPAM_MODEL);
  return shipped;
}

/**
 * For evaluation scripts only: score with `model` instead of the shipped weights
 * (a model trained without one source), or with none (`null`: rules alone); `undefined`
 * restores the shipped weights.
 */
export function useSpamModel(model: LoadedModel | null | undefined): void {
  override = model;
}

/** Features that point at each warning label, for naming a learned verdict. */
const CONTACT_IDS = new Set(['contact:im', 'contact:phone', 'contact:url', 'contact:id-token', 'contact:app-nickname', 'contact:spaced-digits', 'contact:masked', 'rule:contact']);
// A bare keyword-list shape (short clauses, no full stop) is as typical of an ad as of SEO, so it does not name the label alone.
const SEO_IDS = new Set(['shared-substring', 'segments:8+', 'hashtags', 'rule:seo']);

/** The learned verdict with every contribution, or undefined below the sensitivity's threshold. */
export function learnedScore(
  features: LineFeatures,
  context: LineContext,
  options: SpamOptions,
): { probability: number; threshold: number; maySpeak: boolean; contributions: () => Contribution[] } | undefined {
  const model = spamModel();
  if (!model) return undefined;
  const vector = vectorOf(features, context, options);
  const probability = probabilityOf(model, marginOf(model, vector));
  return {
    probability,
    threshold: model.thresholds[options.sensitivity],
    maySpeak: learnedMaySpeak(vector),
    contributions: () => contributions(model, vector, features.folded),
  };
}

/** A warning from the learned model, or undefined when its probability is below the threshold. */
export function learnedVerdict(features: LineFeatures, context: LineContext, options: SpamOptions): SpamVerdict | undefined {
  if (features.blank || features.han + features.latin < 4 || !documentLeavesOpen(features, context)) return undefined;
  const scored = learnedScore(features, context, options);
  if (!scored || !scored.maySpeak || scored.probability < scored.threshold) return undefined;
  const parts = scored.contributions().filter((c) => c.value > 0 && c.id !== 'bias');
  const on = new Set(parts.map((c) => c.id));
  const label: SpamLabel = [...CONTACT_IDS].some((id) => on.has(id)) ? 'contact' : [...SEO_IDS].some((id) => on.has(id)) ? 'seo' : 'ad';
  const severity = options.severity[label];
  if (severity === 'off') return undefined;
  const t = options.translate ?? english;
  const reasons = parts.slice(0, 3).map((c) => t(c.template, c.args));
  reasons.push(t(msg('learned model: spam probability {p}'), { p: scored.probability.toFixed(2) }));
  return { label, severity, score: Math.round(scored.probability * 100) / 100, reasons, terms: [] };
}
