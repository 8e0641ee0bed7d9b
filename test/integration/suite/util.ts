/** Helpers for the integration tests: activation, fixtures and waiting on conditions. */
import * as vscode from 'vscode';
import type { ChineseReaderApi } from '../../../src/extension';

export const EXTENSION_ID = 'chinese-reader.chinese-reader';
export const SEED = 'digital-government-2.0.txt';

export async function activate(): Promise<ChineseReaderApi> {
  const extension = vscode.extensions.getExtension<ChineseReaderApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** A file of the test workspace (a fresh copy of seeds/ and test/fixtures/). */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** The live document for `uri`, if VS Code has it open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/**
 * Resolves with the first truthy value of `probe`, checked now, whenever one of
 * `events` fires, and every 50 ms as a fallback; rejects after `timeoutMs` naming `what`.
 * This is how the tests wait: on a condition, never on a fixed sleep.
 */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | null,
  events: vscode.Event<unknown>[] = [],
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    let done = false;
    const finish = (error?: Error, value?: T) => {
      if (done) return;
      done = true;
      clearInterval(interval);
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const check = () => {
      try {
        const value = probe();
        if (value) finish(undefined, value);
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const interval = setInterval(check, 50);
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    for (const event of events) disposables.push(event(check));
    check();
  });
}

/** Sets a chineseReader setting globally and returns a function that restores it. */
export async function withSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('chineseReader');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('chineseReader').update(key, previous, vscode.ConfigurationTarget.Global);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let untitledCount = 0;
/** Names this extension host's untitled documents apart: its pid, or in the web worker host (test/web), which has no process, a random id. */
const HOST_ID = typeof process === 'object' ? String(process.pid) : crypto.randomUUID();

/**
 * Opens an untitled document with `content` under a name no earlier test used. VS Code
 * names content-only untitled documents Untitled-1, -2…, and a new one may reuse a name
 * whose previous (large) document the window has not finished disposing, and come up with
 * that document's text; a unique name rules that out.
 */
export async function openUntitled(content: string, language: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `chinese-reader-test-${HOST_ID}-${++untitledCount}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('could not fill the untitled test document');
  return document;
}

/**
 * Waits until VS Code has closed every untitled document: the next test's new untitled
 * document may get a closed one's name, and must not meet its stale contents.
 */
export function untitledClosed(): Promise<boolean> {
  return waitFor('untitled documents to close', () => vscode.workspace.textDocuments.every((d) => d.uri.scheme !== 'untitled'), [
    vscode.workspace.onDidCloseTextDocument,
  ]);
}

/** Opens `content` as an untitled zh-text document in the active editor. */
export async function openEditor(content: string): Promise<vscode.TextEditor> {
  const document = await openUntitled(content, 'zh-text');
  const editor = await vscode.window.showTextDocument(document);
  // The commands act on the active editor: make sure it is this one.
  await waitFor('the new editor to be active', () => vscode.window.activeTextEditor?.document === document, [
    vscode.window.onDidChangeActiveTextEditor,
  ]);
  return editor;
}

/** What the user reads in the hovers at `position`: markdown with tags and escapes removed. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    // Real tags (tone colours) go; escaped ones (\<b\>) are text and stay, unescaped below.
    .replace(/(?<!\\)<[^>]+?(?<!\\)>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&"'$:@])/g, '$1');
}

/** The position of the `nth` occurrence of `needle` in `document`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} occurs fewer than ${nth + 1} times in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}
