/**
 * The learned scorer's verdict on a line the rule detectors left alone: the shipped
 * weights (model.generated.ts), decoded once on first use, turned into a probability,
 * a label and reasons in plain words from the largest contributions.
 */
import { warningCandidates, type Candidate, type LineContext } from './combine';
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

/**
 * The rule detectors' own reasons behind the rule:* features: the first two reasons of the
 * first qualified candidate of each label, and of the strongest unqualified one
 * (rule:weak), preferring those that not every candidate gives (the shared ones are about
 * the context, which the model's context features name).
 */
function ruleReasons(features: LineFeatures, context: LineContext, options: SpamOptions): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let weak: Candidate | undefined;
  const candidates = warningCandidates(features, context, options).filter((c) => c.label !== 'offtopic');
  // A reason every candidate gives is about the context, not the label's evidence.
  const common = candidates.length > 1 ? new Set(candidates[0]!.reasons.filter((r) => candidates.every((c) => c.reasons.includes(r)))) : new Set<string>();
  const own = (c: Candidate) => {
    const specific = c.reasons.filter((r) => !common.has(r));
    return (specific.length > 0 ? specific : c.reasons).slice(0, 2);
  };
  for (const c of candidates) {
    if (c.qualified) {
      if (!out.has(`rule:${c.label}`)) out.set(`rule:${c.label}`, own(c));
    } else if (!weak || c.points > weak.points) weak = c;
  }
  if (weak) out.set('rule:weak', own(weak));
  for (const [id, reasons] of out) if (reasons.length === 0) out.delete(id);
  return out;
}

/**
 * Adds `text` unless a reason says it already; a reason with its terms ("sales pitch
 * (清仓, 包邮)") replaces the bare feature name ("sales pitch").
 */
function addReason(reasons: string[], text: string): void {
  if (!text || reasons.some((r) => r === text || r.startsWith(`${text} (`))) return;
  const bare = reasons.findIndex((r) => text.startsWith(`${r} (`));
  if (bare >= 0) reasons[bare] = text;
  else reasons.push(text);
}

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
  const ruled = ruleReasons(features, context, options);
  const reasons: string[] = [];
  for (const c of parts) {
    if (reasons.length >= 3) break;
    // The rules' evidence as the rules word it (gambling terms (百家乐, 真人)), not as
    // "evidence of the rule detectors".
    const texts = ruled.get(c.id) ?? [t(c.template, c.args)];
    for (const text of texts) addReason(reasons, text);
  }
  reasons.length = Math.min(reasons.length, 3);
  // Cut to two decimals, not rounded: a probability of 0.996 reads 0.99, since no model is
  // certain and "1.00" would say it is.
  reasons.push(t(msg('learned model: spam probability {p}'), { p: (Math.floor(scored.probability * 100) / 100).toFixed(2) }));
  return { label, severity, score: Math.round(scored.probability * 100) / 100, reasons, terms: [] };
}
