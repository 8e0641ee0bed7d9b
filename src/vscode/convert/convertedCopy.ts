/**
 * "Open Converted Copy to the Side": a read-only virtual document showing the active
 * file in the other script, kept up to date as the source changes, scrolled with it
 * line for line (conversion never adds or removes a line break).
 */
import * as vscode from 'vscode';
import { loadEngine } from './loadEngine';
import { detectSourceVariant } from '../../core/convert/detectSource';
import { detectScript } from '../../core/script/detect';
import { VARIANT_NAMES, isVariant, type Variant } from '../../core/convert/variants';
import { termOptionsFor, type GlossaryTermsProvider } from './terms';
import { KeyedDebounce } from '../keyedDebounce';
import { translate } from '../l10n';

export const CONVERTED_SCHEME = 'chinese-reader-converted';
/** Typing in the source re-converts the copy at most this often. */
const DEBOUNCE_MS = 300;
/** How long a scroll we caused may take to come back as an event. */
const ECHO_MS = 500;

interface CopyQuery {
  readonly source: string;
  readonly to: Variant;
}

function parseQuery(uri: vscode.Uri): CopyQuery | undefined {
  try {
    const parsed = JSON.parse(uri.query) as { source?: unknown; to?: unknown };
    return typeof parsed.source === 'string' && isVariant(parsed.to) ? { source: parsed.source, to: parsed.to } : undefined;
  } catch {
    return undefined;
  }
}

const SHORT_NAME: Readonly<Record<Variant, string>> = {
  cn: '简',
  tw: '繁 台灣',
  twp: '繁 台灣用語',
  hk: '繁 香港',
  hkp: '繁 香港用語',
  jp: '新字体',
  t: '繁',
};

export function convertedCopyUri(source: vscode.Uri, to: Variant): vscode.Uri {
  const base = source.path.split('/').pop() ?? 'untitled';
  const dot = base.lastIndexOf('.');
  const name = dot > 0 ? `${base.slice(0, dot)} (${SHORT_NAME[to]})${base.slice(dot)}` : `${base} (${SHORT_NAME[to]})`;
  return vscode.Uri.from({ scheme: CONVERTED_SCHEME, path: `/${name}`, query: JSON.stringify({ source: source.toString(), to }) });
}

export interface ConvertedCopies extends vscode.Disposable {
  /** Opens the copy of the active editor's document beside it; `to` defaults to the other script. */
  open(to?: Variant): Promise<vscode.TextEditor | undefined>;
  /** Fires with the copy's URI after its content was recomputed. */
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
  /** Recomputes every open copy (the protected terms changed). */
  refreshAll(): void;
}

export function registerConvertedCopies(glossary: GlossaryTermsProvider | undefined): ConvertedCopies {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const updated = new vscode.EventEmitter<vscode.Uri>();
  const refreshes = new KeyedDebounce(DEBOUNCE_MS);
  /**
   * Editors we just scrolled, until their next visible-range event (or a moment later):
   * that event is our own scrolling echoing back, not the user's. Revealing a line "at the
   * top" can leave a few lines above it (wrapped lines, padding), so one correcting reveal
   * follows when the editor did not land on the line asked for.
   */
  const echoes = new Map<vscode.TextEditor, { timer: ReturnType<typeof setTimeout>; target: number; corrected: boolean }>();
  const scrollTo = (editor: vscode.TextEditor, target: number, asked = target, corrected = false) => {
    clearTimeout(echoes.get(editor)?.timer);
    echoes.set(editor, { timer: setTimeout(() => echoes.delete(editor), ECHO_MS), target, corrected });
    editor.revealRange(new vscode.Range(asked, 0, asked, 0), vscode.TextEditorRevealType.AtTop);
  };

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const query = parseQuery(uri);
      if (!query) return '';
      const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(query.source));
      const text = source.getText();
      const { createConverter } = loadEngine();
      const from = detectSourceVariant(text, query.to);
      const converted = createConverter(from, query.to, termOptionsFor(source, glossary, query.to)).convert(text);
      setTimeout(() => updated.fire(uri), 0);
      return converted.text;
    },
  };

  const copiesOf = (source: vscode.Uri) =>
    vscode.workspace.textDocuments.filter((d) => d.uri.scheme === CONVERTED_SCHEME && parseQuery(d.uri)?.source === source.toString());

  const scheduleRefresh = (document: vscode.TextDocument) => {
    if (document.uri.scheme === CONVERTED_SCHEME) return;
    const copies = copiesOf(document.uri);
    if (copies.length === 0) return;
    refreshes.schedule(document.uri.toString(), () => {
      for (const copy of copiesOf(document.uri)) changed.fire(copy.uri);
    });
  };

  /** The editor paired with `editor`: its copy, or the source of a copy. */
  const partnerOf = (editor: vscode.TextEditor): vscode.TextEditor | undefined => {
    const uri = editor.document.uri;
    if (uri.scheme === CONVERTED_SCHEME) {
      const source = parseQuery(uri)?.source;
      return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source);
    }
    return vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.scheme === CONVERTED_SCHEME && parseQuery(e.document.uri)?.source === uri.toString(),
    );
  };

  const syncScroll = (event: vscode.TextEditorVisibleRangesChangeEvent) => {
    const top = event.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    const echo = echoes.get(event.textEditor);
    if (echo !== undefined) {
      clearTimeout(echo.timer);
      echoes.delete(event.textEditor);
      const missed = echo.target - top;
      const lineCount = event.textEditor.document.lineCount;
      if (missed !== 0 && !echo.corrected && echo.target + missed < lineCount) {
        scrollTo(event.textEditor, echo.target, Math.max(0, echo.target + missed), true);
      }
      return;
    }
    const partner = partnerOf(event.textEditor);
    if (!partner || partner.visibleRanges[0]?.start.line === top) return;
    scrollTo(partner, top);
  };

  const disposable = vscode.Disposable.from(
    changed,
    updated,
    refreshes,
    { dispose: () => [...echoes.values()].forEach((e) => clearTimeout(e.timer)) },
    vscode.workspace.registerTextDocumentContentProvider(CONVERTED_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => scheduleRefresh(e.document)),
    vscode.window.onDidChangeTextEditorVisibleRanges(syncScroll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chineseReader.convert.protectedTerms')) {
        for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === CONVERTED_SCHEME) changed.fire(d.uri);
      }
    }),
  );

  return {
    onDidUpdate: updated.event,
    refreshAll() {
      for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === CONVERTED_SCHEME) changed.fire(d.uri);
    },
    async open(to) {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: open a document to see it converted beside it.'));
        return undefined;
      }
      const source = editor.document;
      if (source.uri.scheme === CONVERTED_SCHEME) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: this is already a converted copy.'));
        return undefined;
      }
      const target: Variant = to ?? (detectScript(source.getText()).script === 'simplified' ? 'tw' : 'cn');
      const copy = await vscode.workspace.openTextDocument(convertedCopyUri(source.uri, target));
      const copyEditor = await vscode.window.showTextDocument(copy, {
        viewColumn: vscode.ViewColumn.Beside,
        preserveFocus: true,
        preview: false,
      });
      scrollTo(copyEditor, editor.visibleRanges[0]?.start.line ?? 0);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Chinese Reader: {variant} copy, read-only', { variant: translate(VARIANT_NAMES[target]) }), 4000);
      return copyEditor;
    },
    dispose: () => {
      disposable.dispose();
    },
  };
}
