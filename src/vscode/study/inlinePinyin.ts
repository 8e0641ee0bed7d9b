/**
 * Inline pinyin: an InlayHintsProvider for the Chinese Reader languages. VS Code asks for
 * the visible range only, and only those lines are read (each line's readings cached by
 * its text). A status bar entry shows the mode and toggles it.
 */
import * as vscode from 'vscode';
import { hintsForLine, INLINE_PINYIN_MODES, PINYIN_STYLES, type HintPolicy, type InlinePinyinMode } from '../../core/study/inlineHints';
import { levelByParts } from '../../core/study/stats';
import { isHanCodePoint } from '../../core/text/han';
import { getSetting, isChineseReaderDocument } from '../config';
import { COMMANDS } from '../commandIds';
import type { StudyFiles } from './files';
import { readablePart, StudyServices } from './services';

/** Most lines one request reads: VS Code asks for the viewport, this only guards odd callers. */
const MAX_LINES = 2000;
const LAST_MODE_KEY = 'chineseReader.study.lastInlinePinyinMode';

/** The status bar's tooltip for each mode. */
function modeTooltip(mode: InlinePinyinMode): string {
  switch (mode) {
    case 'off':
      return vscode.l10n.t('Inline pinyin: off. Click to turn it on.');
    case 'unknown':
      return vscode.l10n.t('Inline pinyin: unknown words. Click to turn it off.');
    case 'aboveLevel':
      return vscode.l10n.t('Inline pinyin: above level. Click to turn it off.');
    case 'all':
      return vscode.l10n.t('Inline pinyin: all words. Click to turn it off.');
  }
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

export function modeOf(scope: vscode.TextDocument | null): InlinePinyinMode {
  const mode = getSetting('study.inlinePinyin', scope);
  return INLINE_PINYIN_MODES.includes(mode) ? mode : 'off';
}

export class InlinePinyinFeature implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly status = vscode.window.createStatusBarItem('chineseReader.inlinePinyin', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly files: StudyFiles,
    private readonly services: StudyServices,
    private readonly memento: vscode.Memento,
  ) {
    this.status.name = vscode.l10n.t('Chinese Reader: Inline Pinyin');
    this.status.command = COMMANDS.toggleInlinePinyin;
    const selector: vscode.DocumentSelector = [{ language: 'zh-text' }, { language: 'plaintext' }, { language: 'markdown' }];
    this.disposables.push(
      this.changed,
      this.status,
      vscode.languages.registerInlayHintsProvider(selector, { onDidChangeInlayHints: this.changed.event, provideInlayHints: (d, r, t) => this.provide(d, r, t) }),
      files.onDidChangeKnownWords(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader')) {
          this.changed.fire();
          this.updateStatus();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    );
    this.updateStatus();
  }

  private updateStatus(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isChineseReaderDocument(document)) {
      this.status.hide();
      return;
    }
    const mode = modeOf(document);
    this.status.text = mode === 'off' ? '$(eye-closed) 拼' : '$(eye) 拼';
    this.status.tooltip = modeTooltip(mode);
    this.status.show();
  }

  async provide(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    if (!isChineseReaderDocument(document)) return [];
    const mode = modeOf(document);
    if (mode === 'off') return [];
    const study = await this.services.load();
    await this.services.syncGlossary(study);
    const known = mode === 'unknown' ? await this.files.knownWordsIndex(study.toSimplified) : undefined;
    if (token.isCancellationRequested) return [];
    const style = getSetting('study.pinyinStyle', document);
    const syllabus = getSetting('study.hskVersion', document) === '2.0' ? '2.0' : '3.0';
    const level = getSetting('study.hskLevel', document);
    const policy: HintPolicy = {
      mode,
      style: PINYIN_STYLES.includes(style) ? style : 'marks',
      level: Number.isFinite(level) ? level : 3,
      isKnown: (w) => known?.has(w) ?? false,
      levelOf: (w) => levelByParts(w, (part) => StudyServices.levelIn(study, part, syllabus)),
    };
    const hints: vscode.InlayHint[] = [];
    const last = Math.min(range.end.line, document.lineCount - 1, range.start.line + MAX_LINES);
    for (let n = range.start.line; n <= last; n++) {
      if (token.isCancellationRequested) return [];
      const text = readablePart(document.lineAt(n).text);
      if (!hasHan(text)) continue;
      for (const hint of hintsForLine(this.services.wordReadings(study, text), policy)) {
        const inlay = new vscode.InlayHint(new vscode.Position(n, hint.character), hint.label);
        inlay.tooltip = `${hint.word} ${hint.label}`;
        inlay.paddingLeft = false;
        inlay.paddingRight = true;
        hints.push(inlay);
      }
    }
    return hints;
  }

  /** Off, or back on in the last mode that was on (`all` the first time). */
  async toggle(): Promise<InlinePinyinMode> {
    const document = vscode.window.activeTextEditor?.document ?? null;
    const current = modeOf(document);
    let next: InlinePinyinMode;
    if (current === 'off') {
      const last = this.memento.get<string>(LAST_MODE_KEY);
      next = INLINE_PINYIN_MODES.includes(last as InlinePinyinMode) && last !== 'off' ? (last as InlinePinyinMode) : 'all';
    } else {
      await this.memento.update(LAST_MODE_KEY, current);
      next = 'off';
    }
    const config = vscode.workspace.getConfiguration('chineseReader');
    const inspected = config.inspect('study.inlinePinyin');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('study.inlinePinyin', next, target);
    return next;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
