/**
 * Explorer: convert the script of the selected files and folders. The user sees which
 * files change and by how many characters before anything is applied; the change is one
 * workspace edit (one undo). Binary and non-UTF-8 files are skipped and named.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { loadEngine } from './loadEngine';
import { coalesceEdits } from '../../core/convert/alignment';
import type { Conversion } from '../../core/convert/variants';
import { countCodePoints } from '../../core/text/codePoints';
import { decodeUtf8 } from '../../core/text/decode';
import { getSetting } from '../config';
import { termOptionsFor, type GlossaryTermsProvider } from './terms';
import { translate } from '../l10n';

/** Folders never descended into: tool state, not documents. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);
/** A folder conversion stops collecting here and says so. */
const MAX_FILES = 2000;

export interface FileChange {
  readonly uri: vscode.Uri;
  /** Characters (code points) of the file that change. */
  readonly changedChars: number;
  readonly edits: number;
}

export interface SkippedFile {
  readonly uri: vscode.Uri;
  readonly reason: string;
}

export interface ConvertFilesOutcome {
  readonly changes: readonly FileChange[];
  readonly unchanged: readonly vscode.Uri[];
  readonly skipped: readonly SkippedFile[];
  /** False when the user cancelled the preview or nothing changed. */
  readonly applied: boolean;
}

async function collectFiles(roots: readonly vscode.Uri[]): Promise<{ files: vscode.Uri[]; truncated: boolean }> {
  const files: vscode.Uri[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const visit = async (uri: vscode.Uri, type?: vscode.FileType): Promise<void> => {
    if (truncated || seen.has(uri.toString())) return;
    seen.add(uri.toString());
    const kind = type ?? (await vscode.workspace.fs.stat(uri)).type;
    if (kind & vscode.FileType.Directory) {
      const entries = await vscode.workspace.fs.readDirectory(uri);
      entries.sort(([a], [b]) => a.localeCompare(b));
      for (const [name, entryType] of entries) {
        if (entryType & vscode.FileType.Directory && SKIPPED_FOLDERS.has(name)) continue;
        // A linked folder may lead back up the tree; the folders selected are walked as they are.
        if (entryType & vscode.FileType.Directory && entryType & vscode.FileType.SymbolicLink) continue;
        await visit(vscode.Uri.joinPath(uri, name), entryType);
      }
    } else if (kind & vscode.FileType.File) {
      if (files.length < MAX_FILES) files.push(uri);
      else truncated = true;
    }
  };
  for (const root of roots) await visit(root);
  return { files, truncated };
}

/** Text of a file: the open document's (with unsaved edits) when there is one. */
async function readText(uri: vscode.Uri): Promise<{ text: string } | { reason: string }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  const decoded = decodeUtf8(await vscode.workspace.fs.readFile(uri));
  return decoded.ok ? { text: decoded.text } : { reason: decoded.summary };
}

export interface ConvertFilesRequest {
  readonly roots: readonly vscode.Uri[];
  readonly conversion: Conversion;
  readonly glossary: GlossaryTermsProvider | undefined;
  /** Apply without the preview (tests and scripted use). */
  readonly skipPreview?: boolean;
}

/** "3 files would change", "1 file converted": whole phrases, so that a translation can order them. */
function countedFiles(verb: 'would change' | 'change' | 'converted', count: number): string {
  const args = { count };
  switch (verb) {
    case 'would change':
      return count === 1 ? vscode.l10n.t('1 file would change') : vscode.l10n.t('{count} files would change', args);
    case 'change':
      return count === 1 ? vscode.l10n.t('1 file change') : vscode.l10n.t('{count} files change', args);
    case 'converted':
      return count === 1 ? vscode.l10n.t('1 file converted') : vscode.l10n.t('{count} files converted', args);
  }
}

export async function convertFiles(request: ConvertFilesRequest): Promise<ConvertFilesOutcome> {
  const { createConverter } = loadEngine();
  const { files, truncated } = await collectFiles(request.roots);
  // `text` is what the edits were computed on: a file that changes before they apply is left alone.
  const changes: (FileChange & { textEdits: vscode.TextEdit[]; text: string })[] = [];
  const unchanged: vscode.Uri[] = [];
  const skipped: SkippedFile[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Converting script'), cancellable: false },
    async (progress) => {
      for (const uri of files) {
        progress.report({ message: vscode.workspace.asRelativePath(uri) });
        const read = await readText(uri);
        if ('reason' in read) {
          skipped.push({ uri, reason: read.reason });
          continue;
        }
        const limitMb = getSetting('convert.confirmAboveMB', uri);
        if (limitMb > 0 && platform.utf8ByteLength(read.text) > limitMb * 1024 * 1024) {
          skipped.push({ uri, reason: vscode.l10n.t('larger than {limit} MB', { limit: limitMb }) });
          continue;
        }
        const converter = createConverter(request.conversion.from, request.conversion.to, {
          ...termOptionsFor(uri, request.glossary, request.conversion.to),
        });
        const result = converter.convert(read.text);
        if (result.edits.length === 0) {
          unchanged.push(uri);
          continue;
        }
        const changedChars = result.edits.reduce((n, e) => n + countCodePoints(read.text.slice(e.start, e.end)), 0);
        const positions = lineStarts(read.text);
        const textEdits = coalesceEdits(read.text, result.edits, 5000).map(
          (e) => new vscode.TextEdit(new vscode.Range(positionAt(positions, e.start), positionAt(positions, e.end)), e.text),
        );
        changes.push({ uri, changedChars, edits: result.edits.length, textEdits, text: read.text });
      }
    },
  );

  /** "3 files would change; 1 already in Simplified; skipped a.txt (binary)": each part a message of its own. */
  const summary = (verb: 'would change' | 'change' | 'converted', count = changes.length) => {
    const parts = [countedFiles(verb, count)];
    if (unchanged.length) {
      const args = { count: unchanged.length };
      parts.push(request.conversion.to === 'cn' ? vscode.l10n.t('{count} already in Simplified', args) : vscode.l10n.t('{count} already in the target script', args));
    }
    if (skipped.length) parts.push(vscode.l10n.t('skipped {files}', { files: skipped.map((s) => `${vscode.workspace.asRelativePath(s.uri)} (${s.reason})`).join(', ') }));
    if (truncated) parts.push(vscode.l10n.t('stopped at the first {count} files', { count: MAX_FILES }));
    return parts.join(vscode.l10n.t('; '));
  };
  const notice = (verb: 'would change' | 'change' | 'converted', count?: number) => vscode.l10n.t('Chinese Reader: {summary}.', { summary: summary(verb, count) });
  const result = (applied: boolean): ConvertFilesOutcome => ({
    changes: changes.map(({ uri, changedChars, edits }) => ({ uri, changedChars, edits })),
    unchanged,
    skipped,
    applied,
  });

  if (changes.length === 0) {
    void vscode.window.showInformationMessage(notice('would change'));
    return result(false);
  }
  let chosen = changes;
  if (!request.skipPreview) {
    const picked = await vscode.window.showQuickPick(
      changes.map((c) => ({
        label: vscode.workspace.asRelativePath(c.uri),
        description: c.changedChars === 1 ? vscode.l10n.t('1 character changes') : vscode.l10n.t('{count} characters change', { count: c.changedChars }),
        picked: true,
        change: c,
      })),
      {
        title: `${translate(request.conversion.label)}: ${summary('change')}`,
        placeHolder: vscode.l10n.t('Files to convert (press Enter to apply; the change is one undo)'),
        canPickMany: true,
      },
    );
    if (!picked || picked.length === 0) return result(false);
    chosen = picked.map((p) => p.change);
  }
  // The preview may stay open for a while: a file edited, saved or checked out meanwhile
  // would get edits meant for other text, so it is skipped and named instead.
  const current: typeof chosen = [];
  for (const c of chosen) {
    const now = await readText(c.uri);
    if ('text' in now && now.text === c.text) current.push(c);
    else skipped.push({ uri: c.uri, reason: vscode.l10n.t('changed while the preview was open') });
  }
  chosen = current;
  if (chosen.length === 0) {
    void vscode.window.showWarningMessage(notice('converted', 0));
    return { ...result(false), changes: [] };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const c of chosen) edit.set(c.uri, c.textEdits);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{notice} The files are modified but not saved: review them, then File: Save All, or undo.', { notice: notice('converted', chosen.length) }),
    );
  }
  return {
    ...result(applied),
    changes: chosen.map(({ uri, changedChars, edits }) => ({ uri, changedChars, edits })),
  };
}

/** Where each line starts, with VS Code's line breaks: \r\n, \n and a lone \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - starts[lo]!);
}
