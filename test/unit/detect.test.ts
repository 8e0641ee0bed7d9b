import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCounts, detectScript, MIN_OUTLIER_EVIDENCE } from '../../src/core/script/detect';
import { describeLine, SCRIPT_SYMBOL } from '../../src/core/script/describe';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../../src/core/script/scriptChars.generated';
import { readRepoFile, SEED } from './helpers';

test('the seed is Traditional and only its last line is Simplified', () => {
  const text = readRepoFile(SEED);
  const report = detectScript(text);
  assert.equal(report.script, 'traditional');
  assert.equal(SCRIPT_SYMBOL[report.script], '繁');
  const lastLine = text.split('\n').length - 1;
  assert.equal(report.lineCount, lastLine + 1);
  assert.deepEqual(
    report.outliers.map((l) => [l.line, l.script]),
    [[lastLine, 'simplified']],
  );
  // 铁 视 频 three times each, 载 twice: 苹 is one of the characters OpenCC keeps in both scripts.
  assert.equal(report.outliers[0]!.simplified, 11);
  assert.equal(report.outliers[0]!.traditional, 0);
  assert.equal(describeLine(report.outliers[0]!), `Line ${lastLine + 1} is Simplified (11 Simplified-only characters)`);
  assert.ok(report.traditional > 500, `expected many Traditional-only characters, got ${report.traditional}`);
});

test('Simplified, Traditional and neutral text', () => {
  assert.equal(detectScript('数字政府建设').script, 'simplified');
  assert.equal(detectScript('數字政府建設').script, 'traditional');
  const neutral = detectScript('中文大学');
  assert.equal(neutral.script, 'simplified', '学 is Simplified-only');
  const none = detectScript('中文');
  assert.equal(none.script, 'neutral');
  assert.equal(none.han, 2);
  assert.deepEqual(none.lines, []);
  const empty = detectScript('');
  assert.equal(empty.script, 'neutral');
  assert.equal(empty.lineCount, 1);
});

test('characters OpenCC keeps in both scripts are not evidence', () => {
  // 于 后 台 are changed by s2t but kept by some s2t phrases, so they occur in Traditional text.
  for (const ch of '于后台') {
    assert.ok(!SIMPLIFIED_ONLY.includes(ch), `${ch} must not be Simplified-only`);
  }
  assert.equal(detectScript('于后台').script, 'neutral');
  assert.ok(SIMPLIFIED_ONLY.includes('铁') && TRADITIONAL_ONLY.includes('鐵'));
  assert.ok(!SIMPLIFIED_ONLY.includes('鐵') && !TRADITIONAL_ONLY.includes('铁'));
});

test('a document with comparable amounts of both scripts is mixed', () => {
  const report = detectScript('數字政府建設\n数字政府建设\n數據');
  assert.equal(report.script, 'mixed');
  // In a mixed document the outliers are the lines of the script with less evidence.
  assert.deepEqual(
    report.outliers.map((l) => l.line),
    [1],
  );
});

test('a line with a single stray character is not an outlier', () => {
  const report = detectScript('數字政府建設的意義在於數據運營\n并且\n國家治理體系與治理能力現代化');
  assert.equal(report.script, 'traditional');
  assert.equal(report.lines.find((l) => l.line === 1)?.script, 'simplified');
  assert.ok(MIN_OUTLIER_EVIDENCE > 1);
  assert.deepEqual(report.outliers, []);
});

test('a mixed line in a Traditional document is an outlier', () => {
  const report = detectScript('數字政府建設的意義在於國家治理體系\n铁牛視頻下载\n數據運營');
  assert.deepEqual(
    report.outliers.map((l) => [l.line, l.script]),
    [[1, 'mixed']],
  );
});

test('line numbers follow \\n, \\r\\n and lone \\r like VS Code', () => {
  const report = detectScript('數據\r\n数据\r运营\n\n铁铁');
  assert.deepEqual(
    report.lines.map((l) => [l.line, l.script]),
    [
      [0, 'traditional'],
      [1, 'simplified'],
      [2, 'simplified'],
      [4, 'simplified'],
    ],
  );
  assert.equal(report.lineCount, 5);
});

test('supplementary-plane Han characters are counted once, not as two halves', () => {
  const extB = '𠀀𠀁𪚥';
  assert.equal(detectScript(extB).han, 3);
  // Any Simplified-only or Traditional-only character outside the BMP counts too.
  const astral = [...SIMPLIFIED_ONLY].find((ch) => ch.codePointAt(0)! > 0xffff);
  if (astral) assert.equal(detectScript(astral.repeat(3)).simplified, 3);
  // A lone surrogate is not a character and is skipped.
  assert.equal(detectScript('\ud840數').traditional, 1);
});

test('classifyCounts uses the dominance threshold', () => {
  assert.equal(classifyCounts({ traditional: 9, simplified: 1 }, 0.9), 'traditional');
  assert.equal(classifyCounts({ traditional: 8, simplified: 2 }, 0.9), 'mixed');
  assert.equal(classifyCounts({ traditional: 0, simplified: 1 }, 0.9), 'simplified');
  assert.equal(classifyCounts({ traditional: 0, simplified: 0 }, 0.9), 'neutral');
});
