/**
 * Show Reading Statistics (a webview with no script, strict CSP) and the optional
 * "known 93%" status bar item.
 */
import * as vscode from 'vscode';
import { randomNonce } from '../nonce';
import { compileUserRules, computeOutline, DEFAULT_READING_SPEED } from '../../core/outline';
import { formatShare, levelByParts, startStats, type DocumentStats, type StatsSection } from '../../core/study/stats';
import { renderStatsPage } from '../../core/study/statsHtml';
import { getSetting, isChineseReaderDocument } from '../config';
import { COMMANDS } from '../commandIds';
import { KeyedDebounce } from '../keyedDebounce';
import type { StudyFiles } from './files';
import { StudyServices, type ReadyStudy } from './services';
import { translate } from '../l10n';

/** Lines read between two yields to the extension host. */
const SLICE_LINES = 500;

/** Documents longer than this (UTF-16 units) show a cancellable progress notification. */
const LONG_DOCUMENT = 200_000;

/** Documents larger than this (UTF-16 units) get no live status bar figure; the command still works. */
const STATUS_MAX_LENGTH = 2_000_000;

function syllabusOf(document: vscode.TextDocument): '2.0' | '3.0' {
  return getSetting('study.hskVersion', document) === '2.0' ? '2.0' : '3.0';
}

export class StatisticsFeature implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private readonly status = vscode.window.createStatusBarItem('chineseReader.knownShare', vscode.StatusBarAlignment.Right, 98);
  private readonly debounce = new KeyedDebounce(800);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly files: StudyFiles,
    private readonly services: StudyServices,
  ) {
    this.status.name = vscode.l10n.t('Chinese Reader: Known Words');
    this.status.command = COMMANDS.showStatistics;
    this.disposables.push(
      this.status,
      files.onDidChangeKnownWords(() => this.scheduleStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleStatus()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleStatus();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader')) this.scheduleStatus();
      }),
    );
    this.scheduleStatus();
  }

  /**
   * The statistics of `document`: the whole text and each outline section. Runs in slices
   * of lines with a yield between them, so that the extension host keeps answering while a
   * novel is read; a cancelled token stops it.
   */
  async compute(document: vscode.TextDocument, study: ReadyStudy, withSections = true, token?: vscode.CancellationToken): Promise<DocumentStats | undefined> {
    await this.services.syncGlossary(study);
    const known = await this.files.knownWordsIndex(study.toSimplified);
    const text = document.getText();
    const syllabus = syllabusOf(document);
    let sections: StatsSection[] = [];
    if (withSections) {
      const raw: unknown = vscode.workspace.getConfiguration('chineseReader', document).get('outline.rules');
      const outline = computeOutline(text, { userRules: compileUserRules(raw) });
      sections = outline.headings.map((h) => ({ title: h.title, level: h.level, startLine: h.line, endLine: h.endLine }));
    }
    const speed = getSetting('outline.readingSpeed', document);
    const run = startStats(
      text,
      sections,
      {
        segment: (line) => study.lookup.segmentLine(line, study.engine),
        isKnown: (w) => known.has(w),
        level: (w) => levelByParts(w, (part) => StudyServices.levelIn(study, part, syllabus)),
      },
      Number.isFinite(speed) && speed > 0 ? speed : DEFAULT_READING_SPEED,
    );
    while (!run.step(SLICE_LINES)) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (token?.isCancellationRequested) return undefined;
    }
    return run.result();
  }

  /** Show Reading Statistics: computes, shows the webview, returns the figures (tests read them). */
  async show(arg: unknown): Promise<DocumentStats | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg, true) : vscode.window.activeTextEditor?.document.uri;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) throw new Error(vscode.l10n.t('open a Chinese document first'));
    // A long document gets a notification with a Cancel button; a short one only the status bar spinner.
    const long = document.getText().length > LONG_DOCUMENT;
    const stats = await vscode.window.withProgress(
      { location: long ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: vscode.l10n.t('Chinese Reader: reading statistics'), cancellable: long },
      async (_, token) => this.compute(document, await this.services.load(), true, token),
    );
    if (!stats) return undefined;
    const title = vscode.workspace.asRelativePath(document.uri, false);
    this.panel ??= this.createPanel();
    const nonce = randomNonce(16);
    this.panel.title = vscode.l10n.t('Statistics: {title}', { title });
    this.panel.webview.html = renderStatsPage(stats, {
      title,
      nonce,
      cspSource: this.panel.webview.cspSource,
      syllabus: syllabusOf(document),
      knownListSize: (await this.files.knownWords()).size,
      translate,
    });
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    return stats;
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('chineseReader.statistics', vscode.l10n.t('Reading Statistics'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (this.panel = undefined));
    return panel;
  }

  private scheduleStatus(): void {
    this.debounce.schedule('status', () => void this.updateStatus().catch((e: unknown) => console.error('Chinese Reader: known share failed', e)));
  }

  private async updateStatus(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isChineseReaderDocument(document) || !getSetting('study.knownShareInStatusBar', document)) {
      this.status.hide();
      return;
    }
    if (document.getText().length > STATUS_MAX_LENGTH) {
      this.status.text = vscode.l10n.t('known –');
      this.status.tooltip = vscode.l10n.t('This document is too large for a live figure; click for the reading statistics.');
      this.status.show();
      return;
    }
    const version = document.version;
    const stats = await this.compute(document, await this.services.load(), false);
    if (!stats || document.version !== version || vscode.window.activeTextEditor?.document !== document) return;
    this.status.text = vscode.l10n.t('known {share}', { share: formatShare(stats.document.knownShare) });
    this.status.tooltip = vscode.l10n.t('{known} of {words} words in this document are in your known-words list. Click for the reading statistics.', {
      known: stats.document.knownWords.toLocaleString('en-US'),
      words: stats.document.words.toLocaleString('en-US'),
    });
    this.status.show();
  }

  /** The status bar text (tests). */
  statusText(): string | undefined {
    return this.status.text || undefined;
  }

  dispose(): void {
    this.debounce.dispose();
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
