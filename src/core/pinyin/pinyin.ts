/**
 * CC-CEDICT writes pinyin with tone numbers (`shu4 zi4`, `lu:4`); readers want tone
 * marks (`shù zì`) and, optionally, zhuyin (`ㄕㄨˋ ㄗˋ`). Syllables that are not
 * pinyin (letters, punctuation such as `·` or `,`) pass through unchanged.
 */

/** A syllable's tone: 1-4, or 5 for the neutral tone; 0 when the syllable is not pinyin. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

export interface Syllable {
  /** As written in the source, e.g. `shu4`. */
  readonly raw: string;
  /** With a tone mark, e.g. `shù`. */
  readonly marked: string;
  readonly tone: Tone;
}

const MARKS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
  A: 'ĀÁǍÀ',
  E: 'ĒÉĚÈ',
  I: 'ĪÍǏÌ',
  O: 'ŌÓǑÒ',
  U: 'ŪÚǓÙ',
  Ü: 'ǕǗǙǛ',
};

const NUMBERED = /^([A-Za-zü:ÜvV]+?)([1-5])$/;

/** Where the tone mark goes: on a or e, on the o of ou, otherwise on the last vowel. */
function markIndex(letters: string): number {
  const lower = letters.toLowerCase();
  const ae = lower.search(/[ae]/);
  if (ae >= 0) return ae;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i]!)) return i;
  return -1;
}

/** Parses one numbered syllable (`zhong1`, `lu:4`, `de5`, `r5`). */
export function parseSyllable(raw: string): Syllable {
  const match = NUMBERED.exec(raw);
  if (!match) return { raw, marked: raw.replace(/u:/g, 'ü').replace(/U:/g, 'Ü'), tone: 0 };
  const letters = match[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü').replace(/v/g, 'ü').replace(/V/g, 'Ü');
  const tone = Number(match[2]) as Tone;
  if (tone === 5) return { raw, marked: letters, tone };
  const at = markIndex(letters);
  if (at < 0) return { raw, marked: letters, tone };
  const vowel = letters[at]!;
  const marked = letters.slice(0, at) + (MARKS[vowel]?.[tone - 1] ?? vowel) + letters.slice(at + 1);
  return { raw, marked, tone };
}

/** Splits CC-CEDICT pinyin (space-separated syllables) into syllables. */
export function parsePinyin(numbered: string): Syllable[] {
  return numbered
    .trim()
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map(parseSyllable);
}

/** `shu4 zi4` -> `shù zì`. */
export function toToneMarks(numbered: string): string {
  return parsePinyin(numbered)
    .map((s) => s.marked)
    .join(' ');
}

const INITIALS: readonly [string, string][] = [
  ['zh', 'ㄓ'], ['ch', 'ㄔ'], ['sh', 'ㄕ'], ['b', 'ㄅ'], ['p', 'ㄆ'], ['m', 'ㄇ'], ['f', 'ㄈ'],
  ['d', 'ㄉ'], ['t', 'ㄊ'], ['n', 'ㄋ'], ['l', 'ㄌ'], ['g', 'ㄍ'], ['k', 'ㄎ'], ['h', 'ㄏ'],
  ['j', 'ㄐ'], ['q', 'ㄑ'], ['x', 'ㄒ'], ['r', 'ㄖ'], ['z', 'ㄗ'], ['c', 'ㄘ'], ['s', 'ㄙ'],
];

const FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ', an: 'ㄢ', en: 'ㄣ',
  ang: 'ㄤ', eng: 'ㄥ', ong: 'ㄨㄥ', er: 'ㄦ', i: 'ㄧ', ia: 'ㄧㄚ', ie: 'ㄧㄝ', iao: 'ㄧㄠ',
  iu: 'ㄧㄡ', iou: 'ㄧㄡ', ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ',
  io: 'ㄧㄛ', u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', ui: 'ㄨㄟ', uei: 'ㄨㄟ', uan: 'ㄨㄢ',
  un: 'ㄨㄣ', uen: 'ㄨㄣ', uang: 'ㄨㄤ', ueng: 'ㄨㄥ', ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ',
  m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ', r: 'ㄦ',
};

const ZHUYIN_TONES = ['', '', 'ˊ', 'ˇ', 'ˋ'];

/** Zhuyin (bopomofo) for one numbered syllable, or undefined when it is not pinyin. */
export function syllableToZhuyin(raw: string): string | undefined {
  const match = NUMBERED.exec(raw);
  if (!match) return undefined;
  let rest = match[1]!.toLowerCase().replace(/u:/g, 'ü').replace(/v/g, 'ü');
  const tone = Number(match[2]);
  let initial = '';
  for (const [latin, bopomofo] of INITIALS) {
    if (rest.startsWith(latin) && rest.length > latin.length) {
      initial = bopomofo;
      rest = rest.slice(latin.length);
      break;
    }
  }
  if (!initial) {
    // y and w only spell the medials i, ü and u.
    if (rest.startsWith('yu')) rest = 'ü' + rest.slice(2);
    else if (rest.startsWith('yi')) rest = rest.slice(1);
    else if (rest.startsWith('y')) rest = 'i' + rest.slice(1);
    else if (rest.startsWith('wu')) rest = rest.slice(1);
    else if (rest.startsWith('w')) rest = 'u' + rest.slice(1);
  } else if ('ㄐㄑㄒ'.includes(initial) && rest.startsWith('u')) {
    rest = 'ü' + rest.slice(1);
  }
  let final: string | undefined;
  // zhi, chi, shi, ri, zi, ci, si: the i is silent and has no symbol.
  if (rest === 'i' && 'ㄓㄔㄕㄖㄗㄘㄙ'.includes(initial) && initial) final = '';
  else final = FINALS[rest];
  if (final === undefined) return undefined;
  const body = initial + final;
  return tone === 5 ? `˙${body}` : body + (ZHUYIN_TONES[tone] ?? '');
}

/** `shu4 zi4` -> `ㄕㄨˋ ㄗˋ`; syllables that are not pinyin stay as they are. */
export function toZhuyin(numbered: string): string {
  return parsePinyin(numbered)
    .map((s) => syllableToZhuyin(s.raw) ?? s.raw)
    .join(' ');
}

/**
 * Accepts pinyin typed by people (glossaries): tone numbers or marks, any spacing.
 * Returns it numbered when it is numbered, so that every source formats alike.
 */
export function normalizeUserPinyin(pinyin: string): string {
  return pinyin.trim().replace(/\s+/g, ' ');
}

/** Marks for pinyin that may already have marks: numbered syllables are converted, others kept. */
export function displayPinyin(pinyin: string): string {
  return toToneMarks(pinyin);
}

/** Each marked vowel with its plain letter and tone (ǎ -> a, 3), from MARKS. */
const UNMARKED = new Map<string, readonly [string, Tone]>(
  Object.entries(MARKS).flatMap(([base, marks]) => [...marks].map((mark, i) => [mark, [base, (i + 1) as Tone]] as const)),
);

/**
 * A syllable written with marks as plain letters and a tone (`Ōu` -> Ou, 1; `de` -> de, 5);
 * tone 0 when there is no letter at all.
 */
export function unmarkSyllable(syllable: string): { letters: string; tone: Tone } {
  let letters = '';
  let tone: Tone | undefined;
  for (const ch of syllable.normalize('NFC')) {
    const unmarked = UNMARKED.get(ch);
    if (unmarked) {
      letters += unmarked[0];
      tone ??= unmarked[1];
    } else letters += ch;
  }
  return { letters, tone: tone ?? (/[a-zü]/i.test(letters) ? 5 : 0) };
}

/** Tone of a syllable written with marks (`shù` -> 4), for colouring glossary pinyin. */
export function toneOfMarked(syllable: string): Tone {
  return unmarkSyllable(syllable).tone;
}
