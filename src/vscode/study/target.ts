/**
 * The word a study command acts on: the validated argument of a hover link, or the
 * selection (or the word under the cursor) of the active editor.
 */
import * as vscode from 'vscode';
import { isStudyWord, parseStudyLinkArgs } from '../../core/study/hoverSections';
import type { ReadyStudy } from './services';

export interface StudyTarget {
  readonly word: string;
  /** Where the word is, when known: the document and the word's start. */
  readonly document?: vscode.TextDocument;
  readonly line?: number;
  readonly character?: number;
}

function documentFor(uri: string | undefined): vscode.TextDocument | undefined {
  if (!uri) return undefined;
  let parsed: vscode.Uri;
  try {
    parsed = vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
  // Only a document already open (the one hovered): a link never makes us read another file.
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString());
}

/**
 * Resolves the target from a command's first argument (a hover link's object) or, without
 * one, from the active editor. Throws with a message for the user when there is no word.
 */
export async function resolveTarget(arg: unknown, study: () => Promise<ReadyStudy>): Promise<StudyTarget> {
  if (arg !== undefined && !(arg instanceof vscode.Uri)) {
    const args = parseStudyLinkArgs(arg);
    if (!args) throw new Error(vscode.l10n.t('the command was given something that is not a Chinese word'));
    const document = documentFor(args.uri);
    // The position must still hold the word: the document may have changed since the hover.
    if (document && args.line !== undefined && args.character !== undefined && args.line < document.lineCount) {
      const text = document.lineAt(args.line).text;
      if (text.startsWith(args.word, args.character)) return { word: args.word, document, line: args.line, character: args.character };
    }
    return { word: args.word, ...(document ? { document } : {}) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new Error(vscode.l10n.t('open a Chinese document and select a word first'));
  const { document, selection } = editor;
  if (!selection.isEmpty) {
    if (selection.start.line !== selection.end.line) throw new Error(vscode.l10n.t('select one word on one line'));
    const raw = document.getText(selection);
    const word = raw.trim();
    if (!isStudyWord(word)) throw new Error(vscode.l10n.t('"{text}" is not a Chinese word', { text: word.slice(0, 40) }));
    return { word, document, line: selection.start.line, character: selection.start.character + raw.indexOf(word) };
  }
  // No selection: the word the segmenter finds under the cursor.
  const ready = await study();
  const line = document.lineAt(selection.active.line).text;
  const result = ready.lookup.lookupAt(line, selection.active.character, ready.engine);
  if (!result || !isStudyWord(result.match.text)) throw new Error(vscode.l10n.t('there is no Chinese word under the cursor'));
  return { word: result.match.text, document, line: selection.active.line, character: result.match.start };
}
