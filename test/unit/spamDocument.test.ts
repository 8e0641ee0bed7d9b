import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, SpamDocument } from '../../src/core/spam/document';
import { readRepoFile, SEED } from './helpers';

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
  assert.match(seo.message, /^keyword-stuffing \(SEO\) line: /);
  assert.match(seo.message, /repeats 铁牛视频app ×3 joined by '-'/);
  assert.match(seo.message, /Simplified line in a Traditional document/);
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
  // The seed's SEO line is 37 characters long: under a limit of 30 it is not scored.
  const seed = readRepoFile(SEED);
  assert.equal(checkText(seed, { maxLineLength: 30 }).filter((f) => f.label === 'seo').length, 0);
  assert.equal(checkText(seed).filter((f) => f.label === 'seo').length, 1);
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

test('settings: a label turned off hides its lines (no relabelling), allow and deny terms, sensitivity as a probability threshold', () => {
  const seed = readRepoFile(SEED);
  const labels = (options: Parameters<typeof checkText>[1]) => checkText(seed, options).map((f) => [f.line + 1, f.label, f.severity]);
  assert.deepEqual(labels({ severity: { caption: 'off' } as never }), [
    [2, 'metadata', 'information'],
    [84, 'seo', 'warning'],
  ]);
  assert.deepEqual(labels({ severity: { seo: 'error' } as never }), [
    [2, 'metadata', 'information'],
    [20, 'caption', 'information'],
    [84, 'seo', 'error'],
  ]);
  assert.deepEqual(labels({ severity: { seo: 'off' } as never }).map(([line]) => line), [2, 20]);
  // Allowing the repeated keyword clears the line; a deny-listed term makes an ad of every line holding it.
  assert.deepEqual(labels({ allowTerms: ['铁牛视频app'] }).map(([line]) => line), [2, 20]);
  const denied = checkText(seed, { denyTerms: ['智慧城市'] }).filter((f) => f.label === 'ad');
  assert.ok(denied.length >= 3);
  assert.match(denied[0]!.message, /deny-listed term 智慧城市/);
  // Each sensitivity is a probability threshold on the same model: high flags a superset of medium, medium of low.
  const lines = seed.split('\n');
  const doc = [...lines.slice(0, 40), '體育彩票平台註冊送彩金', ...lines.slice(40, 60), '最新地址請訪問 gov-news.com', ...lines.slice(60)].join('\n');
  const warned = (sensitivity: 'low' | 'medium' | 'high') => checkText(doc, { sensitivity }).filter((f) => f.severity === 'warning').map((f) => f.line);
  const [low, medium, high] = [warned('low'), warned('medium'), warned('high')];
  assert.ok(low.every((l) => medium.includes(l)) && medium.every((l) => high.includes(l)));
  assert.ok(low.length < medium.length && medium.length < high.length, `${low.length} < ${medium.length} < ${high.length}`);
  for (const f of checkText(doc)) assert.ok(f.score >= 0.5 && f.score <= 1, 'the score is the probability that passed the medium threshold');
});
