import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combine, type LineContext } from '../../src/core/spam/combine';
import { checkText, SpamDocument } from '../../src/core/spam/document';
import { OFFTOPIC_THRESHOLD, resolveOptions } from '../../src/core/spam/options';
import { offTopicScore, type TopicOverlap } from '../../src/core/spam/topic';
import { lineFeatures } from '../../src/core/spam/signals';
import { readRepoFile, SEED } from './helpers';

const context = (over: Partial<LineContext> = {}): LineContext => ({
  documentScript: 'traditional',
  topic: undefined,
  isTitle: false,
  allow: [],
  deny: [],
  ...over,
});
const options = resolveOptions();
const verdictOf = (line: string, over: Partial<LineContext> = {}) => combine(lineFeatures(line), context(over), options);

test('seo: a repeated keyword with download terms, its reasons in plain words', () => {
  const v = verdictOf('铁牛视频app下载苹果-铁牛视频app下载地址-铁牛视频app破解版ios', {
    topic: { shared: 0, total: 20, context: 400 },
  })!;
  assert.equal(v.label, 'seo');
  assert.equal(v.severity, 'warning');
  assert.match(v.reasons.join('; '), /repeats 铁牛视频app ×3 joined by '-'/);
  assert.match(v.reasons.join('; '), /download\/crack terms/);
  assert.match(v.reasons.join('; '), /Simplified line in a Traditional document/);
  assert.match(v.reasons.join('; '), /shares no vocabulary/);
  assert.match(v.reasons.join('; '), /mixes Latin tokens into Chinese \(\d+% of letters\)/);
  // A Chinese-only stuffed line has no Latin signal.
  const hanOnly = verdictOf('甲乙娛樂-甲乙娛樂官網-甲乙娛樂下載-甲乙娛樂註冊送58元')!;
  assert.equal(hanOnly.label, 'seo');
  assert.doesNotMatch(hanOnly.reasons.join('; '), /Latin/);
  assert.ok(v.score >= 0.5 && v.score <= 1);
  assert.deepEqual(v.terms, ['铁牛视频app']);
});

test('one signal is not enough: repetition without spam terms, or spam terms in reporting', () => {
  assert.equal(verdictOf('我愛你，我愛你，我愛你，直到永遠'), undefined, 'a refrain');
  assert.equal(verdictOf('警方查明，該團伙通過百家樂、老虎機等網絡賭博平台非法牟利，涉案金額達三千萬元。'), undefined);
  assert.equal(verdictOf('該應用上線一年下載量突破一億次，用戶可在官網下載安卓版和蘋果版。'), undefined);
});

test('ad: a vice with a pitch; contact: a handle with a call to use it', () => {
  assert.equal(verdictOf('新會員註冊即送128元彩金，百家樂、真人視訊一站式體驗！')?.label, 'ad');
  assert.equal(verdictOf('招代理！日賺500元，聯繫QQ93094598')?.label, 'contact');
  assert.equal(verdictOf('如有疑問，請致電市民服務熱線12345。'), undefined, 'a public hotline');
  assert.equal(verdictOf('[3] 國家統計局. 統計公報. http://www.stats.gov.cn/tjsj/'), undefined, 'a reference URL');
});

test('offtopic needs a document to compare with and is never the title', () => {
  const line = '專科志願填報將在七月進行，考生需要提前瞭解相關院校信息，專科招生學校按兩個批次依次錄取。';
  assert.equal(verdictOf(line, { topic: { shared: 0, total: 30, context: 400 } })?.label, 'offtopic');
  assert.equal(verdictOf(line, { topic: { shared: 0, total: 30, context: 400 }, isTitle: true }), undefined);
  assert.equal(verdictOf(line, { topic: { shared: 0, total: 30, context: 20 } }), undefined);
  assert.equal(verdictOf(line, { topic: { shared: 20, total: 30, context: 400 } }), undefined);
});

test('sensitivity, severities, allow and deny lists', () => {
  const seo = '甲乙官網|甲乙登錄|甲乙註冊|甲乙平臺';
  assert.equal(verdictOf(seo)?.label, 'seo');
  const off = resolveOptions({ severity: { ...options.severity, seo: 'off' } });
  assert.equal(combine(lineFeatures(seo), context(), off)?.label ?? 'none', 'none');
  const error = resolveOptions({ severity: { ...options.severity, seo: 'error' } });
  assert.equal(combine(lineFeatures(seo), context(), error)?.severity, 'error');
  assert.equal(verdictOf(seo, { allow: ['甲乙'] }), undefined);
  assert.equal(verdictOf('這款產品叫做星光寶盒。', { deny: ['星光宝盒'] })?.label, 'ad');
  // Low sensitivity asks for more evidence than high.
  const weak = '某某彩票 某某彩票app 某某彩票官網';
  const at = (s: 'low' | 'high') => combine(lineFeatures(weak), context({ documentScript: 'simplified' }), resolveOptions({ sensitivity: s }));
  assert.ok(at('high') !== undefined);
  assert.ok((at('low')?.score ?? 0) <= (at('high')?.score ?? 0));
});

test('the seed: the last line is seo, the caption and the source line are information, nothing else', () => {
  const findings = checkText(readRepoFile(SEED));
  assert.deepEqual(
    findings.map((f) => [f.line + 1, f.label, f.severity, f.code]),
    [
      [2, 'metadata', 'information', 'zh.metadata'],
      [20, 'caption', 'information', 'zh.caption'],
      [84, 'seo', 'warning', 'zh.seo'],
    ],
  );
  const seo = findings[2]!;
  assert.match(seo.message, /^keyword-stuffing \(SEO\) line: repeats 铁牛视频app ×3/);
  assert.equal(seo.startColumn, 0);
});

test('incremental edits give the same findings as a fresh check', () => {
  const text = readRepoFile(SEED);
  const doc = new SpamDocument(text);
  const lines = text.split('\n');
  // Insert an ad after line 10, then change it back.
  doc.replaceLines(10, 0, ['博利娱乐城新会员注册即送188元彩金，百家乐、真人视讯一站式体验！']);
  const edited = [...lines.slice(0, 10), '博利娱乐城新会员注册即送188元彩金，百家乐、真人视讯一站式体验！', ...lines.slice(10)];
  assert.deepEqual(doc.findings(), checkText(edited.join('\n')));
  assert.ok(doc.findings().some((f) => f.line === 10 && f.label === 'ad'));
  doc.replaceLines(10, 1, []);
  assert.deepEqual(doc.findings(), checkText(text));
});

test('an edit re-analyses only the lines it touches, and the findings match a fresh check', () => {
  const text = readRepoFile(SEED);
  const doc = new SpamDocument(text);
  const lines = text.split('\n');
  assert.equal(doc.analysedLineCount, lines.length);
  doc.findings();
  // A one-character edit inside line 30.
  doc.applyChange(29, 3, 29, 3, '甲');
  assert.equal(doc.analysedLineCount, lines.length + 1);
  const edited = [...lines];
  edited[29] = `${lines[29]!.slice(0, 3)}甲${lines[29]!.slice(3)}`;
  assert.deepEqual(doc.findings(), checkText(edited.join('\n')));
  // Pasting an ad as a new line after line 40 touches two lines (the split one and the new one).
  doc.applyChange(39, lines[39]!.length, 39, lines[39]!.length, '\n博利娱乐城新会员注册即送188元彩金，百家乐、真人视讯一站式体验！');
  assert.equal(doc.analysedLineCount, lines.length + 3);
  assert.ok(doc.findings().some((f) => f.line === 40 && f.label === 'ad'));
});

test('cancellation stops a long check', () => {
  const doc = new SpamDocument('這是一行。\n'.repeat(2000));
  assert.throws(() => doc.findings(() => true), /cancelled/);
});

test('lines longer than the limit are not scored', () => {
  const long = '铁牛视频app下载苹果-铁牛视频app下载地址-铁牛视频app破解版ios';
  assert.equal(checkText(long, { maxLineLength: 10 }).length, 0);
  assert.equal(checkText(long).length, 1);
});

test('long lines are counted for the one-time notice', () => {
  const doc = new SpamDocument(`短行。\n${'長'.repeat(200)}\n`, { maxLineLength: 100 });
  assert.equal(doc.longLineCount(), 1);
  doc.setOptions({ maxLineLength: 1000 });
  assert.equal(doc.longLineCount(), 0);
});

test('applyChange edits within and across lines like an editor', () => {
  const doc = new SpamDocument('第一行\n第二行\n第三行');
  doc.applyChange(0, 2, 1, 1, '句\n新');
  assert.equal(doc.lineCount, 3);
  assert.deepEqual([doc.lineText(0), doc.lineText(1), doc.lineText(2)], ['第一句', '新二行', '第三行']);
  doc.applyChange(1, 0, 2, 0, '');
  assert.deepEqual([doc.lineCount, doc.lineText(1)], [2, '第三行']);
});

test('spam written in other words than the dev templates is still caught, in a Simplified host', () => {
  const host = readRepoFile('test/fixtures/spam/docs/app-download-article.txt').split('\n');
  const at = (line: string) => {
    const lines = [...host.slice(0, 6), line, ...host.slice(6)];
    return checkText(lines.join('\n')).find((f) => f.line === 6)?.label ?? 'clean';
  };
  const cases: [string, string][] = [
    ['本公司常年为您提供专业网站建设、网络推广服务，质优价廉，欢迎来电咨询！', 'ad'],
    ['澳门线上娱乐，百家乐、轮盘、老虎机应有尽有，首充即送38%！', 'ad'],
    ['专业办理各类证件，毕业证、学位证，全国可查，保证真实。', 'ad'],
    ['某某大陆全集在线观看_某某大陆免费播放_某某大陆高清完整版', 'seo'],
    ['深圳搬家公司,深圳搬家公司电话,深圳搬家公司哪家好,深圳搬家公司价格', 'seo'],
    ['最新地址发布页：kk8899.vip 请用浏览器打开，防止失联', 'contact'],
    ['手机 139 1234 5678 微信同号，24小时在线', 'contact'],
    ['telegram: @fastcash888 私聊有惊喜', 'contact'],
    // Hard negatives in the host's script.
    ['市民如有疑问，可拨打12345政务服务热线咨询。', 'clean'],
    ['据统计，该平台今年的下载量已超过一亿次，官网访问量也大幅上升。', 'clean'],
    ['警方提醒，网络赌博平台常以“注册送彩金”为诱饵，市民切勿轻信。', 'clean'],
  ];
  assert.deepEqual(
    cases.map(([line]) => [line, at(line)]),
    cases,
  );
});

test('position and neighbours: photo-page captions, boilerplate blocks, and near-warnings', () => {
  const page = [
    '（组图）江边夫妻忙夏收',
    '江边（某省），２０１２年６月４日',
    '江边夫妻忙夏收',
    '６月４日，一对夫妻在江边麦田里驾驶收割机收获小麦。',
    '三夏时节，麦田里处处可见联合收割机来回穿梭的身影，农户们忙着把新麦运回家。',
    '【相关画报】',
    '【麦收时节的田野】',
  ].join('\n');
  assert.deepEqual(
    checkText(page).map((f) => [f.line + 1, f.label]),
    [
      [2, 'metadata'],
      [3, 'caption'],
      [4, 'caption'],
      [6, 'boilerplate'],
      [7, 'boilerplate'],
    ],
  );
  // A bulleted list of headlines under a related-news header is boilerplate, item by item;
  // the same bullets in the body of an article are content.
  const story = readRepoFile(SEED).split('\n').slice(0, 30);
  const related = ['延伸閱讀：', '▶ 數位部公布新政策，民眾申辦更便利', '▶ 台北市推動智慧城市　打造宜居環境', '．行政院數位轉型計畫啟動'];
  const withList = checkText([...story, ...related].join('\n'));
  assert.deepEqual(
    withList.filter((f) => f.line >= 30).map((f) => [f.line - 29, f.label, f.reasons.join('; ')]),
    [
      [1, 'boilerplate', 'navigation or site wording (延伸阅读)'],
      [2, 'boilerplate', 'a listed link title next to site boilerplate'],
      [3, 'boilerplate', 'a listed link title next to site boilerplate'],
      [4, 'boilerplate', 'a listed link title next to site boilerplate'],
    ],
  );
  const bodyList = checkText([...story, '政府的三項重點工作：', ...related.slice(1)].join('\n'));
  assert.deepEqual(bodyList.filter((f) => f.line >= 30), []);
  // Site wording beside boilerplate: a short line joins the block, a news paragraph does not.
  const school = [
    '成都高中生校內墮樓亡　家長質疑學校隱瞞',
    '',
    '成都一名高中生上周在校內墮樓身亡，家長到學校要求查看監控畫面，校方以調查未完成為由拒絕，家長質疑學校隱瞞事發經過。',
    '',
    '學生家長其後在網上發文，指學校至今未交代學生墮樓前的情況，亦未讓家長查看遺體，事件在網上引起大量討論。',
    '',
    '警方表示已介入調查，初步排除刑事成分，學校則發聲明稱會配合調查，並向家長提供協助。',
    '',
  ];
  const paragraph =
    '網上亦有微信公眾號發文，指採訪完學生母親後，覺得家長的說法前後矛盾。同一時間，微博上亦有大批網民質疑家長到學校獻花的活動是有人策劃，也有人認為學校應該盡快公開監控畫面，還原學生墮樓的經過，平息網上的討論。';
  const siteLine = (line: string) => checkText([...school, line, '相關閱讀：成都高中生墮樓事件'].join('\n')).filter((f) => f.line === school.length).map((f) => f.label);
  assert.deepEqual(siteLine('歡迎追蹤我們的公眾號，掌握最新消息。'), ['boilerplate']);
  assert.deepEqual(siteLine(paragraph), []);
  // A line with some spam evidence but short of the threshold is flagged next to a warning.
  const weak = '某某彩票 某某彩票计划 某某彩票官网';
  const features = lineFeatures(weak);
  const ctx = context({ documentScript: 'simplified' });
  const alone = combine(features, ctx, resolveOptions({ sensitivity: 'low' }));
  const near = combine(features, ctx, resolveOptions({ sensitivity: 'low' }), true);
  assert.equal(alone, undefined);
  assert.equal(near?.label, 'seo');
  assert.match(near.reasons.join('; '), /next to other flagged lines/);
});

test('a loosely connected document: when several paragraphs would be off-topic, none is singled out', () => {
  const host = readRepoFile(SEED).split('\n').slice(0, 60);
  const foreign1 = '深海熱泉附近棲息著大量奇特的管蟲和盲蝦，牠們依靠化能合成細菌維生，完全不需要陽光，這在生物學上令人驚嘆。';
  const foreign2 = '宋代瓷器講究釉色溫潤，汝窯天青釉尤其名貴，傳世作品不足百件，每一件都被收藏家視為稀世珍寶而妥善保存。';
  const one = checkText([...host.slice(0, 30), foreign1, ...host.slice(30)].join('\n'));
  assert.deepEqual(
    one.filter((f) => f.label === 'offtopic').map((f) => f.line),
    [30],
  );
  const two = checkText([...host.slice(0, 30), foreign1, ...host.slice(30), foreign2].join('\n'));
  assert.deepEqual(
    two.filter((f) => f.label === 'offtopic'),
    [],
  );
  // A pitch in such a document: the rules withdraw their off-topic label, and the learned
  // model judges the line as it judges any line the rules leave alone (it was left unjudged).
  const pitch = '通货膨胀咋办？手上有钱怕缩水？增值保值好渠道，纯沿街商铺9000元/平起，用买住宅的钱买商铺。';
  const loose = [...host.slice(0, 30), foreign1, ...host.slice(30, 45), pitch, ...host.slice(45), foreign2].join('\n');
  assert.deepEqual(checkText(loose, { scorer: 'rules' }).filter((f) => f.line === 46), []);
  const learned = checkText(loose, { scorer: 'hybrid' }).filter((f) => f.line === 46);
  assert.deepEqual(learned.map((f) => [f.label, f.severity]), [['ad', 'warning']]);
  assert.match(learned[0]!.message, /learned model: spam probability/);
  // The same document checked incrementally (the pitch typed in last) gives the same findings.
  const doc = new SpamDocument([...host.slice(0, 30), foreign1, ...host.slice(30, 45), '', ...host.slice(45), foreign2].join('\n'), { scorer: 'hybrid' });
  doc.findings();
  doc.applyChange(46, 0, 46, 0, pitch);
  assert.deepEqual(doc.findings(), checkText(loose, { scorer: 'hybrid' }));
});

test('off-topic: a paragraph from another story of the same field shares only everyday words, which count half', () => {
  // A company news story, and a paragraph about insurance rates pasted into it: the
  // paragraph shares 公司, 持续 and 预计 with its host and nothing about batteries.
  const host = [
    '星河电池拟募资二十亿元扩建固态电池产线',
    '星河电池昨日晚间发布公告称，公司拟向特定对象发行股票，募集资金不超过二十亿元，主要用于扩建位于合肥的固态电池产线。',
    '公告显示，新产线建成后，星河电池的固态电池年产能将由目前的两吉瓦时提升至八吉瓦时，预计二〇二八年全面投产。',
    '星河电池表示，固态电池能量密度高、安全性好，下游整车厂商的订单持续增长，现有产线已经满负荷运转，扩产势在必行。',
    '分析人士指出，固态电池仍处于产业化初期，电解质材料成本居高不下，星河电池能否如期实现量产，还要看良品率能否稳定。',
    '去年，星河电池实现营业收入四十六亿元，同比增长三成；净利润三亿元，其中固态电池业务贡献了将近一半。',
    '受公告影响，星河电池今日开盘后股价一度上涨百分之七，收盘时涨幅收窄至百分之四，成交额放大至十二亿元。',
    '合肥市有关部门人士透露，当地将为固态电池项目提供用地和电力保障，并协助企业引进电解质材料的上游配套厂商。',
    '据星河电池披露，扩建项目总投资二十三亿元，其中设备购置约十五亿元，其余用于厂房建设和铺底流动资金。',
    '值得注意的是，这是星河电池上市三年来第二次募资扩产，上一次募资建设的液态电池产线至今尚未达到设计产能。',
    '对于市场关心的产能消化问题，星河电池董事会秘书在投资者交流会上回应称，公司已与三家整车厂商签订了长期供货协议，新增产能大部分已有订单覆盖。',
  ];
  const pasted = '另据了解，多家保险公司近期下调了万能险的结算利率，业内人士认为，在利率持续下行的背景下，险资的收益面临压力，预计结算利率还将继续走低。';
  const withParagraph = (paragraph: string) => [...host.slice(0, 5), paragraph, ...host.slice(5)].join('\n');
  const found = checkText(withParagraph(pasted)).filter((f) => f.severity === 'warning');
  assert.deepEqual(found.map((f) => [f.line, f.label]), [[5, 'offtopic']]);
  assert.match(found[0]!.message, /12% of its word pairs, all of them everyday words \(公司, 持续, 预计\) that count half/);
  // Counted in full, the same three words would make the paragraph look related.
  const doc = new SpamDocument(withParagraph(pasted));
  const topic = (doc as unknown as { overlap(line: number): TopicOverlap }).overlap(5);
  assert.ok(offTopicScore(topic)! > OFFTOPIC_THRESHOLD.medium, 'the plain score is above the threshold');
  assert.ok(offTopicScore(topic, true)! <= OFFTOPIC_THRESHOLD.medium, 'the discounted score is below it');
  // One subject word of the story (电池) shared as well, and the paragraph belongs.
  assert.deepEqual(checkText(withParagraph(pasted.replace('保险', '电池'))).filter((f) => f.severity === 'warning'), []);
  // Incremental: editing the subject word in and out moves the verdict.
  doc.replaceLines(5, 1, [pasted.replace('保险', '电池')]);
  assert.deepEqual(doc.findings().filter((f) => f.severity === 'warning'), []);
  doc.replaceLines(5, 1, [pasted]);
  assert.deepEqual(doc.findings().filter((f) => f.severity === 'warning').map((f) => f.line), [5]);
});

test('reporting a crackdown on a vice is not a pitch, even in a line foreign to the document', () => {
  const foreign = { topic: { shared: 1, total: 30, context: 400 } };
  const reported = '（三）加强金融风险防控。依法打击非法集资，处置P2P网贷平台遗留问题，清理违规小额贷款公司17家，群众挽回损失3.2亿元。';
  assert.notEqual(verdictOf(reported, { ...foreign, documentScript: 'simplified' })?.label, 'ad');
  // The same vice words without the crackdown wording, in a foreign line, read as an ad.
  const pitched = '处置P2P网贷平台遗留问题，清理小额贷款公司17家，群众挽回损失3.2亿元。';
  assert.equal(verdictOf(pitched, { ...foreign, documentScript: 'simplified' })?.label, 'ad');
  // Crackdown wording does not excuse a real pitch.
  assert.equal(verdictOf('依法经营，新会员注册即送128元彩金，百家乐、真人视讯一站式体验！', { documentScript: 'simplified' })?.label, 'ad');
});

test('a line ending with a commercial SMS opt-out is an ad, whatever it sells; a report on the rule is not', () => {
  const v = verdictOf('亲，双十一全场五折，满300减50，戳 c.tb.cn/abc 回TD退订', { documentScript: 'simplified' })!;
  assert.equal(v.label, 'ad');
  assert.equal(v.severity, 'warning');
  assert.match(v.reasons.join('; '), /ends with an opt-out instruction/);
  // Reporting on enforcement names the rule; it does not send the message.
  assert.equal(verdictOf('警方提醒，谨防冒充银行的诈骗短信，回T退订', { documentScript: 'simplified' }), undefined);
  assert.equal(verdictOf('规定要求营销短信须提供“回T退订”等退订方式，否则将被处罚。', { documentScript: 'simplified' }), undefined);
});

test('a phishing message is a contact warning that says why; an anti-fraud article\'s advice beside it is not pulled in', () => {
  const v = verdictOf('【台灣大哥大】親愛的用戶，您的門號因費用未結清將於今日停止服務，請速至 twm-bill.top 完成繳費。', { documentScript: 'traditional' })!;
  assert.equal(v.label, 'contact');
  assert.equal(v.severity, 'warning');
  assert.match(v.reasons.join('; '), /an urgent request about an account, bill, parcel or prize \(未结清, 请速至…完成缴费\), as phishing messages make/);
  // Without the alarm, the same link and instruction are a contact, but not a warning alone.
  assert.equal(verdictOf('親愛的用戶，歡迎至 twm-bill.top 查詢本期帳單。', { documentScript: 'traditional' }), undefined);
  // The anti-fraud advice with an official site is not smoothed into a warning by its flagged neighbour.
  const advice = '民眾如對帳單有疑問，可撥打業者客服專線，或至官方網站 www.cht.com.tw 查詢，也可撥打165反詐騙專線查證。';
  assert.equal(combine(lineFeatures(advice), context({ documentScript: 'traditional' }), options, true), undefined);
  // Another contact line next to a warning still is.
  assert.equal(combine(lineFeatures('欲購從速，請洽官方網站 www.shop-tw.cc 客服。'), context({ documentScript: 'traditional' }), options, true)?.severity, 'warning');
});

test('a QQ number written to get past filters is a contact warning on its own, and says so', () => {
  const v = verdictOf('篇企鹅 1537 3608ᚰ', { documentScript: 'traditional' })!;
  assert.equal(v.label, 'contact');
  assert.equal(v.severity, 'warning');
  assert.match(v.reasons.join('; '), /gives QQ number 企鹅 1537 3608; written to get past filters/);
  // Written plainly, a bare QQ number with nothing else is not enough for a warning.
  assert.equal(verdictOf('企鹅15373608', { documentScript: 'traditional' })?.severity, undefined);
});

test('one vice word in a foreign line sets a scene; it is not an ad', () => {
  const foreign = { topic: { shared: 0, total: 16, context: 400 } };
  const scene = '大廳裡燈火通明，老虎機叮叮噹噹響個不停，穿著馬甲的荷官面無表情地發牌。';
  assert.notEqual(verdictOf(scene, foreign)?.label, 'ad');
  // With a second vice term and a price, the same foreign line is an ad.
  assert.equal(verdictOf('大廳裡燈火通明，老虎機、百家樂響個不停，首存即送88元。', foreign)?.label, 'ad');
});

test('items of the document\'s own numbered list and narrative paragraphs are not singled out as off-topic', () => {
  const host = readRepoFile(SEED).split('\n').slice(0, 60);
  const foreign = '深海熱泉附近棲息著大量奇特的管蟲和盲蝦，牠們依靠化能合成細菌維生，完全不需要陽光，這在生物學上令人驚嘆。';
  const offTopicLines = (lines: string[]) => checkText(lines.join('\n')).filter((f) => f.label === 'offtopic').map((f) => f.line);
  assert.deepEqual(offTopicLines([...host.slice(0, 30), `（二）${foreign}`, ...host.slice(30)]), [30], 'a lone numbered item is still flagged');
  assert.deepEqual(offTopicLines([...host.slice(0, 10), '（一）數字政府建設的總體要求。', ...host.slice(10, 30), `（二）${foreign}`, ...host.slice(30)]), []);
  // Incremental: deleting the sibling item brings the finding back.
  const doc = new SpamDocument([...host.slice(0, 10), '（一）數字政府建設的總體要求。', ...host.slice(10, 30), `（二）${foreign}`, ...host.slice(30)].join('\n'));
  assert.deepEqual(doc.findings().filter((f) => f.label === 'offtopic'), []);
  doc.replaceLines(10, 1, []);
  assert.deepEqual(doc.findings().filter((f) => f.label === 'offtopic').map((f) => f.line), [30]);
  // Emoji bullets number a blog post's list as well.
  assert.deepEqual(offTopicLines([...host.slice(0, 10), '📷數字政府建設的總體要求。', ...host.slice(10, 30), `🎮${foreign}`, ...host.slice(30)]), []);
  assert.deepEqual(offTopicLines([...host.slice(0, 30), `🎮${foreign}`, ...host.slice(30)]), [30], 'a lone emoji-led paragraph is still flagged');

  const novel = readRepoFile('test/fixtures/spam/docs/novel-casino-chapter.zh-tw.txt').split('\n');
  assert.deepEqual(checkText(novel.join('\n')).filter((f) => f.severity === 'warning'), [], 'a chapter with dialogue');
  // Written as reported speech (no opening quotation marks), the same scene paragraph is foreign to the rest.
  const noDialogue = novel.map((l) => l.replace(/^[「『“]/, '他說：'));
  assert.ok(checkText(noDialogue.join('\n')).some((f) => f.label === 'offtopic'), 'the narrative rule is what spares the chapter');
});

test('Taiwan and Hong Kong style solicitations are contact warnings in a Traditional host', () => {
  const host = readRepoFile(SEED).split('\n').slice(0, 40);
  const lineOf = (line: string) => {
    const findings = checkText([...host.slice(0, 20), line, ...host.slice(20)].join('\n'));
    return findings.find((f) => f.line === 20);
  };
  for (const line of ['手機：0912-345-678 專業代辦貸款，當天撥款', '加賴ID：@bet888 免費領取體驗金', 'WhatsApp：+852 6123 4567 代辦各類證件']) {
    const finding = lineOf(line);
    assert.equal(finding?.label, 'contact', line);
    assert.equal(finding.severity, 'warning');
  }
  // A district office's own contact line is not one.
  assert.equal(lineOf('洽詢電話：（02）2936-5522轉分機312，承辦人林小姐。'), undefined);
});

test('a paste of 200,000 lines replaces lines without overflowing the stack, and gives the same findings as a fresh check', () => {
  const seed = readRepoFile(SEED);
  const doc = new SpamDocument('第一行。\n');
  const pasted: string[] = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '短行。' : ''));
  pasted.push(...seed.split('\n'));
  doc.replaceLines(1, 0, pasted);
  const fresh = new SpamDocument(['第一行。', ...pasted].join('\n'));
  assert.deepEqual(
    doc.findings().map((f) => [f.line, f.label]),
    fresh.findings().map((f) => [f.line, f.label]),
  );
  assert.ok(doc.findings().some((f) => f.label === 'seo'), 'the pasted seed keeps its SEO line');
});
