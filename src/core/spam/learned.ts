/**
 * The learned part of the spam scorer: a logistic regression over named, explainable
 * features of a line and its document plus hashed character n-grams (1 to 3) of the line
 * folded to one script. The rule detectors' evidence (combine.ts) is among its inputs, so
 * what the rules know is a feature whose weight is learned, and the n-grams add the
 * vocabulary that no term list names. The weights come from scripts/train-spam.mjs and
 * live in model.generated.ts; they are decoded on first use, never at activation.
 *
 * Linear in its inputs, so every probability splits exactly into per-feature
 * contributions: the explanation names the largest ones.
 */
import type { ScriptKind } from '../script/detect';
import { inOtherScript, warningCandidates, type LineContext } from './combine';
import { LEXICON_REASON, type LexiconName } from './lexicon';
import { DEFAULT_SPAM_OPTIONS, type SpamOptions } from './options';
import type { LineFeatures } from './signals';
import { offTopicScore } from './topic';
import { fillTemplate, msg, type MessageArgs } from '../text/messages';

/** Named features in weight order: id and what it says about the line, in plain words. */
export const NAMED_FEATURES: readonly (readonly [string, string])[] = [
  ['bias', msg('baseline')],
  ['rule:seo', msg('keyword-stuffing evidence of the rule detectors')],
  ['rule:ad', msg('advertising evidence of the rule detectors')],
  ['rule:contact', msg('contact-solicitation evidence of the rule detectors')],
  ['rule:weak', msg('partial evidence of the rule detectors')],
  ['info:wording', msg('worded like a caption, byline or site boilerplate')],
  ['han:0-4', msg('very short')],
  ['han:5-12', msg('short')],
  ['han:13-30', msg('13–30 Han characters')],
  ['han:31-80', msg('31–80 Han characters')],
  ['han:81+', msg('a long paragraph')],
  ['latin:mixed', msg('mixes Latin tokens into Chinese')],
  ['latin:mostly', msg('mostly Latin letters')],
  ['sentence:end', msg('ends like a sentence')],
  ['sentence:none', msg('no sentence punctuation')],
  ['exclaim', msg('exclamations')],
  ['segments:4+', msg('cut into 4 or more short segments')],
  ['segments:8+', msg('cut into 8 or more segments')],
  ['keyword-list', msg('a keyword list (short segments, no sentence punctuation)')],
  ['shared-substring', msg('its segments share sub-strings')],
  ['hashtags', msg('hashtags')],
  ['contact:im', msg('gives a messenger ID')],
  ['contact:phone', msg('gives a phone number')],
  ['contact:url', msg('gives a URL or domain')],
  ['contact:id-token', msg('holds an ID-like token of letters and digits')],
  ['contact:app-nickname', msg('names a messenger by a nickname (薇, 企鹅, 纸飞机…)')],
  ['contact:fullwidth', msg('writes letters or digits full-width')],
  ['contact:spaced-digits', msg('spaces out its digits')],
  ['contact:masked', msg('masks digits (x, *)')],
  ['contact:decorated', msg('uses decorated letters that dodge filters')],
  ['digits:5+', msg('a run of 5 or more digits')],
  ['money', msg('quotes prices or rates')],
  ['emoji', msg('emoji or pictographs')],
  ['dialogue', msg('opens with a quotation mark')],
  ['list-marker', msg('opens with a list number')],
  ['context:mismatch', msg('written in the other script than its document')],
  ['context:unrelated', msg('shares little vocabulary with the rest of the document')],
  ['context:no-overlap', msg('shares no vocabulary with the rest of the document')],
  ['context:uncompared', msg('too short to compare with the document')],
  ['context:title', msg('the document title')],
  ['context:narrative', msg('in narrative (many lines of dialogue)')],
  ['context:list-item', msg('an item of the document’s own numbered list')],
  ['lex:download', LEXICON_REASON.download],
  ['lex:streaming', LEXICON_REASON.streaming],
  ['lex:gambling', LEXICON_REASON.gambling],
  ['lex:porn', LEXICON_REASON.porn],
  ['lex:loan', LEXICON_REASON.loan],
  ['lex:invoice', LEXICON_REASON.invoice],
  ['lex:quackery', LEXICON_REASON.quackery],
  ['lex:shady', LEXICON_REASON.shady],
  ['lex:promo', LEXICON_REASON.promo],
  ['lex:solicit', LEXICON_REASON.solicit],
  ['lex:enforcement', LEXICON_REASON.enforcement],
];
export const NAMED_COUNT = NAMED_FEATURES.length;
const INDEX = new Map(NAMED_FEATURES.map(([id], i) => [id, i]));
const LEX_NAMES: readonly LexiconName[] = ['download', 'streaming', 'gambling', 'porn', 'loan', 'invoice', 'quackery', 'shady', 'promo', 'solicit', 'enforcement'];

/** Bits of the n-gram hash table. */
export const HASH_BITS = 18;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** n-gram positions considered per line: a line longer than a paragraph adds nothing. */
const MAX_GRAM_UNITS = 400;

/** Chance-corrected vocabulary overlap at or below which a line is unrelated to its document (combine.ts uses the same). */
const UNRELATED_SCORE = 0.2;

/**
 * Content bigrams a line needs before sharing none of them with its document says
 * anything: a heading of four or five (必备原料和工具) shares none by chance.
 */
const MIN_COMPARE_BIGRAMS = 8;

/** n-gram count below which a line's n-grams weigh as if it had this many (see vectorOf). */
const GRAM_FLOOR = 40;

/** A line as the model sees it. */
export interface LineVector {
  /** Value of every named feature (index as NAMED_FEATURES). */
  readonly named: Float32Array;
  /** Hash buckets of the line's distinct n-grams. */
  readonly grams: Int32Array;
  /** The value each n-gram feature takes: 1/sqrt(count, at least GRAM_FLOOR), so that long lines do not outweigh short ones. */
  readonly gramValue: number;
}

/** The n-gram alphabet: digits fold to 0, Latin letters to a, whitespace and ASCII punctuation to a space. */
function gramUnit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return 0x30;
  if (unit <= 0x20 || unit === 0x3000) return 0x20;
  return unit;
}

/** x, * or × standing for a digit (138xxxx5678; a corpus that masks every digit: xxxx年xx月). */
function isMaskUnit(unit: number): boolean {
  return unit === 0x78 || unit === 0x2a || unit === 0xd7;
}

function isLatinUnit(unit: number): boolean {
  return unit >= 0x61 && unit <= 0x7a;
}

function gramUnits(folded: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < folded.length && units.length < MAX_GRAM_UNITS; i++) {
    const unit = folded.charCodeAt(i);
    if (isMaskUnit(unit)) {
      // A run of masks that is not part of a word (touching a digit or a Han character, or
      // four or more) reads as the digits it hides, so that 电话xxxxxxxx shares its
      // n-grams with 电话88886666. The run is walked once.
      let end = i;
      while (end < folded.length && isMaskUnit(folded.charCodeAt(end))) end++;
      const before = i > 0 ? folded.charCodeAt(i - 1) : 0x20;
      const after = end < folded.length ? folded.charCodeAt(end) : 0x20;
      const touches = (u: number) => (u >= 0x30 && u <= 0x39) || isHanUnit(u);
      const digits = !isLatinUnit(before) && !isLatinUnit(after) && (end - i >= 4 || touches(before) || touches(after));
      // Either way the whole run is consumed here, so that a long run is walked once.
      for (let k = i; k < end && units.length < MAX_GRAM_UNITS; k++) units.push(digits ? 0x30 : gramUnit(folded.charCodeAt(k)));
      i = end - 1;
      continue;
    }
    const c = gramUnit(unit);
    if (c === 0x20 && (units.length === 0 || units[units.length - 1] === 0x20)) continue;
    units.push(c);
  }
  while (units.length > 0 && units[units.length - 1] === 0x20) units.pop();
  return units;
}

/** FNV-1a over the n-gram's units, seeded by its length. */
function hashGram(units: readonly number[], from: number, n: number): number {
  let h = (0x811c9dc5 ^ n) >>> 0;
  for (let i = from; i < from + n; i++) {
    h ^= units[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & HASH_MASK;
}

/** The line's distinct n-grams, with their text (for explanations): [text, bucket] pairs. */
export function gramsOf(folded: string): [string, number][] {
  const units = gramUnits(folded);
  const seen = new Map<number, string>();
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= units.length; i++) {
      // A lone space or a lone digit says nothing.
      if (n === 1 && (units[i] === 0x20 || units[i] === 0x30)) continue;
      const bucket = hashGram(units, i, n);
      if (!seen.has(bucket)) seen.set(bucket, String.fromCharCode(...units.slice(i, i + n)));
    }
  }
  return [...seen.entries()].map(([bucket, text]) => [text, bucket]);
}

/** The line's distinct n-gram buckets (gramsOf without the text: the scoring path). */
export function bucketsOf(folded: string): Int32Array {
  const units = gramUnits(folded);
  const seen = new Set<number>();
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= units.length; i++) {
      if (n === 1 && (units[i] === 0x20 || units[i] === 0x30)) continue;
      seen.add(hashGram(units, i, n));
    }
  }
  return Int32Array.from(seen);
}

function isHanUnit(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf);
}

/** Separators between keywords, of any kind (the folded line is half-width). */
const SEPARATORS = new Set([...' \t-_|,;/·、，；:：=+#*~<>【】[]()（）《》「」『』"\'“”‘’｜•丨']);
const SENTENCE_MARKS = new Set([...'。！？!?；']);

/** Segment structure: how many, how long, and whether they share a two-character sub-string. Linear in the line. */
export function segmentStructure(folded: string): { segments: number; average: number; sharedShare: number } {
  const segments: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length && segments.length < 64; i++) {
    const sep = i === folded.length || SEPARATORS.has(folded[i]!) || SENTENCE_MARKS.has(folded[i]!);
    if (sep) {
      if (start >= 0) segments.push(folded.slice(start, Math.min(i, start + 32)));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (segments.length === 0) return { segments: 0, average: 0, sharedShare: 0 };
  const average = segments.reduce((n, s) => n + s.length, 0) / segments.length;
  // A bigram held by two or more segments: stuffing repeats a keyword anywhere in its segments.
  const owners = new Map<string, number>();
  const bigramsOf = segments.map((s) => {
    const found = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) if (isHanUnit(s.charCodeAt(i)) && isHanUnit(s.charCodeAt(i + 1))) found.add(s.slice(i, i + 2));
    for (const b of found) owners.set(b, (owners.get(b) ?? 0) + 1);
    return found;
  });
  let sharing = 0;
  for (const found of bigramsOf) {
    for (const b of found) {
      if (owners.get(b)! >= 2) {
        sharing++;
        break;
      }
    }
  }
  return { segments: segments.length, average, sharedShare: sharing / segments.length };
}

/** Messenger nicknames that dodge filters (folded: Simplified, lower case). */
const APP_NICKNAMES = ['薇信', '威信', '徽信', 'v信', '微x', 'vx', '加v', '加薇', '+v', '扣扣', '企鹅', '纸飞机', '飞机号', '电报', '蝌蚪', 'tg:', '看我名字', '看名字', '主页', '同号', '私信', '私聊', '滴滴我', '戳我', '头像'];

/** What may precede a circled number that numbers an item: white space, punctuation, Markdown marks. */
const ITEM_BEFORE = /[\s。；;，,：:)）\]】>*#-]/;
const HAN_AFTER = /[\u4e00-\u9fff]/;

/**
 * A circled number (①…⑳) that numbers a list item or an enumeration: at the start or after
 * punctuation, and followed by words (①企业简介：…, [注]①见…回忆录。②材料来自…). Spam puts
 * circled digits among digits and letters instead (+CC③412〇282⑤, 千⑥跑分).
 */
function numbersAnItem(text: string, i: number): boolean {
  return (i === 0 || ITEM_BEFORE.test(text[i - 1]!)) && HAN_AFTER.test(text[i + 1] ?? '');
}

/** Obfuscation of contacts: full-width, spaced or masked digits, ID-like tokens, decorated letters. */
export function contactShape(text: string, folded: string): {
  idToken: boolean; nickname: boolean; fullwidth: boolean; spaced: boolean; masked: boolean; decorated: boolean; digits5: boolean;
} {
  let fullwidth = 0;
  let decorated = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xff10 && u <= 0xff5a) fullwidth++;
    // Mathematical alphanumerics (𝐀, 𝟙): surrogate pairs starting U+D835.
    if (u === 0xd835) decorated = true;
    // Circled and parenthesised digits and letters (①, ⓐ), but not a circled number that
    // numbers an item (>- ⑥擀麵杖：壓制麵糰。).
    if (u >= 0x2460 && u <= 0x24ff && !(u <= 0x2473 && numbersAnItem(text, i))) decorated = true;
  }
  let idToken = false;
  let spaced = false;
  let masked = false;
  let digits5 = false;
  // One pass over runs of ASCII letters and digits (with their spacing for the spaced-digit test).
  let letters = 0;
  let digits = 0;
  let run = 0;
  let runStart = 0;
  let spacedDigits = 0;
  let lastDigitAt = -10;
  // A run of mask characters (x, *, ×) touching a digit: 138xxxx5678, ***1234.
  let maskRun = 0;
  let maskAfterDigit = false;
  let maskAfterLetter = false;
  let previousDigit = false;
  let previousLetter = false;
  const close = () => {
    if (letters >= 1 && digits >= 2 && letters + digits >= 5 && letters + digits <= 20) idToken = true;
    letters = 0;
    digits = 0;
    run = 0;
  };
  for (let i = 0; i < folded.length; i++) {
    const u = folded.charCodeAt(i);
    const isDigit = u >= 0x30 && u <= 0x39;
    const isLetter = isLatinUnit(u);
    const isMask = isMaskUnit(u);
    if (isMask) {
      if (maskRun === 0) {
        maskAfterDigit = previousDigit;
        maskAfterLetter = previousLetter;
      }
      maskRun++;
    } else {
      // Touching a digit, or four or more standing alone (not part of a word): xxxxxxxxxxx for a phone number.
      if (maskRun >= 3 && (maskAfterDigit || isDigit || (maskRun >= 4 && !maskAfterLetter && !isLetter))) masked = true;
      maskRun = 0;
    }
    previousDigit = isDigit;
    previousLetter = isLetter && !isMask;
    if (isDigit) {
      digits++;
      if (run === 0) runStart = u;
      run++;
      // Six digits or more; or five, unless a service number: the mainland's are five digits
      // starting with 1 or 9 (12345 政务热线, 12315, 10086, 95588, 96110), and notices give them.
      if (run >= 6 || (run === 5 && runStart !== 0x31 && runStart !== 0x39)) digits5 = true;
      // Single digits one separator apart (1 3 8 - 8 8 …) are a number written to dodge
      // filters. Two digits together end the count: 2023-05-12 10:23 and 138 0013 8000 are
      // a date and a phone number written as usual.
      if (i - lastDigitAt === 2) spacedDigits++;
      else spacedDigits = 0;
      if (spacedDigits >= 4) spaced = true;
      lastDigitAt = i;
      continue;
    }
    run = 0;
    if (isLetter) {
      letters++;
      continue;
    }
    if (u !== 0x5f && u !== 0x2d) close();
  }
  close();
  if (maskRun >= 3 && (maskAfterDigit || (maskRun >= 4 && !maskAfterLetter))) masked = true;
  const nickname = APP_NICKNAMES.some((n) => folded.includes(n));
  return { idToken, nickname, fullwidth: fullwidth >= 3, spaced, masked, decorated, digits5 };
}

const EMOJI = /\p{Extended_Pictographic}/u;
const MONEY = /(?<![\d.])\d+(?:\.\d+)?\s?(?:元|块|万|%|折|rmb)/;

/** What of the document a line's features depend on. */
export interface DocumentContext {
  readonly documentScript: ScriptKind;
  readonly line: LineContext;
}

/** The named features of a line in its document, and its n-gram buckets. */
export function vectorOf(features: LineFeatures, context: LineContext, options: SpamOptions = DEFAULT_SPAM_OPTIONS): LineVector {
  const named = new Float32Array(NAMED_COUNT);
  const set = (id: string, value = 1) => {
    named[INDEX.get(id)!] = value;
  };
  set('bias');
  const folded = features.folded;
  // The rule detectors' evidence, in units of the medium threshold.
  let weak = 0;
  for (const c of warningCandidates(features, context, options)) {
    // Being off-topic is the context features' business; the rest is evidence of spam.
    if (c.label === 'offtopic') continue;
    const value = Math.min(2, c.points / 2);
    if (c.qualified) {
      const id = `rule:${c.label}`;
      named[INDEX.get(id)!] = Math.max(named[INDEX.get(id)!]!, value);
    } else weak = Math.max(weak, value);
  }
  if (weak > 0) set('rule:weak', weak);
  if (features.caption || features.metadata || features.boilerplate) set('info:wording');
  const han = features.han;
  set(han <= 4 ? 'han:0-4' : han <= 12 ? 'han:5-12' : han <= 30 ? 'han:13-30' : han <= 80 ? 'han:31-80' : 'han:81+');
  const latinShare = features.latin / Math.max(1, features.latin + han);
  if (latinShare >= 0.15 && latinShare <= 0.85) set('latin:mixed');
  else if (latinShare > 0.85) set('latin:mostly');
  if (features.sentenceEnd) set('sentence:end');
  if (!features.hasSentence) set('sentence:none');
  if (folded.includes('!')) set('exclaim');
  const structure = segmentStructure(folded);
  if (structure.segments >= 4 && structure.average <= 10) set('segments:4+');
  if (structure.segments >= 8) set('segments:8+');
  if (structure.segments >= 3 && structure.average <= 10 && !features.hasSentence) set('keyword-list', Math.min(2, structure.segments / 4));
  // Prose repeats its subject from clause to clause (代理… 代理); a keyword list repeats its
  // keyword from segment to segment, and has no sentence punctuation.
  if (structure.segments >= 3 && structure.sharedShare >= 0.5 && !features.hasSentence) set('shared-substring', structure.sharedShare);
  if (folded.includes('#')) set('hashtags');
  const kinds = new Set(features.contacts.map((c) => c.kind));
  if (kinds.has('im')) set('contact:im');
  if (kinds.has('phone')) set('contact:phone');
  if (kinds.has('url')) set('contact:url');
  const shape = contactShape(features.text, folded);
  if (shape.idToken) set('contact:id-token');
  if (shape.nickname) set('contact:app-nickname');
  if (shape.fullwidth) set('contact:fullwidth');
  if (shape.spaced) set('contact:spaced-digits');
  if (shape.masked) set('contact:masked');
  if (shape.decorated) set('contact:decorated');
  if (shape.digits5) set('digits:5+');
  if (MONEY.test(folded)) set('money');
  if (EMOJI.test(features.text)) set('emoji');
  if (features.dialogue) set('dialogue');
  if (features.listMarker !== undefined) set('list-marker');
  for (const name of LEX_NAMES) {
    const n = features.terms[name]?.length ?? 0;
    if (n > 0) set(`lex:${name}`, Math.min(2, n));
  }
  // Written wholly in the other script, as a pasted line is: a line that mixes both (a page
  // half converted, 五胡十六國代国的旧址) is a conversion's slip, not a paste.
  if (inOtherScript(features, context.documentScript) && features.script !== 'mixed') set('context:mismatch');
  const score = context.topic && features.bigrams.length >= MIN_COMPARE_BIGRAMS ? offTopicScore(context.topic) : undefined;
  if (score !== undefined && score <= UNRELATED_SCORE) set('context:unrelated');
  if (score === 0) set('context:no-overlap');
  if (score === undefined) set('context:uncompared');
  if (context.isTitle) set('context:title');
  // An item of the document's own list and a line of narrative both may not be singled
  // out by vocabulary, but only the first is evidence of a clean line: spam lands in
  // narrative, and never with the numbering of the list around it.
  if (context.listItem) set('context:list-item');
  else if (context.offTopicAllowed === false) set('context:narrative');

  const buckets = bucketsOf(folded);
  // A short line's few n-grams would each weigh as much as a paragraph's many: the
  // floor keeps a salutation or a company name from scoring like a whole pitch.
  return { named, grams: buckets, gramValue: buckets.length > 0 ? 1 / Math.sqrt(Math.max(GRAM_FLOOR, buckets.length)) : 0 };
}

/**
 * Evidence in a line itself that lets the model judge it although it is too short to
 * compare with its document: a contact written to dodge filters (a messenger ID, a
 * nickname for a messenger, masked, spaced or decorated digits). A heading, a recipe step
 * or a line of dialogue has none. Not a plain phone number or URL (notices give them on
 * short lines of their own), an ID-like token (1000ml, 15cm in a recipe) or segments
 * sharing sub-strings (干木耳: 20g / 湿木耳: 120g): with those, the real-text proxy's
 * false warnings rose from 6 to 80 in one fold (docs/spam-model.md).
 */
const SHORT_LINE_EVIDENCE = ['contact:im', 'contact:app-nickname', 'contact:spaced-digits', 'contact:masked', 'contact:decorated'];

/** SHORT_LINE_EVIDENCE from the line's signals, as vectorOf sets those features: the pre-check's half. */
function holdsDodgedContact(features: LineFeatures): boolean {
  if (features.contacts.some((c) => c.kind === 'im')) return true;
  const shape = contactShape(features.text, features.folded);
  return shape.nickname || shape.spaced || shape.masked || shape.decorated;
}

/**
 * The cheap half of learnedMaySpeak, from the line's signals and context alone: checked
 * before the line is vectorised, so that the many lines their document vouches for cost
 * nothing more than the rules. A line too short to compare passes only if it holds a
 * dodged contact, so that a document's many short lines (headings, dialogue) are not
 * vectorised for nothing.
 */
export function documentLeavesOpen(features: LineFeatures, context: LineContext): boolean {
  if (context.isTitle) return false;
  if (!context.topic || features.bigrams.length < MIN_COMPARE_BIGRAMS) return holdsDodgedContact(features);
  if (inOtherScript(features, context.documentScript)) return true;
  const score = offTopicScore(context.topic);
  // Undefined: too little context to compare; the vector marks the line uncompared.
  return score === undefined || score <= UNRELATED_SCORE;
}

/**
 * Whether the learned model may warn about this line: only where the document does not
 * vouch for it. That is a line foreign to its document (sharing little vocabulary, judged
 * from MIN_COMPARE_BIGRAMS up), or a line too short to compare that holds a contact
 * written to dodge filters (SHORT_LINE_EVIDENCE); never the title. On the document's own
 * lines the rules alone decide: a notice's hotline or a review's prices share the
 * document's topic, and the n-grams of 2005 spam mail would flag them.
 */
export function learnedMaySpeak(vector: LineVector): boolean {
  const on = (id: string) => vector.named[INDEX.get(id)!]! > 0;
  if (on('context:title')) return false;
  if (on('context:unrelated')) return true;
  // A line in the other script is not the document's own, whatever words it shares with it.
  if (on('context:mismatch') && !on('context:uncompared')) return true;
  return on('context:uncompared') && SHORT_LINE_EVIDENCE.some(on);
}

/** The weights as model.generated.ts stores them. */
export interface SpamModelData {
  readonly version: number;
  readonly hashBits: number;
  readonly named: readonly string[];
  readonly namedWeights: readonly number[];
  /** Scale of the quantised n-gram weights. */
  readonly gramScale: number;
  /** Base64 of an Int8Array of 2^hashBits n-gram weights. */
  readonly grams: string;
  /** Platt calibration: p = sigmoid(a * margin + b). */
  readonly calibration: readonly [number, number];
  /** Probability a line needs for a warning, per sensitivity. */
  readonly thresholds: Readonly<Record<'low' | 'medium' | 'high', number>>;
}

/** Decoded weights, ready to score. */
export interface LoadedModel {
  readonly named: Float32Array;
  /** The n-gram weights as stored (int8); multiplied by gramScale when scoring. */
  readonly grams: Int8Array;
  readonly gramScale: number;
  readonly calibration: readonly [number, number];
  readonly thresholds: Readonly<Record<'low' | 'medium' | 'high', number>>;
}

export function decodeBase64(text: string): Uint8Array {
  // atob exists in browsers and in Node 16+, and decodes natively.
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Checks that the data fits this code's feature layout, and decodes it. */
export function loadModel(data: SpamModelData): LoadedModel {
  if (data.hashBits !== HASH_BITS || data.named.length !== NAMED_COUNT || data.named.some((id, i) => id !== NAMED_FEATURES[i]![0])) {
    throw new Error('spam model: the generated weights do not match the feature layout; run `npm run train:spam`');
  }
  const bytes = decodeBase64(data.grams);
  if (bytes.length !== 1 << HASH_BITS) throw new Error('spam model: the generated n-gram weights are truncated; run `npm run train:spam`');
  const grams = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return { named: Float32Array.from(data.namedWeights), grams, gramScale: data.gramScale, calibration: data.calibration, thresholds: data.thresholds };
}

/** The linear margin of a line. */
export function marginOf(model: Pick<LoadedModel, 'named' | 'grams' | 'gramScale'>, vector: LineVector): number {
  let margin = 0;
  for (let i = 0; i < NAMED_COUNT; i++) margin += model.named[i]! * vector.named[i]!;
  let grams = 0;
  for (const b of vector.grams) grams += model.grams[b]!;
  return margin + grams * model.gramScale * vector.gramValue;
}

export function probabilityOf(model: LoadedModel, margin: number): number {
  return 1 / (1 + Math.exp(-(model.calibration[0] * margin + model.calibration[1])));
}

/** One feature's share of a line's margin. */
export interface Contribution {
  readonly id: string;
  /** In English, its slots filled (the CLI's --explain). */
  readonly description: string;
  /** The msg() template behind the description, and its slot values, for translation. */
  readonly template: string;
  readonly args?: MessageArgs;
  readonly value: number;
}

/**
 * Every named feature's contribution to the margin, and the n-grams' together with the
 * strongest of them, largest first.
 */
export function contributions(model: LoadedModel, vector: LineVector, folded: string): Contribution[] {
  const out: Contribution[] = [];
  for (let i = 0; i < NAMED_COUNT; i++) {
    const v = vector.named[i]!;
    if (v === 0) continue;
    const description = NAMED_FEATURES[i]![1];
    out.push({ id: NAMED_FEATURES[i]![0], description, template: description, value: model.named[i]! * v });
  }
  const grams = gramsOf(folded).map(([text, b]) => ({ text, value: model.grams[b]! * model.gramScale * vector.gramValue }));
  const total = grams.reduce((n, g) => n + g.value, 0);
  const top = grams
    // Only n-grams that read as a word: Han characters alone, or Latin letters alone.
    .filter((g) => g.value > 0 && /^(?:\p{Script=Han}{2,3}|[a-z]{2,3})$/u.test(g.text))
    .sort((a, b) => b.value - a.value || (a.text < b.text ? -1 : 1))
    .slice(0, 12);
  // Overlapping n-grams (百家, 百家乐, 家乐) name one word: keep the longest few.
  const named: string[] = [];
  for (const g of top) {
    if (named.length >= 3) break;
    const t = g.text.trim();
    if (t.length < 2) continue;
    if (named.some((n) => n.includes(t) || t.includes(n))) continue;
    named.push(t);
  }
  const template = named.length > 0 ? msg('wording typical of spam ({terms})') : msg('its wording as a whole');
  const args = { terms: named.join(', ') };
  out.push({ id: 'ngrams', description: fillTemplate(template, args), template, args, value: total });
  return out.sort((a, b) => b.value - a.value);
}
