/**
 * Numbering diagnostics: gaps and duplicates in numbered headings, at information
 * level, in a collection of their own (spam diagnostics live in another). Recomputed
 * per document after typing pauses, cleared when a document closes or the check is off.
 */
import * as vscode from 'vscode';
import { checkNumbering, NUMBERING_CODE } from '../../core/outline';
import { affectsChineseReader, getSetting } from '../config';
import { KeyedDebounce } from '../keyedDebounce';
import type { OutlineModel } from './outlineModel';
import { visibleHeadings } from './symbols';
import { translate } from '../l10n';

/** The `source` of every numbering diagnostic; with the code `zh.numbering` it identifies them. */
export const NUMBERING_SOURCE = 'Chinese Reader outline';
const DEBOUNCE_MS = 300;

export interface NumberingDiagnostics extends vscode.Disposable {
  /** Fires after the diagnostics of a document were set (possibly to none). */
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
}

export function registerNumberingDiagnostics(model: OutlineModel, applies: (d: vscode.TextDocument) => boolean): NumberingDiagnostics {
  const collection = vscode.languages.createDiagnosticCollection('chineseReader.numbering');
  const updated = new vscode.EventEmitter<vscode.Uri>();
  const updates = new KeyedDebounce(DEBOUNCE_MS);

  const update = (document: vscode.TextDocument) => {
    if (document.isClosed) return;
    if (!applies(document) || !getSetting('outline.numberingDiagnostics', document)) {
      collection.delete(document.uri);
    } else {
      const diagnostics = checkNumbering(visibleHeadings(model, document), translate).map((finding) => {
        const range = new vscode.Range(finding.line, finding.startCharacter, finding.line, finding.endCharacter);
        const diagnostic = new vscode.Diagnostic(range, finding.message, vscode.DiagnosticSeverity.Information);
        diagnostic.source = NUMBERING_SOURCE;
        diagnostic.code = NUMBERING_CODE;
        const previous = new vscode.Range(finding.previousLine, 0, finding.previousLine, document.lineAt(finding.previousLine).text.length);
        diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, previous), 'the previous heading of this style')];
        return diagnostic;
      });
      collection.set(document.uri, diagnostics);
    }
    updated.fire(document.uri);
  };

  const schedule = (document: vscode.TextDocument) => updates.schedule(document.uri.toString(), () => update(document));

  // Documents already open are checked after activation has returned.
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach(update), 0);

  const disposable = vscode.Disposable.from(
    collection,
    updated,
    updates,
    { dispose: () => clearTimeout(initial) },
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      updates.cancel(d.uri.toString());
      collection.delete(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsChineseReader(e)) vscode.workspace.textDocuments.forEach(update);
    }),
  );
  return { onDidUpdate: updated.event, dispose: () => void disposable.dispose() };
}
