import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeOutline, type Heading } from '../../src/core/outline';
import { CHINESE_NUMERAL_CHARS, DIGIT_CHARS, parseNumeral, parseRoman } from '../../src/core/outline/numerals';
import { BUILTIN_RULES } from '../../src/core/outline/rules';
import { readRepoFile, SEED } from './helpers';

/** [level, title, kind] of each heading: what the Outline view shows. */
function shape(text: string): [number, string, string][] {
  return computeOutline(text).headings.map((h) => [h.level, h.title, h.kind]);
}

/** The kind the first line of `text` gets, or undefined when it is no heading (a body line follows). */
function kindOf(line: string): string | undefined {
  const headings = computeOutline(`${line}\n正文第一段寫在這裡。\n`).headings;
  return headings.find((h) => h.line === 0)?.kind;
}

const fixture = (name: string) => readRepoFile('test/fixtures/outline', name);

test('numerals: Chinese with and without units, financial forms, full-width and ASCII digits', () => {
  const cases: [string, number][] = [
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['一百零五', 105], ['一千二百三十四', 1234],
    ['两', 2], ['兩百', 200], ['〇', 0], ['一〇二', 102], ['壹佰貳拾', 120], ['三萬', 30_000], ['12', 12], ['１２', 12],
  ];
  for (const [text, value] of cases) assert.equal(parseNumeral(text), value, text);
  assert.equal(parseNumeral('第'), undefined);
  assert.equal(parseNumeral(''), undefined);
  assert.equal(parseRoman('XIV'), 14);
  assert.equal(parseRoman('abc'), undefined);
});

test('book and volume rules: 第X卷, 卷X, 第X部, 上篇/中篇/下篇', () => {
  assert.equal(kindOf('第一卷　初入江湖'), 'volume');
  assert.equal(kindOf('第12卷'), 'volume');
  assert.equal(kindOf('第１２卷 歸來'), 'volume');
  assert.equal(kindOf('卷三 風雪'), 'volume');
  assert.equal(kindOf('卷二十'), 'volume');
  assert.equal(kindOf('第一部 春'), 'part');
  assert.equal(kindOf('第二部分 總則'), 'part');
  assert.equal(kindOf('上篇'), 'pian');
  assert.equal(kindOf('中篇　流亡'), 'pian');
  assert.equal(kindOf('下篇：歸鄉'), 'pian');
  // Not headings: words that start the same way.
  assert.equal(kindOf('卷起袖子就開始幹活'), undefined);
  assert.equal(kindOf('上篇文章寫得不錯'), undefined);
});

test('chapter rules: 第X章, 第X回, Chapter N; section rule: 第X節/节', () => {
  assert.equal(kindOf('第一章 雨夜來客'), 'chapter');
  assert.equal(kindOf('第一百零五章'), 'chapter');
  assert.equal(kindOf('第 3 章 歸途'), 'chapter');
  assert.equal(kindOf('第３章：歸途'), 'chapter');
  assert.equal(kindOf('第三回 賈雨村夤緣復舊職，林黛玉拋父進京都'), 'chapter');
  assert.equal(kindOf('Chapter 12 The Bridge'), 'chapter-en');
  assert.equal(kindOf('CHAPTER IV'), 'chapter-en');
  assert.equal(kindOf('第二節 旧桥'), 'section');
  assert.equal(kindOf('第二节 梅花'), 'section');
  // 回合 is a round of a match, and a chapter line is short and no sentence.
  assert.equal(kindOf('第一回合比賽結束'), undefined);
  assert.equal(kindOf('第一章寫得很好。我很喜歡。'), undefined);
  assert.equal(kindOf(`第一章 ${'很長的標題'.repeat(15)}`), undefined);
});

test('numbered rules: 一、 （一）/(一) 1、 1. 1.1 (1)', () => {
  assert.equal(kindOf('一、總體要求'), 'cn-list');
  assert.equal(kindOf('十二．附則'), 'cn-list');
  assert.equal(kindOf('（一）指導思想'), 'cn-paren');
  assert.equal(kindOf('(二) 主要目標'), 'cn-paren');
  assert.equal(kindOf('1、建設城市數據中心'), 'num-list');
  assert.equal(kindOf('１、完善感知網絡'), 'num-list');
  assert.equal(kindOf('1. 背景'), 'num-dot');
  assert.equal(kindOf('2．方法'), 'num-dot');
  assert.equal(kindOf('1.1 研究背景'), 'decimal');
  assert.equal(kindOf('2.3.1 樣本'), 'decimal');
  assert.equal(kindOf('(1)交通感知'), 'num-paren');
  assert.equal(kindOf('（２）環境感知'), 'num-paren');
});

test('numbered false positives: inline lists, sentences, figures, dates and bare markers', () => {
  // Inline lists: the next item follows on the same line.
  assert.equal(kindOf('1、打開App；2、選擇事項'), undefined);
  assert.equal(kindOf('1、打開App 2、選擇事項'), undefined);
  assert.equal(kindOf('一、二、三、四，小朋友們排著隊數數'), undefined);
  assert.equal(kindOf('(1) 號出口暫停使用，(2) 號出口照常'), undefined);
  // Paragraphs: sentence punctuation or a long line.
  assert.equal(kindOf('1. 減少證明材料，能通過數據共享獲取的，不再要求群眾提供。'), undefined);
  assert.equal(kindOf('一、這是一段很長的文字，它雖然以一、開頭，但是後面跟著的是一整段敘述，而且沒有句號，所以只能靠長度來判斷它不是標題'), undefined);
  assert.equal(kindOf('1、真的嗎？我不信'), undefined);
  // Figures, versions and dates.
  assert.equal(kindOf('3.5%的增長'), undefined);
  assert.equal(kindOf('2.0時代'), undefined);
  assert.equal(kindOf('2020.12.03 更新'), undefined);
  assert.equal(kindOf('3月20日，北京'), undefined);
  assert.equal(kindOf('1.5倍'), undefined);
  // A marker with nothing after it.
  assert.equal(kindOf('1.'), undefined);
  assert.equal(kindOf('一、'), undefined);
  // A question is allowed as the last character.
  assert.equal(kindOf('1、為什麼要讀書？'), 'num-list');
});

test('adjacent lines of one numbered style are a list, not headings', () => {
  assert.deepEqual(shape('購物清單\n1. 蘋果\n2. 香蕉\n3. 橙子\n'), []);
  // With a body between them they are headings.
  assert.deepEqual(shape('1. 蘋果\n蘋果很甜。\n2. 香蕉\n香蕉很軟。\n').map((h) => h[1]), ['1. 蘋果', '2. 香蕉']);
});

test('Markdown: # levels, closing hashes, code fences and indented code are skipped', () => {
  const text = '# 書名\n\n正文。\n\n## 第一部分 ##\n\n```\n# not a heading\n```\n\n    # indented code\n\n### 小節\n';
  assert.deepEqual(shape(text), [
    [1, '書名', 'markdown'],
    [2, '第一部分', 'markdown'],
    [3, '小節', 'markdown'],
  ]);
});

test('levels are relative: the outermost style present is level 1', () => {
  assert.deepEqual(shape('1、甲\n內容。\n2、乙\n內容。\n'), [
    [1, '1、甲', 'num-list'],
    [1, '2、乙', 'num-list'],
  ]);
  assert.deepEqual(shape('第一章 開始\n內容。\n一、背景\n內容。\n二、目的\n內容。\n第二章 方法\n內容。\n'), [
    [1, '第一章 開始', 'chapter'],
    [2, '一、背景', 'cn-list'],
    [2, '二、目的', 'cn-list'],
    [1, '第二章 方法', 'chapter'],
  ]);
});

test('a short first line is the title and the root; a sentence or a lone line is not', () => {
  assert.deepEqual(shape('我的書\n\n第一章 開始\n內容。\n'), [
    [1, '我的書', 'title'],
    [2, '第一章 開始', 'chapter'],
  ]);
  assert.deepEqual(shape('今天天氣很好，我們去公園散步。\n第一章 開始\n內容。\n').map((h) => h[2]), ['chapter']);
  // A source or date line is metadata, not a title.
  assert.deepEqual(shape('來源:網絡傳播雜志 更新時間:2020-12-03\n\n第一章 開始\n內容。\n').map((h) => h[2]), ['chapter']);
  assert.deepEqual(shape('作者：王小明\n第一章 開始\n內容。\n').map((h) => h[2]), ['chapter']);
  // No heading at all: no title either, so no noise.
  assert.deepEqual(shape('我的書\n\n只有一段正文。\n'), []);
  assert.deepEqual(shape(''), []);
});

test('the seed: the title with the three numbered sections; caption and metadata are not headings', () => {
  const outline = computeOutline(readRepoFile(SEED));
  assert.deepEqual(
    outline.headings.map((h) => [h.level, h.line + 1, h.kind, h.title]),
    [
      [1, 1, 'title', '新基建時代,“數字政府2.0建設”如何推進?'],
      [2, 6, 'num-list', '1、應對治理大考:讓數字化想象力落地'],
      [2, 22, 'num-list', '2、數字政府2.0時代:數據運營能力成關鍵'],
      [2, 56, 'num-list', '3、智慧城市布局加速:需統籌全國“一盤棋”'],
    ],
  );
  const [title, first, second, third] = outline.headings as Heading[];
  // Sections run to the next heading of the same or a higher level.
  assert.equal(first!.endLine + 1, 20);
  assert.equal(second!.endLine + 1, 54);
  assert.equal(third!.endLine + 1, 84);
  assert.equal(title!.endLine + 1, 84);
  assert.deepEqual(outline.headings.map((h) => h.parent), [-1, 0, 0, 0]);
  assert.equal(title!.chars, outline.chars);
  assert.equal(first!.chars + second!.chars + third!.chars + title!.chars - outline.chars > 0, true);
});

test('fixtures: Traditional novel with volumes, Simplified novel with sections', () => {
  assert.deepEqual(shape(fixture('novel-traditional.zh-tw.txt')), [
    [1, '山河舊夢', 'title'],
    [2, '第一卷　初入江湖', 'volume'],
    [3, '第一章　雨夜來客', 'chapter'],
    [3, '第二章　舊劍', 'chapter'],
    [3, '第三章　離鎮', 'chapter'],
    [2, '第二卷　風起雲湧', 'volume'],
    [3, '第四章　渡口', 'chapter'],
    [3, '第五章　夜航', 'chapter'],
  ]);
  assert.deepEqual(shape(fixture('novel-simplified.zh-cn.txt')), [
    [1, '长夜书', 'title'],
    [2, '第1章 灯下', 'chapter'],
    [2, '第2章 来信', 'chapter'],
    [3, '第一节 旧桥', 'section'],
    [3, '第二节 梅花', 'section'],
    [2, '第3章 归途', 'chapter'],
  ]);
});

test('fixtures: the policy report nests 一、 （一） 1、 (1) and skips the inline list and the run-in paragraph', () => {
  assert.deepEqual(shape(fixture('policy-report.zh-cn.txt')), [
    [1, '关于推进城市数字化转型的实施意见', 'title'],
    [2, '一、总体要求', 'cn-list'],
    [3, '（一）指导思想', 'cn-paren'],
    [3, '（二）主要目标', 'cn-paren'],
    [2, '二、重点任务', 'cn-list'],
    [3, '（一）夯实数字基础设施', 'cn-paren'],
    [4, '1、建设城市数据中心', 'num-list'],
    [4, '2、完善感知网络', 'num-list'],
    [5, '(1)交通感知', 'num-paren'],
    [5, '(2)环境感知', 'num-paren'],
    [3, '（二）提升政务服务效能', 'cn-paren'],
    [4, '1、推行一网通办', 'num-list'],
    [4, '2、优化办事流程', 'num-list'],
    [2, '三、保障措施', 'cn-list'],
  ]);
});

test('fixtures: Markdown reading guide, and a document without headings gives an empty outline', () => {
  assert.deepEqual(shape(fixture('reading-guide.md')), [
    [1, '閱讀指南', 'markdown'],
    [2, '一、準備工作', 'markdown'],
    [2, '二、閱讀方法', 'markdown'],
    [3, '2.1 使用大綱', 'markdown'],
    [3, '2.2 摺疊段落', 'markdown'],
    [2, '三、常見問題', 'markdown'],
  ]);
  assert.deepEqual(shape(fixture('no-headings.zh-tw.txt')), []);
});

test('positions are UTF-16 columns of the trimmed title; CRLF and indentation are handled', () => {
  const outline = computeOutline('書名\r\n\r\n　　第一章　開始\r\n內容。\r\n## 𠀋字\r\n');
  const [, chapter, markdown] = outline.headings;
  assert.equal(chapter!.title, '第一章　開始');
  assert.equal(chapter!.startCharacter, 2);
  assert.equal(chapter!.endCharacter, 2 + '第一章　開始'.length);
  assert.equal(markdown!.title, '𠀋字');
  assert.equal(markdown!.startCharacter, 3);
  assert.equal(markdown!.endCharacter, 3 + 3);
  // Characters are code points without whitespace: 𠀋 counts once.
  assert.equal(markdown!.chars, 4);
});

test('bad input: a huge single line, a huge Markdown heading, binary-looking text and CR-only breaks', () => {
  const huge = `# ${'長'.repeat(1_000_000)}\n正文。\n`;
  const [heading] = computeOutline(huge).headings;
  assert.equal(heading!.title.length, 200);
  assert.ok(heading!.title.endsWith('…'));
  assert.equal(heading!.endCharacter, 2 + 1_000_000, 'the selection still spans the whole heading');
  assert.deepEqual(computeOutline('長'.repeat(2_000_000)).headings, []);
  assert.deepEqual(computeOutline('\u0000\u0001\u0002第一章\u0000').headings, []);
  // Lines are split on LF, CRLF and a lone CR, as VS Code counts them.
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['第一章 甲', '內容。', '第二章 乙', '內容。'].join(eol);
    assert.deepEqual(computeOutline(text).headings.map((h) => [h.line, h.title, h.endLine]), [[0, '第一章 甲', 1], [2, '第二章 乙', 3]], JSON.stringify(eol));
  }
});

test('a long Markdown heading: closing #s and runs of spaces are handled in one pass (issue 10, 80,000 spaces)', () => {
  const spaces = ' '.repeat(80_000);
  // The input: `/[ \t]+#+$/` retried from every space and took seconds.
  const [open] = computeOutline(`# a${spaces}b\n`).headings;
  assert.equal(open!.title, `a${' '.repeat(198)}…`);
  assert.deepEqual([open!.startCharacter, open!.endCharacter], [2, 3 + 80_000 + 1]);
  // Closing #s after the same run: removed with the spaces, the selection ends at the a.
  const [closed] = computeOutline(`# a${spaces}###\n`).headings;
  assert.deepEqual([closed!.title, closed!.startCharacter, closed!.endCharacter], ['a', 2, 3]);
  // Tabs and spaces before the title, and a # that is part of the title (C#), as before.
  assert.deepEqual(computeOutline('#\t \tC#\n').headings.map((h) => [h.title, h.startCharacter]), [['C#', 4]]);
  assert.deepEqual(computeOutline('## 標題 ##\n').headings.map((h) => h.title), ['標題']);
  assert.deepEqual(computeOutline('# #\n').headings.map((h) => h.title), ['#']);
  // The title is trimmed as String.prototype.trim does (the ideographic space too).
  assert.deepEqual(computeOutline('# a\u3000 ##\n').headings.map((h) => [h.title, h.startCharacter, h.endCharacter]), [['a', 2, 3]]);
});

test('Markdown titles equal the regular-expression definition on random short lines (fast-check, fixed seed)', () => {
  const alphabet = fc.constantFrom('#', ' ', '\t', 'a', '長', '\u3000');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 16 }).map((cs) => `#${cs.join('')}`), (line) => {
      const trimmed = line.trim();
      const match = /^(#{1,6})[ \t]+\S/u.exec(trimmed);
      const heading = computeOutline(`${line}\n`).headings[0];
      if (!match) return true;
      // The definition the scan replaces, safe at this size.
      const expected = trimmed.replace(/^#{1,6}[ \t]+/, '').replace(/[ \t]+#+$/, '').trim();
      return heading?.kind === 'markdown' && heading.title === expected && trimmed.slice(heading.startCharacter - line.indexOf(trimmed)).startsWith(expected);
    }),
    { seed: 20261129, numRuns: 1000 },
  );
});

test('a title cut at 200 characters never ends in a lone surrogate: the cut is by code point', () => {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  // Both parities: the pairs start at an even and at an odd UTF-16 offset.
  for (const lead of ['', 'a']) {
    const [heading] = computeOutline(`# ${lead}${'𠀋'.repeat(300)}\n`).headings;
    const title = heading!.title;
    assert.equal(loneSurrogate.test(title), false, JSON.stringify(lead));
    assert.equal([...title].length, 200);
    assert.ok(title.endsWith('𠀋…'));
    assert.equal(heading!.endCharacter, 2 + lead.length + 600, 'the selection still spans the whole heading');
  }
  // At the limit nothing is cut.
  const exact = `${'𠀋'.repeat(199)}a`;
  assert.equal(computeOutline(`# ${exact}\n`).headings[0]!.title, exact);
});

test('inline-list patterns without overlapping \\s* find the same lines as the overlapping ones (fast-check, fixed seed)', () => {
  const CN = `[${CHINESE_NUMERAL_CHARS}]+`;
  const DIGITS = `[${DIGIT_CHARS}]+`;
  // The definitions before issue 10, which rescanned runs of spaces.
  const before: Record<string, RegExp> = {
    'cn-list': new RegExp(`(?:^|[\\s；;，,。:：])\\s*${CN}\\s*、`, 'u'),
    'num-list': new RegExp(`(?:^|[\\s；;，,。:：])\\s*${DIGITS}\\s*、`, 'u'),
    'num-dot': new RegExp(`[\\s；;，,。]\\s*${DIGITS}[.．](?![${DIGIT_CHARS}])`, 'u'),
    decimal: new RegExp(`[\\s；;，,。]\\s*${DIGITS}(?:[.．]${DIGITS})+\\s`, 'u'),
  };
  const alphabet = fc.constantFrom(' ', '\u3000', '\t', '；', '，', '。', '：', '一', '十', '1', '２', '、', '.', '．', 'a', '長');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join('')), (rest) =>
      Object.entries(before).every(([kind, old]) => BUILTIN_RULES.find((r) => r.kind === kind)!.inlineNext!.test(rest) === old.test(rest)),
    ),
    { seed: 20261129, numRuns: 2000 },
  );
});
