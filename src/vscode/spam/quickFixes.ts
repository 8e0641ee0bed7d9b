/**
 * Quick fixes on our spam diagnostics (found by `source` and a `zh.` code): delete the
 * line, delete every warning line of the file in one undoable edit, ignore the line,
 * and allow one of the terms that triggered the verdict.
 */
import * as vscode from 'vscode';
import { LABEL_TITLE, SPAM_LABELS, type SpamLabel } from '../../core/spam/types';
import { COMMANDS } from '../commandIds';
import { translate } from '../l10n';
import { SPAM_SOURCE, type SpamDiagnostics } from './diagnostics';

/** Our spam codes only: other features (the conversion's ambiguity hints) share the source. */
const SPAM_CODES: ReadonlySet<unknown> = new Set(SPAM_LABELS.map((label) => `zh.${label}`));

function isSpamDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === SPAM_SOURCE && SPAM_CODES.has(diagnostic.code);
}

function isWarning(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.severity === vscode.DiagnosticSeverity.Warning || diagnostic.severity === vscode.DiagnosticSeverity.Error;
}

/**
 * The range that removes lines `first`..`last` with their line break. The last line
 * of a document has none, so the break before it goes instead.
 */
function linesRange(document: vscode.TextDocument, first: number, last: number): vscode.Range {
  if (last < document.lineCount - 1) return new vscode.Range(first, 0, last + 1, 0);
  if (first > 0) return new vscode.Range(first - 1, document.lineAt(first - 1).text.length, last, document.lineAt(last).text.length);
  return new vscode.Range(0, 0, last, document.lineAt(last).text.length);
}

/** One edit deleting every line flagged as a warning (runs of lines merged, so ranges never overlap). */
export function deleteWarningLinesEdit(document: vscode.TextDocument): { edit: vscode.WorkspaceEdit; count: number } {
  // Callers check first that the diagnostics were published for this version of the text.
  const lines = [
    ...new Set(
      vscode.languages
        .getDiagnostics(document.uri)
        .filter((d) => isSpamDiagnostic(d) && isWarning(d))
        .map((d) => d.range.start.line),
    ),
  ].sort((a, b) => a - b);
  const edit = new vscode.WorkspaceEdit();
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    let last = first;
    while (lines[index + 1] === last + 1) last = lines[++index]!;
    edit.delete(document.uri, linesRange(document, first, last));
    index++;
  }
  return { edit, count: lines.length };
}

/** "Delete all 3 lines…", but "Delete the one line…": "all 1 line" reads as a mistake. */
export function deleteAllTitle(count: number): string {
  return count === 1
    ? vscode.l10n.t('Delete the one line flagged as a spam warning in this file')
    : vscode.l10n.t('Delete all {count} lines flagged as spam warnings in this file', { count });
}

export function registerSpamQuickFixes(diagnostics: SpamDiagnostics): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter(isSpamDiagnostic);
      if (ours.length === 0) return [];
      // Diagnostics are republished after a debounce: until then their lines may be off by
      // the edit, and a fix that deletes lines must not act on them.
      if (diagnostics.publishedVersion(document.uri) !== document.version) return [];
      const actions: vscode.CodeAction[] = [];
      const findings = diagnostics.findings(document.uri);
      for (const diagnostic of ours) {
        const line = diagnostic.range.start.line;
        const label = (diagnostic.code as string).slice(3) as SpamLabel;
        const what = LABEL_TITLE[label] ? translate(LABEL_TITLE[label]) : label;

        const remove = new vscode.CodeAction(vscode.l10n.t('Delete this line ({label})', { label: what }), vscode.CodeActionKind.QuickFix);
        remove.diagnostics = [diagnostic];
        remove.isPreferred = isWarning(diagnostic);
        remove.edit = new vscode.WorkspaceEdit();
        remove.edit.delete(document.uri, linesRange(document, line, line));
        actions.push(remove);

        const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore this line in spam checks'), vscode.CodeActionKind.QuickFix);
        ignore.diagnostics = [diagnostic];
        ignore.command = {
          command: COMMANDS.spamIgnoreLine,
          title: ignore.title,
          arguments: [document.uri.toString(), document.lineAt(line).text],
        };
        actions.push(ignore);

        const finding = findings.find((f) => f.line === line && f.code === diagnostic.code);
        for (const term of finding?.terms.slice(0, 2) ?? []) {
          const allow = new vscode.CodeAction(vscode.l10n.t('Allow "{term}" in spam checks', { term }), vscode.CodeActionKind.QuickFix);
          allow.diagnostics = [diagnostic];
          allow.command = { command: COMMANDS.spamAllowTerm, title: allow.title, arguments: [term, document.uri.toString()] };
          actions.push(allow);
        }
      }
      const { edit, count } = deleteWarningLinesEdit(document);
      if (count > 0) {
        const all = new vscode.CodeAction(deleteAllTitle(count), vscode.CodeActionKind.QuickFix);
        all.diagnostics = ours.filter(isWarning);
        all.edit = edit;
        actions.push(all);
      }
      return actions;
    },
  };
  // Every document: the provider answers only for our own diagnostics, which are only
  // published for documents in chineseReader.languages.
  return vscode.languages.registerCodeActionsProvider('*', provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}
