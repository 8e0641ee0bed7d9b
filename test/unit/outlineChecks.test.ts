import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNumbering, compileUserRules, computeOutline, describeSection, NUMBERING_CODE, RULES_SETTING } from '../../src/core/outline';
import { readRepoFile } from './helpers';

const findings = (text: string) => checkNumbering(computeOutline(text).headings);

test('numbering: a gap (第三章 then 第五章) and a duplicate (two 二、) are found, with positions', () => {
  const result = findings(readRepoFile('test/fixtures/outline/numbering-errors.zh-tw.txt'));
  assert.deepEqual(
    result.map((f) => [f.code, f.problem, f.line + 1, f.previousLine + 1, f.startCharacter, f.endCharacter]),
    [
      [NUMBERING_CODE, 'duplicate', 13, 9, 0, 2],
      [NUMBERING_CODE, 'gap', 17, 3, 0, 3],
    ],
  );
  assert.equal(result[0]!.message, 'Duplicate number: 二、 again (the previous 二、 is on line 9)');
  assert.equal(result[1]!.message, 'Numbering gap: 第五章 follows 第三章 (line 3); number 4 is missing');
});

test('numbering: clean sequences, restarts under a new parent and chapters continuing across volumes pass', () => {
  for (const name of ['novel-traditional.zh-tw.txt', 'novel-simplified.zh-cn.txt', 'policy-report.zh-cn.txt', 'reading-guide.md']) {
    assert.deepEqual(findings(readRepoFile('test/fixtures/outline', name)), [], name);
  }
  assert.deepEqual(findings(readRepoFile('seeds/digital-government-2.0.txt')), []);
});

test('numbering: several missing numbers, out-of-order numbers, digits mixed with numerals', () => {
  const text = '第1章 甲\n內容。\n第4章 乙\n內容。\n第三章 丙\n內容。\n';
  assert.deepEqual(
    findings(text).map((f) => [f.problem, f.message]),
    [
      ['gap', 'Numbering gap: 第4章 follows 第1章 (line 1); numbers 2 to 3 are missing'],
      ['order', 'Numbering out of order: 第三章 follows 第4章 (line 3); expected number 5'],
    ],
  );
});

test('user rules: a pattern adds headings at the level it names, with its number for the checks', () => {
  const userRules = compileUserRules([{ pattern: '^(?:序章|尾聲)$', level: 2 }, { pattern: '^Part (?<num>\\d+)', level: 1 }]);
  assert.deepEqual(userRules.errors, []);
  const outline = computeOutline('Part 1\n序章\n內容。\n第一章 開始\n內容。\nPart 3\n尾聲\n內容。\n', { userRules });
  assert.deepEqual(
    outline.headings.map((h) => [h.level, h.title, h.kind]),
    [
      [1, 'Part 1', 'user#2'],
      [2, '序章', 'user#1'],
      [2, '第一章 開始', 'chapter'],
      [1, 'Part 3', 'user#2'],
      [2, '尾聲', 'user#1'],
    ],
  );
  assert.equal(checkNumbering(outline.headings)[0]?.problem, 'gap');
});

test('user rules: level 0 overrides a built-in rule so that its lines are never headings', () => {
  const userRules = compileUserRules([{ pattern: '^\\d+、', level: 0 }]);
  const outline = computeOutline('第一章 甲\n內容。\n1、不是標題\n內容。\n', { userRules });
  assert.deepEqual(outline.headings.map((h) => h.title), ['第一章 甲']);
});

test('user rules: bad entries give errors naming the setting entry, and the good ones still apply', () => {
  const { rules, errors } = compileUserRules([
    { pattern: '^(未閉合', level: 2 },
    { pattern: '^序章$', level: 'two' },
    'just a string',
    { pattern: '', level: 1 },
    { pattern: '^尾聲$', level: 2, flags: 'g' },
    { pattern: '^序章$', level: 2 },
  ]);
  assert.equal(rules.length, 1);
  assert.deepEqual(
    errors.map((e) => e.setting),
    [
      'chineseReader.outline.rules[0].pattern',
      'chineseReader.outline.rules[1].level',
      'chineseReader.outline.rules[2]',
      'chineseReader.outline.rules[3].pattern',
      'chineseReader.outline.rules[4].flags',
    ],
  );
  assert.match(errors[0]!.message, /^chineseReader\.outline\.rules\[0\]\.pattern is not a valid regular expression: /);
  assert.match(compileUserRules({ pattern: 'x' }).errors[0]!.message, /must be a list/);
  // The errors travel with the outline, for the editor to show.
  assert.equal(computeOutline('x', { userRules: compileUserRules([{ pattern: '(', level: 1 }]) }).errors.length, 1);
});

test('user rules run on a linear-time engine: the old guard\'s refusals now run, and give the right answer', () => {
  // Shapes the earlier heuristic guard refused (and the ones it let through, which hung):
  // each is accepted now, and a line built to make a backtracking engine explode is answered.
  for (const [pattern, line, heading] of [
    ['(a+)+$', `${'a'.repeat(40)}!`, false],
    ['(a|aa)+$', `${'a'.repeat(100)}!`, false],
    ['.*.*.*.*x', 'a'.repeat(119), false],
    ['a*a*a*c', 'a'.repeat(110), false],
    ['(\\w+\\s?)+$', `${'word '.repeat(23)}!`, false],
    ['^(?:a?b?)*$', 'ab'.repeat(26), true],
  ] as const) {
    const userRules = compileUserRules([{ pattern, level: 2 }]);
    assert.deepEqual(userRules.errors, [], pattern);
    const outline = computeOutline(`書名\n\n${`${line}\n內容。\n`.repeat(50)}`, { userRules });
    assert.equal(outline.headings.filter((h) => h.kind === 'user#1').length, heading ? 50 : 0, pattern);
    assert.deepEqual(outline.errors, [], 'no budget: the same document always gets the same outline');
  }
});

test('symbol detail: characters and reading time at the configured speed', () => {
  assert.equal(describeSection(1234, 400), '1,234 chars · 3 min');
  assert.equal(describeSection(100, 400), '100 chars · <1 min');
  assert.equal(describeSection(1, 400), '1 char · <1 min');
  assert.equal(describeSection(30_000, 200), '30,000 chars · 2 h 30 min');
  assert.equal(describeSection(800, 0), '800 chars · 2 min', 'a bad speed falls back to the default');
});

test('the manifest keeps workspace values of the rule setting out of Restricted Mode, naming a setting that exists', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as {
    capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
  };
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.deepEqual(trust.restrictedConfigurations, [RULES_SETTING]);
  const sections = [manifest.contributes.configuration].flat();
  assert.ok(sections.some((section) => RULES_SETTING in section.properties), `${RULES_SETTING} is a contributed setting`);
});
