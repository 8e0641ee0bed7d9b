/**
 * Converts the selections of an editor (or the whole document when nothing is selected)
 * as one edit: one undo step, only the characters that change are replaced, and every
 * selection keeps covering the same text however its length changed.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { loadEngine } from './loadEngine';
import { coalesceEdits, mapOffset, type TextEdit } from '../../core/convert/alignment';
import type { Ambiguity, ConversionResult } from '../../core/convert/engine';
import { detectSourceVariant } from '../../core/convert/detectSource';
import type { Variant } from '../../core/convert/variants';
import { getSetting } from '../config';
import { termOptionsFor, type GlossaryTermsProvider } from './terms';

export type ConvertStatus = 'converted' | 'unchanged' | 'readonly' | 'cancelled' | 'declined' | 'changed-meanwhile' | 'no-editor';

/** What a conversion command did; returned by the commands for callers and tests. */
export interface ConvertOutcome {
  readonly status: ConvertStatus;
  /** Number of replaced runs. */
  readonly edits: number;
  /** Ambiguous choices marked in the converted text (document offsets after the edit). */
  readonly ambiguities: readonly Ambiguity[];
  readonly from?: Variant;
  readonly to?: Variant;
  /** Milliseconds spent converting and applying the edit (for the performance test). */
  readonly timings?: { readonly convertMs: number; readonly applyMs: number };
}

export interface ConvertRequest {
  /** Source variant; detected from the text when absent. */
  readonly from?: Variant;
  readonly to: Variant;
  /** Cancels the conversion (tests pass one; the progress notification's button is another). */
  readonly token?: vscode.CancellationToken;
  /** Skip the question asked for large documents (tests). */
  readonly confirmed?: boolean;
}

/** Texts longer than this many UTF-16 units show a cancellable progress notification. */
const PROGRESS_THRESHOLD = 512 * 1024;
const CHUNK_CHARS = 256 * 1024;
/** Edit budget of one conversion (see coalesceEdits). */
const MAX_FINE_EDITS = 5_000;

/** Schemes without a file system provider whose documents can still be edited. */
const EDITABLE_SCHEMES = new Set(['untitled', 'vscode-notebook-cell', 'vscode-interactive-input']);

/**
 * Read-only: a read-only file system, or a scheme with no file system behind it (virtual
 * documents such as our converted copies, git's old versions, output channels). VS Code's
 * API would apply the edit to such a document in memory, so the check comes first.
 */
function knownReadOnly(document: vscode.TextDocument): boolean {
  const writable = vscode.workspace.fs.isWritableFileSystem(document.uri.scheme);
  return writable === false || (writable === undefined && !EDITABLE_SCHEMES.has(document.uri.scheme));
}

function readOnlyOutcome(document: vscode.TextDocument): ConvertOutcome {
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Chinese Reader: {file} is read-only; nothing was converted.', { file: vscode.workspace.asRelativePath(document.uri) }),
  );
  return { status: 'readonly', edits: 0, ambiguities: [] };
}

/** Non-empty selections as offset ranges, sorted; none means the whole document. */
function targetRanges(editor: vscode.TextEditor): [number, number][] {
  const { document } = editor;
  const ranges = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s): [number, number] => [document.offsetAt(s.start), document.offsetAt(s.end)])
    .sort((a, b) => a[0] - b[0]);
  return ranges.length > 0 ? ranges : [[0, document.getText().length]];
}

export async function convertEditor(
  editor: vscode.TextEditor,
  request: ConvertRequest,
  glossary: GlossaryTermsProvider | undefined,
): Promise<ConvertOutcome> {
  const { document } = editor;
  if (knownReadOnly(document)) return readOnlyOutcome(document);
  const text = document.getText();
  const version = document.version;
  const ranges = targetRanges(editor);
  const size = ranges.reduce((n, [s, e]) => n + e - s, 0);

  const limitMb = getSetting('convert.confirmAboveMB', document);
  if (!request.confirmed && limitMb > 0 && platform.utf8ByteLength(text) > limitMb * 1024 * 1024) {
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(document.uri)} is larger than ${limitMb} MB. Convert its script anyway?`,
      { modal: true },
      'Convert',
    );
    if (answer !== 'Convert') return { status: 'declined', edits: 0, ambiguities: [] };
  }

  const from = request.from ?? detectSourceVariant(ranges.map(([s, e]) => text.slice(s, e)).join('\n'), request.to);
  const { createConverter } = loadEngine();
  const converter = createConverter(from, request.to, {
    ...termOptionsFor(document, glossary, request.to),
    markAmbiguities: getSetting('convert.markAmbiguous', document),
  });

  const run = async (progress?: vscode.Progress<{ increment: number }>, uiToken?: vscode.CancellationToken) => {
    const cancelled = () => request.token?.isCancellationRequested === true || uiToken?.isCancellationRequested === true;
    const results: { start: number; result: ConversionResult }[] = [];
    for (const [start, end] of ranges) {
      const steps = converter.convertSteps(text.slice(start, end), CHUNK_CHARS);
      let done = 0;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          results.push({ start, result: step.value });
          progress?.report({ increment: ((end - start - done) / size) * 100 });
          break;
        }
        progress?.report({ increment: ((step.value - done) / size) * 100 });
        done = step.value;
        // Let the cancel button and other extensions run between pieces.
        await platform.yieldToEventLoop();
        if (cancelled()) return undefined;
      }
    }
    return cancelled() ? undefined : results;
  };

  const convertStarted = performance.now();
  const results =
    size > PROGRESS_THRESHOLD
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Converting script'), cancellable: true },
          (progress, token) => run(progress, token),
        )
      : await run();
  if (!results) return { status: 'cancelled', edits: 0, ambiguities: [], from, to: request.to };
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Chinese Reader: the document changed during the conversion; nothing was converted.'));
    return { status: 'changed-meanwhile', edits: 0, ambiguities: [], from, to: request.to };
  }

  const fine: TextEdit[] = results.flatMap(({ start, result }) =>
    result.edits.map((e) => ({ start: e.start + start, end: e.end + start, text: e.text })),
  );
  // VS Code applies each edit at a cost: hundreds of thousands of one-character edits on
  // a large document take many seconds, and even one edit per changed line takes seconds
  // on 5 MB. Above the budget, edits merge (see coalesceEdits); the text is the same.
  const edits = coalesceEdits(text, fine, MAX_FINE_EDITS);
  if (edits.length === 0) return { status: 'unchanged', edits: 0, ambiguities: [], from, to: request.to };

  const applyStarted = performance.now();
  const convertMs = applyStarted - convertStarted;
  const before = editor.selections.map((s) => [document.offsetAt(s.anchor), document.offsetAt(s.active)] as const);
  const applied = await editor.edit(
    (builder) => {
      for (const e of edits) builder.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  // A file VS Code holds read-only (files.readonlyInclude, a locked editor) reports the
  // edit as applied but leaves the document as it was: the version tells.
  if (!applied || document.version === version) return readOnlyOutcome(document);

  editor.selections = before.map(([anchor, active]) => {
    const a = document.positionAt(mapOffset(fine, anchor));
    const b = document.positionAt(mapOffset(fine, active));
    return new vscode.Selection(a, b);
  });

  // Ambiguity offsets are relative to each converted range's output: place them in the new document.
  const ambiguities: Ambiguity[] = [];
  for (const { start, result } of results) {
    const base = mapOffset(fine, start);
    for (const a of result.ambiguities) ambiguities.push({ ...a, start: a.start + base, end: a.end + base });
  }
  const timings = { convertMs, applyMs: performance.now() - applyStarted };
  return { status: 'converted', edits: edits.length, ambiguities, from, to: request.to, timings };
}
