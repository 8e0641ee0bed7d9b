/**
 * The model's inputs for one line, from its signals (signals.ts): named, explainable
 * features (each with a plain-words description for explanations) and hashed character
 * n-grams (1 to 3) of the line folded to one script. The weights are learned
 * (scripts/train-spam.mjs); nothing here decides a label.
 */
import type { LexiconName } from './lexicon';
import type { LineFeatures } from './signals';

/** Named line features, in weight order. The description reads after "the line …". */
export const LINE_FEATURES = [
  ['han:1-4', 'is very short (1–4 Han characters)'],
  ['han:5-10', 'is short (5–10 Han characters)'],
  ['han:11-20', 'has 11–20 Han characters'],
  ['han:21-40', 'has 21–40 Han characters'],
  ['han:41-80', 'has 41–80 Han characters'],
  ['han:81+', 'is a long paragraph'],
  ['han:0', 'has no Han characters'],
  ['latin:mixed', 'mixes Latin tokens into Chinese'],
  ['latin:mostly', 'is mostly Latin letters'],
  ['sentence:end', 'ends like a sentence'],
  ['sentence:none', 'has no sentence punctuation'],
  ['exclaim:1', 'exclaims'],
  ['exclaim:3', 'exclaims three times or more'],
  ['segments:4+', 'is cut into 4 or more segments by separators'],
  ['segments:8+', 'is cut into 8 or more segments by separators'],
  ['list:keywords', 'is a list of short keyword segments with no sentence punctuation'],
  ['repeat:prefix', 'repeats one keyword at the start of its segments'],
  ['repeat:prefix4', 'repeats one keyword in 4 or more segments'],
  ['repeat:word', 'repeats one word across most of its segments'],
  ['contact:im', 'gives a messenger ID (QQ, WeChat, LINE, Telegram…)'],
  ['contact:phone', 'gives a mobile number'],
  ['contact:masked', 'gives a masked mobile number'],
  ['contact:url', 'gives a URL or domain'],
  ['contact:several', 'gives several contacts'],
  ['contact:bare', 'is little more than contact details'],
  ['digits:5+', 'holds a run of 5 or more digits'],
  ['digits:9+', 'holds a run of 9 or more digits'],
  ['decorated', 'uses decorated letters (𝐀𝐁𝐂) that dodge keyword filters'],
  ['symbols', 'uses emoji or pictographs'],
  ['money', 'quotes prices, amounts or rates'],
  ['caption:pattern', 'is worded like a photo caption or credit'],
  ['metadata:pattern', 'is worded like a byline, dateline or source line'],
  ['boilerplate:pattern', 'is worded like site boilerplate'],
  ['bracket', 'is one bracketed title'],
  ['picture', 'names a picture'],
  ['dated', 'is one short sentence opening with a date'],
  ['short-sentence', 'is one short sentence'],
  ['list-marker', 'opens with a list number'],
  ['dialogue', 'opens with a quotation mark'],
] as const;

/** Lexicon hits (one and two-or-more), with the plain words of lexicon.ts. */
export const LEXICON_FEATURES: readonly LexiconName[] = [
  'download', 'streaming', 'gambling', 'porn', 'loan', 'invoice', 'quackery', 'shady', 'promo', 'solicit', 'enforcement', 'caption',
  'metadata', 'boilerplate',
];

/** Bits of the n-gram hash: 2^17 buckets per class (fewer collide too often: ~2 M distinct n-grams in training). */
export const HASH_BITS = 17;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** Index of each named feature; lexicon features follow LINE_FEATURES, two per lexicon. */
const NAMED_INDEX = new Map<string, number>(LINE_FEATURES.map(([name], i) => [name, i]));
LEXICON_FEATURES.forEach((name, i) => {
  NAMED_INDEX.set(`lex:${name}`, LINE_FEATURES.length + 2 * i);
  NAMED_INDEX.set(`lex:${name}:2`, LINE_FEATURES.length + 2 * i + 1);
});
export const NAMED_COUNT = LINE_FEATURES.length + 2 * LEXICON_FEATURES.length;

/** Every named feature's id in weight order. */
export const NAMED_IDS: readonly string[] = [...NAMED_INDEX.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);

/** A line as the model sees it: named features on, and hashed n-gram buckets with one shared value. */
export interface LineVector {
  /** Indices of the named features that are on (value 1). */
  readonly named: Uint16Array;
  /** Hash buckets of the line's distinct n-grams. */
  readonly grams: Int32Array;
  /** The value of each n-gram feature: 1/sqrt(count), so that long lines do not outweigh short ones. */
  readonly gramValue: number;
}

const MONEY = /\d[\d,.]{0,12}\s{0,2}(?:元|块|万|%|折|rmb|美元|港元|港币|台币)/;

/** Characters of the n-gram alphabet: digits fold to 0, other ASCII punctuation and spaces to one space. */
function gramChar(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return 0x30;
  if (unit <= 0x20 || unit === 0x3000) return 0x20;
  return unit;
}

/** At most this many n-gram positions per line: a line longer than a paragraph adds nothing. */
const MAX_GRAM_UNITS = 600;

/** FNV-1a over the n-gram's units, seeded by its length. */
function hashGram(units: readonly number[], from: number, n: number): number {
  let h = (0x811c9dc5 ^ n) >>> 0;
  for (let i = from; i < from + n; i++) {
    h ^= units[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & HASH_MASK;
}

/** The folded line's n-gram alphabet: digits folded, space runs collapsed, at most MAX_GRAM_UNITS. */
export function gramUnits(folded: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < folded.length && units.length < MAX_GRAM_UNITS; i++) {
    const c = gramChar(folded.charCodeAt(i));
    if (c === 0x20 && (units.length === 0 || units[units.length - 1] === 0x20)) continue;
    units.push(c);
  }
  while (units.length > 0 && units[units.length - 1] === 0x20) units.pop();
  return units;
}

/** The n-gram (as text) behind each position, for explanations: `[text, bucket]` pairs. */
export function gramsOf(folded: string): [string, number][] {
  const units = gramUnits(folded);
  const out: [string, number][] = [];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= units.length; i++) out.push([String.fromCharCode(...units.slice(i, i + n)), hashGram(units, i, n)]);
  }
  return out;
}

function onNamed(f: LineFeatures): number[] {
  const on: string[] = [];
  const han = f.han;
  on.push(han === 0 ? 'han:0' : han <= 4 ? 'han:1-4' : han <= 10 ? 'han:5-10' : han <= 20 ? 'han:11-20' : han <= 40 ? 'han:21-40' : han <= 80 ? 'han:41-80' : 'han:81+');
  const latinShare = f.latin / Math.max(1, f.latin + f.han);
  if (latinShare >= 0.15 && latinShare <= 0.85 && f.han > 0) on.push('latin:mixed');
  else if (latinShare > 0.85) on.push('latin:mostly');
  if (f.sentenceEnd) on.push('sentence:end');
  if (!f.hasSentence) on.push('sentence:none');
  if (f.exclamations >= 1) on.push('exclaim:1');
  if (f.exclamations >= 3) on.push('exclaim:3');
  if (f.segments >= 4) on.push('segments:4+');
  if (f.segments >= 8) on.push('segments:8+');
  if (f.segments >= 4 && f.averageSegment <= 10 && !f.hasSentence) on.push('list:keywords');
  if (f.repetition) on.push('repeat:prefix');
  if (f.repetition && f.repetition.count >= 4) on.push('repeat:prefix4');
  if (f.sharedWord) on.push('repeat:word');
  const kinds = new Set(f.contacts.map((c) => c.kind));
  if (kinds.has('im')) on.push('contact:im');
  if (kinds.has('phone')) on.push(f.contacts.some((c) => c.what.startsWith('masked')) ? 'contact:masked' : 'contact:phone');
  if (kinds.has('url')) on.push('contact:url');
  if (f.contacts.length > 1) on.push('contact:several');
  if (f.contacts.length > 0) {
    const contactChars = f.contacts.reduce((n, c) => n + c.text.length, 0);
    if (f.end - f.start - contactChars < 12) on.push('contact:bare');
  }
  if (f.digitRun >= 5) on.push('digits:5+');
  if (f.digitRun >= 9) on.push('digits:9+');
  if (f.decorated > 0) on.push('decorated');
  if (f.symbols > 0) on.push('symbols');
  if (MONEY.test(f.folded)) on.push('money');
  if (f.caption) on.push('caption:pattern');
  if (f.metadata) on.push('metadata:pattern');
  if (f.boilerplate) on.push('boilerplate:pattern');
  if (f.bracketOnly) on.push('bracket');
  if (f.picturePhrase) on.push('picture');
  if (f.datedSentence) on.push('dated');
  if (f.shortSentence) on.push('short-sentence');
  if (f.listMarker !== undefined) on.push('list-marker');
  if (f.dialogue) on.push('dialogue');
  for (const name of LEXICON_FEATURES) {
    const hits = f.terms[name]?.length ?? 0;
    if (hits >= 1) on.push(`lex:${name}`);
    if (hits >= 2) on.push(`lex:${name}:2`);
  }
  return on.map((id) => NAMED_INDEX.get(id)!);
}

/** The model's input for one line. A blank line has no features. */
export function lineVector(f: LineFeatures): LineVector {
  if (f.blank) return { named: new Uint16Array(0), grams: new Int32Array(0), gramValue: 0 };
  const units = gramUnits(f.folded);
  const buckets = new Set<number>();
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= units.length; i++) buckets.add(hashGram(units, i, n));
  const grams = Int32Array.from(buckets).sort();
  return { named: Uint16Array.from(onNamed(f)), grams, gramValue: grams.length > 0 ? 1 / Math.sqrt(grams.length) : 0 };
}

/** Plain words for a named feature id. */
export function describeNamed(id: string): string {
  const line = LINE_FEATURES.find(([name]) => name === id);
  if (line) return line[1];
  const match = /^lex:([a-z]+)(:2)?$/.exec(id);
  return match ? `has ${match[2] ? 'several ' : ''}${match[1]} terms` : id;
}
