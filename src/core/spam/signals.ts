/**
 * Line-local signals: everything the scorer can tell from one line alone. They are
 * computed once per line text and cached by the document model, so an edit re-runs
 * them only for the lines it touched. Each function is pure and tested on its own.
 */
import { classifyCounts, detectScript, LINE_DOMINANCE, type ScriptKind } from '../script/detect';
import { findTerms, VICE_LEXICONS, type LexiconName } from './lexicon';
import { msg } from '../text/messages';
import { foldLine } from './normalize';
import { isBreadcrumb, isClientSignature, isCounterRow, isExamFurniture, isHashtagRow, isReferenceFurniture } from './furniture';

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
  /** Written to get past filters: digits split into groups, or the app named by a homophone. */
  readonly disguised?: boolean;
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
  /** Number of separator-joined segments holding a letter or Han character (keyword lists have many short ones). */
  readonly segments: number;
  readonly averageSegment: number;
  /** Distinct content bigrams (Han pairs without function characters), for topical similarity. */
  readonly bigrams: readonly string[];
  readonly caption: string | undefined;
  readonly metadata: string | undefined;
  readonly boilerplate: string | undefined;
  /** The whole line is one 【...】 bracket: a heading or link title, boilerplate next to boilerplate. */
  readonly bracketOnly: boolean;
  /** A short headline-like line opening with a bullet mark (▶, ●, ．, ※…): an item of a link list. */
  readonly listedLink: boolean;
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
  /** Ends with a commercial SMS's opt-out instruction (回T退订, 退订回TD, 拒收请回复R). */
  readonly optOut: boolean;
  /** Asks for a reply code to sign up or buy (回复1了解, 回覆Y即可办理), as commercial text messages do. */
  readonly replyToAct: boolean;
  /**
   * A phishing message's request, as written in the folded line: trouble with the
   * reader's account, bill, parcel or prize, then an urgent instruction, beside a contact.
   */
  readonly phishing: { readonly trouble: string; readonly action: string } | undefined;
}

/**
 * The opt-out instruction that Chinese law requires at the end of a commercial text
 * message: a reply code and 退订 or 拒收, in either order, with at most a few marks after
 * it. Only at the end of the line, where the sender's template puts it: a report that
 * quotes the rule (短信须注明"回T退订"等退订方式) goes on after it.
 */
/**
 * A reply code that signs the reader up, orders or books (回复1了解详情, 回覆Y即可办理, 回复C咨询):
 * commercial text messages' way to act. Not a confirmation (回复1确认), which transactions ask for.
 */
const REPLY_TO_ACT = /回[复覆]\s{0,2}[0-9a-z]{1,2}\s{0,2}(?:即可|由|办理|了解|咨询|预约|参加|领取|订购|报名|获取|抢|参与)/;
const OPT_OUT = /(?:(?:回复?|回覆|发送?|编辑|短信)\s{0,2}[a-z]{1,4}\s{0,2}(?:退订|拒收)|退订\s{0,2}请?(?:回复?|回覆|发送?)\s{0,2}[a-z]{1,4}|拒收请?(?:回覆|回复?)\s{0,2}[a-z]{1,4})[^\u4e00-\u9fff]{0,6}$/;

/**
 * Phishing text messages (fake bills, parcels, bank alerts, prizes) tell the reader of
 * trouble with something of theirs and ask them to act at once through the link or number
 * they give. The corpus has no phishing (docs/spam-model.md), so the learned model cannot
 * know them; these are their parts, over the folded (Simplified) line. Legitimate notices
 * seldom join an alarm addressed to the reader, an urgent instruction and a contact in one
 * line, and reports on phishing say so (收到…切勿, 冒充, 诈骗).
 */
const PHISH_TROUBLE = /逾期|欠费|欠款|未缴|尚未缴纳|未缴纳|未结清|未缴清|未支付|未付款|缴费期限|停话|停机|停电|停水|停止供(?:电|水)|停止(?:服务|使用)|冻结|异常|失效|过期|停用|暂停使用|锁定|封锁|被盗|盗用|风险|清零|(?:积分|点数|红利|里程).{0,8}?(?:到期|过期|清零)|无法派送|无法投递|派送失败|未能派送|地址不详|地址不全|地址有误|资料不(?:全|完整|符)|退回|付款失败|支付失败|扣款失败|验证失败|非本人|中奖|获奖|领奖|大奖|奖金|抽中|荣获|恭喜|理赔|退款|退费|退税|补贴|补助|违章|罚单|罚款|注销|限制|关闭|违反|违规|否则(?:将|会)|以免影响/;
/**
 * An instruction to act now: a word of urgency, then, within the clause, the act; or the act
 * right before the link or number it is to be done through (查看详情 http://…, 登记 …).
 */
const PHISH_ACTION = /(?:请|立即|立刻|即刻|尽快|尽速|速|马上|务必)[^，。！？,.!?;；]{0,20}?(?:点击|点选|点入|点此|登录|登陆|登入|验证|认证|更新|填写|补填|补缴|缴费|缴纳|兑换|领取|申领|申请|办理|处理|查看|前往|访问|进入|解锁|解除|拨打|致电|联系|登记)|(?:点击|点此|查看详情|查看|详情|登录|登入|验证|缴费|缴纳|领取|申领|办理|登记|前往|请至|请到)\s{0,3}(?:[:：>]\s{0,2})?…/;
/** Addressed to the reader (您, 尊敬的…), or sent in the name of a sender in brackets (【中华电信】). */
const PHISH_ADDRESS = /您|你的|亲爱的|尊敬的|^\s*[【\[]/;
/**
 * How a warning about phishing quotes one (收到…切勿点击, 冒充…, 钓鱼网站), and how advice
 * puts the same trouble as a condition (如果发现账号异常，请立即…), and a notice whom to ask
 * (如有疑问请致电…).
 */
const PHISH_REPORT = /收到|切勿|不要|勿点|小心|冒充|假冒|钓鱼|诈骗|骗局|警方|提醒|谨防|警惕|打击|查处|受害|立案|判处|如果|一旦|假如|万一|如有疑问|如有问题|如有需要/;

/**
 * The trouble and the instruction of a phishing request in a folded line, given the
 * contacts found in it (each is replaced by '…' first: a link's dots would end the clause).
 */
export function phishingRequest(folded: string, contacts: readonly ContactMatch[]): { trouble: string; action: string } | undefined {
  if (contacts.length === 0 || !PHISH_ADDRESS.test(folded) || PHISH_REPORT.test(folded)) return undefined;
  const trouble = PHISH_TROUBLE.exec(folded);
  if (!trouble) return undefined;
  let rest = folded;
  for (const contact of contacts) {
    const pieces = rest.split(foldLine(contact.text));
    rest = pieces.map((piece, i) => (i > 0 ? piece.trimStart() : piece)).map((piece, i) => (i < pieces.length - 1 ? piece.trimEnd() : piece)).join('…');
  }
  const action = PHISH_ACTION.exec(rest);
  return action ? { trouble: trouble[0], action: action[0] } : undefined;
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

/**
 * Separators of any kind between keywords: spaces, ASCII and CJK punctuation that is not
 * sentence-final, hashtags, brackets and quotes. Keyword stuffing uses all of them.
 */
const SEPARATOR_RUN = /[-_|,;/·、，；:：=+#*~<>【】\[\]()（）《》「」『』"'“”‘’｜\s]+/g;
const SEPARATOR_CHARS = new Set([...'-_|,;/·、，；:：=+#*~<>【】[]()（）《》「」『』"\'“”‘’｜ ']);

/** Segments considered per line, and characters per segment: keywords are short, and this caps the work on a long line. */
const MAX_SEGMENTS = 40;
const MAX_SEGMENT_CHARS = 48;

/** Segments of a folded line between separators, with their offsets (at most MAX_SEGMENTS). */
export function segmentsOf(folded: string, limit = Number.POSITIVE_INFINITY): { text: string; at: number }[] {
  const segments: { text: string; at: number }[] = [];
  let at = 0;
  SEPARATOR_RUN.lastIndex = 0;
  for (const match of folded.matchAll(SEPARATOR_RUN)) {
    if (match.index > at) segments.push({ text: folded.slice(at, match.index), at });
    at = match.index + match[0].length;
    if (segments.length >= limit) return segments;
  }
  if (at < folded.length) segments.push({ text: folded.slice(at), at });
  return segments;
}

const WORD_CHAR = /\p{L}/u;

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The longest prefix shared by at least three segments and by at least half of them:
 * keyword stuffing repeats one brand or title with different suffixes. The prefix needs
 * two Han characters or four characters in all, so that English words sharing "th" or a
 * pair of numbers do not count.
 *
 * Linear in the line: at most MAX_SEGMENTS segments of MAX_SEGMENT_CHARS characters are
 * sorted, and the longest prefix shared by `needed` segments is the longest common prefix
 * of some `needed` neighbours in sorted order (the smallest adjacent LCP in the window).
 */
export function findRepetition(text: string, folded = foldLine(text)): Repetition | undefined {
  const segments = segmentsOf(folded, MAX_SEGMENTS).map((s) => ({ text: s.text.slice(0, MAX_SEGMENT_CHARS), at: s.at }));
  if (segments.length < 3) return undefined;
  const needed = Math.max(3, Math.ceil(segments.length / 2));
  const sorted = [...segments].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.at - b.at));
  const adjacent = sorted.slice(1).map((s, i) => commonPrefixLength(sorted[i]!.text, s.text));
  let bestLength = 0;
  let bestFrom = -1;
  for (let from = 0; from + needed <= sorted.length; from++) {
    let length = Number.POSITIVE_INFINITY;
    for (let k = from; k < from + needed - 1; k++) length = Math.min(length, adjacent[k]!);
    if (length > bestLength) {
      bestLength = length;
      bestFrom = from;
    }
  }
  if (bestLength < 2) return undefined;
  const unit = sorted[bestFrom]!.text.slice(0, bestLength);
  if (hanCount(unit) < 2 && unit.length < 4) return undefined;
  let count = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const segment of segments) {
    if (segment.text.startsWith(unit)) {
      count++;
      first = Math.min(first, segment.at);
    }
  }
  const separatorAt = first + unit.length;
  let separator = ' ';
  for (let i = separatorAt; i < Math.min(folded.length, separatorAt + MAX_SEGMENT_CHARS * 4); i++) {
    if (SEPARATOR_CHARS.has(folded[i]!)) {
      separator = text[i] === '\u3000' ? ' ' : folded[i]!;
      break;
    }
  }
  return { unit: text.slice(first, first + unit.length), count, separator };
}

/**
 * A word (2 to 4 characters, holding a Han character) found in at least three segments
 * and in at least half of them, anywhere in the segment: stuffing whose segments share
 * no prefix (真人百家乐技巧 百家乐必胜打法 百家乐怎么玩). Bounded work per line, as above.
 */
export function findSharedWord(folded: string): { word: string; count: number; segments: number } | undefined {
  const segments = segmentsOf(folded, MAX_SEGMENTS).map((s) => s.text.slice(0, MAX_SEGMENT_CHARS));
  if (segments.length < 3) return undefined;
  const needed = Math.max(3, Math.ceil(segments.length / 2));
  let best: { word: string; count: number } | undefined;
  for (let n = 4; n >= 2 && !best; n--) {
    const counts = new Map<string, number>();
    for (const segment of segments) {
      const seen = new Set<string>();
      for (let i = 0; i + n <= segment.length; i++) {
        const word = segment.slice(i, i + n);
        if (seen.has(word) || hanCount(word) < 2) continue;
        seen.add(word);
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    for (const [word, count] of counts) if (count >= needed && (!best || count > best.count)) best = { word, count };
  }
  return best && { ...best, segments: segments.length };
}

/**
 * Contact patterns. Every separator run is bounded ({0,3}), so no two unbounded runs meet:
 * each pattern is linear (checked with recheck in the unit tests). The line is folded
 * first, so full-width letters and digits match too.
 */
const SEP = '[\\s:：=@]{0,3}';
interface ContactPattern {
  readonly kind: ContactKind;
  readonly what: string;
  readonly pattern: RegExp;
  readonly disguised?: boolean;
  /** A check on the match that the pattern cannot express (a count of digits). */
  readonly accept?: (match: string) => boolean;
}

/**
 * A QQ number written to get past filters, as live-stream and chat spam does: split into
 * groups (篇企鹅 1537 3608, 怦 29526 Q 77544, 口2247 1419) or named by a homophone before or
 * after it (2218439086+++口, 9786 49984+秋秋, 7747 33332粉逼加窛). A one-character name (口, 扣,
 * q…) needs the digits split or written before it, so that an order number Q139846560 is not
 * one; q is not part of an English word, nor 口 of a Chinese one (人口, 出口, 口罩); a decimal
 * (实扣12960.30) never is.
 */
const QQ_ALIAS = '(?:企鹅|扣扣|蔻蔻|秋秋|抠抠|(?<![a-z])q(?![a-z])|[扣窛寇叩]|(?<![人出入进港开门窗胃路借户河关伤缺接])口(?![罩岸径味感腔语头碑袋子水红令气才音吻号述]))';
const QQ_ALIAS_WORD = '(?:企鹅|扣扣|蔻蔻|秋秋|抠抠)';
const DIGIT_GROUPS = '\\d{2,6}(?:[\\s+＋]{1,3}\\d{2,6}){1,3}';
/**
 * A QQ number spelled digit by digit after its name, a verb or two between, some digits
 * perhaps in Chinese: 加我扣扣聊聊 2 8 7 5 9 0 1 3 3, 扣：2 8 6 四 5 1 9 0 3.
 */
const SPACED_QQ = `(?:${QQ_ALIAS}|(?<![a-z])qq(?![a-z]))[\\u4e00-\\u9fff]{0,3}[\\s:：]{0,3}\\d(?:[\\s.\\-_]{1,2}[\\d〇零一二三四五六七八九]){4,10}(?![\\d〇零一二三四五六七八九])`;
const DISGUISED_QQ = new RegExp(
  `${QQ_ALIAS}[\\s+＋:：]{0,3}${DIGIT_GROUPS}(?!\\.?\\d)|${SPACED_QQ}|${QQ_ALIAS_WORD}[\\s+＋:：]{0,3}\\d{5,11}(?!\\.?\\d)|(?<![\\d.])(?:${DIGIT_GROUPS}|\\d{5,11})[\\s+＋]{0,3}${QQ_ALIAS}`,
  'g',
);

/** QQ numbers have 5 to 11 digits. */
const qqLength = (match: string): boolean => {
  const digits = match.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 11;
};

const CONTACT_PATTERNS: readonly ContactPattern[] = [
  { kind: 'im', what: msg('QQ number'), pattern: new RegExp(`(?:qq|扣扣|企鹅|抠抠|蔻蔻|q号)(?:群|号码|号)?${SEP}\\d{5,11}(?!\\d)`, 'g') },
  { kind: 'im', what: msg('QQ number'), pattern: DISGUISED_QQ, disguised: true, accept: qqLength },
  {
    kind: 'im',
    what: msg('WeChat ID'),
    pattern: new RegExp(`(?:微信|v信|威信|薇信|徽信|vx|wx|weixin|加v|加薇|加威|薇|威)(?:号)?${SEP}[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])|微信同号|电话/微信`, 'g'),
  },
  // A WeChat ID spelled out with spaces to get past filters: 微信 a j 7 7 1 2 0 9, 加我v：xiao ya 0 9 2.
  {
    kind: 'im',
    what: msg('WeChat ID'),
    pattern: /(?:微信|v信|威信|薇信|徽信|vx|wx|加v|加薇|加威|(?<=[\u4e00-\u9fff])v(?=\s{0,2}[:：]))(?:号)?\s{0,2}[:：]?\s{0,2}(?:[a-z]{1,6}|\d)(?:[ ._-](?:[a-z]{1,6}|\d)){3,12}(?![a-z0-9])/g,
    disguised: true,
    accept: (match) => (match.match(/\d/g)?.length ?? 0) >= 2,
  },
  { kind: 'im', what: msg('Telegram handle'), pattern: new RegExp(`(?:telegram|tg|纸飞机|飞机|电报)(?:号)?[\\s:：@]{1,3}[a-z0-9_]{4,24}(?![a-z0-9_])`, 'g') },
  // LINE, the messenger of Taiwan and Hong Kong ads (加LINE, 加賴, LINE ID：…). A bare
  // "line:" is English, so the word needs 加 before it or "id" after it, or it follows
  // Chinese text and gives an ID of letters and digits (高雄外送茶 LINE:abc123).
  {
    kind: 'im',
    what: msg('LINE ID'),
    pattern: /(?:加\s{0,2}(?:line|赖)(?:\s{0,2}id)?|(?:line|赖)\s{0,2}id)[\s:：@]{0,3}[a-z0-9][-_.a-z0-9]{3,19}(?![-_.a-z0-9])|(?<=[\u4e00-\u9fff]\s{0,2})line\s{0,2}[:：]\s{0,2}(?=[a-z_.]{0,19}\d)(?=\d{0,19}[a-z])[a-z0-9][-_.a-z0-9]{3,19}(?![-_.a-z0-9])/g,
  },
  // A messenger handle (@id) given as the way to reach someone: after a colon
  // (供需发布：@xyz2023, LINE群組：@stock888) or right after a contact word (联系@hyjt857,
  // LINE客服 @gift66). Not a bare @name: replies and reports quote those (推特用戶 @abc).
  {
    kind: 'im',
    what: msg('messenger handle'),
    pattern: /(?:[:：]\s{0,2}|(?:联系|联络|客服|咨询|业务|商务|私聊|私信|line|赖)[\s:：]{0,3})@[a-z0-9][a-z0-9_]{3,31}(?![a-z0-9_.@])/g,
  },
  { kind: 'im', what: msg('WhatsApp number'), pattern: /whats\s?app[\s:：]{0,3}\+?\d(?:[ -]?\d){6,15}(?!\d)/g },
  // An ID shared across apps (钉钉/小红书同号：bb668), or an app's nickname with an ID (not
  // the start of a word: 关注我们的Instagram is no ID "tagram").
  {
    kind: 'im',
    what: msg('messenger ID'),
    pattern: new RegExp(`(?:同号|钉钉|小红书|抖音|快手|探探|陌陌|(?<![a-z])(?:skype|ins)(?![a-z]))(?:号)?${SEP}[a-z0-9][-_.a-z0-9]{3,19}(?![-_.a-z0-9])`, 'g'),
  },
  // Mobile numbers, also written with spaces or hyphens between the digits, or masked.
  { kind: 'phone', what: msg('mobile number'), pattern: /(?<![\d.])1[3-9]\d(?:[ -]?\d){8}(?![\d.])/g },
  { kind: 'phone', what: msg('masked mobile number'), pattern: /(?<![\d.x*])1[3-9]\d[\dx*]{4}\d{4}(?![\d.x*])/g },
  // Taiwan (09xx-xxx-xxx, +886 9xx…) and Hong Kong (+852 xxxx xxxx) mobiles.
  { kind: 'phone', what: msg('mobile number'), pattern: /(?<![\d.])(?:09\d\d|\+886[ -]?9\d\d)(?:[ -]?\d){6}(?![\d.])/g },
  { kind: 'phone', what: msg('mobile number'), pattern: /\+852[ -]?[5-9]\d{3}[ -]?\d{4}(?![\d.])/g },
  // The same in Chinese numerals, a common way round number filters (一三八…).
  { kind: 'phone', what: msg('mobile number'), pattern: /一[三四五六七八九](?:\s?[零〇一二三四五六七八九]){9}(?![零〇一二三四五六七八九])/g, disguised: true },
  { kind: 'url', what: msg('URL'), pattern: /https?:\/\/[^\s，。、）)]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/g },
  {
    kind: 'url',
    what: msg('domain'),
    pattern: /(?<![a-z0-9@./-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|cc|top|xyz|vip|me|io|info|tv|biz|club|site|online|hk|tw|ly|gl|gd|link|shop|icu|live|pw|app)(?![a-z0-9])/g,
  },
];

/** Every contact pattern's source, for the ReDoS check in the unit tests. */
export const CONTACT_PATTERN_SOURCES: readonly RegExp[] = CONTACT_PATTERNS.map((p) => p.pattern);

/** Phone, IM and URL patterns in the line, including full-width and spaced digits. */
export function findContacts(text: string, folded = foldLine(text)): ContactMatch[] {
  const found: ContactMatch[] = [];
  const taken: [number, number][] = [];
  for (const { kind, what, pattern, disguised, accept } of CONTACT_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      // A domain inside a URL already found is the same finding.
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      if (accept && !accept(match[0])) continue;
      taken.push([from, to]);
      found.push(disguised ? { kind, what, text: text.slice(from, to), disguised } : { kind, what, text: text.slice(from, to) });
      if (found.length >= 16) return found;
    }
  }
  return found;
}

const SENTENCE_END = /[。！？!?…][”"’'」』）)】]*\s*$|\.\s*$/;
const SENTENCE_ANY = /[。！？；!?;]/;

// Information labels. The patterns run on the folded line (Simplified, half-width).
const CAPTION_PATTERNS: readonly [RegExp, string][] = [
  [/^图为|[。，,]\s*图为/, msg('describes the picture (图为, "the picture shows")')],
  // Who is who in a group photo: 左起為…, 由左至右：….
  [/^[(（]?(?:左起|右起|由左至右|由右至左|从左至右|从左到右|从右至左|[左右][一二三]?为)/, msg('describes the picture (图为, "the picture shows")')],
  // 照片提供：台北市政府, 影片來源：YouTube, 資料照片／中央社, and an agency alone in brackets: （路透社）.
  [/^[(（]?(?:照片|相片|影片|视频|图片|图|截图)\s{0,2}(?:提供|来源|出处)\s{0,2}[:：\/]|^资料照片?\s{0,2}[\/:：]|^[(（]\s{0,2}(?:美联社|路透社?|法新社|新华社|中新社|欧新社|共同社|中央社|ap|afp|reuters|epa)\s{0,2}[)）]$/, msg('picture credit')],
  [/[\u4e00-\u9fff]{2,4}\s{0,2}摄\s{0,2}[)）]?(?:\s{1,2}\d{2,4}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日)?$/, msg('ends with a photographer credit (…摄)')],
  // The picture's source in brackets after the caption: …座无虚席。（星岛图片）, （档案照片）, （截图）.
  [/[(（]\s{0,2}[\u4e00-\u9fff]{0,6}(?:图片|照片|相片|截图)\s{0,2}[)）]$/, msg('picture credit')],
  // A year in place of the photographer: 日月潭湖景，中央小島為拉魯島（2016年攝）.
  [/[(（]\s{0,2}\d{4}\s{0,2}年?(?:\s{0,2}\d{1,2}\s{0,2}月)?\s{0,2}摄\s{0,2}[)）]$/, msg('ends with a photographer credit (…摄)')],
  // The mark Taiwanese blogs and news sites put on the line under a picture: ▲ 店門口，一大早就有人排隊.
  // Short: some news sites open whole paragraphs with it.
  [/^[▲△↑⬆]\s{0,2}[^\s▲△↑⬆][^▲△↑⬆]{0,60}$/, msg('a caption under a picture (▲ …)')],
  [/\s摄\s|[(（][\u4e00-\u9fff]{2,4}\s*摄[)）]|[\u4e00-\u9fff]{2,4}\s{0,2}\/\s{0,2}摄影?$/, msg('names a photographer (…摄)')],
  // A reporter credited for the picture after the caption: …跑步。澎湃新闻记者 周雨婷 图.
  [/(?:记者|摄影师?|通讯员)\s{0,2}[\u4e00-\u9fff]{2,4}\s{1,2}(?:图|摄)$/, msg('names a photographer (…摄)')],
  // With the picture sources of blogs and WeChat articles: 图源网络, 图片均来自网络, 题图：视觉中国.
  // A credit after the caption's sentence, or alone: …。美联社, …。港台影片截图, 眾新聞製圖.
  [/[。.]\s{0,3}(?:美联社|路透社?|法新社|新华社|中新社|欧新社|共同社|ap|afp|reuters|epa)$|(?:^|[。.]\s{0,3})[\u4e00-\u9fff]{2,16}(?:图片|截图|供图|制图)$/, msg('picture credit')],
  [/图源|图片均?(?:来自|源自|源于|取自)网络|^(?:题图|头图|封面图?|配图)\s*[\/:：|]|图片来源|供图|本版摄影|摄影[:：\/][^,，。]{0,30}$|资料图[)）]?$|视觉中国|新华社发|新华社\/路透|图片说明|组图[:：]|^[(（]?(?:图片?|照片)\s{0,2}[\/:：|丨]|翻摄|示意图\s{0,2}[\/:：]|^[(（]示意图[)）]$|^[(（]?图片由[^)）]{1,16}提供[)）]?$|资料照[\/:：)）]?$/, msg('picture credit')],
];

const METADATA_PATTERNS: readonly [RegExp, string][] = [
  [/(?:^|[(（【\[\s])(?:本文|文章|消息|内容|新闻|资料|数据|参考|素材|视频|音频|图文)?(?:来源|来自|出处|转自|稿源|原标题)\s*[:：|丨\/]/, msg('names the source')],
  // 文章来源于网络, 以上内容来源于网络, 整理自网络, 摘自《读者》 (a subject before 来源于, so
  // that 来自于北京的张先生表示… stays content).
  [/^(?:本文|文章|以上|以下|内容|以上内容|部分内容|图文|素材|资料|数据)(?:来源于|来自于|源于|转载自|摘自|整理自|编译自)|^(?:[(（]|[-—–~]{1,4})?\s{0,2}(?:整理自|编译自|摘自|摘编自|节选自|选自|转载自|改编自|改写自|缩写自|译自)/, msg('names the source')],
  // The note under a reading passage or a reprint: （…，有删改）, （有改动）.
  [/(?:^[(（](?:本文|文章|原文)?|[,，]\s{0,2})(?:略|稍)?有(?:删改|删节|改动|删减)[)）]?$/, msg('names the source')],
  // A converted or reprinted page's source: 本文内容由基隆山 https://… 转换而来。
  [/^(?:本文|本页)?内容由.{1,80}(?:转换|转载|整理|编译)而来/, msg('names the source')],
  // A reprint's original title: （原题为《…》）.
  [/^[(（]?\s{0,2}原题(?:为|是)?\s{0,2}[:：]?\s{0,2}《/, msg('names the source')],
  // A WeChat article's header: 原创 张三 城市观察 2023-05-12 10:23.
  [/^原创(?:\s+\S+){1,4}\s+\d{4}[-\/.年]\d{1,2}[-\/.月]\d{1,2}/, msg('names the source')],
  [/(?:^|[(（\s])(?:原文|本文|文章|永久)(?:网址|链接|连结|地址|出处)\s*[:：]/, msg('names the source')],
  [/[(（]据\s*[《\u4e00-\u9fff]/, msg('names the source')],
  // Authors, editors and the credits of WeChat and magazine articles, with any separator:
  // 作者：…, 作者 | 张晓明, 监制：孙强, 本期编辑：林一 (编者 with a colon only). A reporter
  // only with a bar or a slash: 记者：您… opens an interview question.
  [/(?:^|[\s(（【\[])(?:编者\s*[:：]|(?:本文|文章|原文)?(?:作者|编辑|责任编辑|责编|校对|审核|监制|出品人?|排版|美编|策划|统筹|主编|终审|初审|复审|值班编辑|本期编辑|图片编辑|视频编辑|文字编辑|实习编辑)\s*[:：|丨\/])/, msg('names the author or editor')],
  [/(?:^|[\s(（])(?:记者|实习记者|特约记者|通讯员|摄像)\s*[|丨\/]\s*[\u4e00-\u9fff]/, msg('byline')],
  // A news site's tip line: 澎湃新闻报料：021-962866, 爆料热线：….
  [/^[\u4e00-\u9fff]{0,8}(?:报料|爆料)(?:热线|电话|邮箱|方式)?\s{0,2}[:：]/, msg('names the source')],
  // A reporter's name alone after a colon (記者：李卓賢; 记者：您… opens a question), a name
  // and 报道 (黄佩琪 报道), a row of credits without colons (编辑 刘梦婕 校对 赵琳), a
  // forum's author header (作者 windrider0917 (風之騎士)) and a recipe's "by 阿芬".
  [/^(?:记者|撰稿|采访)\s{0,2}[:：]\s{0,2}[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{2,4}\s{1,2}(?:报道|报导)$|^(?:(?:编辑|责编|校对|审核|审校|记者|摄影|作者|通讯员|实习生|排版|美编)\s{1,3}[\u4e00-\u9fff]{2,4}\s{0,3}){2,4}$|^作者\s{0,2}[:：]?\s{0,2}[a-z0-9_]{2,20}\s{0,2}\(|^by\s{1,2}[\u4e00-\u9fff]/, msg('byline')],
  [/^[(（]?(?:本文|此文|原文)?(?:首发|原载|刊发|原刊|刊载|刊|载|发表)(?:于|在)|^[(（]?原文(?:发表|刊登|刊载|发布)(?:于|在)/, msg('names the source')],
  // A journal article's front matter: 作者简介：…, 收稿日期：…, 基金项目：…, DOI：…, 中图分类号：….
  [/^(?:作者简介|收稿日期|修回日期|基金项目|通讯作者|中图分类号|文献标识码|文章编号|引用格式|doi)\s{0,2}[:：]/, msg("a journal article's front matter")],
  // An author's note in brackets: （本文作者为台湾大学教授）.
  [/^[(（]\s{0,2}(?:本文)?作者(?:为|是|系)/, msg('names the author or editor')],
  [/(?:发布|更新|发表|发稿|创建|上传|修改)(?:时间|日期)\s*[:：]|(?:^|\s)(?:发布|更新|发表)\s{0,2}[\/|｜]\s{0,2}\d{4}\s{0,2}[-\/.年]|最后(?:更新|修改|编辑)(?:者|人)?\s*[:：]|[·・|｜]\s{0,2}\d{1,3}\s{0,2}(?:秒|分钟|小时|天|日|周|个月|年)前$|(?:^|\s)日期\s*[:：]|(?:^|\s)(?:最后)?(?:发布|更新|发表|编辑|修改)于\s{0,2}\d{4}\s{0,2}[-\/.年]|^posted\s{0,2}@\s{0,2}\d{4}[-\/.]|最后(?:修订|修改|更新|编辑)于\s{0,2}\d{4}[-\/.年]/, msg('gives a publication date')],
  [/^(?:(?:文章|词条|博文|个人)?标签|关键词|关键字|分类(?:专栏)?|所属专栏|tags?|categor(?:y|ies))\s*[:：]/, msg('lists tags')],
  [/^(?:本报|本刊|本台|本网)?(?:特约)?(?:记者|通讯员|实习生|见习记者)\s*[\u4e00-\u9fff]{2,4}(?:\s|$|[(（])/, msg('byline')],
  // A dateline alone, possibly with the reporters in brackets; one followed by the story is content.
  [/^[-－\u4e00-\u9fff]{0,8}(?:网|社|报|台|刊)[-－\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日[\u4e00-\u9fff]{0,4}(?:电|讯|专电)\s{0,2}(?:[(（][^)）]{0,40}[)）])?$/, msg('dateline')],
  [/^[\u4e00-\u9fff]{0,8}(?:报讯|社讯|网讯|专电)\s*(?:[(（][^)）]*[)）])?$/, msg('dateline')],
  [/^[\u4e00-\u9fff()（）]{2,12}[,，]\s*\d{4}年\d{1,2}月\d{1,2}日$/, msg('dateline')],
  [/记者\s{0,2}[\u4e00-\u9fff]{2,4}(?:\s{1,2}[\u4e00-\u9fff]{2,4}){0,6}\s{0,2}(?:发自|报道)?$/, msg('byline')],
  [/(?:联合|综合)报道[)）】\]]?$/, msg('byline')],
  // Reporters alone in brackets: （记者 张三 通讯员 李四）, 【本报记者 王五】.
  [/^[(（【\[]\s{0,2}(?:本报|本台|本刊)?(?:记者|通讯员|实习生|见习记者)[\s\u4e00-\u9fff、,，]{2,40}[)）】\]]$/, msg('byline')],
  // Taiwan and Hong Kong bylines and datelines: 【記者王小明／台北報導】, （中央社記者陳怡君台北30日電）.
  [/记者\s{0,2}[\u4e00-\u9fff]{2,4}\s{0,2}\/\s{0,2}[\u4e00-\u9fff]{0,8}(?:报导|报道)/, msg('byline')],
  [/^[(（【]?[\u4e00-\u9fff]{2,24}\d{1,2}日(?:专?电|讯)[)）】]?$/, msg('dateline')],
  [/^(?:文|撰文|编译|翻译|整理|口述|采写|图文)\s*[\/|｜丨:：]/, msg('names the author')],
  // A post's header: its author's handle or its board, then the time (木鱼 2024-04-21 22:17:03, 心情 · 5月7日 01:48).
  [/^[\p{L}\p{N}_.-]{1,16}\s{0,3}[·・|｜]?\s{0,3}(?:\d{4}[-\/.年])?\d{1,2}[-\/.月]\d{1,2}日?\s{1,3}\d{1,2}:\d{2}(?::\d{2})?$/u, msg('gives a publication date')],
  [/^\d{4}[-\/.年]\d{1,2}[-\/.月]\d{1,2}日?(?:\s{0,2}[(（]\s{0,2}(?:星期|礼拜|周)[一二三四五六日天]\s{0,2}[)）])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s.*)?$/, msg('a date line')],
  // A time alone (香港時間17時30分, a press release's footer), a forum header's time
  // (時間: Mon Jun 12 22:41:07 2023) and a post's date with its author: 程序员小周 于 2022-08-14 16:23:51 发布.
  [/^(?:[\u4e00-\u9fff]{2,3}时间\s{0,2}[:：]?\s{0,2})?\d{1,2}\s{0,2}[时:点]\s{0,2}\d{1,2}\s{0,2}分?$|^看板\s{0,2}[:：]?\s{0,2}[a-z0-9_-]{2,20}$|^(?:发文|发帖|发表|发布)?时间\s{0,2}[:：]?\s{0,2}(?:[a-z]{3}\s{1,2}[a-z]{3}\s{1,2}\d{1,2}\s{1,2}\d{1,2}:\d{2}(?::\d{2})?\s{1,2}\d{4}|\d{4}[-\/.]\d{1,2}[-\/.]\d{1,2}(?:\s{1,2}\d{1,2}:\d{2}(?::\d{2})?)?)$|(?:^|\s)于\s{0,2}\d{4}[-\/.年]\d{1,2}[-\/.月]\d{1,2}日?(?:\s{1,2}\d{1,2}:\d{2}(?::\d{2})?)?\s{0,2}(?:发布|发表|更新|修改|编辑|上传)/, msg('gives a publication date')],
  [/(?:阅读|浏览|点击)(?:量|数|次数|人次)?\s{0,2}[:：]?\s{0,2}\d{1,3}(?:,\d{3}){0,4}\d{0,9}(?:\.\d{1,2})?\s{0,2}[万千k]?\s{0,2}次?$|(?:阅读|浏览|点击|编辑|评论)(?:量|次数|人次)\s{0,2}[:：]\s{0,2}\d/, msg('a read counter')],
  [/^(?:阅读|浏览|评论|点赞|收藏|转发|分享)\s{0,2}[(（]\d{1,12}[)）]/, msg('a read counter')],
];

/** Metadata lines are short: a long line that starts with a dateline is an article paragraph. */
const METADATA_MAX_HAN = 40;
const CAPTION_MAX_HAN = 200;

/** Marks that open the items of a "related news" link list. */
const LINK_BULLET = /^[▶►▸▹▷•·．‧※●○■□◆◇★☆→➤➢✦◎]/u;

/** Terms that make a line boilerplate whatever its length. */
const STRONG_BOILERPLATE = /^(?:本|此)(?:词条|条目)|知识共享\s{0,2}署名|创用\s{0,2}cc|creative commons|cc\s{0,2}by(?:-[a-z]{2}){0,3}\s{0,2}\d\.\d|仅提供信息存储空间|转载请注明|不得转载|禁止转载|不构成(?:任何)?投资建议|icp|备案号|许可证编号|剩余可输入字符|copyright|©|不代表本网|不代表本平台|不代表本站|不代表本报|不代表本刊|仅代表作者|^版权所有|版权所有\s{0,2}(?:©|\(c\)|[:：]|\d{4})|版权所有[。.]?$|all rights reserved|字体\s{0,2}[:：]\s{0,2}大\s{0,2}中\s{0,2}小/;

/** A "more from this site" link alone on its line: 更多 TVBS 報導, 看更多新聞. */
const MORE_LINK = /^[▶►>»]?\s{0,2}(?:看|查看|阅读)?更多\s{0,2}[\w\u4e00-\u9fff]{0,12}\s{0,2}(?:报导|报道|新闻|文章|影音|内容)\s{0,2}[>»]{0,2}$/;

/** An end-of-article mark alone on its line: —— END ——, — THE END —, （完）, 全文完. */
const END_MARK = /^第[〇零一二三四五六七八九十百千\d]{1,6}[章回节卷部]\s{0,2}[(（]?[完终][)）]?$|^[-—–=_~*·\s]{0,12}(?:the\s?)?end[-—–=_~*·\s]{0,12}$|^[-—–(（【\[]{0,3}\s?(?:全文)?完\s?[-—–)）】\]]{0,3}$/;

const CN_DIGITS = '〇零一二三四五六七八九十百两';
const LIST_MARKERS: readonly [RegExp, string][] = [
  [new RegExp(`^[(（][${CN_DIGITS}]{1,4}[)）]`), '(cn)'],
  [new RegExp(`^[${CN_DIGITS}]{1,4}[、,，.]`), 'cn、'],
  [/^[(（]\d{1,3}[)）]/, '(n)'],
  [/^\d{1,3}[、，]/, 'n、'],
  [/^\d{1,3}\.(?!\d)/, 'n.'],
  // Reference lists ([1] 国家统计局. …) and circled numbers.
  [/^\[\d{1,3}\]/, '[n]'],
  [/^[\u2460-\u2473]/, '①'],
  [/^第[〇零一二三四五六七八九十百两\d]{1,4}[,，、是]/, '第n'],
  // Emoji bullets, as blog posts and WeChat articles list things (📷摄影：…, 🎮XBox：…).
  [/^\p{Extended_Pictographic}/u, 'emoji'],
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

/** Han characters up to which a line headed by site wording (延伸阅读：…) is boilerplate. */
const HEADED_MAX_HAN = 40;

/**
 * Why a folded, trimmed line reads as site boilerplate, if it does: a site notice or an end
 * mark whatever its length, or boilerplate wording on a short line (or twice on any line).
 */
function boilerplateReason(trimmed: string, han: number, terms: readonly string[]): string | undefined {
  if (STRONG_BOILERPLATE.test(trimmed)) return msg('site notice (licence, disclaimer or copyright)');
  if (END_MARK.test(trimmed)) return msg('an end-of-article mark');
  if (MORE_LINK.test(trimmed)) return msg('a link to more of the site');
  if (han <= HEADED_MAX_HAN && isBreadcrumb(trimmed)) return msg('a breadcrumb trail (首页 > …)');
  if (han <= HEADED_MAX_HAN && isExamFurniture(trimmed)) return msg("an exam paper's source or instructions");
  if (isReferenceFurniture(trimmed)) return msg("an encyclopedia's references");
  if (isClientSignature(trimmed)) return msg('a signature added by a phone or app (发自…客户端)');
  const hits = terms.length;
  if (hits >= 2 || (hits === 1 && (han <= 12 || (han <= 30 && !SENTENCE_ANY.test(trimmed))))) return msg('navigation or site wording ({terms})');
  // The wording as the heading of a short line: 作者有话要说：…, 延伸阅读：<a title>. Not a
  // paragraph, and not 编者按：…, which opens the editor's introduction: content.
  const headed = (term: string) => term !== '编者按' && trimmed.startsWith(term) && /^\s{0,2}[:：]/.test(trimmed.slice(term.length));
  if (han <= HEADED_MAX_HAN && terms.some(headed)) {
    return msg('navigation or site wording ({terms})');
  }
  return undefined;
}

/**
 * Why a short folded, trimmed line reads as metadata, if it does: its wording, a row of
 * counters, or a row of hashtags that names nothing spam sells and gives no contact (a
 * stuffed #百家乐 #真人视讯 row is SEO, and stays the rules' to judge).
 */
function metadataReason(trimmed: string, terms: Partial<Record<LexiconName, readonly string[]>>, contacts: readonly ContactMatch[]): string | undefined {
  const worded = firstMatch(METADATA_PATTERNS, trimmed);
  if (worded) return worded;
  if (isCounterRow(trimmed)) return msg('a read counter');
  if (isHashtagRow(trimmed) && contacts.length === 0 && !VICE_LEXICONS.some((name) => terms[name])) return msg('lists tags');
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
  // Keyword segments hold a letter or a Han character: the digit groups of 0912-345-678 or
  // 2020/12/03 are one contact or date, not a list of keywords.
  const trimmed = folded.trim();
  const segments = blank ? [] : segmentsOf(trimmed).filter((s) => WORD_CHAR.test(s.text));
  const boilerplate = boilerplateReason(trimmed, han, terms.boilerplate ?? []);
  const contacts = blank ? [] : findContacts(text, folded);
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
    contacts,
    segments: segments.length,
    averageSegment: segments.length ? segments.reduce((n, s) => n + s.text.length, 0) / segments.length : 0,
    bigrams: contentBigrams(folded),
    caption: blank || han > CAPTION_MAX_HAN ? undefined : firstMatch(CAPTION_PATTERNS, trimmed),
    metadata: blank || han > METADATA_MAX_HAN ? undefined : metadataReason(trimmed, terms, contacts),
    boilerplate: blank ? undefined : boilerplate,
    bracketOnly: /^[【\[][^【】\[\]]{1,40}[】\]]$/.test(trimmed),
    listedLink: han >= 4 && han <= 40 && LINK_BULLET.test(text.trimStart()) && oneSentence(trimmed),
    picturePhrase: han <= 20 && /(?:图片|照片|截图)[。.]?$/.test(trimmed),
    datedSentence: han <= 60 && /^(?:\d{4}年)?\d{1,2}月\d{1,2}日[,，]/.test(trimmed) && oneSentence(trimmed),
    shortSentence: han > 0 && han <= SHORT_HAN && oneSentence(trimmed),
    listMarker: blank ? undefined : listMarkerOf(trimmed),
    dialogue: /^[「『“"]/.test(trimmed),
    optOut: !blank && OPT_OUT.test(trimmed),
    replyToAct: !blank && REPLY_TO_ACT.test(trimmed),
    phishing: phishingRequest(folded, contacts),
  };
}
