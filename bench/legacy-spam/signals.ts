/**
 * Line-local signals: everything the scorer can tell from one line alone. They are
 * computed once per line text and cached by the document model, so an edit re-runs
 * them only for the lines it touched. Each function is pure and tested on its own.
 */
import { classifyCounts, detectScript, LINE_DOMINANCE, type ScriptKind } from '../../src/core/script/detect';
import { findTerms, type LexiconName } from './lexicon';
import { foldLine } from './normalize';

/** A keyword repeated across the separator-joined segments of a line. */
export interface Repetition {
  /** The repeated unit as written in the line. */
  readonly unit: string;
  readonly count: number;
  /** The separator that joins the segments, as written ('-', '_', '|', ',' or ' '). */
  readonly separator: string;
}

export type ContactKind = 'im' | 'phone' | 'url';

export interface ContactMatch {
  readonly kind: ContactKind;
  /** The matched text as written in the line. */
  readonly text: string;
  /** Plain-words name: "QQ number", "WeChat ID", "mobile number", "URL"... */
  readonly what: string;
}

export interface LineFeatures {
  readonly text: string;
  /** Full-width folded, lower case, Traditional folded to Simplified; same offsets as text. */
  readonly folded: string;
  readonly blank: boolean;
  /** First and last non-blank columns. */
  readonly start: number;
  readonly end: number;
  readonly han: number;
  readonly latin: number;
  readonly traditional: number;
  readonly simplified: number;
  readonly script: ScriptKind;
  /** Ends with sentence-final punctuation (allowing closing quotes and brackets). */
  readonly sentenceEnd: boolean;
  /** Holds sentence punctuation anywhere (。！？；). */
  readonly hasSentence: boolean;
  readonly terms: Readonly<Partial<Record<LexiconName, readonly string[]>>>;
  readonly repetition: Repetition | undefined;
  readonly contacts: readonly ContactMatch[];
  /** Number of separator-joined segments (keyword lists have many short ones). */
  readonly segments: number;
  readonly averageSegment: number;
  /** Distinct content bigrams (Han pairs without function characters), for topical similarity. */
  readonly bigrams: readonly string[];
  readonly caption: string | undefined;
  readonly metadata: string | undefined;
  readonly boilerplate: string | undefined;
  /** The whole line is one 【...】 bracket: a heading or link title, boilerplate next to boilerplate. */
  readonly bracketOnly: boolean;
  /** A short phrase ending in 图片/照片 ("... picture."): a caption near the top of a page. */
  readonly picturePhrase: boolean;
  /** One short sentence opening with a date ("6月8日，…。"): how photo descriptions start. */
  readonly datedSentence: boolean;
  /** One short sentence (or a phrase) of at most SHORT_HAN Han characters. */
  readonly shortSentence: boolean;
  /**
   * The numbering style the line opens with ('（一）', '一、', '1、', '1.', '(1)'), as a
   * key: items of the document's own numbered list are part of it, whatever their topic.
   */
  readonly listMarker: string | undefined;
  /** Opens with a quotation mark: a line of dialogue in narrative text. */
  readonly dialogue: boolean;
}

/** Han characters of a line that reads as a short caption. */
export const SHORT_HAN = 30;

const LEXICON_NAMES: readonly LexiconName[] = [
  'download', 'streaming', 'gambling', 'porn', 'loan', 'invoice', 'quackery', 'shady', 'promo', 'solicit', 'enforcement', 'boilerplate',
];

function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0xf900 && cp <= 0xfaff);
}

/**
 * Characters too common to say anything about a topic; a bigram holding one is not
 * counted for similarity (a stop list for character bigrams, in Simplified: lines are folded).
 */
const FUNCTION_CHARS = new Set('的了是在和与及或也都而又就并对于为以从到被把将这那其之个中上下有不一人们年月日我你他她它此等各所该会能可已还要更最很着过来去说时后前大小多少没但如因所让给向由');

/** Distinct bigrams of adjacent Han characters, skipping pairs with a function character. */
export function contentBigrams(folded: string): string[] {
  const found = new Set<string>();
  let previous = '';
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    if (!isHan(cp) || FUNCTION_CHARS.has(ch)) {
      previous = '';
      continue;
    }
    if (previous) found.add(previous + ch);
    previous = ch;
  }
  return [...found];
}

const SEPARATOR_RUN = /[-_|,;/·、，；\s]+/g;
const SEPARATOR_CHARS = new Set(['-', '_', '|', ',', ' ', '、', '/', ';', '·']);

/** Segments of a folded line between separators, with their offsets. */
function segmentsOf(folded: string): { text: string; at: number }[] {
  const segments: { text: string; at: number }[] = [];
  let at = 0;
  for (const match of folded.matchAll(SEPARATOR_RUN)) {
    if (match.index > at) segments.push({ text: folded.slice(at, match.index), at });
    at = match.index + match[0].length;
  }
  if (at < folded.length) segments.push({ text: folded.slice(at), at });
  return segments;
}

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) n++;
  return n;
}

/**
 * The longest prefix shared by at least three segments and by at least half of them:
 * keyword stuffing repeats one brand or title with different suffixes. The prefix needs
 * two Han characters or four characters in all, so that English words sharing "th" or a
 * pair of numbers do not count.
 */
export function findRepetition(text: string, folded = foldLine(text)): Repetition | undefined {
  const segments = segmentsOf(folded).slice(0, 40);
  if (segments.length < 3) return undefined;
  const needed = Math.max(3, Math.ceil(segments.length / 2));
  let best: { unit: string; count: number; at: number } | undefined;
  for (const segment of segments) {
    for (let length = segment.text.length; length >= 2; length--) {
      if (best && length <= best.unit.length) break;
      const prefix = segment.text.slice(0, length);
      if (hanCount(prefix) < 2 && prefix.length < 4) break;
      let count = 0;
      for (const other of segments) if (other.text.startsWith(prefix)) count++;
      if (count >= needed) {
        best = { unit: prefix, count, at: segment.at };
        break;
      }
    }
  }
  if (!best) return undefined;
  const separatorAt = folded.indexOf(best.unit) + best.unit.length;
  let separator = ' ';
  for (let i = separatorAt; i < folded.length; i++) {
    if (SEPARATOR_CHARS.has(folded[i]!)) {
      separator = text[i] === '\u3000' ? ' ' : folded[i]!;
      break;
    }
  }
  return { unit: text.slice(best.at, best.at + best.unit.length), count: best.count, separator };
}

const CONTACT_PATTERNS: readonly { kind: ContactKind; what: string; pattern: RegExp }[] = [
  { kind: 'im', what: 'QQ number', pattern: /(?:qq|扣扣|企鹅)(?:群|号)?\s*(?:号码)?\s*[:：]?\s*\d{5,11}(?!\d)/g },
  {
    kind: 'im',
    what: 'WeChat ID',
    pattern: /(?:微信|v信|威信|薇信|vx|wx|weixin|加v)(?:号)?\s*[:：]?\s*[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])|微信同号|电话\/微信/g,
  },
  { kind: 'im', what: 'Telegram handle', pattern: /(?:telegram|tg|纸飞机|飞机)\s*[:：@]\s*@?[a-z0-9_]{4,}/g },
  // LINE, the messenger of Taiwan and Hong Kong ads (加LINE, 加賴, LINE ID：…). A bare
  // "line:" is English, so the word needs 加 before it or "id" after it.
  {
    kind: 'im',
    what: 'LINE ID',
    pattern: /(?:加\s*(?:line|赖)(?:\s*id)?|(?:line|赖)\s*id)\s*[:：]?\s*@?[a-z0-9][-_.a-z0-9]{3,19}(?![-_.a-z0-9])/g,
  },
  { kind: 'im', what: 'WhatsApp number', pattern: /whats\s?app\s*[:：]?\s*\+?\d[\d -]{6,16}\d/g },
  // Mobile numbers, also written with spaces or hyphens between the digits.
  { kind: 'phone', what: 'mobile number', pattern: /(?<![\d.])1[3-9]\d(?:[ -]?\d){8}(?![\d.])/g },
  // Taiwan (09xx-xxx-xxx, +886 9xx…) and Hong Kong (+852 xxxx xxxx) mobiles.
  { kind: 'phone', what: 'mobile number', pattern: /(?<![\d.])(?:09\d\d|\+886[ -]?9\d\d)(?:[ -]?\d){6}(?![\d.])/g },
  { kind: 'phone', what: 'mobile number', pattern: /\+852[ -]?[5-9]\d{3}[ -]?\d{4}(?![\d.])/g },
  // The same in Chinese numerals, a common way round number filters (一三八…).
  { kind: 'phone', what: 'mobile number', pattern: /一[三四五六七八九](?:\s?[零〇一二三四五六七八九]){9}(?![零〇一二三四五六七八九])/g },
  { kind: 'url', what: 'URL', pattern: /https?:\/\/[^\s，。、）)]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/g },
  {
    kind: 'url',
    what: 'domain',
    pattern: /(?<![a-z0-9@.\/-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|cc|top|xyz|vip|me|io|info|tv|biz|club|site|online|hk|tw)(?![a-z0-9])/g,
  },
];

/** Phone, IM and URL patterns in the line, including full-width and spaced digits. */
export function findContacts(text: string, folded = foldLine(text)): ContactMatch[] {
  const found: ContactMatch[] = [];
  const taken: [number, number][] = [];
  for (const { kind, what, pattern } of CONTACT_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      // A domain inside a URL already found is the same finding.
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      taken.push([from, to]);
      found.push({ kind, what, text: text.slice(from, to) });
    }
  }
  return found;
}

const SENTENCE_END = /[。！？!?…][”"’'」』）)】]*\s*$|\.\s*$/;
const SENTENCE_ANY = /[。！？；!?;]/;

// Information labels. The patterns run on the folded line (Simplified, half-width).
const CAPTION_PATTERNS: readonly [RegExp, string][] = [
  [/^图为|[。，,]\s*图为/, 'describes the picture (图为, "the picture shows")'],
  [/(?:记者|摄影)?\s*[\u4e00-\u9fff]{2,4}\s*摄\s*[)）]?\s*$/, 'ends with a photographer credit (…摄)'],
  [/\s摄\s|[(（][\u4e00-\u9fff]{2,4}\s*摄[)）]/, 'names a photographer (…摄)'],
  [/图片来源|供图|本版摄影|摄影[:：\/]|资料图[)）]?$|视觉中国|新华社发|新华社\/路透|图片说明|组图[:：]/, 'picture credit'],
];

const METADATA_PATTERNS: readonly [RegExp, string][] = [
  [/(?:^|[(（\s])(?:来源|来自|出处|转自|稿源|原标题)\s*[:：]/, 'names the source'],
  [/[(（]据\s*[《\u4e00-\u9fff]/, 'names the source'],
  [/(?:^|\s)(?:作者|编辑|责任编辑|责编|编者|校对|审核)\s*[:：]/, 'names the author or editor'],
  [/(?:发布|更新|发表)(?:时间|日期)\s*[:：]|(?:^|\s)日期\s*[:：]/, 'gives a publication date'],
  [/^(?:标签|关键词|关键字|tags?)\s*[:：]/, 'lists tags'],
  [/^(?:本报|本刊|本台|本网)?(?:特约)?(?:记者|通讯员|实习生|见习记者)\s*[\u4e00-\u9fff]{2,4}(?:\s|$|[(（])/, 'byline'],
  // A dateline alone, possibly with the reporters in brackets; one followed by the story is content.
  [/(?:网|社|报|台|刊|报道)[-－\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日[\u4e00-\u9fff]{0,4}(?:电|讯|专电)\s*(?:[(（][^)）]*[)）])?$/, 'dateline'],
  [/^[\u4e00-\u9fff]{0,8}(?:报讯|社讯|网讯|专电)\s*(?:[(（][^)）]*[)）])?$/, 'dateline'],
  [/^[\u4e00-\u9fff()（）]{2,12}[,，]\s*\d{4}年\d{1,2}月\d{1,2}日$/, 'dateline'],
  [/记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*(?:发自|报道)?\s*$/, 'byline'],
  [/(?:联合|综合)报道$/, 'byline'],
  [/^(?:文|撰文|编译|翻译|整理|口述|采写|图文)\s*[\/|｜:：]/, 'names the author'],
  [/^\d{4}[-\/.年]\d{1,2}[-\/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s.*)?$/, 'a date line'],
  [/(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d+\s*(?:次)?$/, 'a read counter'],
];

/** Metadata lines are short: a long line that starts with a dateline is an article paragraph. */
const METADATA_MAX_HAN = 40;
const CAPTION_MAX_HAN = 200;

/** Terms that make a line boilerplate whatever its length. */
const STRONG_BOILERPLATE = /仅提供信息存储空间|icp|备案号|许可证编号|剩余可输入字符|copyright|©|不代表本网|版权所有/;

const CN_DIGITS = '〇零一二三四五六七八九十百两';
const LIST_MARKERS: readonly [RegExp, string][] = [
  [new RegExp(`^[(（][${CN_DIGITS}]{1,4}[)）]`), '(cn)'],
  [new RegExp(`^[${CN_DIGITS}]{1,4}[、,，.]`), 'cn、'],
  [/^[(（]\d{1,3}[)）]/, '(n)'],
  [/^\d{1,3}[、，]/, 'n、'],
  [/^\d{1,3}\.(?!\d)/, 'n.'],
  [/^第[〇零一二三四五六七八九十百两\d]{1,4}[,，、是]/, '第n'],
];

/** The numbering style a folded, trimmed line opens with, if any. */
export function listMarkerOf(trimmed: string): string | undefined {
  for (const [pattern, key] of LIST_MARKERS) if (pattern.test(trimmed)) return key;
  return undefined;
}

/** At most one sentence-final mark, and only at the end. */
function oneSentence(folded: string): boolean {
  const marks = folded.match(/[。!?！？]/g)?.length ?? 0;
  return marks === 0 || (marks === 1 && /[。!?！？][”"’'」』)]*$/.test(folded));
}

function firstMatch(patterns: readonly [RegExp, string][], folded: string): string | undefined {
  for (const [pattern, reason] of patterns) if (pattern.test(folded)) return reason;
  return undefined;
}

/** Extracts every line-local signal of `text`. */
export function lineFeatures(text: string): LineFeatures {
  const folded = foldLine(text);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const blank = end <= start;
  const scriptReport = detectScript(text);
  const counts = { traditional: scriptReport.traditional, simplified: scriptReport.simplified };
  let han = 0;
  let latin = 0;
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) han++;
    else if (cp >= 0x61 && cp <= 0x7a) latin++;
  }
  const terms: Partial<Record<LexiconName, readonly string[]>> = {};
  if (!blank) {
    for (const name of LEXICON_NAMES) {
      const found = findTerms(folded, name);
      if (found.length > 0) terms[name] = found;
    }
  }
  const segments = blank ? [] : segmentsOf(folded.trim());
  const trimmed = folded.trim();
  const boilerplateHits = terms.boilerplate?.length ?? 0;
  const boilerplate = STRONG_BOILERPLATE.test(trimmed)
    ? 'site notice (licence, disclaimer or copyright)'
    : boilerplateHits >= 2 || (boilerplateHits === 1 && (han <= 12 || (han <= 30 && !SENTENCE_ANY.test(folded))))
      ? `navigation or site wording (${terms.boilerplate!.join(', ')})`
      : undefined;
  return {
    text,
    folded,
    blank,
    start,
    end,
    han,
    latin,
    ...counts,
    script: classifyCounts(counts, LINE_DOMINANCE),
    sentenceEnd: SENTENCE_END.test(folded),
    hasSentence: SENTENCE_ANY.test(folded),
    terms,
    repetition: blank ? undefined : findRepetition(text, folded),
    contacts: blank ? [] : findContacts(text, folded),
    segments: segments.length,
    averageSegment: segments.length ? segments.reduce((n, s) => n + s.text.length, 0) / segments.length : 0,
    bigrams: contentBigrams(folded),
    caption: blank || han > CAPTION_MAX_HAN ? undefined : firstMatch(CAPTION_PATTERNS, trimmed),
    metadata: blank || han > METADATA_MAX_HAN ? undefined : firstMatch(METADATA_PATTERNS, trimmed),
    boilerplate: blank ? undefined : boilerplate,
    bracketOnly: /^[【\[][^【】\[\]]{1,40}[】\]]$/.test(trimmed),
    picturePhrase: han <= 20 && /(?:图片|照片|截图)[。.]?$/.test(trimmed),
    datedSentence: han <= 60 && /^(?:\d{4}年)?\d{1,2}月\d{1,2}日[,，]/.test(trimmed) && oneSentence(trimmed),
    shortSentence: han > 0 && han <= SHORT_HAN && oneSentence(trimmed),
    listMarker: blank ? undefined : listMarkerOf(trimmed),
    dialogue: /^[「『“"]/.test(trimmed),
  };
}
