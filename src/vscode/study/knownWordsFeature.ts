/**
 * Known words: Mark as Known / Unknown, Mark HSK Levels as Known…, and the optional
 * highlighting of unknown words (a subtle, theme-coloured background) in the visible
 * lines of visible editors.
 */
import * as vscode from 'vscode';
import { addKnownWords, removeKnownWords } from '../../core/study/knownWords';
import { isHanCodePoint } from '../../core/text/han';
import { getSetting, isChineseReaderDocument } from '../config';
import { KeyedDebounce } from '../keyedDebounce';
import type { StudyFiles } from './files';
import { readablePart, type StudyServices } from './services';
import { resolveTarget } from './target';

/** Lines beyond the visible ones highlighted too, so that a short scroll shows no gap. */
const MARGIN_LINES = 20;
/** Most lines one editor's refresh reads (a huge visible range is cut). */
const MAX_LINES = 600;

export interface HighlightedRange {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHanCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}

export class KnownWordsFeature implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('chineseReader.unknownWordBackground'),
    borderColor: new vscode.ThemeColor('chineseReader.unknownWordBorder'),
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
  });
  private readonly debounce = new KeyedDebounce(80);
  private readonly disposables: vscode.Disposable[] = [];
  /** The ranges last drawn per document URI (for the unknownWordRanges command). */
  private readonly drawn = new Map<string, HighlightedRange[]>();
  /** The refresh in flight per document URI, so that the ranges command can await it. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly files: StudyFiles,
    private readonly services: StudyServices,
  ) {
    this.disposables.push(
      this.decoration,
      files.onDidChangeKnownWords(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) this.schedule(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader')) this.refreshAll();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.drawn.delete(d.uri.toString())),
    );
    this.refreshAll();
  }

  private enabled(document: vscode.TextDocument): boolean {
    return isChineseReaderDocument(document) && getSetting('study.highlightUnknown', document);
  }

  private schedule(editor: vscode.TextEditor): void {
    this.debounce.schedule(editor.document.uri.toString(), () => void this.refresh(editor));
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.refresh(editor);
  }

  /** Draws the unknown words of the editor's visible lines; clears them when highlighting is off. */
  refresh(editor: vscode.TextEditor): Promise<void> {
    const key = editor.document.uri.toString();
    const run = this.draw(editor).catch((error: unknown) => console.error('Chinese Reader: highlighting failed', error));
    const tracked = run.finally(() => {
      if (this.pending.get(key) === tracked) this.pending.delete(key);
    });
    this.pending.set(key, tracked);
    return tracked;
  }

  private async draw(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const key = document.uri.toString();
    if (!this.enabled(document)) {
      if (this.drawn.has(key)) editor.setDecorations(this.decoration, []);
      this.drawn.delete(key);
      return;
    }
    const version = document.version;
    const study = await this.services.load();
    await this.services.syncGlossary(study);
    const known = await this.files.knownWordsIndex(study.toSimplified);
    if (document.version !== version || document.isClosed) return;
    const ranges: vscode.Range[] = [];
    const found: HighlightedRange[] = [];
    const seen = new Set<number>();
    for (const visible of editor.visibleRanges) {
      const first = Math.max(0, visible.start.line - MARGIN_LINES);
      const last = Math.min(document.lineCount - 1, visible.end.line + MARGIN_LINES, first + MAX_LINES);
      for (let n = first; n <= last; n++) {
        if (seen.has(n)) continue;
        seen.add(n);
        const text = readablePart(document.lineAt(n).text);
        if (!hasHan(text)) continue;
        for (const word of this.services.wordReadings(study, text)) {
          const trimmed = word.text.trim();
          if (!hasHan(trimmed) || known.has(trimmed)) continue;
          const start = word.start + word.text.indexOf(trimmed);
          ranges.push(new vscode.Range(n, start, n, start + trimmed.length));
          found.push({ line: n, start, end: start + trimmed.length, text: trimmed });
        }
      }
    }
    editor.setDecorations(this.decoration, ranges);
    this.drawn.set(key, found);
  }

  /** The ranges highlighted in the visible editor of `uri` (the active editor's by default), after any pending refresh. */
  async highlightedRanges(uri?: unknown): Promise<HighlightedRange[]> {
    const key = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
    if (!key) return [];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (editor) await this.refresh(editor);
    return this.drawn.get(key) ?? [];
  }

  async markKnown(arg: unknown): Promise<{ word: string; added: boolean }> {
    const target = await resolveTarget(arg, () => this.services.load());
    const added = await this.files.update(this.files.knownWordsUri(), (text) => {
      const r = addKnownWords(text, [target.word]);
      return { text: r.text, result: r.added > 0 };
    });
    this.files.reloadKnown();
    if (!added) void vscode.window.showInformationMessage(`${target.word} is already known.`);
    return { word: target.word, added };
  }

  async markUnknown(arg: unknown): Promise<{ word: string; removed: boolean }> {
    const target = await resolveTarget(arg, () => this.services.load());
    const study = await this.services.load();
    // The list may hold the word in the other script.
    const forms = new Set([target.word, study.toSimplified(target.word)]);
    const words = await this.files.knownWords();
    for (const w of words) if (forms.has(study.toSimplified(w))) forms.add(w);
    const removed = await this.files.update(this.files.knownWordsUri(), (text) => {
      const r = removeKnownWords(text, forms);
      return { text: r.text, result: r.removed > 0 };
    });
    this.files.reloadKnown();
    if (!removed) void vscode.window.showInformationMessage(`${target.word} was not in the known-words list.`);
    return { word: target.word, removed };
  }

  /**
   * Adds every word of HSK levels 1..N to the known-words list. Asks for the syllabus and
   * the level unless given (`{ syllabus: '3.0' | '2.0', level: N }`).
   */
  async markHskLevelsKnown(arg: unknown): Promise<number | undefined> {
    const given = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
    let syllabus = given.syllabus === '2.0' || given.syllabus === '3.0' ? given.syllabus : undefined;
    let level = typeof given.level === 'number' && Number.isInteger(given.level) ? given.level : undefined;
    if (!syllabus) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'HSK 3.0', description: vscode.l10n.t('2021 syllabus: levels 1–6 and 7–9'), value: '3.0' as const },
          { label: 'HSK 2.0', description: vscode.l10n.t('2012 syllabus: levels 1–6'), value: '2.0' as const },
        ],
        { title: vscode.l10n.t('Mark HSK Levels as Known'), placeHolder: vscode.l10n.t('Which syllabus?') },
      );
      if (!picked) return undefined;
      syllabus = picked.value;
    }
    const top = syllabus === '3.0' ? 7 : 6;
    if (level === undefined) {
      const picked = await vscode.window.showQuickPick(
        Array.from({ length: top }, (_, i) => ({ label: i === 0 ? 'HSK 1' : `HSK 1–${i === 6 ? '7–9' : i + 1}`, value: i + 1 })),
        { title: vscode.l10n.t('Mark HSK {syllabus} Levels as Known', { syllabus }), placeHolder: vscode.l10n.t('Every word up to and including…') },
      );
      if (!picked) return undefined;
      level = picked.value;
    }
    if (level < 1 || level > top) throw new Error(vscode.l10n.t('HSK {syllabus} has no level {level}', { syllabus, level }));
    const study = await this.services.load();
    const words: string[] = [];
    for (const [form, code] of Object.entries(study.hskData.words)) {
      const at = syllabus === '3.0' ? Math.floor(code / 10) : code % 10;
      // The lists hold both scripts; the Simplified form stands for both (KnownWords maps them).
      if (at >= 1 && at <= level && study.toSimplified(form) === form) words.push(form);
    }
    const added = await this.files.update(this.files.knownWordsUri(), (text) => {
      const r = addKnownWords(text, words);
      return { text: r.text, result: r.added };
    });
    this.files.reloadKnown();
    void vscode.window.showInformationMessage(vscode.l10n.t('Added {count} HSK {syllabus} words (levels 1–{level}) to the known-words list.', { count: added, syllabus, level }));
    return added;
  }

  async toggleHighlight(): Promise<boolean> {
    const config = vscode.workspace.getConfiguration('chineseReader');
    const now = !getSetting('study.highlightUnknown', vscode.window.activeTextEditor?.document ?? null);
    const inspected = config.inspect('study.highlightUnknown');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('study.highlightUnknown', now, target);
    return now;
  }

  dispose(): void {
    this.debounce.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
