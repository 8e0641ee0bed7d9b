/**
 * Publishes the spam checker's findings as diagnostics, in a collection of its own.
 * Per document: a checker model kept in step with every edit (only the changed lines
 * are re-analysed, at once and cheaply), and a debounced, cancellable publication of
 * the verdicts. Diagnostics are cleared when a document closes, when the feature is
 * turned off for it, or when its language stops being one of ours.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { SpamCheckCancelled, SpamDocument, splitLines } from '../../core/spam/document';
import type { SpamOptions } from '../../core/spam/options';
import { LABEL_TITLE, type SpamFinding, type SpamSeverity } from '../../core/spam/types';
import { ZH_TEXT_LANGUAGE } from '../../core/settings';
import { measureHanShare, MOSTLY_HAN } from '../../core/text/han';
import { affectsChineseReader, getSetting, isChineseReaderDocument } from '../config';
import { CONVERTED_SCHEME } from '../convert/convertedCopy';
import { translate } from '../l10n';
import { log } from '../log';
import type { IgnoreList } from './ignoreList';
import { sameOptions, spamOptionsFor } from './options';

/** The `source` of every diagnostic we publish; quick fixes find them by it. */
export const SPAM_SOURCE = 'Chinese Reader';
/** Typing re-publishes at most this often per document. */
const DEBOUNCE_MS = 300;
/** A first check of a large document yields to the extension host every this many lines. */
const CHUNK_LINES = 2000;

export interface SpamUpdate {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** Diagnostics published, or undefined when the document was cleared or skipped. */
  readonly count: number | undefined;
  /** Why the document is not checked, when it is not. */
  readonly skipped?: 'too-large' | 'disabled' | 'not-chinese';
}

interface Entry {
  /**
   * The document this entry is for: an untitled document closed and a new one opened
   * under the same URI must not share (or clear) each other's state.
   */
  document: vscode.TextDocument;
  model: SpamDocument | undefined;
  /** The document version the model holds. */
  version: number;
  options: SpamOptions | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  cancel: vscode.CancellationTokenSource | undefined;
  findings: readonly SpamFinding[];
  /** The document version `findings` were published for (-1: none yet). */
  publishedVersion: number;
}

export interface SpamDiagnostics extends vscode.Disposable {
  readonly onDidUpdate: vscode.Event<SpamUpdate>;
  /** Fires when a one-time notice (document too large, lines too long) is shown. */
  readonly onDidNotice: vscode.Event<{ readonly uri: vscode.Uri; readonly message: string }>;
  /** The findings published for `uri` (ignored lines excluded). */
  findings(uri: vscode.Uri): readonly SpamFinding[];
  /** The document version the published findings belong to, if any. */
  publishedVersion(uri: vscode.Uri): number | undefined;
  /** Re-publishes every open document now (after an ignore-list change). */
  refreshAll(): void;
}

const SEVERITY: Record<Exclude<SpamSeverity, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The label and the strongest reason, with a count of the others: VS Code puts a line's
 * diagnostics above the hover's dictionary entry, so a long list of reasons pushed the
 * entry out of sight on every word of the line. `zhreader check` prints them all.
 */
export function shortMessage(finding: SpamFinding): string {
  const [first, ...others] = finding.reasons;
  if (first === undefined) return finding.message;
  const label = translate(LABEL_TITLE[finding.label]);
  if (others.length === 0) return vscode.l10n.t('{label}: {reason}', { label, reason: first });
  return others.length === 1
    ? vscode.l10n.t('{label}: {reason} (+1 more reason)', { label, reason: first })
    : vscode.l10n.t('{label}: {reason} (+{count} more reasons)', { label, reason: first, count: others.length });
}

/**
 * A finding as a diagnostic. Information and hint findings (a caption, a source line) are
 * a normal part of an article: they are tagged Unnecessary, which VS Code draws as faded
 * text, so that a reader can skip them. Unless `listInformation`, information findings go
 * out as hints, which the Problems panel neither lists nor counts.
 */
export function toDiagnostic(finding: SpamFinding, listInformation = true): vscode.Diagnostic {
  const range = new vscode.Range(finding.line, finding.startColumn, finding.line, finding.endColumn);
  const severity = finding.severity === 'information' && !listInformation ? 'hint' : finding.severity;
  const diagnostic = new vscode.Diagnostic(range, shortMessage(finding), SEVERITY[severity]);
  diagnostic.source = SPAM_SOURCE;
  diagnostic.code = finding.code;
  if (severity === 'information' || severity === 'hint') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function registerSpamDiagnostics(ignored: IgnoreList): SpamDiagnostics {
  const collection = vscode.languages.createDiagnosticCollection('chineseReader.spam');
  const updated = new vscode.EventEmitter<SpamUpdate>();
  const notices = new vscode.EventEmitter<{ uri: vscode.Uri; message: string }>();
  const entries = new Map<string, Entry>();
  /** Documents already told that they are too large or have over-long lines, this session. */
  const noticed = new Set<string>();

  const entryOf = (document: vscode.TextDocument): Entry => {
    const key = document.uri.toString();
    let entry = entries.get(key);
    if (entry && entry.document !== document) {
      clearTimeout(entry.timer);
      entry.cancel?.cancel();
      entry.cancel?.dispose();
      entry = undefined;
    }
    if (!entry) {
      entry = { document, model: undefined, version: -1, options: undefined, timer: undefined, cancel: undefined, findings: [], publishedVersion: -1 };
      entries.set(key, entry);
    }
    return entry;
  };

  const forget = (uri: vscode.Uri, skipped?: SpamUpdate['skipped'], version = 0) => {
    const key = uri.toString();
    const entry = entries.get(key);
    if (!entry && !collection.has(uri)) return;
    if (entry) {
      clearTimeout(entry.timer);
      entry.cancel?.cancel();
      entry.cancel?.dispose();
      entries.delete(key);
    }
    if (collection.has(uri)) collection.delete(uri);
    updated.fire({ uri, version, count: undefined, skipped });
  };

  // The converted copy is a view of its source, which carries the diagnostics: checking the
  // copy too listed every finding twice, under a group without a folder, with no fixes.
  const eligible = (document: vscode.TextDocument) =>
    !document.isClosed &&
    document.uri.scheme !== CONVERTED_SCHEME &&
    isChineseReaderDocument(document) &&
    getSetting('spam.enabled', document);

  /**
   * A zh-text document is Chinese by choice; in other modes (an English README in
   * Markdown) a few Han characters at least must be there before lines are scored.
   */
  const hasChinese = (document: vscode.TextDocument) =>
    document.languageId === ZH_TEXT_LANGUAGE || measureHanShare(document.getText()).han >= MOSTLY_HAN.minHan;

  /** `kind` keys the notice, not the message: its counts and sizes change with every edit. */
  const noticeOnce = (document: vscode.TextDocument, kind: 'long-lines' | 'too-large', message: string) => {
    const key = `${document.uri.toString()}\n${kind}`;
    if (noticed.has(key)) return;
    noticed.add(key);
    log().info(`Skipped: ${message}`);
    notices.fire({ uri: document.uri, message });
    void vscode.window.showInformationMessage(message, vscode.l10n.t('Open Settings')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'chineseReader.spam.max');
    });
  };

  const publish = (document: vscode.TextDocument, entry: Entry, token: vscode.CancellationToken) => {
    if (!entry.model) return;
    let findings: SpamFinding[];
    try {
      findings = entry.model.findings(() => token.isCancellationRequested);
    } catch (error) {
      if (error instanceof SpamCheckCancelled) return;
      throw error;
    }
    const ignoredLines = ignored.linesOf(document.uri);
    if (ignoredLines.size > 0) {
      findings = findings.filter((f) => !ignoredLines.has(entry.model!.lineText(f.line).trim()));
    }
    entry.findings = findings;
    entry.publishedVersion = document.version;
    const listInformation = getSetting('spam.listInformation', document);
    collection.set(
      document.uri,
      findings.map((f) => toDiagnostic(f, listInformation)),
    );
    updated.fire({ uri: document.uri, version: document.version, count: findings.length });
    const long = entry.model.longLineCount();
    if (long > 0) {
      const max = entry.options?.maxLineLength ?? 0;
      noticeOnce(
        document,
        'long-lines',
        long === 1
          ? vscode.l10n.t('Chinese Reader did not check 1 line of {file} for spam: longer than {max} characters (chineseReader.spam.maxLineLength).', { file: basename(document.uri), max })
          : vscode.l10n.t('Chinese Reader did not check {count} lines of {file} for spam: longer than {max} characters (chineseReader.spam.maxLineLength).', { count: long, file: basename(document.uri), max }),
      );
    }
  };

  /** Builds the model from scratch, yielding between chunks; false when cancelled or outdated. */
  const build = async (document: vscode.TextDocument, entry: Entry, options: SpamOptions, token: vscode.CancellationToken) => {
    const version = document.version;
    const lines = splitLines(document.getText());
    const model = new SpamDocument('', options);
    for (let at = 0; at < lines.length; at += CHUNK_LINES) {
      model.replaceLines(at, at === 0 ? 1 : 0, lines.slice(at, at + CHUNK_LINES));
      if (at + CHUNK_LINES < lines.length) await platform.yieldToEventLoop();
      if (token.isCancellationRequested || document.isClosed || document.version !== version) return false;
    }
    entry.model = model;
    entry.version = version;
    entry.options = options;
    return true;
  };

  const run = async (document: vscode.TextDocument) => {
    // A closed document is cleaned up by the close handler; its URI may already belong to
    // a newer document.
    if (document.isClosed) return;
    if (!eligible(document)) {
      if (entries.has(document.uri.toString()) || collection.has(document.uri)) forget(document.uri, 'disabled', document.version);
      return;
    }
    const entry = entryOf(document);
    entry.cancel?.cancel();
    entry.cancel?.dispose();
    const cancel = new vscode.CancellationTokenSource();
    entry.cancel = cancel;
    const maxKB = getSetting('spam.maxFileSizeKB', document);
    const bytes = platform.utf8ByteLength(document.getText());
    if (bytes > maxKB * 1024) {
      forget(document.uri, 'too-large', document.version);
      noticeOnce(
        document,
        'too-large',
        vscode.l10n.t('Chinese Reader did not check {file} for spam: {size} is over the {limit} KiB limit (chineseReader.spam.maxFileSizeKB).', { file: basename(document.uri), size: formatSize(bytes), limit: maxKB }),
      );
      return;
    }
    if (!hasChinese(document)) {
      forget(document.uri, 'not-chinese', document.version);
      return;
    }
    const options = spamOptionsFor(document);
    if (!entry.model || entry.version !== document.version) {
      if (!(await build(document, entry, options, cancel.token))) return;
    } else if (!entry.options || !sameOptions(entry.options, options)) {
      entry.model.setOptions(options);
      entry.options = options;
    }
    if (cancel.token.isCancellationRequested) return;
    publish(document, entry, cancel.token);
  };

  const schedule = (document: vscode.TextDocument, delay = DEBOUNCE_MS) => {
    if (document.isClosed) return;
    const existing = entries.get(document.uri.toString());
    const entry = existing?.document === document ? existing : undefined;
    if (entry) {
      clearTimeout(entry.timer);
      entry.cancel?.cancel();
    }
    const target = entry ?? (eligible(document) ? entryOf(document) : undefined);
    if (!target) {
      if (collection.has(document.uri)) forget(document.uri, 'disabled', document.version);
      return;
    }
    target.timer = setTimeout(() => {
      target.timer = undefined;
      void run(document);
    }, delay);
  };

  const onChange = (event: vscode.TextDocumentChangeEvent) => {
    if (event.contentChanges.length === 0) return;
    const existing = entries.get(event.document.uri.toString());
    const entry = existing?.document === event.document ? existing : undefined;
    if (!entry) {
      // Skipped so far (too large, not Chinese yet) or never seen: look again after the edit.
      schedule(event.document);
      return;
    }
    // Keep the model in step now: only the changed lines are re-analysed. A model that
    // missed a version (still being built) is rebuilt by the next run instead.
    if (entry.model && entry.version === event.document.version - 1) {
      for (const change of event.contentChanges) {
        const { start, end } = change.range;
        entry.model.applyChange(start.line, start.character, end.line, end.character, change.text);
      }
      entry.version = event.document.version;
      if (entry.model.lineCount !== event.document.lineCount) entry.model = undefined;
    } else {
      entry.model = undefined;
    }
    schedule(event.document);
  };

  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach((d) => schedule(d, 0)), 0);

  const disposable = vscode.Disposable.from(
    collection,
    updated,
    notices,
    {
      dispose: () => {
        clearTimeout(initial);
        for (const entry of entries.values()) {
          clearTimeout(entry.timer);
          entry.cancel?.cancel();
          entry.cancel?.dispose();
        }
        entries.clear();
      },
    },
    vscode.workspace.onDidOpenTextDocument((d) => schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument(onChange),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // A language change closes and reopens the same, still live, document: keep its
      // diagnostics until the open handler's check replaces them (or clears them, when the
      // new language is not ours). Clearing here made the count flicker 1 -> 0 -> 1 when
      // a file opened and switched to Chinese Text.
      if (!d.isClosed) return;
      const entry = entries.get(d.uri.toString());
      if (entry && entry.document !== d) return;
      forget(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsChineseReader(e)) return;
      for (const document of vscode.workspace.textDocuments) schedule(document, 0);
    }),
  );

  return {
    onDidUpdate: updated.event,
    onDidNotice: notices.event,
    findings: (uri) => entries.get(uri.toString())?.findings ?? [],
    publishedVersion: (uri) => entries.get(uri.toString())?.publishedVersion,
    refreshAll: () => vscode.workspace.textDocuments.forEach((d) => schedule(d, 0)),
    dispose: () => {
      disposable.dispose();
    },
  };
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
