/**
 * Entry point. Activation only registers features; documents are examined after it
 * returns, and nothing heavy (dictionaries, segmenters) is loaded here.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './vscode/commandIds';
import { registerCommands } from './vscode/commands';
import { registerConvert, type ConvertFeature } from './vscode/convert/registerConvert';
import { affectsChineseReader, getSetting } from './vscode/config';
import { registerLanguageAutoDetect, type LanguageAutoDetect } from './vscode/languageAutoDetect';
import { registerScriptIndicator, type ScriptIndicator } from './vscode/scriptIndicator';
import { revealLine, showScriptReport } from './vscode/scriptReport';

/** The API `activate` returns, used by the integration tests and open to other extensions. */
export interface ChineseReaderApi {
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
  readonly scriptIndicator: Pick<ScriptIndicator, 'state' | 'onDidChangeState' | 'reportFor'>;
  /** Fires once for every plaintext document considered for the switch to zh-text. */
  readonly onDidDecideLanguage: LanguageAutoDetect['onDidDecide'];
  /** Script conversion: copy updates and the Convert Script… items, for the tests. */
  readonly convert: Pick<ConvertFeature, 'onDidUpdateCopy' | 'conversionItems'>;
}

/** Keeps the `chineseReader.languages` context key, used by `when` clauses, in step with the setting. */
function registerLanguagesContext(): vscode.Disposable {
  const update = () => {
    void vscode.commands.executeCommand('setContext', 'chineseReader.languages', getSetting('languages', null));
  };
  update();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (affectsChineseReader(e)) update();
  });
}

export function activate(context: vscode.ExtensionContext): ChineseReaderApi {
  const started = performance.now();
  const indicator = registerScriptIndicator();
  const autoDetect = registerLanguageAutoDetect();
  const convert = registerConvert({ memento: context.globalState, showScriptReport: () => showScriptReport(indicator) });
  context.subscriptions.push(
    indicator,
    autoDetect,
    registerLanguagesContext(),
    registerCommands({
      [COMMANDS.showScriptReport]: () => showScriptReport(indicator),
      [COMMANDS.revealLine]: (uri, line) => revealLine(uri, line),
    }),
    convert,
  );
  return {
    activationMs: performance.now() - started,
    scriptIndicator: indicator,
    onDidDecideLanguage: autoDetect.onDidDecide,
    convert,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
