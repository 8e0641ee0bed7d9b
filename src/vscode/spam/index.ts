/**
 * Spam and off-topic diagnostics: the diagnostics manager, its quick fixes and the
 * commands behind them, registered together.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { registerCommands } from '../commands';
import { SETTINGS_SECTION } from '../../core/settings';
import { registerSpamDiagnostics, type SpamDiagnostics } from './diagnostics';
import { IgnoreList } from './ignoreList';
import { deleteWarningLinesEdit, registerSpamQuickFixes } from './quickFixes';

export type SpamFeature = SpamDiagnostics;

function uriArgument(value: unknown): vscode.Uri {
  if (typeof value === 'string') return vscode.Uri.parse(value, true);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!active) throw new Error('open a document first');
  return active;
}

export function registerSpam(context: vscode.ExtensionContext): SpamFeature {
  const ignored = new IgnoreList(context.workspaceState);
  const diagnostics = registerSpamDiagnostics(ignored);

  const ignoreLine = async (uri: unknown, lineText: unknown) => {
    if (typeof lineText !== 'string') throw new Error('no line to ignore');
    await ignored.add(uriArgument(uri), lineText);
    diagnostics.refreshAll();
  };

  const clearIgnored = async () => {
    const uri = uriArgument(undefined);
    const count = await ignored.clear(uri);
    diagnostics.refreshAll();
    void vscode.window.showInformationMessage(
      count === 0 ? 'No lines of this file were ignored.' : `${count} ignored ${count === 1 ? 'line is' : 'lines are'} checked again.`,
    );
  };

  const allowTerm = async (term: unknown, uri: unknown) => {
    if (typeof term !== 'string' || !term.trim()) throw new Error('no term to allow');
    const scope = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : null;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const current = config.get<unknown>('spam.allowTerms');
    const list = Array.isArray(current) ? current.filter((t): t is string => typeof t === 'string') : [];
    if (list.includes(term)) return;
    // Per project when a folder is open (the next reader of this project wants the same
    // list), in the user settings otherwise.
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('spam.allowTerms', [...list, term], target);
  };

  const deleteWarningLines = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('open a document first');
    const { edit, count } = deleteWarningLinesEdit(editor.document);
    if (count === 0) {
      void vscode.window.showInformationMessage('No line of this file is flagged as a spam warning.');
      return 0;
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the document could not be edited (is it read-only?)');
    return count;
  };

  const disposable = vscode.Disposable.from(
    diagnostics,
    registerSpamQuickFixes(diagnostics),
    registerCommands({
      [COMMANDS.spamIgnoreLine]: ignoreLine,
      [COMMANDS.spamClearIgnoredLines]: clearIgnored,
      [COMMANDS.spamAllowTerm]: allowTerm,
      [COMMANDS.spamDeleteWarningLines]: deleteWarningLines,
    }),
  );
  return {
    onDidUpdate: diagnostics.onDidUpdate,
    onDidNotice: diagnostics.onDidNotice,
    findings: (uri) => diagnostics.findings(uri),
    refreshAll: () => diagnostics.refreshAll(),
    dispose: () => {
      disposable.dispose();
    },
  };
}
