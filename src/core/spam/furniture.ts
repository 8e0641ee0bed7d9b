/**
 * Page furniture recognised by its shape rather than by one site's wording: rows of counters
 * and buttons (阅读 1.3万　赞 86　在看 21, 赞同 56 · 12 条评论 · 分享 · 收藏), breadcrumbs
 * (首页 > 通知公告 > 正文), an exam paper's header and instructions ((2023·山东潍坊·高三二模),
 * 阅读下面的文字，完成6～9题。) and an encyclopedia's reference entries (^ …, [引用日期…]).
 * Each site words these its own way; what they share is the shape, so the shape is what is
 * tested. All functions take the folded, trimmed line (Simplified, half-width, lower case)
 * and run in time linear in it: each pattern is anchored and its repeats are bounded.
 */

/** The actions and counters a page shows under an article or a post. */
const ACTION = '(?:阅读|浏览|点击|观看|播放|点赞|赞同|赞|收藏|评论|留言|回复|回覆|回应|引用|分享|转发|转载|在看|喜欢|人气|粉丝|关注|推|嘘|举报|检举|下载|打赏|投币|👍|👎|❤️?|♥)';
/** A count as sites print it: 56, 1,234, 1.3万, 1.2w, 10k+. */
const COUNT = '\\d{1,3}(?:,\\d{3}){0,4}\\d{0,9}(?:\\.\\d{1,2})?\\s{0,2}[万千kw]?\\+?';

/** One item of a counter row, tried at a position (sticky): a counted action, a count with its action, or a bare action. */
const COUNTED_ACTION = new RegExp(`${ACTION}(?:量|数|次数|人次)?\\s{0,2}[:：]?\\s{0,2}共?\\s{0,2}[(（]?${COUNT}[)）]?\\s{0,2}(?:次|人|条|则|个|篇)?`, 'y');
const COUNT_THEN_ACTION = new RegExp(`${COUNT}\\s{0,2}(?:人|条|次|个|位)?\\s{0,2}${ACTION}(?:了该(?:回答|文章|问题)|了)?`, 'y');
const BARE_ACTION = new RegExp(ACTION, 'y');
const ROW_SEPARATOR = /[\s|｜·•・\/,，、]*/y;

/** Items a counter row may hold; a page's row of buttons has a handful. */
const MAX_ROW_ITEMS = 12;

/**
 * A row made wholly of counters and action buttons, with at least one count (阅读 1.3万 赞 86,
 * 56 人赞同了该回答, 12 条评论), or of three buttons or more (分享 收藏 举报). A sentence that
 * reports a count (这条视频获得了十万次点赞) is not a row: every item must be one of the above.
 */
export function isCounterRow(folded: string): boolean {
  let at = 0;
  let counted = 0;
  let items = 0;
  while (at < folded.length) {
    if (items === MAX_ROW_ITEMS) return false;
    let end = -1;
    for (const item of [COUNTED_ACTION, COUNT_THEN_ACTION]) {
      item.lastIndex = at;
      if (item.test(folded)) {
        end = item.lastIndex;
        counted++;
        break;
      }
    }
    if (end < 0) {
      BARE_ACTION.lastIndex = at;
      if (!BARE_ACTION.test(folded)) return false;
      end = BARE_ACTION.lastIndex;
    }
    items++;
    ROW_SEPARATOR.lastIndex = end;
    ROW_SEPARATOR.test(folded);
    at = ROW_SEPARATOR.lastIndex;
  }
  return counted >= 1 || items >= 3;
}

/** The reader's position, as some sites head their breadcrumb: 当前位置：, 您的位置：. */
const CRUMB_POSITION = /^(?:当前位置|您的位置|你的位置|现在位置|所在位置|您现在的位置|你现在的位置)\s{0,2}[:：]\s{0,2}/;
const CRUMB_HOME = /^(?:首页|主页|网站首页|home)$/;
const CRUMB_SEPARATOR = /\s{0,3}[>»›→]\s{0,3}/;
/** A crumb is a short name: Han, letters, digits, spaces and title marks (《春山》), nothing a sentence or code holds. */
const CRUMB = /^[\p{L}\p{N} 《》〈〉「」·]{1,24}$/u;

/**
 * A breadcrumb: 首页 > 通知公告 > 正文, 当前位置：首页 » 新闻中心, or any three short names
 * joined by > » › → (新聞 > 國際 > 亞洲). A comparison in prose or code (a > b) has two sides
 * and punctuation around it, so it is not one; nor is »»» between words, which decorates.
 */
export function isBreadcrumb(folded: string): boolean {
  if (folded.length > 120) return false;
  const position = CRUMB_POSITION.exec(folded);
  const crumbs = (position ? folded.slice(position[0].length) : folded).split(CRUMB_SEPARATOR);
  if (!crumbs.every((c) => CRUMB.test(c) && c.trim().length > 0)) return false;
  const home = CRUMB_HOME.test(crumbs[0]!.trim());
  return position !== null || home || crumbs.length >= 3;
}

/** Words that name an exam paper: 高三二模, 全国甲卷, 期中考, 段考, 学测, 111学年度. */
const EXAM_WORD = /模|卷|考|测|调研|质检|联考|学年度?|学期|期中|期末|试题|真题|评量/;
/**
 * An exam paper's source in brackets, alone on its line: (2023·山东潍坊·高三二模), （111學年度
 * 高二國文 第二次段考）. Names and dots, no clause: （2022年起，考試改為線上進行。） is a note.
 */
const EXAM_SOURCE = /^([(（【\[][^()（）【】\[\]，。,;；!?！？]{2,40}[)）】\]])(?:\s{0,2}[^()（）【】\[\]，。,;；!?！？]{2,12}(?:[(（][一二三四五六七八九十\d]{1,3}[)）])?)?$/;
/** The instructions above a reading passage: 阅读下面的文字，完成6～9题。閱讀下文，回答第15至18題。 */
const EXAM_INSTRUCTION = /^(?:(?:说明|注意|作答说明)\s{0,2}[:：]\s{0,2})?(?:阅读|读|认真阅读|仔细阅读)(?:下面|下列|以下|下|上面|上述)?的?(?:一?篇|一?段|一?首|两篇)?(?:文字|文章|材料|短文|文本|选文|文|诗歌|古诗|诗|文言文|语段|段落|作品)[^。]{0,16}?(?:完成|回答|作答)/;

/**
 * A paper's title line: a school year or term and the kind of exam, with no clause
 * (湖北省部分重点中学2023—2024学年度高三上学期期中联考　语文试题).
 */
const EXAM_TERM = /学年度?|学期/;
const EXAM_KIND = /期中|期末|联考|段考|评量|模拟|月考|统考|调研|质检|试题|试卷/;
/** A section of a paper with its marks: 一、现代文阅读（35分）. */
const EXAM_SECTION = /^[一二三四五六七八九十]{1,3}[、.]\s{0,2}[^，。,;；!?！？]{2,16}[(（]\s{0,2}(?:共|本题|本大题)?\s{0,2}\d{1,3}\s{0,2}分\s{0,2}[)）]$/;
const CLAUSE_MARK = /[，。,;；!?！？]/;

/** An exam paper's header or its instructions to the reader. */
export function isExamFurniture(folded: string): boolean {
  if (EXAM_INSTRUCTION.test(folded) || EXAM_SECTION.test(folded)) return true;
  if (folded.length <= 60 && !CLAUSE_MARK.test(folded) && EXAM_TERM.test(folded) && EXAM_KIND.test(folded)) return true;
  // The words are looked for in the bracket: a section's name may follow it ((2023·河南郑州·二模)现代文阅读(二)).
  const bracket = EXAM_SOURCE.exec(folded)?.[1] ?? '';
  return /\d{2,4}/.test(bracket) && EXAM_WORD.test(bracket);
}

/**
 * The signature a phone or an app adds to a post: 来自 豆瓣App, 发自虎扑iPhone客户端,
 * 發自我的 iPhone, sent from my ipad.
 */
const CLIENT_SIGNATURE = /^[-—]{0,2}\s{0,2}(?:来自|发自|送自|分享自|sent from)\s{0,2}(?:我的|my)?\s{0,2}[\p{L}\p{N} ]{0,16}?(?:app|客户端|iphone|ipad|android|安卓|手机版|网页版|移动版|手机|讨论区|论坛)$/u;

/** A phone or app's signature under a post. */
export function isClientSignature(folded: string): boolean {
  return CLIENT_SIGNATURE.test(folded);
}

/**
 * A line of hashtags alone, spaced (#台南 #移居生活 #早餐): a post's tags. Not Weibo's
 * #话题#, which opens a post's own text, and not a clause (#…很少見，#但是…).
 */
const HASHTAG_ROW = /^#[^\s#，。,.!?！？]{1,20}(?:\s{1,3}#[^\s#，。,.!?！？]{1,20}){1,15}\s{0,3}$/;

/** A row of hashtags, as a blog or a social post ends with. */
export function isHashtagRow(folded: string): boolean {
  return HASHTAG_ROW.test(folded);
}

/** A references heading alone on its line. */
const REFERENCES_HEADING = /^(?:参考(?:资料|文献|来源|书目)|外部链接|外部连结|注释|脚注|相关条目|参见|引用)\s{0,2}[:：]?$/;
/**
 * A reference as Wikipedia prints it, after its back-link caret and with its access date or
 * archive note (^ 日月潭國家風景區管理處. 認識日月潭. [2023-04-10].), or as Baidu Baike does,
 * with [引用日期2021-05-12]. A caret alone opens other footnotes too (^ 以…計算).
 */
const REFERENCE_ENTRY = /^\^\s.{0,200}?(?:[\[(（]\d{4}-\d{1,2}-\d{1,2}[\])）]|存档|存檔|原始内容|archived)|\[引用日期\s{0,2}\d{4}/;

/** An encyclopedia's references: the heading, or an entry as Wikipedia or Baidu Baike prints it. */
export function isReferenceFurniture(folded: string): boolean {
  return REFERENCES_HEADING.test(folded) || REFERENCE_ENTRY.test(folded);
}
