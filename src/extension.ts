/**
 * Entry point. Activation only registers features; documents are examined after it
 * returns, and nothing heavy (dictionaries, segmenters) is loaded here.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './vscode/commandIds';
import { openSample } from './vscode/sample';
import { registerCommands } from './vscode/commands';
import { registerConvert, type ConvertFeature } from './vscode/convert/registerConvert';
import { affectsChineseReader, getSetting } from './vscode/config';
import { registerLanguageAutoDetect, type LanguageAutoDetect } from './vscode/languageAutoDetect';
import { registerOutline, type OutlineFeature } from './vscode/outline';
import { registerScriptIndicator, type ScriptIndicator } from './vscode/scriptIndicator';
import { revealLine, showScriptReport } from './vscode/scriptReport';
import { registerHoverGlossary, type HoverGlossary } from './vscode/hover/hoverProvider';
import { registerSpam, type SpamFeature } from './vscode/spam';
import { registerStudy } from './vscode/study';
import { registerLog } from './vscode/log';
import { registerReading } from './vscode/reading';

/** The API `activate` returns, used by the integration tests and open to other extensions. */
export interface ChineseReaderApi {
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
  readonly scriptIndicator: Pick<ScriptIndicator, 'state' | 'onDidChangeState' | 'reportFor'>;
  /** Fires once for every plaintext document considered for the switch to zh-text. */
  readonly onDidDecideLanguage: LanguageAutoDetect['onDidDecide'];
  /** The section outline: each document's headings, rule errors and numbering diagnostics updates. */
  readonly outline: Pick<OutlineFeature, 'outlineFor' | 'onDidReportRuleError' | 'onDidUpdateDiagnostics'>;
  /** Hover glossary: `glossary.terms()` (both scripts), `glossary.termForms()` and `glossary.onDidChange`; conversion keeps the glossary's forms. */
  readonly hoverGlossary: Pick<HoverGlossary, 'glossary' | 'lastEngine'>;
  /** Spam diagnostics: an event per publication and the findings behind them. */
  readonly spam: Pick<SpamFeature, 'onDidUpdate' | 'onDidNotice' | 'findings' | 'publishedVersion'>;
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
  // The hover first: a mouse resting on a word since the file opened gets an answer only
  // from a provider that is registered when VS Code asks, and VS Code asks once.
  const hoverGlossary = registerHoverGlossary(context.extensionUri);
  const indicator = registerScriptIndicator();
  const autoDetect = registerLanguageAutoDetect();
  const outline = registerOutline();
  const spam = registerSpam(context);
  const convert = registerConvert({
    memento: context.globalState,
    showScriptReport: () => showScriptReport(indicator),
    // Conversion writes glossary terms in the glossary's own form, never through OpenCC's tables.
    glossary: hoverGlossary.glossary,
  });
  // The study tools share the hover's dictionary and segmenter, and add to its hover.
  const study = registerStudy(context, hoverGlossary.glossary, hoverGlossary.lookup);
  hoverGlossary.setStudySection((document, range) => study.hoverMarkdown(document, range));
  context.subscriptions.push(
    registerLog(),
    outline,
    hoverGlossary,
    spam,
    indicator,
    autoDetect,
    registerLanguagesContext(),
    registerCommands({
      [COMMANDS.showScriptReport]: () => showScriptReport(indicator),
      [COMMANDS.revealLine]: (uri, line) => revealLine(uri, line),
      [COMMANDS.openSample]: () => openSample(context.extensionUri),
    }),
    convert,
    study,
    registerReading(context, { outline, spam, glossary: hoverGlossary.glossary, studyServices: study.services }),
  );
  return {
    activationMs: performance.now() - started,
    scriptIndicator: indicator,
    onDidDecideLanguage: autoDetect.onDidDecide,
    outline,
    hoverGlossary,
    spam,
    convert,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
