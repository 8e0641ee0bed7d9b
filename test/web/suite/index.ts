/**
 * The browser build's suite: VS Code loads it into the web worker extension host next to
 * dist/web/extension.js (test/web/run-code-server.mjs opens the workbench with
 * extensionDevelopmentKind "web"), and calls `run()`. Mocha and node:assert are Node
 * modules, which a worker cannot load, so this suite has its own few lines of runner and
 * assertions; what it asserts is what the integration suite asserts for the same features.
 */
import * as OpenCC from 'opencc-js';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import type { ConvertOutcome } from '../../../src/vscode/convert/applyConversion';
import { activate, closeAllEditors, hoverText, openEditor, positionOf, SEED, waitFor, workspaceUri } from '../../integration/suite/util';

class AssertionError extends Error {}

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

function equal<T>(actual: T, expected: T, message = 'values differ'): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}\n  actual:   ${a}\n  expected: ${e}`);
}

function match(text: string, pattern: RegExp, message = 'no match'): void {
  if (!pattern.test(text)) throw new AssertionError(`${message}: ${pattern} in\n${text}`);
}

type Body = (api: ChineseReaderApi) => Promise<void> | void;
const tests: [string, Body][] = [];
const it = (name: string, body: Body) => tests.push([name, body]);

it('runs in the web worker extension host, from the browser bundle', () => {
  const worker = globalThis as { importScripts?: unknown; process?: unknown };
  ok(typeof worker.importScripts === 'function', 'importScripts: a web worker');
  ok(worker.process === undefined, 'no Node process object');
  const extension = vscode.extensions.getExtension('chinese-reader.chinese-reader');
  ok(extension, 'the extension under development is there');
  equal((extension.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
  equal(vscode.env.uiKind, vscode.UIKind.Web);
});

it('the script indicator shows 繁 for the seed', async (api) => {
  const uri = workspaceUri(SEED);
  await vscode.window.showTextDocument(uri);
  const state = await waitFor('the indicator for the seed', () => {
    const s = api.scriptIndicator.state;
    return s && s.uri === uri.toString() ? s : undefined;
  }, [api.scriptIndicator.onDidChangeState]);
  equal(state.text, '繁');
  await closeAllEditors();
});

it('the hover reads CC-CEDICT from the extension folder through workspace.fs, and the project glossary', async (api) => {
  const seed = (await vscode.window.showTextDocument(workspaceUri(SEED))).document;
  await waitFor('the seed glossary', () => api.hoverGlossary.glossary.terms().includes('新基建'), [api.hoverGlossary.glossary.onDidChange], 30_000);
  const government = await hoverText(seed.uri, positionOf(seed, '定義政府治理', 2));
  match(government, /\*\*政府\*\*/);
  match(government, /zhèng fǔ/);
  match(government, /1\. government/);
  match(government, /\*CC-CEDICT\*/);
  // No native jieba in a worker: the longest dictionary match stands in, and says so.
  equal(api.hoverGlossary.lastEngine(), 'jieba-rs');
  const digital = await hoverText(seed.uri, positionOf(seed, '數字化想象力', 0));
  match(digital, /\*\*數字化\*\* · 数字化\s+shù zì huà/);
  match(digital, /1\. to digitize/);
  const glossary = await hoverText(seed.uri, positionOf(seed, '新基建', 1));
  match(glossary, /\*\*新基建\*\*\s+xīn jī jiàn/);
  match(glossary, /new infrastructure/);
  match(glossary, /Glossary glossary\.tsv, line \d+/);
  await closeAllEditors();
});

it('the hover adds the study part (HSK levels, frequency) from dist/ through workspace.fs', async () => {
  const seed = (await vscode.window.showTextDocument(workspaceUri(SEED))).document;
  const position = positionOf(seed, '政府治理', 2);
  // The first hover starts the study data's load; each probe is a fresh request, as in the integration suite.
  let text = await hoverText(seed.uri, position);
  for (let i = 0; i < 60 && !/HSK 3\.0 level/.test(text); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    text = await hoverText(seed.uri, position);
  }
  match(text, /HSK 3\.0 level 5 · HSK 2\.0 level 6 · frequency rank [\d,]+/);
  await closeAllEditors();
});

const TRADITIONAL = '數位政府建設。我的滑鼠和軟體都在這裡，頭髮乾了。\n第二行：爲了衆人、資訊、記憶體。\n';

it('converts to Simplified with the bundled engine, as opencc-js does, in one undoable edit', async () => {
  const editor = await openEditor(TRADITIONAL);
  const document = editor.document;
  const outcome = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToSimplified');
  equal(outcome.status, 'converted');
  const expected = OpenCC.Converter({ from: 't', to: 'cn' })(TRADITIONAL);
  ok(expected !== TRADITIONAL, 'the sample changes');
  equal(document.getText(), expected);
  await vscode.commands.executeCommand('undo');
  equal(document.getText(), TRADITIONAL, 'one undo restores the original exactly');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closeAllEditors();
});

it('converts to Taiwan phrases (twp), which changes lengths', async () => {
  const simplified = '数字政府建设。我的鼠标和软件都在这里，头发干了。\n第二行：自行车、信息、内存。\n';
  const editor = await openEditor(simplified);
  const outcome = await vscode.commands.executeCommand<ConvertOutcome>('chineseReader.convertToTaiwanPhrases');
  equal(outcome.status, 'converted');
  equal(editor.document.getText(), OpenCC.Converter({ from: 'cn', to: 'twp' })(simplified));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closeAllEditors();
});

it('outlines the seed: the title with its three sections', async () => {
  const uri = workspaceUri(SEED);
  await vscode.window.showTextDocument(uri);
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  type Tree = [string, Tree[]];
  const tree = (list: vscode.DocumentSymbol[]): Tree[] => list.map((s) => [s.name, tree(s.children)]);
  equal(tree(symbols), [
    [
      '新基建時代,“數字政府2.0建設”如何推進?',
      [
        ['1、應對治理大考:讓數字化想象力落地', []],
        ['2、數字政府2.0時代:數據運營能力成關鍵', []],
        ['3、智慧城市布局加速:需統籌全國“一盤棋”', []],
      ],
    ],
  ]);
  const [first] = symbols[0]!.children;
  equal([first!.range.start.line, first!.range.end.line], [5, 19]);
  match(first!.detail, /^651 chars · 2 min$/);
  await closeAllEditors();
});

it('flags the seed for spam: an seo warning on the last line, the source line and the caption as information', async (api) => {
  const uri = workspaceUri(SEED);
  const editor = await vscode.window.showTextDocument(uri);
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Chinese Reader' && typeof d.code === 'string' && d.code.startsWith('zh.') && d.code !== 'zh.numbering');
  await waitFor('the seed\'s spam diagnostics', () => {
    const list = ours();
    return list.length > 0 && api.spam.findings(uri).length === list.length ? list : undefined;
  }, [api.spam.onDidUpdate, vscode.languages.onDidChangeDiagnostics], 30_000);
  const last = editor.document.lineCount;
  equal(
    ours().map((d) => [d.range.start.line + 1, d.code, vscode.DiagnosticSeverity[d.severity]]),
    [
      [2, 'zh.metadata', 'Information'],
      [20, 'zh.caption', 'Information'],
      [last, 'zh.seo', 'Warning'],
    ],
  );
  match(ours()[2]!.message, /^keyword-stuffing \(SEO\) line: repeats 铁牛视频app ×3 joined by '-'/);
  await closeAllEditors();
});

it('the reading view opens beside the document and its webview receives every line', async () => {
  interface Snapshot {
    uri: string;
    version: number;
    viewLines: number;
    viewVersion: number;
    renderedLines: number;
    posted: string[];
  }
  const lines = ['第一章 银行', '我今天去银行取钱。', '', ...Array.from({ length: 100 }, (_, i) => `第${i + 1}段:存款的利息很低。`)];
  const file = workspaceUri('reading/web.zh.txt');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(lines.join('\n')));
  const document = (await vscode.window.showTextDocument(file)).document;
  const uri = document.uri.toString();
  equal(await vscode.commands.executeCommand('chineseReader.reading.openToSide'), uri);
  let snapshot: Snapshot | undefined;
  for (let i = 0; i < 600; i++) {
    snapshot = await vscode.commands.executeCommand<Snapshot | undefined>('chineseReader.reading.testState', uri);
    if (snapshot && snapshot.viewVersion === snapshot.version && snapshot.viewLines === document.lineCount) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  ok(snapshot && snapshot.viewLines === document.lineCount, `the webview holds every line: ${JSON.stringify(snapshot)}`);
  ok(snapshot.posted.includes('init'), 'the view was sent the document');
  ok(snapshot.renderedLines > 0, 'the webview rendered lines');
  await closeAllEditors();
});

export async function run(): Promise<void> {
  console.log(`web: starting (VS Code ${vscode.version})`);
  const api = await activate();
  let passed = 0;
  let failed = 0;
  for (const [name, body] of tests) {
    try {
      await body(api);
      passed++;
      console.log(`web: ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`web: ✖ ${name}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`web: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} web tests failed`);
}
