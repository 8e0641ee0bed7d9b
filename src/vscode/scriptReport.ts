/** The Show Script Report command and the line-reveal command its entries use. */
import * as vscode from 'vscode';
import { describeCounts, describeLine, describeScript, SCRIPT_SYMBOL } from '../core/script/describe';
import { translate } from './l10n';
import type { ScriptIndicator } from './scriptIndicator';

interface LineItem extends vscode.QuickPickItem {
  readonly line?: number;
}

/** Longest preview of a line shown in the quick pick. */
const PREVIEW_LENGTH = 60;

function preview(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > PREVIEW_LENGTH ? `${trimmed.slice(0, PREVIEW_LENGTH)}…` : trimmed;
}

/** Shows the active document's script and lets the user jump to a line in the other script. */
export async function showScriptReport(indicator: ScriptIndicator): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: open a Chinese document to see its script report.'));
    return;
  }
  const document = editor.document;
  const report = indicator.reportFor(document);
  const items: LineItem[] = [
    {
      label: `${SCRIPT_SYMBOL[report.script]} ${describeScript(report.script, translate)}`,
      detail: describeCounts(report, translate),
    },
  ];
  if (report.outliers.length > 0) {
    items.push({ label: vscode.l10n.t('Lines in the other script'), kind: vscode.QuickPickItemKind.Separator });
    for (const outlier of report.outliers) {
      items.push({
        label: describeLine(outlier, translate),
        detail: preview(document.lineAt(outlier.line).text),
        line: outlier.line,
      });
    }
  } else {
    items.push({ label: vscode.l10n.t('No line is written in the other script.') });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Script report: {file}', { file: vscode.workspace.asRelativePath(document.uri) }),
    placeHolder: vscode.l10n.t('Pick a line to go to it'),
    matchOnDetail: true,
  });
  if (picked?.line !== undefined) await revealLine(document.uri, picked.line);
}

/**
 * Opens `uri` (a Uri or its string form) with the cursor at the start of the zero-based
 * `line`. The arguments come from command links, so they are checked, not trusted.
 */
export async function revealLine(uri: unknown, line: unknown): Promise<void> {
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0) throw new Error(vscode.l10n.t('not a line number: {value}', { value: String(line) }));
  if (typeof uri !== 'string' && !(uri instanceof vscode.Uri)) throw new Error(vscode.l10n.t('revealLine needs a document URI'));
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri;
  const editor = await vscode.window.showTextDocument(target, { preserveFocus: false });
  const position = new vscode.Position(Math.min(line, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
