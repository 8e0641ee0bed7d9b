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
