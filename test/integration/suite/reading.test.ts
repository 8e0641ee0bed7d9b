/**
 * The reading view in real VS Code: the panel opens beside the document, and the message
 * protocol between the extension and the webview works both ways. The webview's side is
 * driven in Chromium by test/e2e/reading.test.mjs; here the extension's side is observed
 * through two test-only commands: `chineseReader.reading.testState` (what the extension
 * sent, and what the webview reported back: its line count and version after each update)
 * and `chineseReader.reading.testMessage` (a message in the webview's own shape, handled by
 * the same code as the webview's). Restore runs the serializer's function on a new panel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, closeAllEditors, waitFor, workspaceUri } from './util';

const STATE = 'chineseReader.reading.testState';
const MESSAGE = 'chineseReader.reading.testMessage';
const OPEN = 'chineseReader.reading.openToSide';
const DOC = 'reading/view.zh.txt';

interface Snapshot {
  uri: string;
  version: number;
  viewLines: number;
  viewHeld: number;
  viewVersion: number;
  topLine: number;
  renderedLines: number;
  gloss: boolean;
  script: 'original' | 'other';
  posted: string[];
  lastCard?: string;
}

/** A heading, a paragraph with 银行 at offset 4, then enough lines to scroll. */
const LINES = ['第一章 银行', '我今天去银行取钱。', '', ...Array.from({ length: 300 }, (_, i) => `第${i + 1}段:存款的利息很低,他说他不了解这个问题。`)];

const state = (uri?: string) => vscode.commands.executeCommand<Snapshot | undefined>(STATE, uri);
const send = (uri: string, message: unknown) => vscode.commands.executeCommand<Snapshot>(MESSAGE, uri, message);

/** Resolves with the first truthy value of the async `probe`, checked every 50 ms; rejects after `timeoutMs`. */
async function waitAsync<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the webview has applied everything the extension sent and holds the document's lines. */
async function inStep(uri: string, lineCount: number, what: string): Promise<Snapshot> {
  return waitAsync(
    what,
    async () => {
      const s = await state(uri);
      return s && s.viewVersion === s.version && s.viewLines === lineCount ? s : undefined;
    },
    60_000,
  );
}

async function readWorkspaceFile(relative: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
  } catch {
    return undefined;
  }
}

describe('reading view', () => {
  let document: vscode.TextDocument;
  let uri: string;

  before(async () => {
    await activate();
    await vscode.workspace.fs.writeFile(workspaceUri(DOC), new TextEncoder().encode(LINES.join('\n')));
    await vscode.workspace.fs.delete(workspaceUri('chinese-words.tsv')).then(undefined, () => undefined);
    document = (await vscode.window.showTextDocument(workspaceUri(DOC))).document;
    uri = document.uri.toString();
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('chinese-words.tsv')).then(undefined, () => undefined);
  });

  it('opens beside the document; the webview receives the document and renders the top lines', async () => {
    assert.equal(await vscode.commands.executeCommand(OPEN), uri);
    const readingTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('chineseReader.reading'));
    const tab = await waitFor('a reading view tab', readingTab, [vscode.window.tabGroups.onDidChangeTabs]);
    assert.equal(tab.label, 'Reading: view.zh.txt');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'the view is beside the editor');
    const s = await inStep(uri, document.lineCount, 'the webview to hold every line');
    assert.ok(s.posted.includes('init'));
    assert.ok(s.renderedLines > 0 && s.renderedLines < document.lineCount, `${s.renderedLines} lines rendered first, the others on demand`);
  });

  it('a second open reveals the same view instead of opening another', async () => {
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(OPEN);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(tabs.length, 1);
  });

  it('reveal: clicking a paragraph moves the editor to its line', async () => {
    await send(uri, { type: 'reveal', line: 1 });
    const editor = await waitFor('the editor at line 1', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document === document && e.selection.active.line === 1 ? e : undefined;
    });
    assert.equal(editor.selection.active.character, 0);
  });

  it('scroll: the view scrolled scrolls the editor; the editor scrolled is sent to the view', async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document)!;
    await send(uri, { type: 'scrolled', line: 120 });
    // At the top, give or take the rows VS Code keeps above a revealed line (sticky scroll).
    const nearTop = () => {
      const top = editor.visibleRanges[0]?.start.line ?? -1;
      return top <= 120 && 120 - top <= 8;
    };
    await waitFor('the editor to show line 120 at the top', nearTop, [vscode.window.onDidChangeTextEditorVisibleRanges]).catch((e: Error) => {
      throw new Error(`${e.message}; it shows ${editor.visibleRanges.map((r) => `${r.start.line}-${r.end.line}`).join()}`);
    });
    // Our own reveal is not echoed back to the view as a scroll.
    const beforeReveal = (await state(uri))!;
    assert.equal(beforeReveal.topLine, 120);
    editor.revealRange(new vscode.Range(200, 0, 200, 0), vscode.TextEditorRevealType.AtTop);
    // The top line the view was told moved, by a scrollTo (other messages, such as a spam
    // update's lines, may have followed it).
    const s = await waitAsync('the view to be told the editor\'s new top line', async () => {
      const now = await state(uri);
      return now && now.topLine !== 120 && now.posted.includes('scrollTo') ? now : undefined;
    });
    assert.equal(s.topLine, editor.visibleRanges[0]!.start.line);
    assert.ok(s.topLine <= 200 && 200 - s.topLine <= 8, `top line ${s.topLine}`);
    // The view opened with the lines around its top; the rest of this short document is one
    // block, which the view asks for now that it shows line 200, and which is rendered and sent.
    const filled = await waitAsync('the view to ask for the lines it now shows', async () => {
      const now = await state(uri);
      return now && now.renderedLines === document.lineCount ? now : undefined;
    });
    assert.ok(filled.posted.includes('range'));
    // Asked again (a reply an edit overtook is dropped by the view), lines are sent again.
    const after = await send(uri, { type: 'need', from: 190, to: 260 });
    assert.equal(after.posted.at(-1), 'range');
  });

  it('card and "Add to Word List": the word at the click, saved with its sentence', async () => {
    const card = await send(uri, { type: 'card', line: 1, start: 4 });
    assert.match(card.lastCard ?? '', /银行/);
    assert.match(card.lastCard ?? '', /bank/);
    assert.match(card.lastCard ?? '', /Add to Word List/);
    await send(uri, { type: 'action', act: 'add', line: 1, start: 4 });
    const list = await waitAsync('the word list to hold 银行', async () => {
      const text = await readWorkspaceFile('chinese-words.tsv');
      return text?.includes('银行') ? text : undefined;
    });
    const row = list.split('\n').find((l) => l.startsWith('银行'))!;
    assert.match(row, /我今天去银行取钱。/);
    // The card now says the word is saved.
    const after = await waitAsync('the card to show the saved word', async () => {
      const s = await state(uri);
      return s?.lastCard?.includes('In word list') ? s : undefined;
    });
    assert.ok(after);
  });

  it('messages from the webview are checked: malformed ones are ignored', async () => {
    const before = (await state(uri))!;
    for (const bad of [null, 'reveal', { type: 'reveal', line: -1 }, { type: 'reveal', line: '1' }, { type: 'action', act: 'delete', line: 1, start: 4 }, { type: 'need', from: 0 }]) {
      const s = await send(uri, bad);
      assert.deepEqual(s.posted, before.posted);
    }
  });

  it('edits: only the changed lines are spliced into the view, which stays in step', async () => {
    const before = (await state(uri))!;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(1, 0, 1, 1), '你');
    edit.insert(document.uri, new vscode.Position(5, 0), '新的一行。\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const s = await inStep(uri, LINES.length + 1, 'the view to hold the edited document');
    assert.ok(s.version > before.version);
    assert.ok(s.posted.includes('splice'));
    assert.equal(s.viewLines, LINES.length + 1);
  });

  it('a paste of 3,000 lines into the part of a long document the view has not shown is filled in when the view scrolls there', async () => {
    const longUri = workspaceUri('long-view.zh.txt');
    await vscode.workspace.fs.writeFile(longUri, new TextEncoder().encode(Array.from({ length: 1000 }, (_, i) => `第${i + 1}句:他说他不了解这个问题。`).join('\n')));
    const long = (await vscode.window.showTextDocument(longUri, { viewColumn: vscode.ViewColumn.One })).document;
    const key = long.uri.toString();
    try {
      assert.equal(await vscode.commands.executeCommand(OPEN, long.uri), key);
      const opened = await inStep(key, long.lineCount, 'the long document\'s view');
      assert.ok(opened.viewHeld < 600, `the view holds the lines near its top only (${opened.viewHeld})`);
      // Line 600 lies in an empty block of the view; the pasted lines join it, unseen.
      const pasted = Array.from({ length: 3000 }, (_, i) => `贴上的第${i + 1}行:银行的利息很低。`).join('\n') + '\n';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(long.uri, new vscode.Position(600, 0), pasted);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const afterPaste = await inStep(key, long.lineCount, 'the view to count the pasted lines');
      assert.ok(afterPaste.viewHeld < 1000, `the pasted lines are not placed while unseen (${afterPaste.viewHeld} held)`);
      // Scroll the editor into the middle of the paste: the view follows and asks for the lines
      // there, which arrive (an empty block of more lines than one answer holds could not be filled).
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === long)!;
      editor.revealRange(new vscode.Range(2000, 0, 2000, 0), vscode.TextEditorRevealType.AtTop);
      const filled = await waitAsync('the view to hold the lines around line 2000', async () => {
        const now = await state(key);
        return now && now.viewVersion === now.version && now.viewHeld >= afterPaste.viewHeld + 200 ? now : undefined;
      });
      assert.equal(filled.viewLines, long.lineCount);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(longUri).then(undefined, () => undefined);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand(OPEN, document.uri);
      await inStep(uri, document.lineCount, 'the view of the first document again');
    }
  });

  it('a language change (VS Code closes and reopens the document) keeps the view open', async () => {
    const before = (await state(uri))!;
    const original = document.languageId;
    const changed = await vscode.languages.setTextDocumentLanguage(document, original === 'plaintext' ? 'zh-text' : 'plaintext');
    assert.notEqual(changed.languageId, original);
    // The view decides on the next turn of the event loop whether the document came back.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const s = await state(uri);
    assert.ok(s, 'the view is still open');
    assert.equal(s.version >= before.version, true);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), '又');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await inStep(uri, document.lineCount, 'the view to follow an edit after the language change');
    assert.ok(after.version > s.version, 'it still follows the document');
    await vscode.languages.setTextDocumentLanguage(changed, original);
  });

  it('restore: the serializer reopens the document in a new panel with the saved state', async () => {
    await closeAllEditors();
    await waitAsync('no reading view', async () => (await state(uri)) === undefined);
    const restored = await vscode.commands.executeCommand<Snapshot>(STATE, { restore: { uri, gloss: true, script: 'other', line: 42 } });
    assert.equal(restored.uri, uri);
    assert.equal(restored.gloss, true);
    assert.equal(restored.script, 'other');
    const s = await inStep(uri, LINES.length + 1, 'the restored view to hold the document');
    assert.equal(s.topLine, 42);
    // A state without a document restores nothing.
    assert.equal(await vscode.commands.executeCommand(STATE, { restore: { line: 3 } }), undefined);
  });
});
