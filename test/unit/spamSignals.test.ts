import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { foldLine } from '../../src/core/spam/normalize';
import { contentBigrams, findContacts, findRepetition, lineFeatures, listMarkerOf } from '../../src/core/spam/signals';
import { findTerms } from '../../src/core/spam/lexicon';
import { isCommonWord, offTopicScore } from '../../src/core/spam/topic';
import { repoPath } from './helpers';

test('foldLine: full-width to ASCII, Traditional to Simplified, same length', () => {
  const line = '下載ＡＰＰ　官網：１３８';
  const folded = foldLine(line);
  assert.equal(folded, '下载app 官网:138');
  assert.equal(folded.length, line.length);
  assert.equal(foldLine('plain ascii'), 'plain ascii');
});

test('repetition: the shared prefix of separator-joined segments, with its count and separator', () => {
  assert.deepEqual(findRepetition('铁牛视频app下载苹果-铁牛视频app下载地址-铁牛视频app破解版ios'), {
    unit: '铁牛视频app',
    count: 3,
    separator: '-',
  });
  assert.equal(findRepetition('甲乙官網|甲乙登錄|甲乙註冊|甲乙平臺')?.unit, '甲乙官網'.slice(0, 2));
  assert.equal(findRepetition('某剧在线观看 某剧免费观看 某剧高清')?.separator, ' ');
  // An ordinary sentence with commas has no repeated keyword.
  assert.equal(findRepetition('政府發布新規，企業積極響應，市民普遍歡迎。'), undefined);
  // English words sharing "th" are not a keyword.
  assert.equal(findRepetition('the cat, the dog, then they thought'), undefined);
});

test('contacts: QQ, WeChat, mobile numbers (full-width and spaced), URLs and domains', () => {
  const kinds = (line: string) => findContacts(line).map((c) => c.what);
  assert.deepEqual(kinds('联系QQ47181110'), ['QQ number']);
  assert.deepEqual(kinds('V信：ab_cd42（备注：官网）'), ['WeChat ID']);
  assert.deepEqual(kinds('手机 １３８１２３４５６７８'), ['mobile number']);
  assert.deepEqual(kinds('电话 138 1234 5678'), ['mobile number']);
  assert.deepEqual(kinds('加我：一三八一二三四五六七八'), ['mobile number']);
  assert.deepEqual(kinds('一二三四五六七八九十'), [], 'counting is not a phone number');
  assert.deepEqual(kinds('官方网址：www.example.com 请牢记'), ['URL']);
  assert.deepEqual(kinds('更多请访问 example.cn'), ['domain']);
  // A hotline or a landline is not a mobile number; a year is not a QQ number.
  assert.deepEqual(kinds('市民热线12345，办公电话0571-87654321。'), []);
  assert.deepEqual(kinds('2020年GDP增长2.3%'), []);
  // Taiwan and Hong Kong: LINE IDs, WhatsApp, 09xx and +886/+852 mobiles.
  assert.deepEqual(kinds('想賺錢請加LINE：abc8888'), ['LINE ID']);
  assert.deepEqual(kinds('加賴ID：@bet888 免費領取'), ['LINE ID']);
  assert.deepEqual(kinds('LINE ID: win777'), ['LINE ID']);
  // A bare LINE: after Chinese text, with an ID of letters and digits.
  assert.deepEqual(kinds('高雄外送茶 LINE:abc123'), ['LINE ID']);
  assert.deepEqual(kinds('外送茶 LINE：ab12cd'), ['LINE ID']);
  assert.deepEqual(kinds('WhatsApp：+852 6123 4567'), ['WhatsApp number']);
  assert.deepEqual(kinds('手機：0912-345-678'), ['mobile number']);
  assert.deepEqual(kinds('手機 +886 912 345 678'), ['mobile number']);
  assert.deepEqual(kinds('電話 +852 9123 4567'), ['mobile number']);
  // A messenger handle given as the way to reach someone, after a colon or a contact word.
  assert.deepEqual(kinds('加入老師LINE群組：@stock888'), ['messenger handle']);
  assert.deepEqual(kinds('請加LINE客服 @gift66 領取'), ['messenger handle']);
  assert.deepEqual(kinds('诚信经营，联系@HYJT857'), ['messenger handle']);
  // A reply, a quoted account and an e-mail address are not.
  assert.deepEqual(kinds('@xyymyyfyylyy 你咋了'), []);
  assert.deepEqual(kinds('來自Twitter用戶 @KBrassenstein 的帖文'), []);
  assert.deepEqual(kinds('投稿：editor@example.org'), []);
  // An English "line:" and a Taiwan landline are not contacts.
  assert.deepEqual(kinds('See line: example in the code.'), []);
  assert.deepEqual(kinds('Call line: 12345 now'), []);
  assert.deepEqual(kinds('第三行 line: abcd'), []);
  assert.deepEqual(kinds('洽詢電話：（02）2936-5522轉分機312'), []);
});

test('lexicons match Traditional text through the fold', () => {
  assert.deepEqual(findTerms(foldLine('百家樂、真人視訊'), 'gambling').sort(), ['百家乐', '真人视讯'].sort());
  assert.deepEqual(findTerms(foldLine('今天天氣很好'), 'gambling'), []);
});

test('content bigrams skip function characters and non-Han text', () => {
  assert.deepEqual(contentBigrams('数字政府的建设'), ['数字', '字政', '政府', '建设']);
  assert.deepEqual(contentBigrams('abc 123'), []);
});

test('information wording: captions, bylines and datelines, boilerplate', () => {
  assert.ok(lineFeatures('圖為人員限流預警大數據平臺。供圖/視覺中國').caption);
  assert.ok(lineFeatures('一位市民頭上挂满汗珠。记者黄澄锋摄').caption);
  assert.ok(lineFeatures('來源:網絡傳播雜志 更新時間:2020-12-03').metadata);
  assert.ok(lineFeatures('中新网太原５月３１日电（记者　梁波）').metadata);
  assert.ok(lineFeatures('本报记者　张三').metadata);
  // A dateline followed by the story is content, and so is a sentence about a reporter.
  assert.equal(lineFeatures('新华网仰光６月１２日电（记者张云飞）缅甸总统宣布在若开邦实行紧急状态，以恢复当地秩序。').metadata, undefined);
  assert.equal(lineFeatures('記者上午致電北京多家銀行，其均表示沒有接到通知。').metadata, undefined);
  assert.ok(lineFeatures('·某某社区经营许可证编号：京ＩＣＰ００００号。').boilerplate);
  assert.ok(lineFeatures('分享到：').boilerplate);
  assert.equal(lineFeatures('法院认定被告转载他人作品的行为构成侵权，判令其赔偿损失并公开道歉，该案引发出版界广泛关注。').boilerplate, undefined);
  // Share prompts, takedown notes and web-novel footers, in either script; a source line after 本文.
  for (const line of ['一键三连不迷路', '喜欢的话记得点赞、收藏、转发三连哦', '本文版權歸原作者所有，如有侵權請聯繫刪除', '（本章完）', '求月票、求推薦票，各位書友多多支持！', '手机用户请浏览阅读，更优质的阅读体验。']) {
    assert.ok(lineFeatures(line).boilerplate, line);
  }
  assert.ok(lineFeatures('本文來源：城市晚報').metadata);
  // A law's article on infringement, and a report that a video drew likes, are content.
  assert.equal(lineFeatures('第五条 在涉及公共利益的著作权侵权行政执法程序中，被投诉人主张其不承担侵权责任的，应当提供证据证明已经取得权利人的许可。').boilerplate, undefined);
  assert.equal(lineFeatures('这段视频发布后三天内获得了十多万次点赞，许多网友在评论区分享了自己的经历。').boilerplate, undefined);
  assert.equal(lineFeatures('这本书的阅读体验很好').boilerplate, undefined);
});

/** The information wording a line holds: a caption first, then metadata, then boilerplate. */
function informationLabel(line: string): string | undefined {
  const f = lineFeatures(line);
  return f.caption ? 'caption' : f.metadata ? 'metadata' : f.boilerplate ? 'boilerplate' : undefined;
}

/** Each line of `labelled` reads as its label, and each line of `content` as none. */
function assertInformationLabels(labelled: readonly [string, string][], content: readonly string[]): void {
  for (const [line, want] of labelled) assert.equal(informationLabel(line), want, line);
  for (const line of content) assert.equal(informationLabel(line), undefined, line);
}

test('information wording in Taiwan, Hong Kong and blog styles: bylines, sources, related reading, share prompts, footers', () => {
  const expected: [string, string][] = [
    ['【記者王小明／台北報導】', 'metadata'],
    ['（中央社記者陳怡君台北30日電）', 'metadata'],
    ['資料來源：衛生福利部', 'metadata'],
    ['原文網址：https://example.com/news/123', 'metadata'],
    ['（本文作者為台灣大學公共事務研究所教授）', 'metadata'],
    ['发表于 2023-05-12 10:23', 'metadata'],
    ['阅读(1234) 评论(5)', 'metadata'],
    ['圖／翻攝自臉書', 'caption'],
    ['你可能也會喜歡', 'boilerplate'],
    ['往期推荐', 'boilerplate'],
    ['喜歡這篇文章嗎？歡迎分享給朋友', 'boilerplate'],
    ['覺得不錯就按讚分享吧', 'boilerplate'],
    ['All rights reserved.', 'boilerplate'],
    ['（未完待續）', 'boilerplate'],
    ['作者有話說：今天加更一章，求月票！', 'boilerplate'],
    ['本文为作者独家授权发布', 'boilerplate'],
    ['（責任編輯：林小華）', 'metadata'],
    ['分享此文章：Facebook　LINE　Twitter', 'boilerplate'],
    ['熱門新聞', 'boilerplate'],
    ['（示意圖／取自pixabay）', 'caption'],
    ['（資料照）', 'caption'],
    ['分類：政治新聞', 'metadata'],
  ];
  // Content that mentions the same words: a sentence about when a text was published, a
  // reporter in a story, a report about sharing.
  assertInformationLabels(expected, ['另，此文發表於2018年11月，各國對華為的抵制狀況現已有所改變。', '記者王小明昨天在台北採訪了多位市民。', '這段影片在網上被大量分享，引起市民關注。', '“我覺得不錯。”', '再加更多的糖', '千萬不要按讚也不要分享，更不要加入Line好友！', '這張示意圖說明了資料流向。', '(五)事故发生的详细经过(碰撞事故应附相对运动示意图)；']);
});

test('information wording of WeChat and magazine articles: credits with any separator, picture sources, end marks, first-published notes', () => {
  const expected: [string, string][] = [
    ['作者 | 张晓明', 'metadata'],
    ['编辑｜李娜', 'metadata'],
    ['监制：孙强', 'metadata'],
    ['出品：南方周末', 'metadata'],
    ['本期编辑：林一', 'metadata'],
    ['記者 | 何明 實習記者 | 趙一', 'metadata'],
    ['本文首发于澎湃新闻', 'metadata'],
    ['本文原載於筆者在《am730》專欄', 'metadata'],
    ['图源网络，侵删', 'caption'],
    ['*本文圖片均來自網絡', 'caption'],
    ['头图：视觉中国', 'caption'],
    ['—— END ——', 'boilerplate'],
    ['— THE END —', 'boilerplate'],
    ['（完）', 'boilerplate'],
    ['（本文仅代表作者观点，不代表本平台立场）', 'boilerplate'],
    ['分享、点赞、在看，给我们一点鼓励', 'boilerplate'],
    ['记得把我们设为星标', 'boilerplate'],
    ['来源 | 人民日报', 'metadata'],
    ['来源丨新华社', 'metadata'],
    ['作者丨张三', 'metadata'],
    ['【来源：央视新闻】', 'metadata'],
    ['素材来源：网络', 'metadata'],
    ['文章来源于网络', 'metadata'],
    ['以上内容来源于网络', 'metadata'],
    ['整理自网络', 'metadata'],
    ['原创 张三 城市观察 2023-05-12 10:23', 'metadata'],
    ['收录于合集 #城市更新 12个', 'boilerplate'],
    ['欢迎在评论区留言', 'boilerplate'],
    ['点这里关注我，记得标星哦～', 'boilerplate'],
  ];
  // An interview question, a sentence about an author, a word that ends in 完, the verb 在看.
  assertInformationLabels(expected, ['来自于北京的张先生表示，今年的展会规模很大。', '许多网友在评论区留言表示支持', '原创作品受法律保护，2023-05-12起施行。', '记者：您如何看待这次改革？', '作者在书中回忆了童年。', '他们正在看比赛。', '完成', '这本书我还没看完', '她首发于去年的小说广受好评，今年又出了续集。']);
});

test('information wording of reading passages, encyclopedias, blogs and news pages: source notes, notices, footers, bracketed bylines', () => {
  const expected: [string, string][] = [
    ['（选自《人民日报》2019年3月5日，有删改）', 'metadata'],
    ['（节选自鲁迅《故乡》）', 'metadata'],
    ['（有改动）', 'metadata'],
    ['本文链接：https://example.com/post/123.html', 'metadata'],
    ['最后编辑于 2020-01-01 12:00', 'metadata'],
    ['posted @ 2019-05-06 10:23 张三 阅读(1234) 评论(5) 编辑 收藏', 'metadata'],
    ['词条标签：科学', 'metadata'],
    ['（记者 张三 通讯员 李四）', 'metadata'],
    ['【编辑：李四】', 'metadata'],
    ['記者王小明／攝影', 'caption'],
    ['本词条由“科普中国”科学百科词条编写与应用工作项目审核', 'boilerplate'],
    ['来自维基百科，自由的百科全书', 'boilerplate'],
    ['本條目需要補充更多來源。', 'boilerplate'],
    ['此条目需要补充更多来源。', 'boilerplate'],
    ['跳转到导航 跳转到搜索', 'boilerplate'],
    ['本页面最后修订于2023年5月1日 (星期一) 10:23。', 'metadata'],
    ['词条统计 浏览次数：12345次 编辑次数：20次', 'metadata'],
    ['（原题为《城市更新的下一步》）', 'metadata'],
    ['（文章有删改）', 'metadata'],
    ['本文作者：张三', 'metadata'],
    ['图片 | 网络', 'caption'],
    ['更多 TVBS 報導', 'boilerplate'],
    ['如果觉得本文对你有帮助，欢迎点赞、收藏、关注', 'boilerplate'],
    ['赞赏支持', 'boilerplate'],
    ['点击进入专题：两会进行时', 'boilerplate'],
    ['兩國外長在會後握手。美聯社', 'caption'],
    ['市民在街頭排隊等候檢測。資料圖片', 'caption'],
    ['本報製圖', 'caption'],
    ['發稿時間：2014/8/27', 'metadata'],
    ['【 字體：大 中 小 】', 'boilerplate'],
    ['Category:河北河流 Category:内蒙古河流', 'metadata'],
    ['本文内容由某条目 https://example.org/wiki/x 转换而来。', 'metadata'],
    ['請加入成為本網的月費訂戶，長期支持我們的工作。', 'boilerplate'],
    ['本网站版权所有', 'boilerplate'],
    ['版权所有 © 2023 某某公司', 'boilerplate'],
    ['（本文为作者个人观点，不代表本报立场）', 'boilerplate'],
    ['【环球时报综合报道】', 'metadata'],
    ['（图片由受访者提供）', 'caption'],
    ['原文发表于2019年3月5日', 'metadata'],
    ['作者简介：张三，北京大学教授，主要研究方向为城市治理。', 'metadata'],
    ['收稿日期：2020-01-01', 'metadata'],
    ['基金项目：国家自然科学基金（12345678）', 'metadata'],
    ['DOI：10.1234/abcd.2020.01.001', 'metadata'],
    ['中图分类号：G40', 'metadata'],
  ];
  // Content with the same words: an adaptation, a marked change, reporters at work, a photographer's hobby.
  assertInformationLabels(expected, ['这部电影改编自同名小说，去年上映。', '文章有改动的地方已用红色标出。', '记者张三和通讯员李四一起走访了村民。', '他的爱好是摄影，周末常去郊外。', '更多的新闻报道显示，灾情仍在扩大。', '这个方法对你有帮助吗？', '此条规定自公布之日起施行。', '正版的即正确地使用版权。而版权是属于版权所有人的，使用者只要符合条件就不违法。', '摄影：今年初给自己买了台相机，开始学习摄影，拍了不少照片。', '图片由他亲手拍摄，记录了这座城市四十年的变迁。', '这篇原文发表后引起了广泛讨论。']);
});

test('information wording of the sixth round: navigation, headed related reading, credits, counters, end marks, notices', () => {
  const expected: [string, string][] = [
    ['上一则：关于调整工作时间的通知　下一则：关于开展安全检查的通知', 'boilerplate'],
    ['相關報導：颱風海葵逼近　東部縣市停班停課', 'boilerplate'],
    ['作者有话要说：今天家里有事，只更一章，明天补上。', 'boilerplate'],
    ['文章轉載請註明出處及作者，謝謝。', 'boilerplate'],
    ['※本文不構成任何投資建議，投資人應審慎評估。', 'boilerplate'],
    ['第五十二章 完', 'boilerplate'],
    ['（中央社記者張雅婷東京28日專電）', 'metadata'],
    ['最後更新：2024/03/15 10:20', 'metadata'],
    ['瀏覽人次：12,345', 'metadata'],
    ['照片提供：台北市政府', 'caption'],
    ['影片來源：YouTube', 'caption'],
    ['右為市長陳其邁，左為副市長林欽榮。', 'caption'],
    ['左起為陳建仁、蔡英文與賴清德。', 'caption'],
    ['資料照片／中央社', 'caption'],
    ['（路透社）', 'caption'],
    ['閱讀數 3.4萬', 'metadata'],
    ['發佈於 2023 年 7 月 15 日', 'metadata'],
    ['第三卷 終', 'boilerplate'],
    ['你可能還想看', 'boilerplate'],
    ['回到頁首', 'boilerplate'],
    ['各位讀者，明天停更一天。', 'boilerplate'],
  ];
  assertInformationLabels(expected, [
    // The editor's introduction opens with 编者按： and is content; so is a paragraph that
    // mentions the next item, a chapter of a story, or a place on the left.
    '編者按：６月１日，經濟學家許小年在參加“正和島”開島儀式時指出，我國民營企業與民營企業家尚處在一個發展的關鍵階段，制度環境仍有待完善。',
    '编者按：一个村劈石造田的消息，还值得上人民日报的一版头条吗？',
    '他说下一则消息更重要，大家先别走。',
    '第五十二章 风雪夜归人',
    '路透社记者在现场看到，数百人聚集在广场上。',
    '我要送一个小铃铛小小的礼物耶',
    '左边是一片稻田，右边是连绵的群山。',
  ]);
});

test('page furniture known by its shape: counter rows, breadcrumbs, exam headers and instructions, encyclopedia references, ▲ captions', () => {
  const expected: [string, string][] = [
    // Rows of counters and buttons, with any separator, also with the zero-width spaces a copied page keeps.
    ['閱讀 2.7萬　讚 143　在看 9', 'metadata'],
    ['浏览量 3,456 · 收藏 78 · 分享', 'metadata'],
    ['128 人赞同了该文章', 'metadata'],
    ['\u200b赞同 32\u200b\u200b7 条评论\u200b分享\u200b收藏', 'metadata'],
    ['推 45 噓 3', 'metadata'],
    ['分享　收藏　檢舉', 'metadata'],
    // Breadcrumbs: from the home page, or three short names.
    ['首頁 > 地方新聞 > 台南', 'boilerplate'],
    ['当前位置：首页 » 学院新闻 » 正文', 'boilerplate'],
    ['體育 › 棒球 › 中職', 'boilerplate'],
    // An exam paper's source and instructions.
    ['（2022·浙江杭州·高二期末）', 'boilerplate'],
    ['【110學年度 國一下 第一次段考】', 'boilerplate'],
    ['閱讀下面的短文，回答第7至10題。', 'boilerplate'],
    ['认真阅读下列材料，完成下面小题。', 'boilerplate'],
    // An encyclopedia's references.
    ['參考文獻', 'boilerplate'],
    ['外部链接：', 'boilerplate'],
    ['^ 台南市政府文化局. 赤崁樓簡介. [2021-09-30].', 'boilerplate'],
    ['2.  豆腐乳的制作方法 ．中国农业出版社 ．[引用日期2020-03-08]', 'boilerplate'],
    ['本词条由国家图书馆提供内容。', 'boilerplate'],
    // Captions: the ▲ of Taiwanese blogs, a year for the photographer.
    ['▲ 老闆娘正在炸蚵嗲，一份50元', 'caption'],
    ['安平古堡的城牆遺跡（2019年攝）', 'caption'],
    // Dates and times: a weekday in brackets, a time alone, a forum header, a post's date with its author.
    ['2024年3月8日（星期五）', 'metadata'],
    ['北京时间 20时15分', 'metadata'],
    ['時間: Tue Mar 05 09:12:44 2024', 'metadata'],
    ['码农阿强 于 2023-11-02 09:15:00 发布', 'metadata'],
    ['分类专栏： 前端开发', 'metadata'],
    ['——改寫自張曉風〈春之懷古〉', 'metadata'],
    ['本文為本站原創內容，如需轉載請聯絡授權。', 'boilerplate'],
    // Credits and post headers in other shapes, a phone's signature, spaced hashtags, a licence.
    ['記者：陳志明', 'metadata'],
    ['王曉雯 报道', 'metadata'],
    ['责编 孙立 校对 周敏', 'metadata'],
    ['作者 bluesky77 (藍天)', 'metadata'],
    ['看板 Gossiping', 'metadata'],
    ['青柠汽水 2023-08-09 07:45:10', 'metadata'],
    ['#3 路過的貓 · 5 小時前', 'metadata'],
    ['发布/2023年9月1日 08:30', 'metadata'],
    ['晨光中的老街。（本報圖片）', 'caption'],
    ['市民在公園晨運。記者 黃家明 攝', 'caption'],
    ['發自我的 iPhone', 'boilerplate'],
    ['- 分享自 某某 討論區', 'boilerplate'],
    ['#露營 #親子旅遊 #新竹景點', 'metadata'],
    ['本站文字內容依創用 CC 姓名標示 4.0 授權條款提供。', 'boilerplate'],
  ];
  assertInformationLabels(expected, [
    // Counts and comparisons in prose, a heading, a chapter of code, a caret in a formula, an event's time.
    '這支影片上線三天就有 2.7 萬人按讚。',
    '大家都在看这场比赛，转发了 300 次。',
    '收藏',
    '如果 a > b > c，那么 a > c。',
    'if (x > 3) { y = 1 }',
    '^ 以每小時收費 ÷ 9 計算',
    '（2022年起，考試改為線上進行。）',
    '阅读是一种习惯，完成它需要耐心。',
    '時間：2024年3月8日上午十點，地點：市政府大禮堂。',
    '主播亲身尝试»»»发烧»»疼»»咳',
    // Weibo's #话题# opens a post's own text; hashtags that name what spam sells are the rules' to judge.
    '#周末去哪儿#带娃去了趟植物园，人不多',
    '#百家乐 #真人视讯 #线上娱乐城',
    '記者：您怎麼看這次的調整？',
    '▲這家店從清晨五點開門，老闆說三十年來每天都是這樣，從沒休息過，附近的居民幾乎都是從小吃到大，連外地的遊客也會專程來排隊，只為了一碗熱騰騰的粥。',
  ]);
});

test('a QQ number written to get past filters: split into groups, or named by a homophone; not a decimal, an order number or a word with 口', () => {
  const disguised = (line: string) => lineFeatures(line).contacts.filter((c) => c.disguised).map((c) => c.text);
  assert.deepEqual(disguised('篇企鹅 1537 3608ᚰ'), ['企鹅 1537 3608']);
  assert.deepEqual(disguised('怦 29526 Q 77544'), ['29526 Q']);
  assert.deepEqual(disguised('2218439086+++口+口看'), ['2218439086+++口']);
  assert.deepEqual(disguised('9786 49984+秋秋'), ['9786 49984+秋秋']);
  assert.deepEqual(disguised('口2247 1419看闭紫苑'), ['口2247 1419']);
  // Spelled digit by digit after its name, some digits in Chinese.
  assert.deepEqual(disguised('晚上无聊加企鹅聊 3 9 1 7 7 2 0 5'), ['企鹅聊 3 9 1 7 7 2 0 5']);
  assert.deepEqual(disguised('扣：5 1 二 8 4 0 6'), ['扣：5 1 二 8 4 0 6']);
  // A WeChat ID spelled out with spaces.
  assert.deepEqual(disguised('下周有体验课，要的话加微信 k e 5 5 0 3 1'), ['微信 k e 5 5 0 3 1']);
  assert.deepEqual(disguised('感兴趣加我v：mei li 8 2 6'), ['v：mei li 8 2 6']);
  assert.deepEqual(disguised('Vitamin v: 1 2 3 4'), []);
  assert.deepEqual(disguised('我们加了微信 聊了 2 3 次'), []);
  // A mobile number in Chinese numerals is written so only to pass a filter.
  assert.deepEqual(disguised('看房电话一三九零七一二四五八八'), ['一三九零七一二四五八八']);
  for (const line of [
    '企鹅 1 2 3',
    '他在QQ上说了3 4 5句话。',
    '贵卡1407发生关联个人信用卡扣款，应扣人民币12960.30元，实扣12960.30元。',
    '【京东】客户您好，服务单Q139846560已联系您，按您要求改约取件。',
    '该市人口 1400 1500 万之间，出口123456吨，捐赠50000口罩。',
    'FAQ 12 3456 and iq 12345 in English text.',
    // Too few or too many digits for a QQ number.
    '企鹅 12 34',
    '企鹅 1234 5678 9012 3456',
  ]) {
    assert.deepEqual(disguised(line), [], line);
  }
});

test('an app name at the start of an English word is no messenger ID: Instagram, Insights', () => {
  assert.deepEqual(lineFeatures('關注我們的Instagram，不錯過任何新文章。').contacts, []);
  assert.deepEqual(lineFeatures('【Edu Insights】本欄由教育學者整理及供稿').contacts, []);
  assert.deepEqual(lineFeatures('ins：abc1234 私信我').contacts.map((c) => c.text), ['ins：abc1234']);
});

test('the opt-out instruction that ends a commercial text message, in either order and script; not a complaint or a report quoting the rule', () => {
  for (const line of [
    '【众信旅游】会员专属缅甸6日6699元，回复C咨询，退订回T',
    '亲，双十一全场五折，满300减50，戳 c.tb.cn/abc 回TD退订',
    '本店新品上市，全场八折，拒收请回复R',
    '週年慶全館滿千送百，回覆T退訂',
    '新會員首月半價，拒收請回覆N',
  ]) {
    assert.equal(lineFeatures(line).optOut, true, line);
  }
  for (const line of ['两小时没送来，退订电话没人接，最后没拿到饭也没退成钱。', '规定要求营销短信须提供"回T退订"等退订方式，否则将被处罚。', '本想拒收的，下着雨快递小哥还在送快递，就收下了。']) {
    assert.equal(lineFeatures(line).optOut, false, line);
  }
});

test('a reply code to sign up or order, as commercial text messages ask for; not a confirmation code', () => {
  for (const line of ['【某某电信】您的宽带可免费提速至千兆，回复1即可办理。', '親愛的會員，暑期游泳班開放報名，回覆Y由專人與您聯絡。', '新品试吃会本周六举行，回复B预约座位']) {
    assert.equal(lineFeatures(line).replyToAct, true, line);
  }
  for (const line of ['您正在进行转账操作，回复1确认，回复2取消。', '他回复了一句：好的。', '请回复收到。']) {
    assert.equal(lineFeatures(line).replyToAct, false, line);
  }
});

test('a phishing request: trouble with something of the reader\'s, an urgent instruction and a contact; not a report quoting one, nor advice', () => {
  const phishing: [string, string, RegExp][] = [
    ['【中華電信】您的帳單已逾期未繳，請於今日內點擊 https://cht-pay.cc/a8 完成繳費，以免停話。', '逾期', /^请于今日内点击/],
    ['您的包裹因地址不詳無法派送，請於24小時內點擊 https://post-tw.vip/r 更新收件資料。', '地址不详', /^请于24小时内点击/],
    // The link's dots do not end the clause: the contact is taken out first.
    ['【台灣自來水】您的水費已超過繳費期限，將停止供水，請儘速至 twwater-pay.com 完成線上繳費。', '缴费期限', /^请尽速至…完成线上缴费$/],
    ['恭喜您的手机号码在本次抽奖中获得二等奖，请登录 hd-zj.cn 领取', '恭喜', /^请登录$/],
    ['【ETC】您的ETC卡已失效，为避免影响通行，请点击 http://etc-rz.top 进行认证。', '失效', /^请点击/],
    // The act right before the link, with no word of urgency; 登记 as the act.
    ['【交管】您有一笔违章罚款未处理，查看详情 http://jg-122.top', '违章', /^查看详情…$/],
    ['【稅務通知】您符合本年度退稅資格，請於三日內到 tax-tw.cc 登記帳戶。', '退税', /登记$/],
  ];
  for (const [line, trouble, action] of phishing) {
    const found = lineFeatures(line).phishing;
    assert.ok(found, line);
    assert.equal(found.trouble, trouble, line);
    assert.match(found.action, action, line);
  }
  for (const line of [
    // A report quoting the scam, advice with the trouble as a condition, a notice to third parties.
    '刑事局提醒，近期有歹徒冒充郵局發送「包裹無法派送，請點擊 post-tw.vip 更新資料」的簡訊，民眾切勿點擊。',
    '您可以在设置里开启两步验证，如果发现账号异常，请立即前往 account.example.com 修改密码。',
    '中奖者请于7日内登录官网 www.lottery.gov.cn 查看领奖须知，逾期视为放弃。',
    // Alarm and instruction with no contact to act through.
    '您的帐单已逾期，请尽快缴费。',
    // A notice that says whom to ask if in doubt: 如有疑问 is a condition, not an alarm.
    '尊敬的客户：本行系统将于今晚零时至二时停止服务，如有疑问请登录 www.bank-example.com 查询。',
    // A contact and an instruction, no trouble.
    '欢迎您报名参加，请登录 www.example.com 填写报名表。',
  ]) {
    assert.equal(lineFeatures(line).phishing, undefined, line);
  }
});

test('Taiwan and Hong Kong spam wording reaches the term lists through the fold', () => {
  assert.deepEqual(findTerms(foldLine('線上娛樂 註冊送體驗金'), 'gambling').sort(), ['体验金', '注册送', '线上娱乐'].sort());
  assert.deepEqual(findTerms(foldLine('台北外送茶 定點茶'), 'porn').sort(), ['外送茶', '定点茶'].sort());
  assert.deepEqual(findTerms(foldLine('急用錢？汽機車借款，當日撥款'), 'loan').sort(), ['当日拨款', '急用钱', '机车借款'].sort());
  assert.deepEqual(findTerms(foldLine('老師帶單，保證獲利'), 'promo').sort(), ['保证获利', '带单'].sort());
});

test('sentence shape: final punctuation and the dated one-sentence description', () => {
  assert.equal(lineFeatures('這是一句話。').sentenceEnd, true);
  assert.equal(lineFeatures('「你去哪裡？」她問。').sentenceEnd, true);
  assert.equal(lineFeatures('1、應對治理大考').sentenceEnd, false);
  assert.equal(lineFeatures('６月８日，技師在生產線上測試鏡頭。').datedSentence, true);
  assert.equal(lineFeatures('６月８日，技師測試鏡頭。隨後他們開會。').datedSentence, false);
});

test('off-topic score: chance-corrected share, undefined without enough context', () => {
  assert.equal(offTopicScore({ shared: 0, total: 40, context: 300 }), 0);
  assert.equal(offTopicScore({ shared: 5, total: 40, context: 30 }), undefined);
  const small = offTopicScore({ shared: 4, total: 40, context: 100 })!;
  const large = offTopicScore({ shared: 4, total: 40, context: 1000 })!;
  assert.ok(small > large, 'the same share means less in a larger document');
});

test('off-topic score: shared everyday words count half when asked to', () => {
  const overlap = { shared: 4, total: 40, context: 600, common: 3 };
  const plain = offTopicScore(overlap)!;
  assert.equal(plain, offTopicScore({ shared: 4, total: 40, context: 600 }), 'the plain score ignores them');
  assert.ok(Math.abs(offTopicScore(overlap, true)! - plain * (2.5 / 4)) < 1e-12, '4 shared, 3 of them everyday: 1 + 3 × 0.5');
  assert.equal(offTopicScore({ shared: 4, total: 40, context: 600, common: 0 }, true), plain);
  assert.ok(isCommonWord('公司') && isCommonWord('出现') && isCommonWord('投资'));
  assert.ok(!isCommonWord('电池') && !isCommonWord('煤企') && !isCommonWord('殴打') && !isCommonWord('公'));
});

test('the committed everyday-word list matches the installed jieba idf.txt', () => {
  const result = spawnSync(process.execPath, [repoPath('scripts/generate-spam-common.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('the committed fold map matches the installed opencc-js', () => {
  const result = spawnSync(process.execPath, [repoPath('scripts/generate-spam-fold.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('list markers: the numbering style a line opens with; dialogue: a line opening with a quotation mark', () => {
  const style = (line: string) => listMarkerOf(foldLine(line).trim());
  assert.equal(style('（三）加强金融风险防控。'), '(cn)');
  assert.equal(style('(十二) 半角括号'), '(cn)');
  assert.equal(style('二、主要任务'), 'cn、');
  assert.equal(style('（１）全角数字'), '(n)');
  assert.equal(style('3、坚持问题导向'), 'n、');
  assert.equal(style('１２. 全角'), 'n.');
  assert.equal(style('第三，要加强监管。'), '第n');
  assert.equal(style('[1] 国家统计局. 统计公报. http://www.stats.gov.cn/'), '[n]');
  assert.equal(style('［12］全角方括号'), '[n]');
  assert.equal(style('③ 加强监管'), '①');
  assert.equal(style('[链接] 不是编号'), undefined);
  assert.equal(style('📷摄影：今年给自己买了台相机。'), 'emoji');
  assert.equal(style('⛺️露营：跟一个徒步团去。'), 'emoji');
  // Figures, dates and ordinary openings are no list items.
  assert.equal(style('3.5亿元的投资已经到位。'), undefined);
  assert.equal(style('2025年工作回顾'), undefined);
  assert.equal(style('第三章 结束'), undefined);
  assert.equal(style('三天逾四个小时的庭审中'), undefined);
  assert.equal(lineFeatures('「押莊還是押閒？」身邊的老頭問他。').dialogue, true);
  assert.equal(lineFeatures('“我不是学法律的。”他说。').dialogue, true);
  assert.equal(lineFeatures('他說：「好。」').dialogue, false);
});
