/**
 * The Bilingual Reading View (issue 14): "Open Reading View to the Side", the panels (one
 * per document), their restore after a reload, and "Export Reading View as HTML".
 * Registration creates listeners only; the study services load when a view first opens.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { buildLine } from '../../core/reading/model';
import { renderExport } from '../../core/reading/page';
import { renderLine } from '../../core/reading/render';
import type { Outline } from '../../core/outline';
import type { SpamFinding } from '../../core/spam/types';
import { COMMANDS } from '../commandIds';
import { registerCommands } from '../commands';
import type { GlossaryService } from '../glossary/glossaryService';
import { READING_VIEW_TYPE, ReadingPanel, baseName, lineContexts, lineOptions, pageLook, parseViewState, wordFacts, type ReadingDeps, type ReadingViewState } from './panel';
import type { StudyServices } from '../study/services';
import { ReadingStudyData } from './studyData';

export interface ReadingFeatureDeps {
  readonly outline: { outlineFor(document: vscode.TextDocument): Outline };
  readonly spam: { findings(uri: vscode.Uri): readonly SpamFinding[]; readonly onDidUpdate: vscode.Event<{ readonly uri: vscode.Uri }> };
  readonly glossary?: GlossaryService;
  /** The study tools' services, shared so that the view loads no second dictionary. */
  readonly studyServices?: StudyServices;
}

/** Lines rendered between two yields while exporting, so the extension host stays responsive. */
const EXPORT_SLICE = 500;

export function registerReading(context: vscode.ExtensionContext, features: ReadingFeatureDeps): vscode.Disposable {
  let data: ReadingStudyData | undefined;
  const panels = new Map<string, ReadingPanel>();
  const studyData = () => (data ??= new ReadingStudyData(context.extensionUri, context.globalStorageUri, features.glossary, features.studyServices));
  const deps = (): ReadingDeps => ({
    extensionUri: context.extensionUri,
    data: studyData(),
    headings: (document) => {
      const map = new Map<number, number>();
      try {
        for (const h of features.outline.outlineFor(document).headings) map.set(h.line, h.level);
      } catch {
        // No outline (the feature is off for this document): the view shows no headings.
      }
      return map;
    },
    spamFindings: (uri) => features.spam.findings(uri),
    onDidUpdateSpam: features.spam.onDidUpdate,
  });

  const adopt = (panel: vscode.WebviewPanel, document: vscode.TextDocument, state?: ReadingViewState): ReadingPanel => {
    const view = new ReadingPanel(panel, document, deps(), state, (p) => exportReadingView(p.document, p.state.gloss));
    const key = document.uri.toString();
    panels.set(key, view);
    view.onDidDispose(() => {
      if (panels.get(key) === view) panels.delete(key);
    });
    return view;
  };

  const documentFor = async (arg: unknown): Promise<vscode.TextDocument> => {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const editor = vscode.window.activeTextEditor;
    if (editor) return editor.document;
    const active = [...panels.values()].find((p) => p.panel.active);
    if (active) return active.document;
    throw new Error(vscode.l10n.t('open a Chinese text document first'));
  };

  const open = async (arg: unknown): Promise<string> => {
    const document = await documentFor(arg);
    const existing = panels.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      return document.uri.toString();
    }
    const panel = vscode.window.createWebviewPanel(READING_VIEW_TYPE, vscode.l10n.t('Reading: {file}', { file: baseName(document.uri) }), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media', 'reading')],
    });
    adopt(panel, document);
    return document.uri.toString();
  };

  /** Writes the document's reading view as one HTML file; returns where. `target` skips the save dialog. */
  const exportReadingView = async (document: vscode.TextDocument, gloss: boolean, target?: vscode.Uri): Promise<string | undefined> => {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: document.uri.scheme === 'untitled' ? undefined : document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, '.reading.html') }),
        filters: { HTML: ['html'] },
        title: vscode.l10n.t('Export Reading View as HTML'),
      }));
    if (!uri) return undefined;
    const d = studyData();
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'reading', 'reading.css')));
    const lines = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the reading view'), cancellable: true },
      async (progress, token) => {
        const study = await d.services.load();
        const facts = await wordFacts(d, study, document, 'original');
        const contexts = lineContexts(deps().headings(document), features.spam.findings(document.uri));
        const options = lineOptions(document);
        const out: string[] = [];
        for (let line = 0; line < document.lineCount; line++) {
          if (line % EXPORT_SLICE === EXPORT_SLICE - 1) {
            progress.report({ message: `line ${line + 1} of ${document.lineCount}` });
            await platform.yieldToEventLoop();
            if (token.isCancellationRequested) return undefined;
          }
          out.push(renderLine(buildLine(document.lineAt(line).text, line, facts, contexts.get(line)), options));
        }
        return out;
      },
    );
    if (!lines) return undefined;
    const look = pageLook(document, gloss);
    const kind = vscode.window.activeColorTheme.kind;
    const theme = kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'vscode-dark' : 'vscode-light';
    const name = document.uri.path.split('/').pop() || 'document';
    const html = renderExport({ title: name, css, lines, look, theme, fontSize: look.fontSize });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
    void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: the reading view was exported to {file}', { file: uri.scheme === 'file' ? uri.fsPath : uri.toString() }));
    return uri.toString();
  };

  /** The serializer's restore: the panel VS Code kept, and the state the webview saved. */
  const restore = async (panel: vscode.WebviewPanel, raw: unknown): Promise<void> => {
    const state = parseViewState(raw);
    if (state.uri === undefined) {
      panel.dispose();
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri, true));
      adopt(panel, document, state);
    } catch {
      // The file is gone: nothing to restore.
      panel.dispose();
    }
  };

  const viewFor = (arg: unknown): ReadingPanel | undefined => {
    if (typeof arg === 'string') return panels.get(arg);
    return [...panels.values()].find((p) => p.panel.active) ?? [...panels.values()][0];
  };

  return vscode.Disposable.from(
    registerCommands({
      [COMMANDS.openReadingView]: (arg) => open(arg),
      [COMMANDS.exportReadingView]: async (arg, target) => {
        const view = arg instanceof vscode.Uri ? panels.get(arg.toString()) : viewFor(undefined);
        const document = view?.document ?? (await documentFor(arg));
        const gloss = view?.state.gloss ?? (vscode.workspace.getConfiguration('chineseReader', document).get<boolean>('reading.interlinearGloss') === true);
        return exportReadingView(document, gloss, target instanceof vscode.Uri ? target : undefined);
      },
      // Test-only: the panel's state as the extension sees it, and a message in the webview's shape.
      [COMMANDS.readingViewState]: async (arg) => {
        // `{ restore: state }` runs the serializer's restore on a fresh panel, as after a reload.
        if (typeof arg === 'object' && arg !== null && 'restore' in arg) {
          const panel = vscode.window.createWebviewPanel(READING_VIEW_TYPE, 'Reading', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
          await restore(panel, arg.restore);
          return panels.get(parseViewState(arg.restore).uri ?? '')?.snapshot();
        }
        return viewFor(arg)?.snapshot();
      },
      [COMMANDS.readingViewMessage]: async (arg, message) => {
        const view = viewFor(arg);
        if (!view) throw new Error(vscode.l10n.t('no reading view is open'));
        await view.receive(message);
        return view.snapshot();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(READING_VIEW_TYPE, { deserializeWebviewPanel: restore }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
    { dispose: () => data?.dispose() },
  );
}
