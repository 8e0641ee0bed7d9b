/**
 * Numbers in headings: Chinese numerals (一, 十二, 一百零五, 兩, 〇, financial 壹貳…) and
 * digits, ASCII or full-width. Used to check that numbered sequences have no gaps.
 */

/** Characters that may spell the X in 第X章; the heading rules build their patterns from it. */
export const CHINESE_NUMERAL_CHARS = '〇零一二三四五六七八九十百千万萬两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';
/** ASCII and full-width digits. */
export const DIGIT_CHARS = '0-9０-９';

const DIGIT_VALUE: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT_VALUE: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const MYRIAD = new Set(['万', '萬']);

/** Folds full-width digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a numeral: digits (12, １２), positional Chinese (一〇二 = 102) or
 * Chinese with units (一百零五 = 105, 十二 = 12). Undefined when `text` is not a numeral.
 */
export function parseNumeral(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[0-9０-９]+$/.test(trimmed)) return Number(asciiDigits(trimmed));
  // One pass: digits and units as they come; positional (一〇二) when no unit appears.
  let total = 0;
  let section = 0;
  let digit = 0;
  let positional = 0;
  let hasUnit = false;
  for (const c of trimmed) {
    const d = DIGIT_VALUE[c];
    if (d !== undefined) {
      digit = d;
      positional = positional * 10 + d;
    } else if (MYRIAD.has(c)) {
      hasUnit = true;
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else {
      const unit = UNIT_VALUE[c];
      if (unit === undefined) return undefined;
      hasUnit = true;
      // 十二: a unit with no digit before it counts once.
      section += (digit === 0 ? 1 : digit) * unit;
      digit = 0;
    }
  }
  return hasUnit ? total + section + digit : positional;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** The value of a Roman numeral (Chapter IV), or undefined. */
export function parseRoman(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return undefined;
  let value = 0;
  for (let i = 0; i < lower.length; i++) {
    const here = ROMAN[lower[i]!]!;
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0;
    value += here < next ? -here : here;
  }
  return value;
}
