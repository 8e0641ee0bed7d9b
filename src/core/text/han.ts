/**
 * Han (Chinese character) classification by code point.
 *
 * The ranges are those of Unicode's Script=Han property (CJK radicals, the unified
 * ideograph blocks and their extensions, compatibility ideographs, 々 〇 and the
 * Suzhou numerals). A unit test checks them against `/\p{Script=Han}/u` over every
 * code point, so they follow the Unicode version of the Node that runs the tests.
 */
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x3005, 0x3005],
  [0x3007, 0x3007],
  [0x3021, 0x3029],
  [0x3038, 0x303b],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9],
  [0x16fe2, 0x16fe3],
  [0x16ff0, 0x16ff6],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b81d],
  [0x2b820, 0x2cead],
  [0x2ceb0, 0x2ebe0],
  [0x2ebf0, 0x2ee5d],
  [0x2f800, 0x2fa1d],
  [0x30000, 0x3134a],
  [0x31350, 0x33479],
];

/** One past the highest Han code point; lookup tables indexed by code point stop here. */
export const HAN_TABLE_SIZE = 0x3347a;

/** True when `codePoint` is a Han character. */
export function isHanCodePoint(codePoint: number): boolean {
  if (codePoint < 0x2e80 || codePoint >= HAN_TABLE_SIZE) return false;
  for (const [low, high] of HAN_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

/** Calls `mark(codePoint)` for every Han code point; used to fill lookup tables. */
export function forEachHanCodePoint(mark: (codePoint: number) => void): void {
  for (const [low, high] of HAN_RANGES) {
    for (let cp = low; cp <= high; cp++) mark(cp);
  }
}

export interface HanShare {
  /** Han characters in the sample. */
  readonly han: number;
  /** Letters of any script in the sample, Han included (Unicode category L). */
  readonly letters: number;
  /** han / letters, or 0 for a sample without letters. */
  readonly share: number;
}

const LETTER = /\p{L}/gu;
const HAN = /\p{Script=Han}/gu;

/**
 * Measures how much of `text` is Han, over its first `sampleLength` UTF-16 units so that
 * a huge document costs no more than a small one. Digits, punctuation and spaces are
 * not letters, so a Chinese article full of dates and numbers still counts as Chinese;
 * kana and Hangul are letters, so Japanese and Korean text does not.
 */
export function measureHanShare(text: string, sampleLength = 65536): HanShare {
  const sample = text.length > sampleLength ? text.slice(0, sampleLength) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const letters = sample.match(LETTER)?.length ?? 0;
  return { han, letters, share: letters === 0 ? 0 : han / letters };
}

/** The rule behind "a document that is mostly Han characters". */
export const MOSTLY_HAN = { minHan: 10, minShare: 0.5 } as const;

export function isMostlyHan(text: string): boolean {
  const { han, share } = measureHanShare(text);
  return han >= MOSTLY_HAN.minHan && share >= MOSTLY_HAN.minShare;
}
