import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import { activate, closeAllEditors, SEED, waitFor, withSetting, workspaceUri } from './util';

/** name, detail-free shape of a symbol tree: [name, [children…]]. */
type Tree = [string, Tree[]];
const tree = (symbols: vscode.DocumentSymbol[]): Tree[] => symbols.map((s) => [s.name, tree(s.children)]);

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

async function foldingOf(uri: vscode.Uri): Promise<vscode.FoldingRange[]> {
  return (await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', uri)) ?? [];
}

describe('the section outline', () => {
  let api: ChineseReaderApi;
  before(async () => {
    api = await activate();
  });
  afterEach(closeAllEditors);

  it('gives the seed the title with its three sections, nested, with ranges to the next section', async () => {
    const uri = workspaceUri(SEED);
    await vscode.window.showTextDocument(uri);
    const symbols = await symbolsOf(uri);
    assert.deepEqual(tree(symbols), [
      [
        '新基建時代,“數字政府2.0建設”如何推進?',
        [
          ['1、應對治理大考:讓數字化想象力落地', []],
          ['2、數字政府2.0時代:數據運營能力成關鍵', []],
          ['3、智慧城市布局加速:需統籌全國“一盤棋”', []],
        ],
      ],
    ]);
    const [title] = symbols;
    const [first, second, third] = title!.children;
    // 1-based lines 6-20, 22-54 and 56-84 of the seed; the title covers it all.
    assert.deepEqual([first!.range.start.line, first!.range.end.line], [5, 19]);
    assert.deepEqual([second!.range.start.line, second!.range.end.line], [21, 53]);
    assert.deepEqual([third!.range.start.line, third!.range.end.line], [55, 83]);
    assert.deepEqual([title!.range.start.line, title!.range.end.line], [0, 83]);
    assert.equal(first!.selectionRange.start.character, 0);
    assert.equal(first!.selectionRange.end.character, '1、應對治理大考:讓數字化想象力落地'.length);
    // The detail: characters and reading time at the default 400 per minute.
    assert.match(first!.detail, /^651 chars · 2 min$/);
  });

  it('folds the seed by section', async () => {
    const uri = workspaceUri(SEED);
    await vscode.window.showTextDocument(uri);
    const ranges = await foldingOf(uri);
    const sections = ranges.map((r) => [r.start, r.end]);
    for (const expected of [[0, 83], [5, 19], [21, 53], [55, 83]]) {
      assert.ok(sections.some(([s, e]) => s === expected[0] && e === expected[1]), `folds lines ${expected.join('-')}: ${JSON.stringify(sections)}`);
    }
  });

  it('nests chapters under volumes in a Traditional novel, and folds each', async () => {
    const uri = workspaceUri('outline/novel-traditional.zh-tw.txt');
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(tree(await symbolsOf(uri)), [
      [
        '山河舊夢',
        [
          ['第一卷　初入江湖', [['第一章　雨夜來客', []], ['第二章　舊劍', []], ['第三章　離鎮', []]]],
          ['第二卷　風起雲湧', [['第四章　渡口', []], ['第五章　夜航', []]]],
        ],
      ],
    ]);
    const folds = (await foldingOf(uri)).map((r) => `${r.start + 1}-${r.end + 1}`);
    for (const expected of ['1-29', '3-18', '5-9', '11-14', '16-18', '20-29', '22-25', '27-29']) {
      assert.ok(folds.includes(expected), `folds lines ${expected}: ${folds.join(' ')}`);
    }
  });

  it('finds the Simplified novel\'s chapters and sections through Go to Symbol\'s provider', async () => {
    const uri = workspaceUri('outline/novel-simplified.zh-cn.txt');
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(tree(await symbolsOf(uri)), [
      ['长夜书', [['第1章 灯下', []], ['第2章 来信', [['第一节 旧桥', []], ['第二节 梅花', []]]], ['第3章 归途', []]]],
    ]);
  });

  it('gives a document without headings no symbols at all', async () => {
    const uri = workspaceUri('outline/no-headings.zh-tw.txt');
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(await symbolsOf(uri), []);
  });

  it('shows the reading time at the speed set in chineseReader.outline.readingSpeed', async () => {
    const uri = workspaceUri(SEED);
    await vscode.window.showTextDocument(uri);
    const restore = await withSetting('outline.readingSpeed', 100);
    try {
      const [title] = await symbolsOf(uri);
      assert.match(title!.children[0]!.detail, /^651 chars · 7 min$/);
    } finally {
      await restore();
    }
  });

  it('reports a numbering gap and a duplicate as information diagnostics with code zh.numbering', async () => {
    const uri = workspaceUri('outline/numbering-errors.zh-tw.txt');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitFor('the numbering diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'zh.numbering');
      return found.length === 2 && found;
    }, [vscode.languages.onDidChangeDiagnostics]);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line + 1, d.severity, d.source, d.message]),
      [
        [13, vscode.DiagnosticSeverity.Information, 'Chinese Reader outline', 'Duplicate number: 二、 again (the previous 二、 is on line 9)'],
        [17, vscode.DiagnosticSeverity.Information, 'Chinese Reader outline', 'Numbering gap: 第五章 follows 第三章 (line 3); number 4 is missing'],
      ],
    );
    // Turning the check off clears them; the outline itself stays.
    const restore = await withSetting('outline.numberingDiagnostics', false);
    try {
      await waitFor('the diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0, [vscode.languages.onDidChangeDiagnostics]);
      assert.equal((await symbolsOf(uri)).length, 1);
    } finally {
      await restore();
    }
  });

  it('updates the outline and the diagnostics as the user types, and clears them on close', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '草稿\n\n第一章 開始\n內容。\n\n第二章 結束\n內容。\n' });
    const editor = await vscode.window.showTextDocument(document);
    assert.deepEqual(tree(await symbolsOf(document.uri)), [['草稿', [['第一章 開始', []], ['第二章 結束', []]]]]);
    await editor.edit((b) => b.replace(document.lineAt(5).range, '第四章 結束'));
    const gap = await waitFor('a gap diagnostic after the edit', () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'zh.numbering'), [vscode.languages.onDidChangeDiagnostics]);
    assert.equal(gap.range.start.line, 5);
    assert.deepEqual(tree(await symbolsOf(document.uri)), [['草稿', [['第一章 開始', []], ['第四章 結束', []]]]]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the diagnostics to clear on close', () => vscode.languages.getDiagnostics(document.uri).length === 0, [vscode.languages.onDidChangeDiagnostics]);
  });

  it('applies user rules, and names a pattern the linear-time engine cannot run or an invalid one in a clear error', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '書名\n\n序章\n內容。\n\n第一章 開始\n內容。\n' });
    await vscode.window.showTextDocument(document);
    const errors: string[] = [];
    const listener = api.outline.onDidReportRuleError((e) => errors.push(e.message));
    const restore = await withSetting('outline.rules', [
      { pattern: '^序章$', level: 2 },
      { pattern: '^(第)\\1', level: 2 },
      { pattern: '^(', level: 2 },
    ]);
    try {
      const symbols = await symbolsOf(document.uri);
      assert.deepEqual(tree(symbols), [['書名', [['序章', []], ['第一章 開始', []]]]]);
      await waitFor('both rule errors', () => errors.length >= 2, [api.outline.onDidReportRuleError]);
      assert.ok(errors.some((m) => /^chineseReader\.outline\.rules\[1\]\.pattern was refused: \\1 is a backreference/.test(m)), errors.join('\n'));
      assert.ok(errors.some((m) => /^chineseReader\.outline\.rules\[2\]\.pattern is not a valid regular expression/.test(m)), errors.join('\n'));
    } finally {
      listener.dispose();
      await restore();
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('runs a pattern that would hang a backtracking engine on lines built to trip it, and outlines them exactly', async () => {
    // ^(?:a?b?)*$ takes 9.8 s on one 53-character line in JavaScript's RegExp (issue 10).
    // 300 such lines, with a character that makes each fail, and 3 that match.
    const failing = `${'ab'.repeat(26)}a!\n`;
    const content = `書名\n\n第一章 開始\n${failing.repeat(150)}${'ab'.repeat(26)}a\n${failing.repeat(150)}第二章 結束\n${'ab'.repeat(30)}\n內容。\n`;
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content });
    await vscode.window.showTextDocument(document);
    const errors: string[] = [];
    const listener = api.outline.onDidReportRuleError((e) => errors.push(e.message));
    const restore = await withSetting('outline.rules', [{ pattern: '^(?:a?b?)*$', level: 3 }]);
    try {
      const symbols = await symbolsOf(document.uri);
      assert.deepEqual(tree(symbols), [
        ['書名', [['第一章 開始', [[`${'ab'.repeat(26)}a`, []]]], ['第二章 結束', [['ab'.repeat(30), []]]]]],
      ]);
      assert.deepEqual(errors, [], 'no rule error and no budget message');
    } finally {
      listener.dispose();
      await restore();
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('stays silent when chineseReader.outline.enabled is off or the language is not listed', async () => {
    const uri = workspaceUri(SEED);
    await vscode.window.showTextDocument(uri);
    const restore = await withSetting('outline.enabled', false);
    try {
      assert.deepEqual(await symbolsOf(uri), []);
    } finally {
      await restore();
    }
    assert.equal((await symbolsOf(uri)).length, 1, 'back once re-enabled');
    const restoreLanguages = await withSetting('languages', ['markdown']);
    try {
      assert.deepEqual(await symbolsOf(uri), [], 'zh-text is no longer listed');
    } finally {
      await restoreLanguages();
    }
    assert.equal((await symbolsOf(uri)).length, 1, 'back once zh-text is listed again');
  });

  it('in Markdown, adds the Chinese-style headings and leaves # headings to VS Code\'s Markdown outline', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 筆記\n\n一、背景\n\n內容。\n\n二、方法\n\n內容。\n' });
    await vscode.window.showTextDocument(document);
    const outline = api.outline.outlineFor(document);
    assert.deepEqual(outline.headings.map((h) => h.kind), ['markdown', 'cn-list', 'cn-list']);
    const names = (await symbolsOf(document.uri)).flatMap(function flat(s: vscode.DocumentSymbol): string[] {
      return [s.name, ...s.children.flatMap(flat)];
    });
    // Ours appear once each; 筆記 appears once at most (from the Markdown extension, when present).
    assert.equal(names.filter((n) => n === '一、背景').length, 1, names.join(' | '));
    assert.equal(names.filter((n) => n === '二、方法').length, 1, names.join(' | '));
    assert.ok(names.filter((n) => n === '筆記').length <= 1, names.join(' | '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
