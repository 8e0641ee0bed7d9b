/**
 * The built-in heading rules. Each recognises one numbering style at the start of a
 * trimmed line; `rank` orders the styles from the outermost (book) to the innermost
 * ((1)). Ranks are nominal: the outline maps the ranks present in a document to levels
 * 1, 2, 3…, so that whatever style is outermost there becomes level 1.
 */
import { CHINESE_NUMERAL_CHARS, DIGIT_CHARS, parseNumeral, parseRoman } from './numerals';

/** The user-facing level a rank belongs to (settings' `level`): rank = level × 10. */
export const RANK_PER_LEVEL = 10;

export type BuiltinKind =
  | 'markdown'
  | 'part'
  | 'pian'
  | 'volume'
  | 'chapter'
  | 'chapter-en'
  | 'section'
  | 'cn-list'
  | 'cn-paren'
  | 'num-list'
  | 'num-dot'
  | 'decimal'
  | 'num-paren';

export interface BuiltinRule {
  readonly kind: BuiltinKind;
  /** Matches the trimmed line; group 1 is the number (or the Markdown hashes). */
  readonly pattern: RegExp;
  /** Rank of the style; for decimal (1.2.3) and Markdown it depends on the match. */
  rank(numberText: string): number;
  /** The value of group 1, for the numbering checks; undefined for styles that have none. */
  value(numberText: string): number | undefined;
  /**
   * Numbered list styles (一、 1. (1)…) also open list items and paragraphs: they must
   * have text after the marker, and must not be followed on the same line by the next
   * item of the same style ("1、打開App；2、…").
   */
  readonly listLike: boolean;
  /**
   * Another marker of the same style later in the line (an inline list); list-like styles
   * only. Unanchored, so written without overlapping parts: `[\s；…]\s*1、` would rescan a
   * run of spaces from each of its spaces (quadratic); `[\s；…]1、` finds the same lines,
   * because the last space before the number is itself the separator. Run only on lines of
   * at most `maxLength`, after the length check.
   */
  readonly inlineNext?: RegExp;
  /** Longest heading line, in code points. */
  readonly maxLength: number;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
const DIGITS = `[${DIGIT_CHARS}]+`;
const ANY_NUMBER = `[${CHINESE_NUMERAL_CHARS}${DIGIT_CHARS}]+`;
/** What may follow 第X章 and similar: the end, a space, punctuation or the title itself. */
const AFTER_MARKER = '(?=$|[\\s\\u3000:：·・.、，,－—\\-(（「『“《\\p{Script=Han}A-Za-z0-9０-９])';

/** Characters that make 1.5X a quantity rather than section 1.5. */
const MEASURE_UNITS = '倍万萬亿億元角米年月日时時个個度分秒克斤里岁歲人次件台臺座';

const fixed = (rank: number) => () => rank;
const numeral = (text: string) => parseNumeral(text);

export const BUILTIN_RULES: readonly BuiltinRule[] = [
  {
    kind: 'markdown',
    pattern: /^(#{1,6})[ \t]+\S/u,
    // Markdown headings sit above every Chinese style: ranks 1 to 6.
    rank: (hashes) => hashes.length,
    value: () => undefined,
    listLike: false,
    maxLength: 200,
  },
  {
    kind: 'part',
    pattern: new RegExp(`^第\\s*(${ANY_NUMBER})\\s*部(?:分)?${AFTER_MARKER}`, 'u'),
    rank: fixed(10),
    value: numeral,
    listLike: false,
    maxLength: 60,
  },
  {
    kind: 'pian',
    pattern: /^([上中下])篇(?=$|[\s\u3000:：·、，,－—-])/u,
    rank: fixed(11),
    // 上篇 and 下篇 without 中篇 is no gap: not checked.
    value: () => undefined,
    listLike: false,
    maxLength: 60,
  },
  {
    kind: 'volume',
    pattern: new RegExp(`^(?:第\\s*(${ANY_NUMBER})\\s*卷${AFTER_MARKER}|卷\\s*(${ANY_NUMBER})(?=$|[\\s\\u3000:：·、，,－—-]))`, 'u'),
    rank: fixed(12),
    value: numeral,
    listLike: false,
    maxLength: 60,
  },
  {
    kind: 'chapter',
    // 回 but not 回合 (a round of a match).
    pattern: new RegExp(`^第\\s*(${ANY_NUMBER})\\s*(?:章|回(?!合))${AFTER_MARKER}`, 'u'),
    rank: fixed(20),
    value: numeral,
    listLike: false,
    maxLength: 60,
  },
  {
    kind: 'chapter-en',
    pattern: /^chapter\s+(\d+|[ivxlcdm]+)\b/iu,
    rank: fixed(20),
    value: (text) => (/^\d+$/.test(text) ? Number(text) : parseRoman(text)),
    listLike: false,
    maxLength: 80,
  },
  {
    kind: 'section',
    pattern: new RegExp(`^第\\s*(${ANY_NUMBER})\\s*[節节]${AFTER_MARKER}`, 'u'),
    rank: fixed(30),
    value: numeral,
    listLike: false,
    maxLength: 60,
  },
  {
    kind: 'cn-list',
    pattern: new RegExp(`^(${CN})\\s*[、．]`, 'u'),
    rank: fixed(40),
    value: numeral,
    listLike: true,
    inlineNext: new RegExp(`(?:^|[\\s；;，,。:：])${CN}\\s*、`, 'u'),
    maxLength: 40,
  },
  {
    kind: 'cn-paren',
    pattern: new RegExp(`^[(（]\\s*(${CN})\\s*[)）]`, 'u'),
    rank: fixed(50),
    value: numeral,
    listLike: true,
    inlineNext: new RegExp(`[(（]\\s*${CN}\\s*[)）]`, 'u'),
    maxLength: 40,
  },
  {
    kind: 'decimal',
    // 1.1 and 1.2.3: no component is 0 (2.0 is a version, not a section) and a space or
    // the title follows, but not a unit (3.5%, 1.5倍 and 2.5萬元 are figures).
    pattern: new RegExp(
      `^((?:[1-9１-９][${DIGIT_CHARS}]{0,2})(?:[.．][1-9１-９][${DIGIT_CHARS}]{0,2})+)[.．]?(?=[\\s\\u3000]|(?![${MEASURE_UNITS}])\\p{Script=Han}|[「“『《])`,
      'u',
    ),
    // 1.1 is just inside 1、/1.; each further component nests one deeper.
    rank: (text) => 60 + text.split(/[.．]/).length - 1,
    value: (text) => parseNumeral(text.split(/[.．]/).pop()!),
    listLike: true,
    inlineNext: new RegExp(`[\\s；;，,。]${DIGITS}(?:[.．]${DIGITS})+\\s`, 'u'),
    maxLength: 40,
  },
  {
    kind: 'num-list',
    pattern: new RegExp(`^(${DIGITS})\\s*、`, 'u'),
    rank: fixed(60),
    value: numeral,
    listLike: true,
    inlineNext: new RegExp(`(?:^|[\\s；;，,。:：])${DIGITS}\\s*、`, 'u'),
    maxLength: 40,
  },
  {
    kind: 'num-dot',
    pattern: new RegExp(`^(${DIGITS})[.．](?![${DIGIT_CHARS}])`, 'u'),
    rank: fixed(60),
    value: numeral,
    listLike: true,
    inlineNext: new RegExp(`[\\s；;，,。]${DIGITS}[.．](?![${DIGIT_CHARS}])`, 'u'),
    maxLength: 40,
  },
  {
    kind: 'num-paren',
    pattern: new RegExp(`^[(（]\\s*(${DIGITS})\\s*[)）]`, 'u'),
    rank: fixed(70),
    value: numeral,
    listLike: true,
    inlineNext: new RegExp(`[(（]\\s*${DIGITS}\\s*[)）]`, 'u'),
    maxLength: 40,
  },
];

/**
 * First characters of a trimmed line that any built-in rule can start with. Checking
 * it first keeps the scan of a 5 MB novel to one character test for most lines.
 */
export const BUILTIN_FIRST_CHARS: ReadonlySet<number> = new Set(
  [...`#第卷上中下Cc(（${CHINESE_NUMERAL_CHARS}0123456789０１２３４５６７８９`].map((c) => c.charCodeAt(0)),
);

/** Sentence punctuation that makes a line a sentence rather than a heading, wherever it is. */
export const SENTENCE_STOP = /[。；;]/u;
/** Punctuation allowed only at the end of a heading (你好！, 為什麼？). */
export const END_ONLY = /[！!？?…]/u;

/**
 * Source, author, editor and date lines (來源:…, 更新時間:…), which open many web
 * articles: never the document's title. The grammar colours the same lines as comments.
 */
export const METADATA_LINE =
  /^(?:來源|来源|出處|出处|作者|記者|记者|責任編輯|责任编辑|編輯|编辑|責編|责编|發布時間|发布时间|發佈時間|更新時間|更新时间|時間|时间|日期|原標題|原标题|原文鏈接|原文链接|攝影|摄影|圖片來源|图片来源)\s*[:：]/u;
