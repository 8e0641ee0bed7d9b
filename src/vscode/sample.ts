/**
 * "Open the Sample Article", the walkthrough's first step. In a workspace that holds the
 * project's seed article, that file opens; anywhere else, the article bundled with the
 * extension (media/walkthrough/sample.zh.txt, written for it) opens as an unsaved document,
 * so the walkthrough's conversion step never edits a file inside the installed extension.
 */
import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/text/decode';

/** The seed's file name: the article the README's screenshots and the e2e tests use. */
export const SEED_NAME = 'digital-government-2.0.txt';

export async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const [seed] = await vscode.workspace.findFiles(`**/${SEED_NAME}`, '**/node_modules/**', 1);
  if (seed) return vscode.window.showTextDocument(seed);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample.zh.txt'));
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new Error(vscode.l10n.t('the bundled sample article could not be read ({reason})', { reason: decoded.message }));
  const document = await vscode.workspace.openTextDocument({ language: 'zh-text', content: decoded.text });
  return vscode.window.showTextDocument(document);
}
