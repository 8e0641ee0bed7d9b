/**
 * The combiner: turns a line's signals and its place in the document into a verdict.
 * Every warning label adds up evidence points, each with a reason in plain words; a
 * label warns when its points reach the sensitivity's threshold AND its own required
 * kind of evidence is present (a repeated keyword for seo, a solicitation pattern for
 * contact...). A lexicon hit alone never reaches the threshold: big word lists flag
 * ordinary news, so they only ever add to other evidence.
 */
import type { ScriptKind } from '../script/detect';
import { english, type Translate } from '../text/messages';
import { LEXICON_REASON, VICE_LEXICONS, type LexiconName } from './lexicon';
import { OFFTOPIC_THRESHOLD, WARNING_THRESHOLD, type SpamOptions } from './options';
import type { LineFeatures } from './signals';
import { offTopicScore, type TopicOverlap } from './topic';
import { DEFAULT_LABEL_SEVERITY, type SpamLabel, type SpamVerdict } from './types';

/**
 * A price or a share (5元, 1.5万, 30%). It may start only where a run of digits starts: an
 * unanchored `\d+…` would be retried at every digit of a long run with no unit after it,
 * which is quadratic.
 */
const MONEY = /(?<![\d.])\d+(?:\.\d+)?\s*(?:元|%|万|块)/;

export interface LineContext {
  /** The document's script, from all of its lines. */
  readonly documentScript: ScriptKind;
  /** How much of the line's vocabulary the rest of the document shares; undefined when too little to tell. */
  readonly topic: TopicOverlap | undefined;
  /** The first non-blank line: a title is short, unpunctuated and often unique. */
  readonly isTitle: boolean;
  /**
   * False in a loosely connected document (several paragraphs would be off-topic: a
   * digest, a chapter that changes scene), in narrative (many dialogue lines), and for an
   * item of the document's own numbered list: then no paragraph is singled out, and
   * sharing no vocabulary is no evidence for the other labels.
   */
  readonly offTopicAllowed?: boolean;
  /** An item of the document's own numbered list ((三) after (一) and (二)). */
  readonly listItem?: boolean;
  /** The allow and deny terms, folded. */
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

/** A candidate label with its evidence, before severities and thresholds. */
export interface Candidate {
  readonly label: SpamLabel;
  readonly points: number;
  readonly reasons: string[];
  readonly terms: string[];
  /** The label's own required evidence is present. */
  readonly qualified: boolean;
}

/** Promotion terms that also occur in plain reporting count for less. */
const WEAK_PROMO = new Set([
  '专业', '优惠', '长期', '当天', '保密', '首选', '极速', '领取', '我公司', '本公司', '我司', '免费', '会员', '限时',
  '特价', '促销', '折扣', '为您提供', '仅需', '只需',
]);
/**
 * Distinct content bigrams a line needs before it can be called off-topic: shorter
 * lines (a sentence of dialogue, a heading) share nothing with their document by chance.
 */
const MIN_PARAGRAPH_BIGRAMS = 20;
/** Share of Latin letters, among letters and Han characters, that makes a line "mixed". */
const LATIN_MIX = 0.15;
const MIN_PITCH_BIGRAMS = 12;
const STRONG_SOLICIT = new Set(['永久域名', '请牢记', '复制到浏览器', '最新地址', '更多精彩请访问', '官方网址', '加qq', '加微', '微信同号', '备注']);

function quote(terms: readonly string[], max = 4): string {
  return terms.slice(0, max).join(', ') + (terms.length > max ? ', …' : '');
}

/**
 * The line is written in the other script than its document: at least two of its
 * characters are the other script's. The rules' mismatch evidence and the learned model's
 * context:mismatch feature both ask this.
 */
export function inOtherScript(features: LineFeatures, documentScript: ScriptKind): boolean {
  if (documentScript !== 'traditional' && documentScript !== 'simplified') return false;
  const opposing = documentScript === 'traditional' ? features.simplified : features.traditional;
  return opposing >= 2 && features.script !== documentScript;
}

function scriptMismatch(features: LineFeatures, documentScript: ScriptKind, t: Translate): string | undefined {
  if (!inOtherScript(features, documentScript)) return undefined;
  return documentScript === 'traditional' ? t('Simplified line in a Traditional document') : t('Traditional line in a Simplified document');
}

/** Crackdown or warning wording (打击, 依法, 警惕, 诈骗…): the line reports on a vice or a scam. */
function reportsOnVice(features: LineFeatures): boolean {
  return (features.terms.enforcement?.length ?? 0) > 0;
}

function termsOf(features: LineFeatures, names: readonly LexiconName[]): { name: LexiconName; terms: readonly string[] }[] {
  return names.flatMap((name) => (features.terms[name] ? [{ name, terms: features.terms[name] }] : []));
}

/** Builds the evidence for each warning label. */
export function warningCandidates(features: LineFeatures, context: LineContext, options: SpamOptions): Candidate[] {
  const candidates: Candidate[] = [];
  const t = options.translate ?? english;
  const mismatch = scriptMismatch(features, context.documentScript, t);
  const offTopic = context.topic && features.bigrams.length >= 4 ? offTopicScore(context.topic) : undefined;
  // The off-topic label itself counts shared everyday words (投资, 公司) at half weight.
  const foreign = context.topic && features.bigrams.length >= 4 ? offTopicScore(context.topic, true) : undefined;
  // Where paragraphs may not be singled out by vocabulary (narrative, the document's own
  // numbered items), sharing none is no evidence for the other labels either.
  const unrelated = offTopic !== undefined && offTopic <= 0.2 && context.offTopicAllowed !== false;
  const vice = termsOf(features, VICE_LEXICONS);
  const viceTerms = vice.flatMap((v) => v.terms);
  const seoTerms = termsOf(features, ['download', 'streaming']);
  const promo = features.terms.promo ?? [];
  const strongPromo = promo.filter((t) => !WEAK_PROMO.has(t));
  const solicit = features.terms.solicit ?? [];
  // Crackdown or warning wording (打击, 依法, 警惕…): the line reports on a vice. Only
  // promotion wording or an exclamation can then make it a pitch, not being foreign to
  // the document (a work report's paragraph on 网贷 shares little with its other topics).
  const reporting = reportsOnVice(features);
  const shared = (reasons: string[]): number => {
    let points = 0;
    if (mismatch) {
      points += 0.5;
      reasons.push(mismatch);
    }
    if (unrelated) {
      points += 0.5;
      reasons.push(sharesVocabulary(offTopic, t));
    }
    return points;
  };
  const lexiconReasons = (groups: { name: LexiconName; terms: readonly string[] }[]) =>
    groups.map((g) => t('{what} ({terms})', { what: t(LEXICON_REASON[g.name]), terms: quote(g.terms) }));

  // seo: one keyword repeated with suffixes, or a bare list of spam keywords.
  if (features.han >= 4) {
    const reasons: string[] = [];
    let points = 0;
    const repetition = features.repetition;
    if (repetition) {
      points += 1;
      reasons.push(
        repetition.separator === ' '
          ? t('repeats {unit} ×{count} joined by spaces', { unit: repetition.unit, count: repetition.count })
          : t("repeats {unit} ×{count} joined by '{separator}'", { unit: repetition.unit, count: repetition.count, separator: repetition.separator }),
      );
    }
    const listLike = features.segments >= 4 && features.averageSegment <= 10 && !features.hasSentence;
    if (listLike && !repetition) {
      points += 0.5;
      reasons.push(t('a bare list of {count} keywords', { count: features.segments }));
    }
    const hits = [...seoTerms, ...vice];
    const hitCount = hits.reduce((n, g) => n + g.terms.length, 0);
    points += Math.min(1, 0.5 * hitCount);
    reasons.push(...lexiconReasons(hits));
    if (!features.sentenceEnd) points += 0.25;
    // Stuffed titles mix Latin tokens (app, ios, txt, v1.2.3, pinyin initials) into Han text.
    const latinShare = features.latin / Math.max(1, features.latin + features.han);
    if (latinShare >= LATIN_MIX && latinShare <= 1 - LATIN_MIX) {
      points += 0.25;
      reasons.push(t('mixes Latin tokens into Chinese ({percent}% of letters)', { percent: Math.round(latinShare * 100) }));
    }
    points += shared(reasons);
    const qualified = (repetition !== undefined && hitCount > 0) || (listLike && viceTerms.length + (features.terms.streaming?.length ?? 0) >= 2);
    // A bare keyword list is stuffing even when its keywords are ads'.
    if (qualified && listLike) points += 0.5;
    candidates.push({
      label: 'seo',
      points,
      reasons,
      terms: repetition ? [repetition.unit] : hits.flatMap((g) => g.terms),
      qualified,
    });
  }

  // ad: a pitch for gambling, porn, loans, fake invoices, cures and the like.
  if (features.han >= 6) {
    const reasons: string[] = [];
    let points = Math.min(1.5, 0.75 * viceTerms.length);
    reasons.push(...lexiconReasons(vice));
    const promoPoints = Math.min(1.5, 0.75 * strongPromo.length + 0.25 * (promo.length - strongPromo.length));
    points += promoPoints;
    if (promo.length > 0) reasons.push(t('sales pitch ({terms})', { terms: quote(promo) }));
    const money = MONEY.test(features.folded);
    if (money && (viceTerms.length > 0 || promo.length > 0)) {
      points += 0.25;
      reasons.push(t('quotes prices or rates'));
    }
    const exclaims = /!/.test(features.folded);
    if (exclaims) points += 0.25;
    // The opt-out a commercial text message must end with: whatever it sells, it is an
    // advertisement (the SMS corpora file many such brand promotions as ham, so the learned
    // model cannot be left to find it; docs/spam-model.md).
    const optOut = features.optOut && !reporting;
    if (optOut) {
      points += 2;
      reasons.push(t('ends with an opt-out instruction, as commercial text messages do'));
    }
    // A reply code to sign up (回复1了解, 回覆Y即可办理) is the same kind of tell, a little weaker.
    const replyToAct = features.replyToAct && !reporting;
    if (replyToAct) {
      points += 1.5;
      reasons.push(t('asks for a reply code to sign up or order (回复1了解), as commercial text messages do'));
    }
    points += shared(reasons);
    // Reporting on gambling or loans names the vice but does not pitch it: a pitch
    // needs promotion wording, an exclamation, or a line foreign to the document.
    const pitched = promo.length > 0 || exclaims || (!reporting && (mismatch !== undefined || unrelated));
    const qualified = (viceTerms.length > 0 && pitched) || strongPromo.length >= 2 || (promo.length >= 3 && exclaims) || optOut || replyToAct;
    candidates.push({ label: 'ad', points, reasons, terms: [...viceTerms, ...strongPromo], qualified });
  }

  // contact: a phone, IM or URL together with a call to use it.
  if (features.contacts.length > 0) {
    const reasons: string[] = [];
    let points = 0;
    const kinds = new Set(features.contacts.map((c) => c.kind));
    if (kinds.has('im')) points += 1.25;
    if (kinds.has('phone')) points += 1;
    if (kinds.has('url')) points += 0.75;
    if (kinds.size > 1 || features.contacts.length > 1) points += 0.5;
    reasons.push(t('gives {contacts}', { contacts: quote(features.contacts.map((c) => `${t(c.what)} ${c.text}`), 3) }));
    // A QQ number split into groups or named by a homophone (企鹅, 口) is written that way only
    // to get past a filter.
    if (features.contacts.some((c) => c.disguised)) {
      points += 0.75;
      reasons.push(t('written to get past filters (digits split into groups, or the app named by a homophone)'));
    }
    const strong = solicit.filter((t) => STRONG_SOLICIT.has(t));
    points += Math.min(1, 0.75 * strong.length + 0.25 * (solicit.length - strong.length));
    if (solicit.length > 0) reasons.push(t('asks the reader to make contact ({terms})', { terms: quote(solicit) }));
    // A phishing message's alarm and instruction: the contact is how the reader is to pay,
    // verify or claim. Reports that quote one are left out by the signal itself (收到…切勿);
    // the crackdown wording of `reporting` is also how phishing threatens (涉嫌违规).
    if (features.phishing) {
      points += 1.5;
      reasons.push(t('an urgent request about an account, bill, parcel or prize ({terms}), as phishing messages make', { terms: quote([features.phishing.trouble, features.phishing.action]) }));
    }
    const pitch = [...viceTerms, ...strongPromo];
    const downloadTerms = features.terms.download ?? [];
    // Download wording next to a link is also how honest pages point at an app.
    if (pitch.length > 0 || downloadTerms.length > 0) {
      points += pitch.length > 0 ? 0.75 : 0.5;
      reasons.push(t('alongside a pitch ({terms})', { terms: quote([...pitch, ...downloadTerms]) }));
    }
    // Words left once the contact details are removed: Han characters count one each,
    // Latin words two each, so an English sentence around a URL is not "little else".
    const rest = features.contacts.reduce((text, c) => text.replace(c.text, ' '), features.text);
    const restWords = (rest.match(/\p{Script=Han}/gu)?.length ?? 0) + 2 * (rest.match(/[A-Za-z]{2,}/g)?.length ?? 0);
    if (restWords < 15) {
      points += 0.5;
      reasons.push(t('little else on the line'));
    }
    points += shared(reasons);
    candidates.push({ label: 'contact', points, reasons, terms: features.contacts.map((c) => c.text), qualified: true });
  }

  // offtopic: a well-formed paragraph that shares (almost) no vocabulary with the document.
  const information = hasInformationWording(features);
  const exclaims = /!/.test(features.folded);
  const candidatePitch = [...(reporting ? [] : viceTerms), ...strongPromo, ...(exclaims ? promo.filter((t) => WEAK_PROMO.has(t)) : [])];
  // One vice word in a foreign line is how fiction and features set a scene (a casino's
  // slot machines); a pitch names more, or sells, prices or exclaims.
  const money = MONEY.test(features.folded);
  const pitch = candidatePitch.length >= 2 || promo.length > 0 || exclaims || money ? candidatePitch : [];
  // A pitch is a second signal, so a shorter line will do.
  const minBigrams = pitch.length > 0 ? MIN_PITCH_BIGRAMS : MIN_PARAGRAPH_BIGRAMS;
  if (offTopic !== undefined && !context.isTitle && !information && features.bigrams.length >= minBigrams && features.hasSentence) {
    const threshold = OFFTOPIC_THRESHOLD[options.sensitivity];
    if (offTopic <= threshold && pitch.length > 0) {
      // A foreign line that pitches something is an advertisement.
      const pitchPromo = pitch.filter((t) => !viceTerms.includes(t));
      const reasons = [sharesVocabulary(offTopic, t), ...lexiconReasons(vice)];
      if (pitchPromo.length > 0) reasons.push(t('sales pitch ({terms})', { terms: quote(pitchPromo) }));
      if (exclaims) reasons.push(t('exclamations'));
      candidates.push({ label: 'ad', points: WARNING_THRESHOLD[options.sensitivity] + (1 - offTopic / threshold), reasons, terms: pitch, qualified: true });
    } else if (foreign! <= threshold && context.offTopicAllowed !== false) {
      const reasons = [offTopicReason(context.topic!, t)];
      candidates.push({
        label: 'offtopic',
        points: WARNING_THRESHOLD[options.sensitivity] + (1 - foreign! / threshold),
        reasons,
        terms: [],
        qualified: true,
      });
    }
  }
  return candidates;
}

/** Why a paragraph is foreign, in plain words: how much it shares, and how much of that is everyday words. */
function offTopicReason(topic: TopicOverlap, t: Translate): string {
  if (topic.shared === 0) return t('shares no vocabulary with the rest of the document');
  const percent = Math.round((topic.shared * 100) / topic.total);
  const common = topic.common ?? 0;
  if (common === 0) return t('shares little vocabulary with the rest of the document ({percent}% of its word pairs)', { percent });
  const words = topic.commonWords?.() ?? [];
  const terms = quote(words);
  if (common === topic.shared) {
    return words.length > 0
      ? t('shares little vocabulary with the rest of the document ({percent}% of its word pairs, all of them everyday words ({terms}) that count half)', { percent, terms })
      : t('shares little vocabulary with the rest of the document ({percent}% of its word pairs, all of them everyday words that count half)', { percent });
  }
  return words.length > 0
    ? t('shares little vocabulary with the rest of the document ({percent}% of its word pairs, {common} of them everyday words ({terms}) that count half)', { percent, common, terms })
    : t('shares little vocabulary with the rest of the document ({percent}% of its word pairs, {common} of them everyday words that count half)', { percent, common });
}

/** The evidence of a line that shares (almost) nothing with its document, for the other labels. */
function sharesVocabulary(offTopic: number, t: Translate): string {
  return offTopic === 0 ? t('shares no vocabulary with the rest of the document') : t('shares little vocabulary with the rest of the document');
}

function hasInformationWording(features: LineFeatures): boolean {
  return features.boilerplate !== undefined || features.caption !== undefined || features.metadata !== undefined;
}

/**
 * A paragraph whose vocabulary can be compared with its document: long enough, with
 * sentence punctuation, and not a caption, byline or boilerplate (those share little by nature).
 */
export function isComparableParagraph(features: LineFeatures): boolean {
  return !features.blank && features.bigrams.length >= MIN_PARAGRAPH_BIGRAMS && features.hasSentence && !hasInformationWording(features);
}

/** Information labels: caption, metadata, boilerplate, from their wording. */
export function informationCandidate(features: LineFeatures, t: Translate = english): Candidate | undefined {
  // The signals' reasons are msg() templates: translated here, the wording's terms filled in.
  const terms = (features.terms.boilerplate ?? []).join(', ');
  if (features.boilerplate) return { label: 'boilerplate', points: 1, reasons: [t(features.boilerplate, { terms })], terms: [], qualified: true };
  if (features.caption) return { label: 'caption', points: 1, reasons: [t(features.caption)], terms: [], qualified: true };
  if (features.metadata) return { label: 'metadata', points: 1, reasons: [t(features.metadata)], terms: [], qualified: true };
  return undefined;
}

/** Maps points to a 0..1 score: the threshold lands on 0.5. */
function scoreOf(points: number, threshold: number): number {
  return Math.round(Math.min(1, points / (2 * threshold)) * 100) / 100;
}

/**
 * The verdict on one line, or undefined when it is content (or its label is turned off).
 * `nearWarning` says a neighbouring line is a warning: a line with almost enough
 * evidence next to a flagged one is flagged too (the smoothing jusText does).
 */
export function combine(
  features: LineFeatures,
  context: LineContext,
  options: SpamOptions,
  nearWarning = false,
): SpamVerdict | undefined {
  if (features.blank) return undefined;
  const t = options.translate ?? english;
  if (context.allow.some((term) => features.folded.includes(term))) return undefined;
  const threshold = WARNING_THRESHOLD[options.sensitivity];
  const denied = context.deny.filter((term) => features.folded.includes(term));
  const candidates = warningCandidates(features, context, options)
    .filter((c) => c.qualified && options.severity[c.label] !== 'off')
    .sort((a, b) => b.points - a.points);
  const best = candidates[0];
  // Not for a line that reports on a vice or a scam: an anti-fraud article's advice
  // (撥打165反詐騙專線, 至官方網站查詢) may sit right next to a scam pasted into it.
  const smoothing = nearWarning && !reportsOnVice(features) ? 0.5 : 0;
  if (best && best.points + smoothing >= threshold) {
    const reasons = best.points >= threshold ? best.reasons : [...best.reasons, t('next to other flagged lines')];
    return verdict(best.label, scoreOf(best.points + smoothing, threshold), reasons, best.terms, options);
  }
  if (denied.length > 0 && options.severity.ad !== 'off') {
    const reason = denied.length === 1 ? t('contains deny-listed term {terms}', { terms: quote(denied) }) : t('contains deny-listed terms {terms}', { terms: quote(denied) });
    return verdict('ad', 1, [reason], denied, options);
  }
  const info = informationCandidate(features, t);
  if (info && options.severity[info.label] !== 'off') return verdict(info.label, 0.5, info.reasons, [], options);
  return undefined;
}

function verdict(label: SpamLabel, score: number, reasons: string[], terms: string[], options: SpamOptions): SpamVerdict | undefined {
  const severity = options.severity[label] ?? DEFAULT_LABEL_SEVERITY[label];
  if (severity === 'off') return undefined;
  return { label, severity, score, reasons, terms: [...new Set(terms)] };
}
