import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import { activate, closeAllEditors, SEED, waitFor, withSetting, workspaceUri } from './util';

type State = NonNullable<ChineseReaderApi['scriptIndicator']['state']>;

describe('the script indicator', () => {
  let api: ChineseReaderApi;
  before(async () => {
    api = await activate();
  });
  afterEach(closeAllEditors);

  /** Waits until the indicator shows `uri` and `accept` holds for its state. */
  function stateFor(uri: vscode.Uri, accept: (s: State) => boolean = () => true): Promise<State> {
    const indicator = api.scriptIndicator;
    return waitFor(
      `the indicator for ${uri.path}`,
      () => {
        const state = indicator.state;
        return state && state.uri === uri.toString() && accept(state) ? state : undefined;
      },
      [indicator.onDidChangeState],
    );
  }

  it('shows 繁 for the seed and names its Simplified last line', async () => {
    const uri = workspaceUri(SEED);
    const editor = await vscode.window.showTextDocument(uri);
    const lastLine = editor.document.lineCount;
    const state = await stateFor(uri);
    assert.equal(state.text, '繁');
    assert.equal(state.report.script, 'traditional');
    assert.match(state.tooltip, /Traditional Chinese/);
    // It ends in plain words, not a stray "(Traditional)." after the link.
    assert.match(state.tooltip, /Click to convert the script, or \[show the script report\]\(command:chineseReader\.showScriptReport\?[^)]*\)\.$/);
    assert.ok(
      state.tooltip.includes(`Line ${lastLine} is Simplified`),
      `tooltip names line ${lastLine}:\n${state.tooltip}`,
    );
    assert.deepEqual(
      state.report.outliers.map((o) => o.line + 1),
      [lastLine],
    );
  });

  it('shows 简 for a Simplified file', async () => {
    const uri = workspaceUri('simplified.zh-cn.txt');
    await vscode.window.showTextDocument(uri);
    assert.equal((await stateFor(uri)).text, '简');
  });

  it('follows edits: 繁 becomes 混 and then 简, and undo brings 繁 back', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '數字政府建設的關鍵在於數據運營能力。' });
    const editor = await vscode.window.showTextDocument(document);
    assert.equal((await stateFor(document.uri)).text, '繁');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '数字政府建设的关键在于数据运营能力。\n'));
    assert.equal((await stateFor(document.uri, (s) => s.version === document.version)).text, '混');
    await editor.edit((b) => b.replace(document.lineAt(1).range, '城市治理'));
    assert.equal((await stateFor(document.uri, (s) => s.version === document.version)).text, '简');
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.equal((await stateFor(document.uri, (s) => s.version === document.version)).text, '繁');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('works in Markdown, and only in the languages chineseReader.languages lists', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 讀書筆記\n\n這份筆記記錄了閱讀時遇到的生詞與句子，方便日後複習。' });
    await vscode.window.showTextDocument(document);
    assert.equal((await stateFor(document.uri)).text, '繁');
    const restore = await withSetting('languages', ['zh-text']);
    try {
      await waitFor('the indicator to hide', () => api.scriptIndicator.state === undefined || undefined, [api.scriptIndicator.onDidChangeState]);
    } finally {
      await restore();
    }
    assert.equal((await stateFor(document.uri)).text, '繁', 'shown again once markdown is listed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('is hidden for an English document and when turned off', async () => {
    await vscode.window.showTextDocument(workspaceUri('english.txt'));
    await waitFor('the indicator to hide', () => api.scriptIndicator.state === undefined || undefined, [api.scriptIndicator.onDidChangeState]);

    const seed = workspaceUri(SEED);
    await vscode.window.showTextDocument(seed);
    await stateFor(seed);
    const restore = await withSetting('scriptIndicator.enabled', false);
    try {
      await waitFor('the indicator to hide', () => api.scriptIndicator.state === undefined || undefined, [api.scriptIndicator.onDidChangeState]);
    } finally {
      await restore();
    }
    assert.equal((await stateFor(seed)).text, '繁', 'shown again once re-enabled');
  });

  it('reveals the Simplified line through the tooltip link command', async () => {
    const uri = workspaceUri(SEED);
    const editor = await vscode.window.showTextDocument(uri);
    const state = await stateFor(uri);
    const link = /\(command:chineseReader\.revealLine\?([^)]+)\)/.exec(state.tooltip);
    assert.ok(link, 'the tooltip links to chineseReader.revealLine');
    const args = JSON.parse(decodeURIComponent(link[1]!)) as [string, number];
    assert.deepEqual(args, [uri.toString(), editor.document.lineCount - 1]);
    await vscode.commands.executeCommand('chineseReader.revealLine', ...args);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, editor.document.lineCount - 1);
  });
});
