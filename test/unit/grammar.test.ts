/**
 * The zh-text TextMate grammar, tokenized as VS Code does it: vscode-textmate with the
 * Oniguruma WebAssembly build. Each test names the scope a piece of a line must carry.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { readRepoFile, repoPath, SEED } from './helpers';

type Grammar = NonNullable<Awaited<ReturnType<textmate.Registry['loadGrammar']>>>;
let grammar: Grammar;

before(async () => {
  const wasm = readFileSync(repoPath('node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scopeName: string) =>
      Promise.resolve(
        scopeName === 'text.zh' ? textmate.parseRawGrammar(readRepoFile('syntaxes/zh-text.tmLanguage.json'), 'zh-text.tmLanguage.json') : null,
      ),
  });
  const loaded = await registry.loadGrammar('text.zh');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

/** Tokens of each line of `text`: [text, scopes joined by spaces]. */
function tokenize(text: string): [string, string][][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t): [string, string] => [line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
  });
}

/** The scopes of the token that holds `piece` on line `index` of `text` (0 for a single line). */
function scopesOf(text: string, piece: string, index = 0): string {
  const line = tokenize(text)[index]!;
  const lineText = line.map(([t]) => t).join('');
  const at = lineText.indexOf(piece);
  assert.notEqual(at, -1, `"${piece}" is on line ${index}`);
  let offset = 0;
  for (const [t, scopes] of line) {
    if (at >= offset && at < offset + t.length) {
      assert.ok(at + piece.length <= offset + t.length, `"${piece}" is one token; tokens: ${JSON.stringify(line)}`);
      return scopes;
    }
    offset += t.length;
  }
  throw new Error('unreachable');
}

/** A line that is not the first of its document (the first may be the title). */
const body = (line: string) => `正文從這裡開始，這是一個句子。\n${line}`;

test('headings: every style of the outline is markup.heading, its marker a punctuation.definition.heading', () => {
  for (const [line, marker] of [
    ['第一卷　初入江湖', '第一卷'],
    ['卷三 風雪', '卷三'],
    ['上篇', '上篇'],
    ['第十二章 雨夜來客', '第十二章'],
    ['第3回 歸途', '第3回'],
    ['Chapter 4 The Bridge', 'Chapter 4'],
    ['第二節 梅花', '第二節'],
    ['一、總體要求', '一、'],
    ['（一）指導思想', '（一）'],
    ['1、應對治理大考:讓數字化想象力落地', '1、'],
    ['2. 方法', '2.'],
    ['1.1 研究背景', '1.1'],
    ['(1)交通感知', '(1)'],
    ['## 閱讀方法', '##'],
  ] as const) {
    assert.match(scopesOf(body(line), marker, 1), /^text\.zh markup\.heading\.zh-text punctuation\.definition\.heading\.zh-text$/, line);
    const title = line.slice(line.indexOf(marker) + marker.length).trim().slice(-2);
    if (title) assert.match(scopesOf(body(line), title, 1), /^text\.zh markup\.heading\.zh-text/, `${line}: its title`);
  }
});

test('headings: sentences, long lines and figures are not headings', () => {
  for (const line of ['1. 減少證明材料，不再要求群眾提供。', `第一章${'很長的標題'.repeat(14)}`, '3月20日到了', '2.0時代來了', '一是數據；二是運算', '一、二、三、四，數數', '1、打開 2、關閉']) {
    assert.doesNotMatch(scopesOf(body(line), line.slice(0, 2), 1), /markup\.heading/, line);
  }
});

test('the seed: title, metadata line, caption and numbered sections', () => {
  const seed = readRepoFile(SEED);
  const lines = seed.split('\n');
  assert.match(scopesOf(seed, '新基建時代', 0), /^text\.zh markup\.heading\.title\.zh-text$/);
  // The quotation inside the title keeps its own scope.
  assert.match(scopesOf(seed, '數字政府', 0), /markup\.heading\.title\.zh-text string\.quoted\.double\.zh-text$/);
  assert.equal(lines[1]!.startsWith('來源'), true);
  assert.equal(scopesOf(seed, '來源:網絡傳播雜志 更新時間:2020-12-03', 1), 'text.zh comment.line.metadata.zh-text');
  assert.equal(scopesOf(seed, '3月20日,北京,在中關村', 19), 'text.zh comment.line.caption.zh-text');
  assert.match(scopesOf(seed, '1、', 5), /markup\.heading\.zh-text punctuation\.definition\.heading/);
  assert.match(scopesOf(seed, '智慧城市布局加速', 55), /^text\.zh markup\.heading\.zh-text$/);
  assert.match(scopesOf(seed, '一盤棋', 55), /markup\.heading\.zh-text string\.quoted\.double\.zh-text$/);
  // Body paragraphs are plain text.
  assert.equal(scopesOf(seed, '數字化正在重新定義政府治理體系', 3), 'text.zh');
});

test('the document without headings: no line after the first is coloured as a heading', () => {
  const lines = tokenize(readRepoFile('test/fixtures/outline/no-headings.zh-tw.txt'));
  const headings = lines.slice(1).filter((tokens) => tokens.some(([, scopes]) => scopes.includes('markup.heading')));
  assert.deepEqual(headings.map((tokens) => tokens.map(([t]) => t).join('')), []);
  // Its caption is a comment.
  assert.ok(lines[3]!.every(([, scopes]) => scopes.includes('comment.line.caption')), JSON.stringify(lines[3]));
});

test('metadata lines: source, author, editor and dates, in both scripts', () => {
  for (const line of ['来源：新华网 2020-12-03', '作者: 王小明', '責任編輯：李四', '发布时间：2021年3月1日', '原文链接：https://example.com/a']) {
    assert.match(scopesOf(body(line), line.slice(0, 2), 1), /^text\.zh comment\.line\.metadata\.zh-text$/, line);
  }
  assert.match(scopesOf(body('原文链接：https://example.com/a'), 'https://example.com/a', 1), /comment\.line\.metadata\.zh-text markup\.underline\.link\.zh-text$/);
});

test('captions and photo credits are comments', () => {
  assert.equal(scopesOf(body('圖為市民在公園裡晨練。'), '圖為市民', 1), 'text.zh comment.line.caption.zh-text');
  assert.equal(scopesOf(body('▲ 北京中關村'), '北京', 1), 'text.zh comment.line.caption.zh-text');
  assert.equal(scopesOf(body('3月20日，北京，市民在公園裡晨練。'), '市民', 1), 'text.zh comment.line.caption.zh-text');
  assert.equal(scopesOf(body('市民在公園裡晨練（新華社記者 李明 攝）。'), '（新華社記者 李明 攝）', 1), 'text.zh comment.block.credit.zh-text');
  assert.equal(scopesOf(body('他說（图片来源：视觉中国）'), '（图片来源：视觉中国）', 1), 'text.zh comment.block.credit.zh-text');
  // A bracket that is no credit stays text.
  assert.equal(scopesOf(body('他說（這很重要）。'), '這很重要', 1), 'text.zh');
});

test('quotations, book titles and URLs keep their scopes', () => {
  assert.equal(scopesOf(body('他說「你好」就走了'), '你好', 1), 'text.zh string.quoted.other.corner.zh-text');
  assert.equal(scopesOf(body('書名『紅樓夢』'), '紅樓夢', 1), 'text.zh string.quoted.other.white-corner.zh-text');
  assert.equal(scopesOf(body('所謂“新基建”的'), '新基建', 1), 'text.zh string.quoted.double.zh-text');
  assert.equal(scopesOf(body('叫‘小王’的'), '小王', 1), 'text.zh string.quoted.single.zh-text');
  assert.equal(scopesOf(body('讀《紅樓夢》'), '紅樓夢', 1), 'text.zh markup.italic.book-title.zh-text');
  assert.equal(scopesOf(body('詳見https://example.com/a?b=1，謝謝'), 'https://example.com/a?b=1', 1), 'text.zh markup.underline.link.zh-text');
  assert.equal(scopesOf(body('見「https://example.com」'), 'https://example.com', 1), 'text.zh string.quoted.other.corner.zh-text markup.underline.link.zh-text');
});

test('Latin words are marked, next to Han characters too; digits and URLs are not Latin words', () => {
  assert.equal(scopesOf(body('下載App後登錄'), 'App', 1), 'text.zh variable.other.latin.zh-text');
  assert.equal(scopesOf(body('人均GDP更高'), 'GDP', 1), 'text.zh variable.other.latin.zh-text');
  assert.equal(scopesOf(body('連上Wi-Fi就好'), 'Wi-Fi', 1), 'text.zh variable.other.latin.zh-text');
  assert.equal(scopesOf(body('從4G到5G'), '4', 1), 'text.zh');
  assert.doesNotMatch(scopesOf(body('見https://example.com'), 'https', 1), /latin/);
});

test('a short first line is the title; a first line that is a sentence is not', () => {
  assert.equal(scopesOf('山河舊夢\n\n第一章', '山河舊夢'), 'text.zh markup.heading.title.zh-text');
  assert.equal(scopesOf('今天天氣很好，我們去公園散步。\n', '今天'), 'text.zh');
  assert.equal(scopesOf('各區人民政府：\n', '各區'), 'text.zh');
  // Only the first line.
  assert.equal(scopesOf('正文。\n山河舊夢\n', '山河舊夢', 1), 'text.zh');
});
