/**
 * Status bar item showing the script of the active Chinese document: 繁, 简, 混 or 中,
 * with the counts and the lines written in the other script in its tooltip.
 */
import * as vscode from 'vscode';
import { detectScript, type ScriptReport } from '../core/script/detect';
import { describeCounts, describeLine, describeScript, SCRIPT_SYMBOL } from '../core/script/describe';
import { translate } from './l10n';
import { ZH_TEXT_LANGUAGE } from '../core/settings';
import { MOSTLY_HAN } from '../core/text/han';
import { COMMANDS, LINKABLE_COMMANDS } from './commandIds';
import { affectsChineseReader, getSetting, isChineseReaderDocument } from './config';
import { KeyedDebounce } from './keyedDebounce';

/** What the indicator shows; exported through the extension API for tests and other extensions. */
export interface ScriptIndicatorState {
  readonly uri: string;
  readonly version: number;
  /** The status bar text, e.g. 繁. */
  readonly text: string;
  /** The tooltip's markdown source. */
  readonly tooltip: string;
  readonly report: ScriptReport;
}

export interface ScriptIndicator extends vscode.Disposable {
  /** The state shown now, or undefined while the item is hidden. */
  readonly state: ScriptIndicatorState | undefined;
  readonly onDidChangeState: vscode.Event<ScriptIndicatorState | undefined>;
  /** The report for a document, computed once per document version. */
  reportFor(document: vscode.TextDocument): ScriptReport;
}

/** Typing in a large document re-runs detection at most this often per document. */
const DEBOUNCE_MS = 250;
/** Tooltips list at most this many lines; the Script Report command lists them all. */
const TOOLTIP_LINES = 8;

export function registerScriptIndicator(): ScriptIndicator {
  const item = vscode.window.createStatusBarItem('chineseReader.script', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Chinese Reader: Script');
  // A click converts (the usual next step); the script report stays one item away in that pick and in the tooltip.
  item.command = COMMANDS.convertScript;
  const changed = new vscode.EventEmitter<ScriptIndicatorState | undefined>();
  const reports = new Map<string, { version: number; report: ScriptReport }>();
  const refreshes = new KeyedDebounce(DEBOUNCE_MS);
  let state: ScriptIndicatorState | undefined;

  const reportFor = (document: vscode.TextDocument): ScriptReport => {
    const key = document.uri.toString();
    const cached = reports.get(key);
    if (cached && cached.version === document.version) return cached.report;
    const report = detectScript(document.getText());
    reports.set(key, { version: document.version, report });
    return report;
  };

  const setState = (next: ScriptIndicatorState | undefined) => {
    state = next;
    if (next) {
      item.text = next.text;
      const tooltip = new vscode.MarkdownString(next.tooltip);
      tooltip.isTrusted = { enabledCommands: [...LINKABLE_COMMANDS] };
      item.tooltip = tooltip;
      item.accessibilityInformation = { label: vscode.l10n.t('Chinese script: {script}', { script: describeScript(next.report.script, translate) }) };
      item.show();
    } else {
      item.hide();
    }
    changed.fire(next);
  };

  const refresh = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isChineseReaderDocument(document) || !getSetting('scriptIndicator.enabled', document)) {
      setState(undefined);
      return;
    }
    const report = reportFor(document);
    // A zh-text document with any Han character is Chinese; in other languages a few Han
    // characters (an English note quoting 中文) do not make a Chinese document.
    const minHan = document.languageId === ZH_TEXT_LANGUAGE ? 1 : MOSTLY_HAN.minHan;
    if (report.han < minHan) {
      setState(undefined);
      return;
    }
    setState({
      uri: document.uri.toString(),
      version: document.version,
      text: SCRIPT_SYMBOL[report.script],
      tooltip: renderTooltip(document.uri, report),
      report,
    });
  };

  const isActive = (document: vscode.TextDocument) =>
    vscode.window.activeTextEditor?.document.uri.toString() === document.uri.toString();

  const schedule = (document: vscode.TextDocument) => {
    if (!isActive(document)) return;
    refreshes.schedule(document.uri.toString(), refresh);
  };

  // The first report waits until activation has returned.
  const initial = setTimeout(refresh, 0);

  const disposable = vscode.Disposable.from(
    item,
    changed,
    refreshes,
    { dispose: () => clearTimeout(initial) },
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    // A language change reopens the document: the indicator may appear or disappear.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isActive(d)) refresh();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      reports.delete(key);
      refreshes.cancel(key);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsChineseReader(e)) refresh();
    }),
  );

  return {
    get state() {
      return state;
    },
    onDidChangeState: changed.event,
    reportFor,
    dispose: () => {
      disposable.dispose();
    },
  };
}

/** A command link to one of our own, allow-listed commands. */
function commandLink(command: (typeof LINKABLE_COMMANDS)[number], args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function renderTooltip(uri: vscode.Uri, report: ScriptReport): string {
  const lines = [`**${SCRIPT_SYMBOL[report.script]} ${describeScript(report.script, translate)}**`, '', describeCounts(report, translate)];
  if (report.outliers.length > 0) {
    lines.push('');
    for (const outlier of report.outliers.slice(0, TOOLTIP_LINES)) {
      const link = commandLink(COMMANDS.revealLine, [uri.toString(), outlier.line]);
      lines.push(`- [${describeLine(outlier, translate)}](${link})`);
    }
    const more = report.outliers.length - TOOLTIP_LINES;
    if (more > 0) lines.push(`- ${more === 1 ? vscode.l10n.t('…and 1 more line') : vscode.l10n.t('…and {count} more lines', { count: more })}`);
  }
  lines.push(
    '',
    // The script is named in the heading already; a link ends the sentence cleanly.
    vscode.l10n.t('Click to convert the script, or [show the script report]({link}).', { link: commandLink(COMMANDS.showScriptReport, []) }),
  );
  return lines.join('\n');
}
