// Synthetic training lines for what spam-train has no labels for:
// - information lines (photo captions, bylines/datelines/source lines, site boilerplate),
//   which spam-train lacks entirely (its news documents had them removed);
// - keyword-stuffing (SEO) lines, of which it has few (954 heuristic `seo` lines, most of
//   them e-mail subjects).
// Every template and word list below was written for this project; none is taken from
// spam-dev or from the issue's example lines. The generator is deterministic (seeded).
// The model card (docs/spam-model.md) says which labels rest on these lines.
//
//   node scripts/generate-spam-synthetic.mjs [count]   prints a sample of each kind

/** Small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'];
const ORGS = [
  '本报', '新华社', '中新社', '人民网', '澎湃新闻', '央视新闻', '南方日报', '北京青年报', '钱江晚报', '新京报', '红星新闻', '封面新闻', '羊城晚报',
  '法制日报', '经济日报', '第一财经', '界面新闻', '环球时报', '科技日报', '光明网', '中国青年报', '扬子晚报', '齐鲁晚报', '潇湘晨报', '华西都市报',
  '联合报', '中央社', '自由时报', '明报', '东方日报', '星岛日报', '香港01', '立场新闻', '端传媒', '苹果日报', '今日新闻', '风传媒', '天下杂志',
];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '西安', '南京', '重庆', '天津', '长沙', '郑州', '济南', '昆明', '台北', '高雄', '香港', '澳门', '沈阳', '哈尔滨', '福州', '厦门', '南宁', '兰州'];
const PLACES = ['街头', '广场', '车站', '公园', '码头', '展馆', '校园', '医院门口', '社区', '工地', '机场', '会场', '田间', '商场', '江边', '山区', '灾区', '海滩', '球场', '实验室'];
const SUBJECTS = ['市民', '游客', '学生', '工人', '志愿者', '消防员', '医护人员', '农民', '运动员', '演员', '老人', '孩子们', '民警', '观众', '参展商', '救援人员', '选手', '居民'];
const ACTIONS = ['排队等候', '参观展览', '冒雨前行', '清理积雪', '观看比赛', '进行演练', '搬运物资', '合影留念', '挥手致意', '接受采访', '收割水稻', '晨练', '放飞风筝', '检查设备', '举行仪式', '表演节目', '避暑纳凉', '领取物资'];
const TOPICS = ['城市更新', '新能源汽车', '乡村振兴', '校园安全', '防汛救灾', '文物保护', '医保改革', '人工智能', '房价走势', '就业形势', '交通管制', '空气质量', '养老服务', '数字经济', '旅游旺季', '食品安全'];
const SITES = ['本站', '本网', '本平台', '本刊', '本公众号', '本频道', '本论坛', '本书'];

function name(r) {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '');
}
function date(r, withYear = r() < 0.5) {
  return `${withYear ? `${int(r, 2008, 2026)}年` : ''}${int(r, 1, 12)}月${int(r, 1, 28)}日`;
}
function isoDate(r) {
  const two = (n) => String(n).padStart(2, '0');
  return `${int(r, 2008, 2026)}-${two(int(r, 1, 12))}-${two(int(r, 1, 28))}`;
}
function scene(r) {
  return `${r() < 0.5 ? pick(r, CITIES) : ''}${pick(r, SUBJECTS)}在${pick(r, PLACES)}${pick(r, ACTIONS)}`;
}
function title(r) {
  return `${pick(r, CITIES)}${pick(r, TOPICS)}${pick(r, ['新举措', '观察', '调查', '进展', '面临挑战', '引发关注', '一周回顾', '专题'])}`;
}

const CAPTIONS = [
  (r) => `图为${scene(r)}。`,
  (r) => `${scene(r)}。${name(r)}摄`,
  (r) => `${scene(r)}。（${name(r)} 摄）`,
  (r) => `${date(r)}，${scene(r)}。${pick(r, ORGS)}记者 ${name(r)} 摄`,
  (r) => `${scene(r)}。图/${pick(r, ORGS)}`,
  (r) => `▲${scene(r)}。（${pick(r, ORGS)}图片）`,
  (r) => `${scene(r)}。受访者供图`,
  (r) => `图片来源：${pick(r, ORGS)}`,
  (r) => `（图片来源：${pick(r, ['网络', '视觉中国', 'IC photo', '东方IC', '受访者', pick(r, ORGS)])}）`,
  (r) => `${scene(r)}（资料图）`,
  (r) => `摄影：${name(r)}`,
  (r) => `图：${name(r)}`,
  (r) => `图片由${pick(r, ORGS)}提供`,
  (r) => `${pick(r, ['视频截图', '网络截图', '现场画面', '资料照片'])}`,
  (r) => `${scene(r)}。 图片：${name(r)}`,
  (r) => `【图】${scene(r)}`,
  (r) => `${scene(r)}。（摄影/${name(r)}）`,
  (r) => `左图：${scene(r)}；右图：${scene(r)}。`,
  (r) => `${scene(r)}。${pick(r, ['新华社发', '中新社发', '路透社', '法新社', '美联社'])}`,
  (r) => `${date(r)}拍摄的${pick(r, CITIES)}${pick(r, PLACES)}。${pick(r, ORGS)}记者${name(r)}摄`,
];

const METADATA = [
  (r) => `（记者 ${name(r)} 通讯员 ${name(r)}）`,
  (r) => `本报记者 ${name(r)}`,
  (r) => `${pick(r, ORGS)}记者 ${name(r)} ${name(r)} 报道`,
  (r) => `来源：${pick(r, ORGS)}`,
  (r) => `（来源：${pick(r, ORGS)}）`,
  (r) => `作者：${name(r)}`,
  (r) => `责任编辑：${name(r)}`,
  (r) => `编辑：${name(r)} 校对：${name(r)}`,
  (r) => `${pick(r, ORGS)}${pick(r, CITIES)}${date(r, false)}电（记者${name(r)}）`,
  (r) => `发布时间：${isoDate(r)} ${int(r, 0, 23)}:${String(int(r, 0, 59)).padStart(2, '0')}`,
  (r) => `${isoDate(r)} ${int(r, 0, 23)}:${String(int(r, 0, 59)).padStart(2, '0')} 来源：${pick(r, ORGS)}`,
  (r) => `原标题：${title(r)}`,
  (r) => `文/${name(r)}`,
  (r) => `撰文：${name(r)}`,
  (r) => `【撰文：${name(r)}　攝影：${name(r)}】`,
  (r) => `${pick(r, ORGS)}讯（记者 ${name(r)}）`,
  (r) => `稿源：${pick(r, ORGS)}`,
  (r) => `作者：${name(r)}｜编辑：${name(r)}`,
  (r) => `（${pick(r, ORGS)}记者 ${name(r)}）`,
  (r) => `特约撰稿 ${name(r)}`,
  (r) => `${pick(r, ORGS)}${pick(r, ['首席记者', '驻' + pick(r, CITIES) + '记者', '实习生', '见习记者'])} ${name(r)}`,
  (r) => `本文转载自${pick(r, ORGS)}，作者${name(r)}`,
  (r) => `更新于${date(r, true)}`,
  (r) => `（${pick(r, ORGS)}/${name(r)}）`,
  (r) => `记者：${name(r)}　编辑：${name(r)}　审核：${name(r)}`,
  (r) => `${pick(r, ['文', '图文', '采写', '口述', '整理'])}${pick(r, ['｜', ' | ', '/', '：', '　'])}${name(r)}`,
  (r) => `${isoDate(r)}${r() < 0.5 ? ` ${int(r, 0, 23)}:${String(int(r, 0, 59)).padStart(2, '0')}` : ''}`,
  (r) => `${date(r, true)} ${pick(r, ['星期一', '星期三', '周五', '周日', ''])}`,
  (r) => `${pick(r, ORGS)} ${isoDate(r)}`,
  (r) => `${name(r)} ${pick(r, ['发表于', '发布于', '更新于'])} ${isoDate(r)}`,
  (r) => `阅读 ${int(r, 100, 99999)}　评论 ${int(r, 0, 999)}`,
  (r) => `${pick(r, ['标签', '关键词', 'Tags'])}：${pick(r, TOPICS)} ${pick(r, TOPICS)}`,
  (r) => `（${pick(r, ORGS)}${pick(r, CITIES)}${date(r, false)}${pick(r, ['讯', '电', '专电'])}）`,
  (r) => `${pick(r, ['主笔', '统筹', '策划', '监制', '出品'])}：${name(r)}`,
  (r) => `${pick(r, CITIES)}${pick(r, ['日报', '晚报', '电视台', '广播电台'])}记者 ${name(r)}`,
];

const BOILERPLATE = [
  (r) => `本文版权归${pick(r, ORGS)}所有，未经许可不得转载。`,
  (r) => `版权声明：本文为${pick(r, SITES)}原创，转载请注明出处。`,
  (r) => `免责声明：本文仅代表作者观点，与${pick(r, SITES)}无关。`,
  (r) => `${pick(r, ['相关阅读', '延伸阅读', '推荐阅读', '往期回顾', '相关新闻', '热门文章'])}：${title(r)}`,
  (r) => `【${pick(r, ['相关阅读', '延伸阅读', '推荐阅读', '相关报道', '专题'])}】`,
  (r) => `${pick(r, ['上一篇', '下一篇', '上一章', '下一章'])}：${title(r)}`,
  () => '（本章完）',
  (r) => `${pick(r, ['求月票', '求推荐票', '求收藏', '求订阅'])}${pick(r, ['！', '～', '，谢谢大家！', '，拜托了！'])}`,
  (r) => `感谢${name(r)}的打赏！`,
  (r) => `本书首发${pick(r, ['起点中文网', '晋江文学城', '纵横中文网', '17K小说网'])}，欢迎读者登录阅读最新章节。`,
  (r) => `${pick(r, ['京', '沪', '粤', '浙'])}ICP备${int(r, 10000000, 99999999)}号`,
  (r) => `Copyright © ${int(r, 2005, 2026)} ${pick(r, ['sina', 'qq', 'example', 'news'])}.com All Rights Reserved`,
  () => '如有侵权请联系删除',
  (r) => `更多精彩内容，请关注${pick(r, ORGS)}${pick(r, ['公众号', '官方微博', '客户端'])}`,
  () => '觉得文章有用的话，记得点赞、转发、收藏哦',
  () => '点击上方蓝字关注我们',
  () => '长按识别二维码，关注我们',
  () => '欢迎分享到朋友圈',
  (r) => `${pick(r, ['分享到', '分享至'])}：${pick(r, ['微信', '微博', 'QQ空间', 'Facebook'])} ${pick(r, ['微博', 'Twitter', '朋友圈'])}`,
  () => '返回顶部',
  () => '我要评论',
  () => '打印本页　关闭窗口',
  (r) => `${pick(r, SITES)}所载文章仅供参考，不构成投资建议。`,
  (r) => `转载请注明来源：${pick(r, ORGS)}`,
  () => '未经授权，禁止转载。',
  (r) => `阅读原文 ${pick(r, ['', '｜', '>>'])}`,
  () => '（未完待续）',
  (r) => `本文来自${pick(r, ['微信公众号', '网易号', '百家号', '头条号'])}“${pick(r, CITIES)}${pick(r, ['观察', '生活', '发布', '头条'])}”`,
  (r) => `编者按：${title(r)}。`,
  (r) => `点击查看${pick(r, ['更多', '原文', '专题', '全部评论'])}`,
  (r) => `${pick(r, ['喜欢这篇文章', '觉得有帮助', '看完有收获', '支持一下'])}${pick(r, ['？', '的话，', '，'])}${pick(r, ['点个在看', '点赞关注', '转发给朋友', '收藏备用', '关注不走丢'])}${pick(r, ['吧', '哦', '！', ''])}`,
  (r) => `${pick(r, ['关注', '订阅', '星标'])}${pick(r, ['我们', '本号', '作者'])}，${pick(r, ['第一时间获取', '每天收到', '不错过'])}${pick(r, ['最新资讯', '更多干货', '精彩内容'])}`,
  (r) => `${pick(r, ['参考资料', '资料来源', '原文地址', '本文链接', '原文出处'])}${pick(r, ['见文末', '见下方', '在置顶评论', '请见简介'])}`,
  (r) => `${pick(r, ['更多精彩', '完整内容', '未删减版', '下一章'])}${pick(r, ['请看', '见', '请移步'])}${pick(r, ['下一页', '评论区', '主页', '合集'])}`,
  (r) => `${pick(r, ['本章未完', '本章完', '第' + int(r, 1, 999) + '章完'])}${pick(r, ['，请点击下一页继续阅读', '', '。'])}`,
  (r) => `${pick(r, ['新书', '本书', '拙作'])}${pick(r, ['求收藏', '求推荐', '求追读', '求打赏'])}${pick(r, ['，感谢支持', '！', '～'])}`,
  (r) => `${pick(r, ['作者有话说', '作者的话', '写在后面'])}：${pick(r, ['今天两更', '明天请假一天', '感谢大家的月票', '下一章晚点发'])}`,
  (r) => `${pick(r, ['声明', '特别声明', '免责申明'])}：${pick(r, ['图片来自网络，', '部分素材来源于网络，', '本文仅供学习交流，'])}${pick(r, ['如有侵权请联系删除', '版权归原作者所有', '不代表本号立场'])}`,
  (r) => `${pick(r, ['©', '(c)', 'Copyright'])} ${int(r, 2000, 2026)}${pick(r, ['-' + int(r, 2020, 2026), ''])} ${pick(r, ORGS)} ${pick(r, ['版权所有', '保留所有权利', 'All rights reserved'])}`,
  (r) => `${pick(r, ['相关阅读', '猜你喜欢', '热门推荐', '大家都在看', '你可能还想看'])}${pick(r, ['', '：', ' >>'])}`,
  (r) => `${pick(r, ['▼', '▶', '→', '·', '●'])} ${title(r)}`,
  (r) => `${pick(r, ['扫码', '长按', '识别'])}${pick(r, ['下方二维码', '图中二维码'])}${pick(r, ['，关注我们', '加入读者群', '下载客户端'])}`,
  (r) => `${pick(r, ['分享', '收藏', '点赞', '评论'])} ${int(r, 0, 999)}　${pick(r, ['分享', '收藏', '点赞', '评论'])} ${int(r, 0, 999)}`,
  () => '返回列表　上一篇　下一篇',
  (r) => `${pick(r, ['网站备案', '增值电信业务经营许可证', '公网安备'])}：${pick(r, ['粤', '京', '浙', '沪'])}${int(r, 10000, 99999)}号`,
];

// Keyword stuffing: a subject (brand, title, city + service) with generic suffixes, or a
// bare list of search keywords, joined by any separator.
const SUFFIXES = [
  '官网', '下载', '在线', '免费', '入口', '最新', '攻略', '技巧', '怎么玩', '哪家好', '多少钱', '价格', '排行榜', '推荐', '大全', 'app', '平台',
  '注册', '登录', '视频', '观看', '高清', '全集', '小说', 'txt', '官方版', '手机版', '安卓', '苹果版', '破解版', '网址', '地址', '最新版', '2024',
  '教程', '怎么样', '好不好', '靠谱吗', '正规吗', '排名', '电话', '公司', '厂家', '批发', '代理', '加盟', '直播', '在线播放', '百度云', '资源',
];
const SEPARATORS = [' ', '-', '_', '|', ',', '，', '、', '/', '=', '#', ' #', '【', ' | ', ' - ', '　', '+', ';'];

/** A random Han subject of 2 to 4 characters cut from `pool` (lines of any corpus text). */
function subject(r, pool) {
  for (let tries = 0; tries < 20; tries++) {
    const text = pick(r, pool);
    const n = int(r, 2, 4);
    if (text.length < n) continue;
    const at = int(r, 0, text.length - n);
    const word = text.slice(at, at + n);
    if (/^\p{Script=Han}+$/u.test(word)) return word;
  }
  return pick(r, CITIES);
}

export function seoLine(r, pool) {
  const segments = int(r, 3, 9);
  const sep = pick(r, SEPARATORS);
  const shape = r();
  const parts = [];
  if (shape < 0.45) {
    const brand = subject(r, pool);
    for (let i = 0; i < segments; i++) parts.push(brand + pick(r, SUFFIXES) + (r() < 0.3 ? pick(r, SUFFIXES) : ''));
  } else if (shape < 0.75) {
    const brand = subject(r, pool);
    for (let i = 0; i < segments; i++) parts.push((r() < 0.5 ? subject(r, pool) : '') + brand + pick(r, SUFFIXES));
  } else {
    for (let i = 0; i < segments; i++) parts.push(subject(r, pool) + (r() < 0.6 ? pick(r, SUFFIXES) : ''));
  }
  const joined = sep === '#' || sep === ' #' ? parts.map((p) => `#${p}`).join(' ') : sep === '【' ? parts.map((p) => `【${p}】`).join('') : parts.join(sep);
  return r() < 0.2 ? `${pick(r, ['热门搜索', '相关搜索', '标签', '关键词', '大家都在搜'])}：${joined}` : joined;
}

// Legitimate contact lines of notices, adverts for jobs, calls for papers, shops' after-sales
// service and public services: clean lines that name phones, e-mail or sites. spam-train
// has few (its ham is news, laws, reviews, fiction, chat), so without them every phone
// number reads as spam.
const ROLES = ['老师', '女士', '先生', '主任', '科长', '同学', '经理', '馆员'];
const UNITS = ['办公室', '人事处', '教务处', '会务组', '居委会', '街道办事处', '客服中心', '售后服务部', '报名处', '编辑部', '招生办', '服务中心'];
const AFFAIRS = ['报名', '咨询', '投稿', '应聘', '预约', '报修', '投诉', '退换货', '参会', '申请'];
function landline(r) {
  return `${pick(r, ['010', '021', '020', '0571', '025', '027', '028', '0755', '(02)', '（03）'])}-${int(r, 2000, 8999)}${int(r, 1000, 9999)}`;
}
function mobile(r) {
  return `1${pick(r, [3, 5, 7, 8, 9])}${int(r, 0, 9)}${r() < 0.3 ? ' ' : ''}${int(r, 1000, 9999)}${r() < 0.3 ? ' ' : ''}${int(r, 1000, 9999)}`;
}
function phone(r) {
  const x = r();
  return x < 0.4 ? landline(r) : x < 0.7 ? mobile(r) : x < 0.85 ? `400-${int(r, 100, 999)}-${int(r, 1000, 9999)}` : `${pick(r, ['12345', '12315', '12378', '96390', '110', '119'])}`;
}
function email(r) {
  return `${pick(r, ['hr', 'office', 'info', 'conf', 'service', 'tougao', 'zhaosheng'])}${r() < 0.3 ? int(r, 1, 99) : ''}@${pick(r, ['example', 'univ', 'gov', 'lib', 'press'])}.${pick(r, ['edu.cn', 'gov.cn', 'org', 'com.cn', 'org.tw'])}`;
}
const LEGIT_CONTACTS = [
  (r) => `联系人：${pick(r, SURNAMES)}${pick(r, ROLES)}，联系电话：${phone(r)}。`,
  (r) => `${pick(r, AFFAIRS)}电话：${phone(r)}（工作日${int(r, 8, 9)}:00-${int(r, 16, 18)}:00）`,
  (r) => `如有疑问，请${pick(r, ['拨打', '致电', '联系'])}${pick(r, UNITS)}，电话${phone(r)}。`,
  (r) => `${pick(r, ['应聘', '投稿', '报名'])}材料请发送至${email(r)}，${pick(r, ['邮件标题注明姓名', '截止日期为' + date(r, true), '逾期不予受理'])}。`,
  (r) => `${pick(r, UNITS)}地址：${pick(r, CITIES)}市${pick(r, ['中山路', '人民路', '解放路', '学院路'])}${int(r, 1, 300)}号，电话：${landline(r)}。`,
  (r) => `售后服务热线：${phone(r)}，${pick(r, ['7×24小时', '每天9:00-21:00', '节假日照常'])}为您服务。`,
  (r) => `详情请登录${pick(r, ['学校官网', '单位网站', '会议网站'])} www.${pick(r, ['example', 'univ', 'conf'])}.${pick(r, ['edu.cn', 'org', 'gov.cn'])} 查询。`,
  (r) => `${pick(r, ['市民', '消费者', '家长', '读者'])}如发现${pick(r, ['违规行为', '质量问题', '安全隐患'])}，可拨打${phone(r)}${pick(r, ['投诉举报', '反映情况', '进行咨询'])}。`,
  (r) => `会务联系人：${pick(r, SURNAMES)}${pick(r, ROLES)}，手机：${mobile(r)}，邮箱：${email(r)}。`,
  (r) => `我打了客服电话${phone(r)}，${pick(r, ['第二天就换了新的', '对方态度很好', '等了半小时才接通'])}。`,
  (r) => `${name(r)}，${pick(r, ['值班电话', '办公电话', '传真'])}：${landline(r)}；${pick(r, ['手机', '移动电话'])}：${mobile(r)}。`,
  (r) => `报名时间为${date(r, false)}至${date(r, false)}，咨询电话${phone(r)}，${pick(r, ['额满为止', '名额有限', '不收取任何费用'])}。`,
  (r) => `欢迎${pick(r, ['广大师生', '各界人士', '社区居民'])}${pick(r, AFFAIRS)}，联系方式：${phone(r)} 或 ${email(r)}。`,
  (r) => `${pick(r, ['招聘岗位', '招收人数', '工作地点'])}：${pick(r, ['行政助理2名', '实验员1名', pick(r, CITIES)])}；有意者请联系${pick(r, SURNAMES)}${pick(r, ROLES)}（${phone(r)}）。`,
];

/**
 * Long captions: a sentence of real text (from `sentences`) as the picture's description,
 * then a 图为 clause and/or a credit. Photo pages caption a picture with a whole paragraph.
 */
export function longCaptions(count, seed, sentences) {
  const r = rng(seed);
  const credit = (r) => pick(r, [`${name(r)}摄`, `（${name(r)} 摄）`, `供图/${pick(r, ['视觉中国', 'IC photo', pick(r, ORGS)])}`, `${pick(r, ORGS)}记者 ${name(r)} 摄`, `（${pick(r, ORGS)}图片）`, '（资料图片）']);
  return Array.from({ length: count }, () => {
    const sentence = pick(r, sentences).replace(/[。！？]+$/, '');
    const head = r() < 0.5 ? `${date(r)}，${pick(r, CITIES)}，` : '';
    const shape = r();
    if (shape < 0.4) return `${head}${sentence}。图为${scene(r)}。${credit(r)}`;
    if (shape < 0.8) return `${head}${sentence}。${credit(r)}`;
    return `${head}${sentence}。图为${scene(r)}。`;
  });
}

export function legitimateContactLines(count, seed) {
  const r = rng(seed);
  return Array.from({ length: count }, () => pick(r, LEGIT_CONTACTS)(r));
}

export const INFORMATION_TEMPLATES = { caption: CAPTIONS, metadata: METADATA, boilerplate: BOILERPLATE };

/** `count` lines of information label `label`, from seed `seed`. */
export function informationLines(label, count, seed) {
  const r = rng(seed);
  const templates = INFORMATION_TEMPLATES[label];
  return Array.from({ length: count }, () => pick(r, templates)(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 5);
  for (const label of Object.keys(INFORMATION_TEMPLATES)) {
    console.log(`# ${label}`);
    for (const line of informationLines(label, n, 7)) console.log(line);
  }
  console.log('# seo');
  const r = rng(7);
  for (let i = 0; i < n; i++) console.log(seoLine(r, ['星海传媒今日新闻发布会', '金沙娱乐城真人游戏', '江南古镇旅游攻略']));
}
