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
  if (!active) throw new Error(vscode.l10n.t('open a document first'));
  return active;
}

export function registerSpam(context: vscode.ExtensionContext): SpamFeature {
  const ignored = new IgnoreList(context.workspaceState);
  const diagnostics = registerSpamDiagnostics(ignored);

  const ignoreLine = async (uri: unknown, lineText: unknown) => {
    if (typeof lineText !== 'string') throw new Error(vscode.l10n.t('no line to ignore'));
    await ignored.add(uriArgument(uri), lineText);
    diagnostics.refreshAll();
  };

  const clearIgnored = async () => {
    const uri = uriArgument(undefined);
    const count = await ignored.clear(uri);
    diagnostics.refreshAll();
    void vscode.window.showInformationMessage(
      count === 0
        ? vscode.l10n.t('No lines of this file were ignored.')
        : count === 1
          ? vscode.l10n.t('1 ignored line is checked again.')
          : vscode.l10n.t('{count} ignored lines are checked again.', { count }),
    );
  };

  const allowTerm = async (term: unknown, uri: unknown) => {
    if (typeof term !== 'string' || !term.trim()) throw new Error(vscode.l10n.t('no term to allow'));
    const scope = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : null;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const merged = config.get<unknown>('spam.allowTerms');
    if (Array.isArray(merged) && merged.includes(term)) return;
    // Per project when a folder is open (the next reader of this project wants the same
    // list), in the user settings otherwise. Only that target's own list is extended, so
    // that terms from the user settings are not copied into the project's settings.
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const inspected = config.inspect<unknown>('spam.allowTerms');
    const own = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
    const list = Array.isArray(own) ? own.filter((t): t is string => typeof t === 'string') : [];
    await config.update('spam.allowTerms', [...list, term], target);
  };

  const deleteWarningLines = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error(vscode.l10n.t('open a document first'));
    if (diagnostics.publishedVersion(editor.document.uri) !== editor.document.version) {
      throw new Error(vscode.l10n.t('the spam check has not caught up with the latest edit yet; try again in a moment'));
    }
    const { edit, count } = deleteWarningLinesEdit(editor.document);
    if (count === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No line of this file is flagged as a spam warning.'));
      return 0;
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the document could not be edited (is it read-only?)'));
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
    publishedVersion: (uri) => diagnostics.publishedVersion(uri),
    refreshAll: () => diagnostics.refreshAll(),
    dispose: () => {
      disposable.dispose();
    },
  };
}
