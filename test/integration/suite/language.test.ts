import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';
import { activate, closeAllEditors, openDocument, SEED, waitFor, withSetting, workspaceUri } from './util';

/** Opens `relative` and resolves with the extension's language decision for it. */
async function openAndDecide(api: ChineseReaderApi, relative: string): Promise<string> {
  const uri = workspaceUri(relative);
  let decision: string | undefined;
  const listener = api.onDidDecideLanguage((e) => {
    if (e.uri.toString() === uri.toString()) decision = e.decision;
  });
  try {
    await vscode.workspace.openTextDocument(uri);
    return await waitFor(`the language decision for ${relative}`, () => decision, [api.onDidDecideLanguage]);
  } finally {
    listener.dispose();
  }
}

describe('the zh-text language', () => {
  let api: ChineseReaderApi;
  before(async () => {
    api = await activate();
  });
  afterEach(closeAllEditors);

  it('switches the seed, a mostly-Han plaintext file, to Chinese Text', async () => {
    const uri = workspaceUri(SEED);
    assert.equal(await openAndDecide(api, SEED), 'switched');
    const document = await waitFor('the seed to be zh-text', () => openDocument(uri)?.languageId === 'zh-text' && openDocument(uri));
    assert.equal(document.languageId, 'zh-text');
  });

  it('opens *.zh-cn.txt files as Chinese Text without detection', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('simplified.zh-cn.txt'));
    assert.equal(document.languageId, 'zh-text');
  });

  it('leaves an English plaintext file alone', async () => {
    assert.equal(await openAndDecide(api, 'english.txt'), 'not-chinese');
    assert.equal(openDocument(workspaceUri('english.txt'))?.languageId, 'plaintext');
  });

  it('respects a user who switches a document back to plaintext', async () => {
    const uri = workspaceUri('reading-notes.txt');
    assert.equal(await openAndDecide(api, 'reading-notes.txt'), 'switched');
    let decision: string | undefined;
    const listener = api.onDidDecideLanguage((e) => {
      if (e.uri.toString() === uri.toString()) decision = e.decision;
    });
    try {
      await vscode.languages.setTextDocumentLanguage(openDocument(uri)!, 'plaintext');
      assert.equal(await waitFor('the decision after switching back', () => decision, [api.onDidDecideLanguage]), 'user-choice');
    } finally {
      listener.dispose();
    }
    assert.equal(openDocument(uri)?.languageId, 'plaintext');
  });

  it('does not switch when chineseReader.autoDetectLanguage is off', async () => {
    const restore = await withSetting('autoDetectLanguage', false);
    try {
      let decision: string | undefined;
      const listener = api.onDidDecideLanguage((e) => {
        if (e.uri.scheme === 'untitled') decision = e.decision;
      });
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '這是一份完全由中文寫成的未命名文件，用來測試設定。' });
      try {
        assert.equal(await waitFor('the decision for the untitled document', () => decision, [api.onDidDecideLanguage]), 'disabled');
      } finally {
        listener.dispose();
      }
      assert.equal(document.languageId, 'plaintext');
    } finally {
      await restore();
    }
  });

  it('Chinese Text defaults: word wrap on, no ambiguous or invisible Unicode highlighting, CJK word navigation', async () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'zh-text' });
    assert.equal(editor.get('wordWrap'), 'on');
    assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.deepEqual(editor.get('wordSegmenterLocales'), ['zh']);
    // Plaintext keeps VS Code's own defaults: the settings are for Chinese Text only.
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');

    // Word navigation really uses them: Ctrl+Right stops after a word inside a run of Han
    // characters (Intl.Segmenter in the workbench) instead of jumping over the whole run.
    const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: '數字政府建設如何推進' });
    const shown = await vscode.window.showTextDocument(document);
    shown.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('cursorWordEndRight');
    const stop = shown.selection.active.character;
    assert.ok(stop > 0 && stop < document.lineAt(0).text.length, `the cursor stopped at ${stop}, inside the run of 10 characters`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
