/**
 * User heading rules run on re2js, a linear-time engine, from JavaScript syntax. These
 * tests check three things: the translation keeps JavaScript's meaning (compared with
 * RegExp itself on inputs too small to hurt it), what RE2 cannot do is refused with an
 * error naming the entry, and patterns known to make a backtracking engine take
 * exponential or polynomial time give the right answer on hostile inputs. No clock:
 * where cost matters, the outline's work counters are compared at n and 8n.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileUserRules, computeOutline, type OutlineWork, type UserRule } from '../../src/core/outline';
import { parseNumeral } from '../../src/core/outline/numerals';
import { JS_WHITESPACE, translateToRe2 } from '../../src/core/outline/re2Syntax';
import { MAX_PROGRAM_SIZE, USER_RULE_MAX_LINE } from '../../src/core/outline/userRules';

/** The one compiled rule of `pattern`, failing the test with the error when it was refused. */
function ruleOf(pattern: string, flags?: string): UserRule {
  const { rules, errors } = compileUserRules([{ pattern, level: 2, ...(flags === undefined ? {} : { flags }) }]);
  assert.deepEqual(errors.map((e) => e.message), [], pattern);
  return rules[0]!;
}

/** The error message `pattern` gets, failing the test when it compiles. */
function errorOf(pattern: string, flags?: string): { setting: string; message: string } {
  const { rules, errors } = compileUserRules([{ pattern: '^序章$', level: 2 }, { pattern, level: 2, ...(flags === undefined ? {} : { flags }) }]);
  assert.equal(rules.length, 1, `${pattern} is refused and the good rule kept`);
  assert.equal(errors.length, 1, pattern);
  return errors[0]!;
}

/** The match text and `num` value RegExp gives, to compare the rule's with. */
function nativeMatch(pattern: string, flags: string, line: string): { text: string; value: string | undefined } | undefined {
  const match = new RegExp(pattern, `${flags}u`).exec(line);
  return match ? { text: match[0], value: match.groups?.num } : undefined;
}

const newWork = (): OutlineWork => ({ userRuleLines: 0, userRuleTests: 0, userRuleUnits: 0 });

test('translation: \\s and . mean what they mean in JavaScript, for every BMP code point', () => {
  const space = ruleOf('^\\s$');
  const notSpace = ruleOf('^\\S$');
  const classSpace = ruleOf('^[\\s]$');
  const classNotSpace = ruleOf('^[\\S]$');
  const dot = ruleOf('^.$');
  const dotAll = ruleOf('^.$', 's');
  const mismatches: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    const js = /^\s$/u.test(c);
    const jsDot = /^.$/u.test(c);
    if (space.test(c) !== js || classSpace.test(c) !== js || notSpace.test(c) === js || classNotSpace.test(c) === js) mismatches.push(`\\s U+${code.toString(16)}`);
    if (dot.test(c) !== jsDot || !dotAll.test(c)) mismatches.push(`. U+${code.toString(16)}`);
  }
  assert.deepEqual(mismatches, []);
  // The table the translation uses is JavaScript's own.
  assert.ok(JS_WHITESPACE.some(([from, to]) => from <= 0x3000 && 0x3000 <= to), 'the ideographic space is whitespace');
  // Outside the BMP: one code point, as with the u flag.
  assert.ok(dot.test('𠀀'));
  assert.ok(!space.test('𠀀'));
});

test('translation: Unicode properties in JavaScript\'s and RE2\'s spellings', () => {
  const cases: [pattern: string, yes: string[], no: string[]][] = [
    ['^\\p{Script=Han}+$', ['漢字', '𠀀'], ['かな', 'abc', '、']],
    ['^\\p{sc=Hani}+$', ['漢字'], ['abc']],
    ['^\\p{Han}+$', ['漢字', '𠀋'], ['abc']],
    ['^\\p{L}+$', ['abc', '漢字', 'かな'], ['123', ' ']],
    ['^\\p{Letter}+$', ['abc'], ['1']],
    ['^\\p{gc=Lu}+$', ['ABC'], ['abc']],
    ['^\\P{L}+$', ['123 、'], ['a']],
    ['^[\\p{Han}\\d]+$', ['第12章'], ['第12章!']],
    ['^[^\\p{Script=Han}]+$', ['abc'], ['a漢']],
    ['^\\p{Nd}+$', ['123', '１２３'], ['一二三']],
    ['^\\p{ASCII}+$', ['abc~'], ['漢']],
    ['^[\\P{ASCII}]+$', ['漢字'], ['a']],
    ['^\\p{Any}$', ['a', '𠀀'], ['ab']],
  ];
  for (const [pattern, yes, no] of cases) {
    const rule = ruleOf(pattern);
    for (const line of yes) assert.ok(rule.test(line), `${pattern} matches ${line}`);
    for (const line of no) assert.ok(!rule.test(line), `${pattern} does not match ${line}`);
  }
  // RE2's spelling becomes JavaScript's for the syntax check.
  assert.equal(translateToRe2('\\p{Han}', false).js, '\\p{Script=Han}');
  assert.equal(translateToRe2('[\\p{Han}a]', false).js, '[\\p{Script=Han}a]');
});

test('translation: escapes, classes, flags and the num group agree with RegExp', () => {
  const patterns: [string, string][] = [
    ['^\\u{20000}', ''],
    ['^\\uD840\\uDC00', ''],
    ['^\\u7B2C(?<num>\\d+)', ''],
    ['\\x41\\cJ?', ''],
    ['^[[]+$', ''],
    ['^[\\]\\-\\\\^]+$', ''],
    ['^[a-c-]+$', ''],
    ['^[]', ''],
    ['^[^]+$', ''],
    ['^第(?<num>[一二三四五六七八九十]+)章', ''],
    ['^(a)(b)?(?<num>\\d+)', ''],
    ['^(?<x>Part) (?<num>\\d+)', 'i'],
    ['^chapter\\s+(?<num>\\d+)\\b', 'i'],
    ['^a.b$', 's'],
    ['^a$', 'm'],
    ['[.*+?^${}()|]', ''],
    ['\\/\\.\\*', ''],
    ['^(?:ab|a)(?:bc|c)$', ''],
    ['a{2,3}?', ''],
    ['^\\0?x', ''],
    ['^[\\b]', ''],
    ['\\bword\\B', ''],
  ];
  const lines = ['𠀀x', '第12章', '第十二章 雨', 'A\n', 'AB', '[[[', ']-\\^', 'abc-', 'x', 'ab', 'Part 3', 'part 12', 'CHAPTER 7 x', 'a\nb', 'a', '$', '/.*', 'abc', 'aaa', 'x\u0000', '\b', 'wordy', 'a word', 'ab12', 'a12', '\u7b2c12'];
  for (const [pattern, flags] of patterns) {
    const rule = ruleOf(pattern, flags);
    const hasNum = /\(\?<num>/.test(pattern);
    for (const line of lines) {
      const expected = nativeMatch(pattern, flags, line);
      assert.equal(rule.test(line), expected !== undefined, `/${pattern}/${flags} on ${JSON.stringify(line)}`);
      if (hasNum && expected) {
        const got = rule.match(line)!;
        assert.equal(got.text, expected.text, `/${pattern}/${flags} match on ${JSON.stringify(line)}`);
        assert.equal(got.value, expected.value === undefined ? undefined : parseNumeral(expected.value), `/${pattern}/${flags} num`);
      }
    }
  }
});

test('translation: random lines give the same answer as RegExp (fast-check, fixed seed)', () => {
  const patterns: [string, string][] = [
    ['^\\s*第\\s*(?<num>\\d+)\\s*章', ''],
    ['^[^\\s。]{1,12}$', ''],
    ['^(?:序章|楔子|尾聲)\\s*$', ''],
    ['^.{2,6}$', ''],
    ['^[\\p{Script=Han}\\s]+$', ''],
    ['\\S\\s+\\S', ''],
    ['^(?:a?b?)*$', ''],
    ['^[a-z]+\\d?$', 'i'],
  ];
  const compiled = new Map(patterns.map(([pattern, flags]) => [pattern, ruleOf(pattern, flags)]));
  const alphabet = fc.constantFrom('a', 'b', 'B', '1', ' ', '\u3000', '\u00a0', '\t', '\u2028', '第', '章', '序', '𠀀', '。', '-', '[');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join('')), (line) => {
      for (const [pattern, flags] of patterns) {
        const expected = nativeMatch(pattern, flags, line);
        const rule = compiled.get(pattern)!;
        if (rule.test(line) !== (expected !== undefined)) return false;
        if (expected && /\(\?<num>/.test(pattern) && rule.match(line)?.text !== expected.text) return false;
      }
      return true;
    }),
    { seed: 20261129, numRuns: 1000 },
  );
});

test('refused: backreferences and lookaround name the entry and the field; bad flags name .flags', () => {
  for (const [pattern, why] of [
    ['^(第)\\1', /\\1 is a backreference, which no linear-time engine can run/],
    ['^(?<a>x)\\k<a>', /\\k<a> is a backreference/],
    ['^第(?=\\d)', /\(\?=…\) is a lookahead/],
    ['^第(?!合)', /\(\?!…\) is a lookahead/],
    ['(?<=第)章', /\(\?<=…\) is a lookbehind/],
    ['(?<!第)章', /\(\?<!…\) is a lookbehind/],
    ['\\p{scx=Han}', /has no Script_Extensions; use \\p\{Script=Han\}/],
  ] as const) {
    const error = errorOf(pattern);
    assert.equal(error.setting, 'chineseReader.outline.rules[1].pattern');
    assert.match(error.message, /^chineseReader\.outline\.rules\[1\]\.pattern was refused: /);
    assert.match(error.message, why);
  }
  // The case: a repeated flag is an error in .flags, not in .pattern.
  const flags = errorOf('^x', 'ii');
  assert.equal(flags.setting, 'chineseReader.outline.rules[1].flags');
  assert.equal(flags.message, 'chineseReader.outline.rules[1].flags gives the flag i twice');
  assert.equal(errorOf('^x', 'g').setting, 'chineseReader.outline.rules[1].flags');
  // The other case: \u{20000} is an escape, not a {20000} quantifier.
  assert.ok(ruleOf('^\\u{20000}+$').test('𠀀𠀀'));
  // Invalid JavaScript stays reported as such, with JavaScript's own message.
  assert.match(errorOf('^(').message, /^chineseReader\.outline\.rules\[1\]\.pattern is not a valid regular expression: .*Unterminated group/);
  assert.match(errorOf('\\p{Nonsense}').message, /is not a valid regular expression/);
  // Limits of the engine and of the program size, in the user's terms.
  assert.match(errorOf('a{1001}').message, /repeats more than 1,000 times/);
  assert.match(errorOf('(?:.{0,300}){2}x').message, new RegExp(`compiles to [\\d,]+ instructions, more than ${MAX_PROGRAM_SIZE}`));
  assert.match(errorOf('x'.repeat(301)).message, /is longer than 300 characters/);
  // A property JavaScript knows and RE2 does not.
  assert.match(errorOf('\\p{Ideographic}').message, /uses a Unicode property the linear-time engine does not know .*\\p\{Script=Han\} work/);
  // Together the rules' programs are bounded too: the rule that would pass the total is skipped, the others kept.
  const big = { pattern: '^(?:.?){240}$', level: 2 };
  const size = ruleOf(big.pattern).programSize;
  assert.ok(size > 400 && size <= MAX_PROGRAM_SIZE, `${size} instructions`);
  const fit = Math.floor(5_000 / size);
  const many = compileUserRules(Array.from({ length: fit + 1 }, () => big));
  assert.equal(many.rules.length, fit);
  assert.deepEqual(many.errors.map((e) => e.setting), [`chineseReader.outline.rules[${fit}].pattern`]);
  assert.match(many.errors[0]!.message, /was skipped: the rules before it already compile to [\d,]+ instructions, and all the rules together may have 5,000/);
});

test('the issue\'s repros complete with the right outline: ^(?:a?b?)*$ and ^(?:\\p{L}?){24}\\p{L}{24}$', () => {
  const ab = compileUserRules([{ pattern: '^(?:a?b?)*$', level: 2 }]);
  // 53 characters (9.8 s on RegExp), the longest line the rules see, and lines that must not match.
  const text = ['書名', 'ab'.repeat(26) + 'a', '內容。', 'ab'.repeat(59) + 'a', '內容。', `${'ab'.repeat(26)}c`, `${'ab'.repeat(59)}!`, ''].join('\n');
  assert.deepEqual(
    computeOutline(text, { userRules: ab }).headings.map((h) => [h.line, h.kind]),
    [[0, 'title'], [1, 'user#1'], [3, 'user#1']],
  );
  // Far longer than any line the outline gives the rules: still answered, and right.
  const rule = ab.rules[0]!;
  assert.ok(rule.test(`${'ab'.repeat(50_000)}a`));
  assert.ok(!rule.test(`${'ab'.repeat(50_000)}!`));

  const han = compileUserRules([{ pattern: '^(?:\\p{L}?){24}\\p{L}{24}$', level: 2 }]);
  const outline = computeOutline(['書名', '漢'.repeat(24), '內容。', '漢'.repeat(23), '內容。', '漢'.repeat(48), '內容。', '漢'.repeat(49), ''].join('\n'), { userRules: han });
  // 24 to 48 letters match; 23 and 49 do not (49 s for 24 Han characters on RegExp).
  assert.deepEqual(outline.headings.map((h) => [h.line, h.kind]), [[0, 'title'], [1, 'user#1'], [5, 'user#1']]);
});

/**
 * Shapes from the ReDoS literature (CodeQL's ReDoS query tests, the OWASP and safe-regex
 * examples, CPython's `\s*#?\s*`, and this issue), each with a hostile input: prefix +
 * pump × n + suffix, which makes a backtracking engine take exponential or polynomial
 * time in n. `matches` is the right answer for every n ≥ 1.
 */
const REDOS_SHAPES: { pattern: string; flags?: string; prefix?: string; pump: string; suffix?: string; matches: boolean }[] = [
  { pattern: '^(a+)+$', pump: 'a', suffix: '!', matches: false },
  { pattern: '^(a*)*$', pump: 'a', suffix: '!', matches: false },
  { pattern: '^(a+)*$', pump: 'a', suffix: '!', matches: false },
  { pattern: '^([a-z]+)+$', pump: 'a', suffix: '!', matches: false },
  { pattern: '(a|aa)+$', pump: 'a', suffix: '!', matches: false },
  { pattern: '(a|a?)+$', pump: 'a', suffix: '!', matches: true },
  { pattern: '^(\\w+\\s?)*$', pump: 'a', suffix: '!', matches: false },
  { pattern: '^(([a-z])+.)+[A-Z]([a-z])+$', pump: 'aa', suffix: '!', matches: false },
  { pattern: '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', pump: 'a', suffix: '!', matches: false },
  { pattern: '^(.*a){12}$', pump: 'a', suffix: 'b', matches: false },
  { pattern: '(b|a?b)*c', pump: 'b', matches: false },
  { pattern: '(a|aa?)*b', pump: 'a', matches: false },
  { pattern: '(.|\\s)*!', pump: ' ', matches: false },
  { pattern: '((\\s|\\s)*)"', pump: ' ', matches: false },
  { pattern: '((\\d|\\w)*)"', pump: '1', matches: false },
  { pattern: '((\\S|\\w)*)"', pump: 'a', matches: false },
  { pattern: '(([\\d]+)*)"', pump: '1', matches: false },
  { pattern: '^([^>a]+)*(>|$)', pump: 'b', suffix: 'a', matches: false },
  { pattern: '( \\s*)+$', pump: ' ', suffix: 'x', matches: false },
  { pattern: '(a+|b+|c+)*c', pump: 'a', matches: false },
  { pattern: '(((a+a?)*)+b+)', pump: 'a', matches: false },
  { pattern: '(a+)+bbbb', pump: 'a', matches: false },
  { pattern: '([^X]+)*$', pump: 'a', suffix: 'X', matches: true },
  { pattern: '^((ab)+)*$', pump: 'ab', suffix: 'a!', matches: false },
  { pattern: '([\\s]+)*(.)', pump: '\u2028', matches: false },
  { pattern: '^ab(c+)+$', prefix: 'ab', pump: 'c', suffix: '!', matches: false },
  { pattern: '(a*)+b', pump: 'a', matches: false },
  { pattern: 'foo([\\w-]*)+bar', prefix: 'foo', pump: 'a', matches: false },
  { pattern: '((ab)*)+c', pump: 'ab', matches: false },
  { pattern: '(a?a?)*b', pump: 'a', matches: false },
  { pattern: '(c?a?)*b', pump: 'ca', matches: false },
  { pattern: '(?:a|a?)+b', pump: 'a', matches: false },
  { pattern: '^(?:a?b?)*$', pump: 'ab', suffix: 'c', matches: false },
  { pattern: '^(b+.)+$', pump: 'b', suffix: '\u2029', matches: false },
  { pattern: '(foo|FOO)*bar', flags: 'i', pump: 'foo', matches: false },
  { pattern: '([DE]|[de])*F', flags: 'i', pump: 'd', matches: false },
  { pattern: '(a|aa)*$', pump: 'a', suffix: '!', matches: true },
  { pattern: '^((a)+\\w)+$', pump: 'a', suffix: '!', matches: false },
  { pattern: '(\\w*foobarbaz\\w*foobarbaz\\w*)+-', pump: 'foobarbaz', matches: false },
  { pattern: '\\s*#?\\s*x', pump: ' ', matches: false },
  { pattern: '.*.*.*.*x', pump: 'a', matches: false },
  { pattern: '[ \\t]+#+$', prefix: '# a', pump: ' ', suffix: 'b', matches: false },
  { pattern: '^(\\p{Script=Han}+)+$', pump: '漢', suffix: '!', matches: false },
  { pattern: '^(?:\\p{L}?){24}\\p{L}{24}$', pump: '漢', suffix: '!', matches: false },
  { pattern: '^第\\s*(?:\\s|\\u3000)*\\d+\\s*章$', prefix: '第', pump: '\u3000', suffix: '章', matches: false },
];

test(`ReDoS shapes from the literature (${REDOS_SHAPES.length}) give RegExp's answer on small inputs and the right one on hostile lines`, () => {
  assert.ok(REDOS_SHAPES.length >= 30);
  for (const shape of REDOS_SHAPES) {
    const { pattern, flags = '', prefix = '', pump, suffix = '', matches } = shape;
    const rule = ruleOf(pattern, flags);
    const line = (n: number) => prefix + pump.repeat(n) + suffix;
    // Small enough for RegExp to answer at once: the translation means the same.
    for (let n = 1; n <= 6; n++) {
      assert.equal(rule.test(line(n)), new RegExp(pattern, `${flags}u`).test(line(n)), `/${pattern}/ on n = ${n}`);
    }
    // Hostile: the longest line the outline hands the rules, and 10,000 repetitions directly.
    const longest = Math.floor((USER_RULE_MAX_LINE - prefix.length - suffix.length) / pump.length);
    assert.equal(rule.test(line(longest)), matches, `/${pattern}/ on ${line(longest).length} characters`);
    assert.equal(rule.test(line(10_000)), matches, `/${pattern}/ on ${line(10_000).length} characters`);
  }
});

test('ReDoS shapes in the outline: a hostile line is a heading exactly when the rule matches it, and the work is linear in the lines', () => {
  const shapes = REDOS_SHAPES.filter((s) => !/[\u2028\u2029]/.test(s.pump + (s.suffix ?? '')));
  const hostile = (s: (typeof shapes)[number]) => {
    const [prefix, suffix] = [s.prefix ?? '', s.suffix ?? ''];
    return prefix + s.pump.repeat(Math.floor((USER_RULE_MAX_LINE - prefix.length - suffix.length) / s.pump.length)) + suffix;
  };
  const rulesOf = (list: typeof shapes) => compileUserRules(list.map((s) => ({ pattern: s.pattern, level: 2, ...(s.flags ? { flags: s.flags } : {}) })));
  for (const shape of shapes) {
    const outline = computeOutline(`${hostile(shape)}\n內容。\n`, { userRules: rulesOf([shape]) });
    assert.equal(outline.headings.some((h) => h.line === 0 && h.kind === 'user#1'), shape.matches, shape.pattern);
  }
  // All the rules over all the hostile lines, at n and 8n copies: exactly eight times the work.
  const userRules = rulesOf(shapes);
  assert.deepEqual(userRules.errors, []);
  const block = shapes.map(hostile).join('\n');
  const run = (copies: number) => {
    const work = newWork();
    const outline = computeOutline(`${block}\n`.repeat(copies), { userRules, work });
    return { work, outline };
  };
  const one = run(1);
  // Every line but the blank ones (a pump of spaces) is tested.
  assert.equal(one.work.userRuleLines, shapes.map(hostile).filter((l) => l.trim() !== '').length);
  const eight = run(8);
  assert.equal(eight.work.userRuleLines, 8 * one.work.userRuleLines);
  assert.equal(eight.work.userRuleTests, 8 * one.work.userRuleTests);
  assert.equal(eight.work.userRuleUnits, 8 * one.work.userRuleUnits);
  assert.equal(eight.outline.headings.filter((h) => h.kind !== 'title').length, 8 * one.outline.headings.filter((h) => h.kind !== 'title').length);
  // No rule sees more than the longest line, however long the document's lines are.
  const long = newWork();
  computeOutline(`${'a'.repeat(1_000_000)}\n`, { userRules, work: long });
  assert.equal(long.userRuleTests, 0);
});

test('user rules: a line longer than 120 characters is never given to them; shorter ones are, once per rule until one matches', () => {
  const userRules = compileUserRules([{ pattern: '^x', level: 2 }, { pattern: '^Part (?<num>\\d+)', level: 1 }]);
  const work = newWork();
  const outline = computeOutline(`Part 1\n內容。\nPart 2 ${'長'.repeat(200)}\n`, { userRules, work });
  assert.deepEqual(outline.headings.map((h) => [h.title, h.kind, h.value, h.marker]), [['Part 1', 'user#2', 1, 'Part 1']]);
  assert.deepEqual(work, { userRuleLines: 2, userRuleTests: 4, userRuleUnits: 2 * 'Part 1'.length + 2 * '內容。'.length });
});

test('translation: random patterns match the same lines as RegExp (fast-check, fixed seed)', () => {
  // Small patterns over the features heading rules use, on lines short enough for RegExp to
  // answer at once: whether a line matches is the language's meaning, and must agree.
  const atom = fc.constantFrom('a', 'b', '漢', '𠀀', ' ', '\u3000', '.', '\\s', '\\S', '\\d', '\\w', '\\W', '[ab]', '[^a]', '[\\s漢]', '[^\\S]', '\\p{Script=Han}', '\\p{L}', '\\P{L}', '\\u{20000}', '\\u6F22', '[a-c]', '[^]', '\\b');
  const quantifier = fc.constantFrom('', '', '?', '*', '+', '{0,2}', '{1,3}', '{2}', '??', '*?', '+?');
  const { alt } = fc.letrec<{ alt: string; seq: string; term: string }>((tie) => ({
    term: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'pattern', withCrossShrink: true },
      fc.tuple(atom, quantifier).map(([a, q]) => (a === '\\b' ? a : a + q)),
      fc.tuple(fc.constantFrom('(', '(?:', '(?<num>'), tie('alt'), quantifier).map(([open, inner, q]) => `${open}${inner})${q}`),
    ),
    seq: fc.array(tie('term'), { maxLength: 3, depthIdentifier: 'pattern' }).map((terms) => terms.join('')),
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 2, depthIdentifier: 'pattern' }).map((seqs) => seqs.join('|')),
  }));
  const pattern = fc.tuple(fc.constantFrom('', '^'), alt, fc.constantFrom('', '$')).map(([a, body, z]) => `${a}${body}${z}`);
  const line = fc.array(fc.constantFrom('a', 'b', 'A', 'c', '漢', '𠀀', ' ', '\u3000', '1', '_'), { maxLength: 7 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(pattern, fc.constantFrom('', 'i', 's', 'is'), fc.array(line, { minLength: 1, maxLength: 5 }), (source, flags, lines) => {
      if (source === '') return true; // refused: a rule must have a pattern
      let native: RegExp;
      try {
        native = new RegExp(source, `${flags}u`);
      } catch {
        return true; // (?<num>) twice, for one: not a valid pattern, refused as such
      }
      const { rules, errors } = compileUserRules([{ pattern: source, level: 2, flags }]);
      // Nested counted repeats can pass the size caps: refused, by design.
      if (errors.length === 1 && /compiles to [\d,]+ instructions|is longer than 300/.test(errors[0]!.message)) return true;
      assert.deepEqual(errors, [], source);
      return lines.every((l) => rules[0]!.test(l) === native.test(l));
    }),
    { seed: 20261129, numRuns: 1000 },
  );
});
