/**
 * Term lists, written once in Simplified and lower case: lines are folded (normalize.ts)
 * before matching. They are deliberately short and specific. Big "sensitive word" lists
 * flag ordinary news (政府, 银行, 投资); here a term is only evidence, and the combiner
 * asks for more than one kind of evidence before it warns.
 */
import { msg } from '../text/messages';

export type LexiconName =
  | 'download'
  | 'streaming'
  | 'gambling'
  | 'porn'
  | 'loan'
  | 'invoice'
  | 'quackery'
  | 'shady'
  | 'promo'
  | 'solicit'
  | 'enforcement'
  | 'caption'
  | 'metadata'
  | 'boilerplate';

/** The term lists that name what spam sells (as opposed to how it sells or how sites word their pages). */
export const VICE_LEXICONS: readonly LexiconName[] = ['gambling', 'porn', 'loan', 'invoice', 'quackery', 'shady'];

/** Plain-words description of what each lexicon's hits mean, for reasons. */
export const LEXICON_REASON: Readonly<Record<LexiconName, string>> = {
  download: msg('download/crack terms'),
  streaming: msg('watch-online/free-download terms'),
  gambling: msg('gambling terms'),
  porn: msg('porn terms'),
  loan: msg('loan terms'),
  invoice: msg('fake-invoice terms'),
  quackery: msg('miracle-cure terms'),
  shady: msg('shady-service terms'),
  promo: msg('sales pitch'),
  solicit: msg('asks the reader to make contact'),
  enforcement: msg('reports a crackdown or warning'),
  caption: msg('photo-caption wording'),
  metadata: msg('source/byline wording'),
  boilerplate: msg('site boilerplate wording'),
};

export const LEXICONS: Readonly<Record<LexiconName, readonly string[]>> = {
  // Suffixes that SEO pages append to a brand or title.
  download: [
    '下载', 'app', 'apk', '官网', '官方网站', '官方版', '官网入口', '入口', '登录', '注册', '破解版', '破解',
    '苹果版', 'ios', '安卓版', '手机版', '最新版', '电脑版', '客户端', '平台', '网址', '链接地址',
  ],
  streaming: [
    '在线观看', '免费观看', '在线播放', '高清', '完整版', '全集', '迅雷', '百度云', '网盘', '无删减',
    'txt', '全文阅读', '最新章节', '无弹窗', '免费阅读', '哪家好', '热门搜索', '蓝光', '种子',
    // Search queries, as stuffed titles string them together (…哪个牌子好 …十大品牌排行 …怎么选).
    '哪个牌子好', '什么牌子好', '哪个好', '哪家强', '十大品牌', '品牌排行', '排行榜', '怎么选', '价格表', '哪里买',
  ],
  gambling: [
    '娱乐城', '彩金', '百家乐', '真人视讯', '足球投注', '投注', '时时彩', '赛车pk10', 'pk10', '老虎机',
    '返水', '出款', '棋牌', '彩票', '博彩', '赌场', '六合彩', '滚球', '赔率', '注册送', '即送', '首存',
    '电子游艺', '捕鱼', '德州扑克', '体育官方', '盘口', '下注',
    // Taiwan and Hong Kong wording (terms are matched in Simplified: 體驗金 → 体验金).
    '体验金', '首储', '线上娱乐', '运彩', '球版', '现金版',
  ],
  porn: [
    '黄片', '成人小说', '色情', '一夜情', '援交', '援助交际', '三级片', '艳情', '情趣用品', '成人电影',
    '裸聊', '约炮', '黄色网站', '成人视频', '小电影', '福利视频', '激情', '同城约', '上门服务',
    '外送茶', '定点茶', '援交妹', '兼职妹', '约妹', '全套服务', '成人影片', 'av女优', '无码', '18禁',
  ],
  loan: [
    '无抵押', '小额贷款', '信用卡提现', '当天放款', '放款', '套现', '资金周转', '秒批', '黑户', '网贷', '贷款',
    '急用钱', '免保人', '免照会', '当日拨款', '当天拨款', '快速拨款', '汽车借款', '机车借款',
  ],
  invoice: ['代开', '发票', '开票', '票据', '点数', '验票', '税点', '先验票', '验证后付款', '增值税'],
  quackery: ['祖传秘方', '专治', '无效退款', '疗程', '根治', '断根', '壮阳', '偏方', '包治', '减肥胶囊', '瘦身', '一周瘦', '不反弹', '丰胸', '增高', '见效', '纯中药', '秘方'],
  shady: [
    '代孕', '私家侦探', '办证', '刻章', '隐形耳机', '窃听', '考试答案', '作弊器', '婚外情', '寻人', '取证',
    '虚拟主机', '枪支出售', '代考', '假证', '办理各类证件', '毕业证', '学位证',
  ],
  // Pitch wording: rare in reporting, common in ads. Never enough alone.
  promo: [
    '稳赚不赔', '日赚', '月入', '不是梦', '招代理', '加盟', '投资少', '赚钱快', '一站式', '优惠',
    '全网最高', '立送', '名额有限', '免费领取', '领取', '诚信合作', '包过', '全程保密', '不成功不收费',
    '款到发货', '隐私包装', '价格非常', '欢迎来电', '详情请', '来电咨询', '详情咨询', '每日更新',
    '无需注册', '手机电脑都能看', '极速', '大额无忧', '首选', '应有尽有', '批发零售', '我公司', '本公司',
    '我司', '欢迎咨询', '长期', '点击进入', '立即注册', '速来', '专业', '保密', '当天', '低至', '免费下载',
    '资源站', '老司机', '都在这里', '明星同款', '千万别错过', '不要错过', '免费', '会员', '手续简单', '包邮', '限时',
    '欢迎垂询', '欢迎订购', '欢迎洽谈', '竭诚为您', '质优价廉', '价格低廉', '物美价廉', '免费试用', '免费咨询', '货到付款',
    '全国包邮', '量大从优', '厂家直销', '诚招', '火热招商', '招商加盟', '邮件群发', '群发软件', '推广服务', '立即购买',
    '马上抢', '机会难得', '不容错过', '点击购买', '全国可查', '保证真实', '全额退款', '特价', '促销', '折扣', '为您提供', '仅需', '只需',
    // Investment-scam and job-scam wording (Taiwan SMS and LINE groups).
    '飙股', '带单', '保证获利', '稳赚', '立减', '点我进入',
  ],
  solicit: [
    '联系', '咨询', '客服', '加qq', '加微', '微信同号', '备注', '请牢记', '永久域名', '收藏', '复制到浏览器',
    '最新地址', '官方网址', '更多精彩请访问', '请访问', '欢迎访问', '扫码', '私聊', '致电', '代理',
    '私讯', '详询', '点击链接', '点击连结',
  ],
  // A line that fights a vice is reporting on it, not selling it: a government report
  // that cracks down on 网贷, a police notice warning of 博彩, a court ruling.
  enforcement: [
    '打击', '依法', '严厉', '整治', '查处', '取缔', '非法', '违法', '违规', '犯罪', '诈骗', '涉嫌', '警方', '公安',
    '法院', '判处', '立案', '监管', '防范', '警惕', '谨防', '举报', '禁止', '严禁', '专项行动', '风险提示', '受害',
  ],
  caption: ['图为', '图片来源', '供图', '本版摄影', '摄影', '资料图', '视觉中国', '新华社发', '组图', '配图', '图片说明', '截图'],
  metadata: [
    '来源', '作者', '记者', '通讯员', '实习生', '编辑', '责任编辑', '责编', '发布时间', '更新时间', '发布日期',
    '日期', '标签', '关键词', '报讯', '电讯', '专电', '原标题', '发自', '稿件', '出处', '转自', '综合报道', '联合报道',
  ],
  boilerplate: [
    '版权所有', 'copyright', '©', '转载', '免责声明', '仅提供信息存储空间', '信息存储空间服务', 'icp', '备案号',
    '许可证编号', '分享到', '返回首页', '上一篇', '下一篇', '我要评论', '延伸阅读', '相关阅读', '相关新闻',
    '新闻链接', '相关画报', '点击查看', '阅读全文', '阅读更多', '查看原文', '责任自负', '社区用户', '用户条款',
    '本论坛', '剩余可输入字符', '文章正文', '关闭窗口', '打印本页', '请点击', '更多精彩', '网友评论',
    '本网站', '本站', '相关链接', '推荐阅读', '热门推荐', '扫一扫', '权利人', '不代表本网', '不承担任何责任',
    '阅读原文', '转载请注明', '原文链接', '点击关注', '长按识别', '二维码', '关注我们', '公众号', '加入收藏', '设为首页',
    '联系我们', '关于我们', '网站地图', '隐私政策', '用户协议', '未经授权', '禁止转载', '下一页', '上一页', '上一章',
    '下一章', '返回目录', '加入书签', '本章未完', '点击下一页', '回到顶部', '返回顶部', '编者按',
    '上一则', '下一则', '注明出处', '相关报道', '相关报导', '欢迎按赞', '点个赞', '记得按赞', '点击订阅', '开启小铃铛',
    '你可能还想看', '可能还想看', '回到页首', '返回页首', '返回列表', '本书完', '全书完', '停更',
    // Share and follow prompts. Not 点赞 or 评论区 alone: news reports them (获得十万次点赞).
    '一键三连', '三连', '不迷路', '求关注', '记得关注', '点个关注', '点个在看',
    '欢迎留言', '订阅我们', '订阅本', '收藏本',
    // Rights and takedown notes.
    '版权归', '原作者所有', '如有侵权', '联系删除', '请联系删除', '版权声明', '授权转载', '不得转载',
    // Web-novel footers: chapter ends, vote and tip requests, reader-site notices.
    '本章完', '月票', '推荐票', '求收藏', '求订阅', '书友', '打赏', '手机用户请浏览', '更优质的阅读体验', '最新章节', '章节报错',
    '未完待续', '作者有话说', '作者有话要说', '加入书架', '加更一章', '今天加更', '求加更', '最快更新', '首发域名', '记住本站',
    // Related-reading blocks, and share prompts in other words (not 点赞 or 分享 alone).
    '你可能也会喜欢', '猜你喜欢', '往期推荐', '往期回顾', '相关文章', '相关推荐', '热门文章', '精彩推荐', '看更多', '更多新闻',
    '欢迎分享', '分享给朋友', '分享给好友', '分享给身边', '分享给更多', '追踪我们', '粉丝专页', '欢迎转发', '转发到朋友圈', '分享到朋友圈', '按赞分享', '喜欢这篇文章', '觉得不错就',
    '授权发布', '独家授权', '如需转载', '原创内容', '联系授权', '联络授权', '获得授权',
    // A web-novel site's thanks to its tipping readers; reprint bans; WeChat's "在看" in quotes.
    '霸王票', '灌溉营养液', '投出霸王票', '请勿转载', '请勿任意转载', '“在看”',
    '、在看', '点在看', '设为星标', '加星标', '星标我们', '标星', '欢迎在评论区', '收录于合集', '收录于话题',
    '分享此文', '分享本文', '订阅电子报', '我要投稿', '我要留言', '发表留言', '热门新闻', '加入line好友',
    // Encyclopedia notices: 本词条由…审核, 来自维基百科，自由的百科全书, 本条目需要补充更多来源。
    '本词条', '此词条', '词条审核', '词条编辑', '网友共同编辑', '自由的百科全书', '本条目', '此条目', '跳转到导航', '跳转到搜索',
    // Blog footers and topic links: 如果觉得本文对你有帮助，欢迎点赞、收藏、关注; 点击进入专题.
    '本文对你有帮助', '本文对您有帮助', '文章对你有帮助', '文章对您有帮助', '欢迎点赞', '点赞收藏', '点赞、收藏', '赞赏支持', '进入专题',
    // A news site's appeal for subscribers: 請加入成為眾新聞的月費訂戶，長期支持我們的工作。
    '月费订户', '成为订户', '支持我们的工作',
  ],
};

/** One compiled alternation per lexicon, longest term first so that 官网入口 beats 官网. */
const COMPILED = new Map<LexiconName, RegExp>();

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function lexiconPattern(name: LexiconName): RegExp {
  let pattern = COMPILED.get(name);
  if (!pattern) {
    const terms = [...LEXICONS[name]].sort((a, b) => b.length - a.length).map(escape);
    pattern = new RegExp(terms.join('|'), 'g');
    COMPILED.set(name, pattern);
  }
  return pattern;
}

/** Distinct terms of lexicon `name` found in the folded line. */
export function findTerms(folded: string, name: LexiconName): string[] {
  const pattern = lexiconPattern(name);
  pattern.lastIndex = 0;
  const found = new Set<string>();
  for (const match of folded.matchAll(pattern)) found.add(match[0]);
  return [...found];
}
