/**
 * Switches plaintext documents that are mostly Han characters to the zh-text language.
 */
import * as vscode from 'vscode';
import { isMostlyHan } from '../core/text/han';
import { ZH_TEXT_LANGUAGE } from '../core/settings';
import { getSetting, isChineseReaderDocument } from './config';

/** Only the start of a document is sampled, so a 50 MB file costs what a small one does. */
const SAMPLE_CHARACTERS = 65536;

/** What happened to a plaintext document that was opened. */
export type LanguageDecision =
  | 'switched' // mostly Han: now zh-text
  | 'user-choice' // switched earlier and switched back by the user: left alone
  | 'disabled' // chineseReader.autoDetectLanguage is off, or plaintext is not in chineseReader.languages
  | 'not-chinese'; // too few Han characters

export interface LanguageAutoDetect extends vscode.Disposable {
  readonly onDidDecide: vscode.Event<{ readonly uri: vscode.Uri; readonly decision: LanguageDecision }>;
}

function sampleText(document: vscode.TextDocument): string {
  const end = document.positionAt(SAMPLE_CHARACTERS);
  return document.getText(new vscode.Range(new vscode.Position(0, 0), end));
}

export function registerLanguageAutoDetect(): LanguageAutoDetect {
  const decided = new vscode.EventEmitter<{ uri: vscode.Uri; decision: LanguageDecision }>();
  // Documents switched this session. A document in this set that shows up again as
  // plaintext was switched back by the user, whose choice wins until it is closed.
  const switched = new Set<string>();

  const decide = (document: vscode.TextDocument): LanguageDecision => {
    if (switched.has(document.uri.toString())) return 'user-choice';
    if (!getSetting('autoDetectLanguage', document) || !isChineseReaderDocument(document)) return 'disabled';
    return isMostlyHan(sampleText(document)) ? 'switched' : 'not-chinese';
  };

  const consider = async (document: vscode.TextDocument): Promise<void> => {
    if (document.languageId !== 'plaintext' || document.isClosed) return;
    const decision = decide(document);
    const key = document.uri.toString();
    if (decision === 'switched') {
      switched.add(key);
      try {
        await vscode.languages.setTextDocumentLanguage(document, ZH_TEXT_LANGUAGE);
      } catch {
        // The document closed while we were deciding; there is nothing to switch.
        switched.delete(key);
        return;
      }
    }
    decided.fire({ uri: document.uri, decision });
  };

  // Documents opened before activation (the one that triggered it among them) are
  // looked at once the activation has returned, so that it stays cheap.
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach((d) => void consider(d)), 0);

  const disposable = vscode.Disposable.from(
    decided,
    { dispose: () => clearTimeout(initial) },
    vscode.workspace.onDidOpenTextDocument((d) => void consider(d)),
    // A language change closes and reopens the same, still live, document; only a real
    // close (isClosed) forgets it, so that reopening the file later switches it again.
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.isClosed) switched.delete(d.uri.toString());
    }),
  );
  return {
    onDidDecide: decided.event,
    dispose: () => {
      disposable.dispose();
    },
  };
}
