// The learned spam scorer: its features, the weights loader, the explanations, and the
// committed weights against a retrain (when the training corpus is present).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { SpamDocument } from '../../src/core/spam/document';
import {
  contactShape,
  decodeBase64,
  documentLeavesOpen,
  gramsOf,
  bucketsOf,
  learnedMaySpeak,
  loadModel,
  marginOf,
  NAMED_COUNT,
  NAMED_FEATURES,
  segmentStructure,
  vectorOf,
} from '../../src/core/spam/learned';
import { SPAM_MODEL } from '../../src/core/spam/model.generated';
import { spamModel } from '../../src/core/spam/model';
import { foldLine } from '../../src/core/spam/normalize';
import { lineFeatures } from '../../src/core/spam/signals';
import { REPO } from './helpers';

const NO_CONTEXT = { documentScript: 'simplified' as const, topic: undefined, isTitle: false, allow: [], deny: [] };
const named = (text: string, id: string) => vectorOf(lineFeatures(text), NO_CONTEXT).named[NAMED_FEATURES.findIndex(([n]) => n === id)]!;

test('segment structure: keyword lists without a shared prefix still share sub-strings, whatever the separator', () => {
  const stuffed = segmentStructure(foldLine('真人百家乐技巧 百家乐必胜打法 百家乐怎么玩'));
  assert.equal(stuffed.segments, 3);
  assert.equal(stuffed.sharedShare, 1);
  for (const separator of ['=', '/', '#', '】【', ' | ']) {
    const s = segmentStructure(foldLine(['足球投注', '投注技巧', '在线投注', '投注平台'].join(separator)));
    assert.equal(s.segments, 4, separator);
    assert.equal(s.sharedShare, 1, separator);
  }
  const sentence = segmentStructure(foldLine('今天天气很好，我们去公园散步，然后回家吃饭。'));
  assert.equal(sentence.sharedShare, 0);
});

test('contact shape: full-width, spaced and masked digits, ID tokens and app nicknames', () => {
  const shape = (t: string) => contactShape(t, foldLine(t));
  assert.equal(shape('钉钉/小红书同号：ｂｂ６６８').fullwidth, true);
  assert.equal(shape('钉钉/小红书同号：ｂｂ６６８').idToken, true);
  assert.equal(shape('钉钉/小红书同号：ｂｂ６６８').nickname, true);
  assert.equal(shape('电话 1 3 8 0 0 1 3 8 0 0 0').spaced, true);
  assert.equal(shape('加我 1-3-8-0-0-1-3-8').spaced, true);
  // A date and time, or a phone number in its usual groups, is not spaced out to dodge a filter.
  assert.equal(shape('原创 张三 城市观察 2023-05-12 10:23').spaced, false);
  assert.equal(shape('电话 138 0013 8000').spaced, false);
  assert.equal(shape('致电138xxxx5678咨询').masked, true);
  assert.equal(shape('加薇：abc12345').nickname, true);
  assert.equal(shape('客服***1234').masked, true);
  assert.equal(shape('xxx').masked, false);
  // A corpus or a sender that masks every digit: a run of four or more standing alone.
  assert.equal(shape('详询xxxxxxxxxxx').masked, true);
  assert.equal(shape('boxxxing').masked, false);
  // Circled digits standing for digits, or circled letters, are decorated; a circled number
  // numbering a list item or an enumeration is not.
  assert.equal(shape('看片+CC③412〇282⑤').decorated, true);
  assert.equal(shape('④信我④信我').decorated, true);
  assert.equal(shape('千⑥跑分无押金').decorated, true);
  assert.equal(shape('ⓐⓑⓒ 加我').decorated, true);
  assert.equal(shape('>- ⑥擀麵杖：壓制麵糰。').decorated, false);
  assert.equal(shape('①企业简介：单独一个页面介绍企业。').decorated, false);
  assert.equal(shape('[注]①见某某回忆录。②材料来自一次采访。').decorated, false);
  const plain = shape('二〇二六年十一月，市图书馆举办读书会。');
  assert.deepEqual(Object.values(plain).filter(Boolean), []);
  assert.equal(shape('今年是2026年').idToken, false);
});

test('features: rule evidence and context are named inputs', () => {
  assert.ok(named('铁牛视频app下载苹果-铁牛视频app下载地址-铁牛视频app破解版ios', 'rule:seo') > 0);
  assert.equal(named('今天天气很好，我们去公园散步。', 'rule:seo'), 0);
  assert.equal(named('今天天气很好，我们去公园散步。', 'context:uncompared'), 1);
  const f = lineFeatures('臺灣的天氣今天很好。');
  const inTraditional = vectorOf(f, { ...NO_CONTEXT, documentScript: 'traditional' });
  const mismatch = NAMED_FEATURES.findIndex(([n]) => n === 'context:mismatch');
  assert.equal(inTraditional.named[mismatch], 0);
  const simplifiedLine = vectorOf(lineFeatures('这里的商品全部打折，欢迎选购。'), { ...NO_CONTEXT, documentScript: 'traditional' });
  assert.equal(simplifiedLine.named[mismatch], 1);
  // A line that mixes the scripts is a conversion's slip, not a pasted line.
  const mixedLine = vectorOf(lineFeatures('五胡十六國代国的旧址，北魏朝的發跡之地。'), { ...NO_CONTEXT, documentScript: 'simplified' });
  assert.equal(mixedLine.named[mismatch], 0);
});

test('an edit that ends a list keeps the findings of a fresh check, in narrative too (the memo tells a list item from narrative)', () => {
  const story = [
    '雨夜',
    '“你回来了？”母亲站在门口问。',
    '他点点头，把湿透的外套挂在门后。',
    '“饭在锅里，还热着。”',
    '（一）窗外的雨一直没有停，屋檐下的水滴连成了线。',
    '“明天还要早起吗？”她又问。',
    '他说不用，明天是周末，可以多睡一会儿。',
    '（二）本店开业大酬宾，全场商品八折，欢迎新老顾客光临，会员再享九五折优惠',
    '母亲笑了笑，转身回了厨房。',
    '厨房里传来锅铲碰撞的声音，油烟机嗡嗡地响着。',
    '他坐在沙发上，看着窗外的路灯在雨中一明一暗。',
    '“你爸今天又加班，说是要到半夜才回来。”',
    '他没有接话，只是低头翻着手机里的照片。',
    '那些照片大多是去年夏天在海边拍的，天很蓝，海也很蓝。',
    '“吃饭了。”母亲端着两碗面走出来。',
    '面上卧着一个荷包蛋，是他从小最爱吃的样子。',
  ];
  const warned = (findings: readonly { line: number; severity: string; label: string }[]) => findings.filter((f) => f.severity === 'warning').map((f) => `${f.line}:${f.label}`);
  const doc = new SpamDocument(story.join('\n'));
  // (二) after (一): an item of the document's own list, which the model reads as clean.
  assert.deepEqual(warned(doc.findings()), []);
  // Without (一) the pitch is a line of narrative, and foreign to it.
  const unlisted = [...story.slice(0, 4), story[4]!.slice(3), ...story.slice(5)];
  assert.deepEqual(warned(new SpamDocument(unlisted.join('\n')).findings()), ['7:ad']);
  doc.replaceLines(4, 1, [unlisted[4]!]);
  assert.deepEqual(warned(doc.findings()), ['7:ad']);
});

test('context: an item of the document\'s own numbered list is its own feature, apart from narrative', () => {
  const item = NAMED_FEATURES.findIndex(([n]) => n === 'context:list-item');
  const narrative = NAMED_FEATURES.findIndex(([n]) => n === 'context:narrative');
  const references = ['参考资料', '[1] 国家统计局. 统计公报. http://www.stats.gov.cn/tjsj/2023.html', '[2] 住房和城乡建设部. 通知. https://www.mohurd.gov.cn/gongkai/2021.html'];
  const explained = (lines: string[], line: number) => new SpamDocument(lines.join('\n')).explain(line)!.contributions.map((c) => c.id);
  assert.ok(explained(references, 1).includes('context:list-item'));
  assert.ok(!explained(references, 1).includes('context:narrative'));
  // A lone [1] is no list of the document's own.
  assert.ok(!explained(references.slice(0, 2), 1).includes('context:list-item'));
  const vector = vectorOf(lineFeatures('（二）加强金融风险防控。'), { ...NO_CONTEXT, offTopicAllowed: false, listItem: true });
  assert.deepEqual([vector.named[item], vector.named[narrative]], [1, 0]);
  const scene = vectorOf(lineFeatures('他走进大厅，四处张望。'), { ...NO_CONTEXT, offTopicAllowed: false });
  assert.deepEqual([scene.named[item], scene.named[narrative]], [0, 1]);
  // The learned weight says so: an item of the document's own list counts for clean text.
  assert.ok(SPAM_MODEL.namedWeights[item]! < 0, `list-item weight ${SPAM_MODEL.namedWeights[item]}`);
});

test('n-grams: the scoring buckets are the explained n-grams, over the script-folded line', () => {
  const folded = foldLine('首付三成即可入住');
  assert.deepEqual([...bucketsOf(folded)].sort((a, b) => a - b), gramsOf(folded).map(([, b]) => b).sort((a, b) => a - b));
  // Traditional and Simplified give the same n-grams.
  assert.deepEqual(bucketsOf(foldLine('首付三成即可入住，詳詢售樓處')), bucketsOf(foldLine('首付三成即可入住，详询售楼处')));
  // Masked digits read as digits; masks inside a Latin word or a lone short run do not.
  const texts = (line: string) => gramsOf(foldLine(line)).map(([text]) => text).sort();
  assert.deepEqual(texts('电话xxxxxxxx'), texts('电话88886666'));
  assert.deepEqual(texts('xx月xx日开盘'), texts('12月30日开盘'));
  assert.ok(texts('boxxxing').includes('xxi'));
  assert.ok(texts('xxx').includes('xxx'));
});

test('the learned model speaks only on lines their document does not vouch for, or short lines holding a dodged contact', () => {
  const own = vectorOf(lineFeatures('市图书馆举办读书会，邀请市民参加读书会活动。'), {
    ...NO_CONTEXT,
    topic: { shared: 8, total: 10, context: 400 },
  });
  assert.equal(learnedMaySpeak(own), false);
  const foreign = vectorOf(lineFeatures('首付三成即可入住，本周认购享九八折，详询售楼处'), {
    ...NO_CONTEXT,
    topic: { shared: 0, total: 10, context: 400 },
  });
  assert.equal(learnedMaySpeak(foreign), true);
  const title = vectorOf(lineFeatures('首付三成即可入住，本周认购享九八折，详询售楼处'), { ...NO_CONTEXT, isTitle: true, topic: { shared: 0, total: 10, context: 400 } });
  assert.equal(learnedMaySpeak(title), false);
  const short = vectorOf(lineFeatures('盐少许'), { ...NO_CONTEXT });
  assert.equal(learnedMaySpeak(short), false);
  // Too short to compare, but holding a contact written to dodge filters: the model judges it.
  const dodged = vectorOf(lineFeatures('加薇 aa8899 看片'), { ...NO_CONTEXT, topic: { shared: 3, total: 4, context: 400 } });
  assert.equal(named('加薇 aa8899 看片', 'context:uncompared'), 1);
  assert.equal(learnedMaySpeak(dodged), true);
  // A line in the other script is not vouched for by the words it shares with its document;
  // a short one still needs a dodged contact.
  const traditional = { ...NO_CONTEXT, documentScript: 'traditional' as const, topic: { shared: 8, total: 10, context: 400 } };
  assert.equal(learnedMaySpeak(vectorOf(lineFeatures('减肥药 真正有效的减肥药 减肥产品排行榜'), traditional)), true);
  assert.equal(documentLeavesOpen(lineFeatures('减肥药 真正有效的减肥药 减肥产品排行榜'), traditional), true);
  assert.equal(learnedMaySpeak(vectorOf(lineFeatures('减肥药 真正有效的减肥药 减肥产品排行榜'), { ...traditional, documentScript: 'simplified' })), false);
  assert.equal(learnedMaySpeak(vectorOf(lineFeatures('减肥产品'), traditional)), false);
  // Short lines with a plain phone number, a recipe's quantities or a repeated word stay the document's.
  for (const line of ['咨询电话：010-62751234', '牛奶 1000ml / 淡奶油 200ml', '干木耳: 20g / 湿木耳: 120g']) {
    assert.equal(learnedMaySpeak(vectorOf(lineFeatures(line), NO_CONTEXT)), false, line);
  }
});

test('the pre-check before vectorising never refuses a line the model may speak on (short lines: the dodged-contact test)', () => {
  const units = ['薇', '加', '信', '企鹅', '看片', '名字', 'x', '*', '1', '3', '8', ' ', 'qq', 'v', 'a', '𝐀', '①', '：', '，', '市', '图书馆', '减肥产品', '減肥產品', '排行榜'];
  const contexts = [
    NO_CONTEXT,
    { ...NO_CONTEXT, topic: { shared: 3, total: 4, context: 400 } },
    { ...NO_CONTEXT, documentScript: 'traditional' as const, topic: { shared: 8, total: 10, context: 400 } },
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...units), { maxLength: 16 }), fc.constantFrom(...contexts), (parts, context) => {
      const features = lineFeatures(parts.join(''));
      if (learnedMaySpeak(vectorOf(features, context))) assert.ok(documentLeavesOpen(features, context), parts.join(''));
    }),
  );
  // And it lets each kind of dodged contact through (each one the model may speak on), not the plain short lines.
  for (const line of ['加薇 aa8899 看片', '电话 1 3 8 0 0 1 3 8 0 0 0', '详询xxxxxxxxxxx', '𝐀𝐁𝐂 𝟏𝟐𝟑', 'QQ 123456789']) {
    assert.equal(learnedMaySpeak(vectorOf(lineFeatures(line), NO_CONTEXT)), true, line);
    assert.equal(documentLeavesOpen(lineFeatures(line), NO_CONTEXT), true, line);
  }
  assert.equal(documentLeavesOpen(lineFeatures('盐少许'), NO_CONTEXT), false);
});

test('loader: the committed weights fit the feature layout; a mismatched file is refused with a clear message', () => {
  assert.equal(SPAM_MODEL.named.length, NAMED_COUNT);
  const model = loadModel(SPAM_MODEL);
  assert.equal(model.named.length, NAMED_COUNT);
  assert.ok(model.thresholds.low >= model.thresholds.medium && model.thresholds.medium >= model.thresholds.high, 'low sensitivity needs the most probability');
  assert.throws(() => loadModel({ ...SPAM_MODEL, named: SPAM_MODEL.named.slice(1) }), /npm run train:spam/);
  assert.deepEqual([...decodeBase64('AAEC/w==')], [0, 1, 2, 255]);
  // Loaded once, on first use.
  assert.equal(spamModel(), spamModel());
});

test('explanations: a learned warning says why in plain words, and --explain contributions add up to the margin', () => {
  const host = [
    '市图书馆举办冬季读书会',
    '市图书馆本周六下午在三楼报告厅举办冬季读书会，邀请作家分享阅读经验，市民可免费参加。',
    '读书会将围绕经典文学作品展开讨论，图书馆还准备了部分新书供读者借阅。',
    '首付三成即可入住，本周认购享九八折，详询售楼处',
    '图书馆提醒读者提前十分钟入场，活动期间请保持安静。',
  ];
  const document = new SpamDocument(host.join('\n'), { scorer: 'hybrid' });
  const explained = document.explain(3)!;
  assert.ok(explained.probability > 0 && explained.probability < 1);
  assert.ok(explained.contributions.length > 3);
  for (const c of explained.contributions) assert.ok(c.description.length > 0, c.id);
  const model = spamModel()!;
  const vector = vectorOf(lineFeatures(host[3]!), { ...NO_CONTEXT });
  assert.ok(Number.isFinite(marginOf(model, vector)));
  const total = explained.contributions.reduce((n, c) => n + c.value, 0);
  const p = 1 / (1 + Math.exp(-(model.calibration[0] * total + model.calibration[1])));
  assert.ok(Math.abs(p - explained.probability) < 1e-6, `contributions sum to the margin (${p} vs ${explained.probability})`);
  // The rule scorer explains the same line the same way (--explain works with either).
  assert.equal(new SpamDocument(host.join('\n')).explain(3)!.probability, explained.probability);
  assert.equal(new SpamDocument(host.join('\n')).explain(99), undefined);
});

test('a learned warning gives three reasons in plain words, the rules\' evidence in their own words with its terms, then the probability', () => {
  const host = (line: string) =>
    ['市图书馆举办冬季读书会', '市图书馆本周六下午在三楼报告厅举办冬季读书会，邀请作家分享阅读经验，市民可免费参加。', '读书会将围绕经典文学作品展开讨论，图书馆还准备了部分新书供读者借阅。', line, '图书馆提醒读者提前十分钟入场，活动期间请保持安静。'].join('\n');
  const learned = (line: string) => {
    const finding = new SpamDocument(host(line)).findings().find((f) => f.line === 3);
    assert.ok(finding, `flagged: ${line}`);
    assert.match(finding.reasons.at(-1)!, /^learned model: spam probability 0\.\d\d$/);
    return finding;
  };
  const stuffing = learned('真人百家乐技巧 百家乐必胜打法 百家乐怎么玩');
  assert.equal(stuffing.label, 'seo');
  // The three strongest contributions, strongest first: the rules' partial evidence in their words, the context, the shape.
  assert.deepEqual(stuffing.reasons.slice(0, 3), ['gambling terms (百家乐)', 'shares no vocabulary with the rest of the document', 'its segments share sub-strings']);
  const ad = learned('您好，本公司专业承接各类装修工程，免费上门量房设计，价格实惠质量保证，欢迎来电咨询');
  assert.equal(ad.label, 'ad');
  assert.equal(ad.reasons.length, 4);
  // The n-grams are named by the words they come from.
  assert.ok(ad.reasons.slice(0, 3).some((r) => /^wording typical of spam \(.+\)$/.test(r)), ad.reasons.join('; '));
  // The rules' partial evidence is named by what it is, never as "evidence of the rule detectors".
  assert.ok(ad.reasons.includes('sales pitch (本公司, 专业, 免费, 欢迎来电)'), ad.reasons.join('; '));
  for (const r of [...stuffing.reasons, ...ad.reasons]) assert.doesNotMatch(r, /rule detectors/);
});

// ../shared beside the repository, as the other corpus tests look for it; SPAM_TRAIN_DIR overrides (a worktree elsewhere).
const CORPUS = process.env.SPAM_TRAIN_DIR ?? path.resolve(REPO, '../shared/corpus/spam-train');
test(
  'committed weights equal a retrain on spam-train (deterministic training)',
  { skip: existsSync(path.join(CORPUS, 'lines.jsonl.gz')) ? false : `SKIPPED LOUDLY: the training corpus is not at ${CORPUS}, so the committed weights were not checked against a retrain` },
  () => {
    const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/train-spam.mjs'), CORPUS, '--check'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  },
);
