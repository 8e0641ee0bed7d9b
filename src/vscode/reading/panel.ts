/**
 * One reading view: a webview panel showing one document. It renders lines on demand
 * (the lines on screen first; the rest as plain escaped text until the view scrolls near
 * them), keeps in step with edits by splicing only the changed lines, and syncs scrolling
 * both ways by line.
 */
import * as vscode from 'vscode';
import { randomNonce } from '../nonce';
import { firstScreen } from '../../core/reading/firstScreen';
import { buildLine, type LineContext, type WordFacts } from '../../core/reading/model';
import { renderCard, renderShell, type CardEntry, type PageLook } from '../../core/reading/page';
import { renderLine, renderPending, type LineRenderOptions } from '../../core/reading/render';
import { simplifiedAligned } from '../../core/segment/segmenter';
import { isWarningSeverity, LABEL_TITLE, type SpamFinding } from '../../core/spam/types';
import { detectScript } from '../../core/script/detect';
import { COMMANDS } from '../commandIds';
import { getSetting } from '../config';
import { StudyServices, type ReadyStudy } from '../study/services';
import type { ReadingStudyData } from './studyData';
import { translate } from '../l10n';

export const READING_VIEW_TYPE = 'chineseReader.reading';

/**
 * Lines around the top line that edits and re-renders render at once; the others go back to
 * plain text until the view asks for them. (What the view opens with is `firstScreen`.)
 */
const WINDOW_BEFORE = 30;
const WINDOW_AFTER = 120;
/** Lines by which the editor's answer to our reveal may differ from the line asked for. */
const ECHO_TOLERANCE = 8;
/** How long the editor may take to answer a reveal; an older reveal is no longer expected. */
const REVEAL_ECHO_MS = 1500;
/** The most lines one request from the view is answered with. */
const MAX_RANGE = 2000;

/** What an init message carries, made ahead of the view's `ready` (see `sendInit`). */
interface PreparedInit {
  readonly fresh: () => boolean;
  readonly lengths: number[];
  readonly from: number;
  readonly lines: string[];
  /** Whether `lines` were rendered with readings (not pending). */
  readonly ruby: boolean;
}

/** What the view needs from the other features. */
export interface ReadingDeps {
  readonly extensionUri: vscode.Uri;
  readonly data: ReadingStudyData;
  readonly headings: (document: vscode.TextDocument) => ReadonlyMap<number, number>;
  readonly spamFindings: (uri: vscode.Uri) => readonly SpamFinding[];
  readonly onDidUpdateSpam: vscode.Event<{ readonly uri: vscode.Uri }>;
}

/** What the webview persists (vscode.setState) and the serializer restores from. */
export interface ReadingViewState {
  readonly uri?: string;
  readonly gloss?: boolean;
  readonly script?: 'original' | 'other';
  readonly line?: number;
}

/** Messages from the webview (media/reading/reading.js). */
export type ViewMessage =
  | { type: 'ready'; state?: ReadingViewState }
  | { type: 'need'; from: number; to: number }
  | { type: 'reveal'; line: number }
  | { type: 'scrolled'; line: number }
  | { type: 'card'; line: number; start: number }
  | { type: 'action'; act: 'add' | 'known'; line: number; start: number }
  | { type: 'toggle'; gloss: boolean; script: 'original' | 'other' }
  | { type: 'rendered'; lines: number; version: number; held?: number }
  | { type: 'export' };

/** What the integration tests read through the test-only state command. */
export interface ReadingPanelSnapshot {
  readonly uri: string;
  readonly version: number;
  /** Lines the webview reported holding after its last update, and for which version. */
  readonly viewLines: number;
  /** Of those, the lines the webview holds as elements (the others are in its empty blocks). */
  readonly viewHeld: number;
  readonly viewVersion: number;
  /** The top line the view last reported or was sent. */
  readonly topLine: number;
  /** Lines rendered with ruby (not pending). */
  readonly renderedLines: number;
  readonly gloss: boolean;
  readonly script: 'original' | 'other';
  /** Types of the messages posted to the webview, oldest first (last 50). */
  readonly posted: readonly string[];
  /** The last card's HTML. */
  readonly lastCard?: string;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;

/** Keeps the fields of a persisted view state that have the right shape. */
export function parseViewState(value: unknown): ReadingViewState {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.uri === 'string' && v.uri.length < 4096 ? { uri: v.uri } : {}),
    ...(typeof v.gloss === 'boolean' ? { gloss: v.gloss } : {}),
    ...(v.script === 'original' || v.script === 'other' ? { script: v.script } : {}),
    ...(isInt(v.line) ? { line: v.line } : {}),
  };
}

/** Checks a message from the webview: its content is untrusted data like any other input. */
export function parseViewMessage(value: unknown): ViewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready', state: parseViewState(m.state) };
    case 'need':
      return isInt(m.from) && isInt(m.to) ? { type: 'need', from: m.from, to: m.to } : undefined;
    case 'reveal':
    case 'scrolled':
      return isInt(m.line) ? { type: m.type, line: m.line } : undefined;
    case 'card':
      return isInt(m.line) && isInt(m.start) ? { type: 'card', line: m.line, start: m.start } : undefined;
    case 'action':
      return (m.act === 'add' || m.act === 'known') && isInt(m.line) && isInt(m.start) ? { type: 'action', act: m.act, line: m.line, start: m.start } : undefined;
    case 'toggle':
      return typeof m.gloss === 'boolean' && (m.script === 'original' || m.script === 'other') ? { type: 'toggle', gloss: m.gloss, script: m.script } : undefined;
    case 'rendered':
      if (!isInt(m.lines) || typeof m.version !== 'number') return undefined;
      return { type: 'rendered', lines: m.lines, version: m.version, ...(isInt(m.held) ? { held: m.held } : {}) };
    case 'export':
      return { type: 'export' };
    default:
      return undefined;
  }
}

export function pageLook(document: vscode.TextDocument, gloss: boolean): PageLook & { fontSize: number } {
  const fontSize = vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: document.languageId }).get<number>('fontSize');
  return {
    toneColors: getSetting('reading.toneColors', document),
    spamLines: getSetting('reading.spamLines', document),
    gloss,
    fontSize: typeof fontSize === 'number' && fontSize > 0 ? fontSize : 14,
  };
}

export function lineOptions(document: vscode.TextDocument): LineRenderOptions {
  return { pinyin: getSetting('reading.pinyin', document), hskLevel: getSetting('study.hskLevel', document) };
}

/** The line context (heading, spam label) of every line that has one. */
export function lineContexts(headings: ReadonlyMap<number, number>, findings: readonly SpamFinding[]): Map<number, LineContext> {
  const contexts = new Map<number, LineContext>();
  for (const [line, level] of headings) contexts.set(line, { heading: level });
  for (const f of findings) {
    const mark = isWarningSeverity(f.severity) ? 'spam' : f.label === 'caption' || f.label === 'metadata' ? 'small' : undefined;
    contexts.set(f.line, { ...contexts.get(f.line), label: f.label, ...(mark ? { mark } : {}), note: `${translate(LABEL_TITLE[f.label])}: ${f.message}` });
  }
  return contexts;
}

/** Word facts over the loaded study services, the lists and the script shown. */
export async function wordFacts(data: ReadingStudyData, study: ReadyStudy, document: vscode.TextDocument, script: 'original' | 'other'): Promise<WordFacts> {
  await data.services.syncGlossary(study);
  const known = await data.knownWords(study);
  const saved = await data.savedWords();
  const syllabus = getSetting('study.hskVersion', document);
  let convert: ((word: string) => string) | undefined;
  if (script === 'other') {
    const converters = study.lookup.scriptConverters;
    const kind = detectScript(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 400), 0))).script;
    if (converters) convert = kind === 'simplified' ? converters.toTraditional : (w) => simplifiedAligned(w, converters.toSimplified);
  }
  const glossary = study.lookup.currentGlossary;
  return {
    wordReadings: (text) => data.services.wordReadings(study, text),
    definition: (word) => {
      const entries = [...glossary.lookup(word), ...study.lookup.cedict.lookup(word)];
      return entries.find((e) => e.definitions.length > 0)?.definitions[0];
    },
    level: (word) => StudyServices.levelIn(study, word, syllabus),
    isKnown: (word) => known.has(word),
    isSaved: (word) => saved.has(word) || saved.has(study.toSimplified(word)),
    ...(convert ? { convert } : {}),
  };
}

export class ReadingPanel implements vscode.Disposable {
  private version = 0;
  /** Per document line: whether the view holds it rendered (ruby) rather than pending. */
  private rendered: boolean[] = [];
  private topLine = 0;
  private gloss: boolean;
  private script: 'original' | 'other';
  private contexts = new Map<number, LineContext>();
  private facts?: Promise<{ study: ReadyStudy; facts: WordFacts }>;
  /** `facts` once it has resolved. */
  private readyFacts?: { study: ReadyStudy; facts: WordFacts };
  /**
   * The editor top lines we scrolled to for the view, oldest first: their visible-range events
   * are not echoed back. A view scrolled with the wheel sends several lines in a row, and the
   * editor's answers come after; matching only the last one sent the view back to an older line.
   */
  private pendingReveals: { line: number; at: number }[] = [];
  private readonly posted: string[] = [];
  private viewLines = 0;
  private viewHeld = 0;
  private viewVersion = -1;
  private lastCard?: string;
  /** The init message being made ahead of the view's `ready`, see `sendInit`. */
  private prepared?: Promise<PreparedInit>;
  /** Bumped when the facts or the line contexts change: an init made before is stale. */
  private generation = 0;
  private warnedNoPinyin = false;
  private headingTimer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  private disposed = false;

  /** The document shown; a language change closes and reopens it, see `onDocumentClosed`. */
  get document(): vscode.TextDocument {
    return this.shown;
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    private shown: vscode.TextDocument,
    private readonly deps: ReadingDeps,
    state: ReadingViewState = {},
    private readonly exportHtml: (panel: ReadingPanel) => Thenable<unknown>,
  ) {
    this.gloss = state.gloss ?? getSetting('reading.interlinearGloss', shown);
    this.script = state.script ?? 'original';
    this.topLine = state.line ?? visibleTop(shown) ?? 0;
    const media = vscode.Uri.joinPath(deps.extensionUri, 'media', 'reading');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.title = vscode.l10n.t('Reading: {file}', { file: baseName(shown.uri) });
    panel.webview.html = renderShell({
      title: panel.title,
      nonce: randomNonce(),
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'reading.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'reading.css')).toString(),
      look: this.look(),
      translate,
    });
    this.disposables.push(
      this.disposedEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => {
        // A failure (the dictionaries could not load, a study command refused) is shown, never lost.
        this.receive(m).catch((error: unknown) => {
          void vscode.window.showErrorMessage(vscode.l10n.t('Chinese Reader: reading view: {message}', { message: error instanceof Error ? error.message : String(error) }));
        });
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.onEdit(e.contentChanges);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document === this.document) this.onEditorScrolled(e.visibleRanges[0]?.start.line ?? 0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader.reading') || e.affectsConfiguration('chineseReader.study') || e.affectsConfiguration('editor.fontSize')) {
          this.resetFacts();
          this.post({ type: 'look', look: this.look() });
          this.rerenderAll();
        }
      }),
      deps.data.onDidChange(() => {
        this.resetFacts();
        this.rerenderAll();
      }),
      deps.onDidUpdateSpam((u) => {
        if (u.uri.toString() === this.document.uri.toString()) this.refreshContexts();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.onDocumentClosed();
      }),
    );
    // The view's first screen is made now, while VS Code creates the webview; `ready` posts it
    // (a failure surfaces there, as the view's error).
    this.prepared = this.prepareInit();
    this.prepared.catch(() => undefined);
  }

  /**
   * VS Code reports a document's language change (plaintext to zh-text, as after a reload) as
   * a close followed at once by an open of the same file. The view closes only when the file
   * stays closed; otherwise it follows the reopened document.
   */
  private onDocumentClosed(): void {
    const uri = this.document.uri.toString();
    setTimeout(() => {
      if (this.disposed) return;
      const again = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
      if (!again) {
        this.panel.dispose();
        return;
      }
      if (again !== this.shown) {
        this.shown = again;
        void this.sendInit();
      }
    }, 0);
  }

  private resetFacts(): void {
    this.generation++;
    this.facts = undefined;
    this.readyFacts = undefined;
  }

  private look(): PageLook & { fontSize: number } {
    return pageLook(this.document, this.gloss);
  }

  private post(message: { type: string } & Record<string, unknown>): void {
    if (this.disposed) return;
    this.posted.push(message.type);
    if (this.posted.length > 50) this.posted.shift();
    void this.panel.webview.postMessage(message);
  }

  /** The study services, lists and facts; loaded on the first need and again after a list or setting changes. */
  private loadFacts(): Promise<{ study: ReadyStudy; facts: WordFacts }> {
    if (!this.facts) {
      const loading = (async () => {
        const study = await this.deps.data.services.load();
        return { study, facts: await wordFacts(this.deps.data, study, this.document, this.script) };
      })();
      this.facts = loading;
      loading.then(
        (ready) => {
          if (this.facts === loading) this.readyFacts = ready;
        },
        () => {
          if (this.facts === loading) this.facts = undefined;
        },
      );
    }
    return this.facts;
  }

  private renderAt(line: number, facts: WordFacts, options: LineRenderOptions): string {
    const text = this.document.lineAt(line).text;
    return renderLine(buildLine(text, line, facts, this.contexts.get(line)), options);
  }

  private inWindow(line: number): boolean {
    return line >= this.topLine - WINDOW_BEFORE && line <= this.topLine + WINDOW_AFTER;
  }

  /**
   * Opens the document in the view: the first screen or two from the top line rendered (or as
   * plain text when the services can't load), and for every other line only its length. The
   * view keeps those as empty blocks of a guessed height and asks for them when they come near
   * the screen, so a 5 MB novel costs the lines on screen, not 5 MB of markup, to open.
   *
   * The message is usually prepared already: the panel starts on it as soon as it exists,
   * while VS Code is still creating the webview (most of the time to open, see
   * docs/reading-view.md), and the view's `ready` only posts it. It is prepared again when
   * anything it was made from changed in between.
   */
  private async sendInit(): Promise<void> {
    // The prepared lines serve while the top line is still among them (the editor may scroll a
    // little as it is laid out again beside the view).
    const usable = (init: PreparedInit) => {
      const top = Math.min(this.topLine, init.lengths.length - 1);
      return init.fresh() && top >= init.from && top < init.from + init.lines.length;
    };
    const early = this.prepared;
    this.prepared = undefined;
    let init = early && (await early);
    // Made before something changed (an edit, a list, a setting, the script, or the editor
    // scrolled away): made again. Its synchronous part reads the document as it is then, and
    // the check follows without an event in between, so one remake is normally enough; the
    // bound only keeps a pathological stream of changes (lists reloading while the facts load)
    // from looping, and the last one made is posted even then.
    for (let remakes = 0; !this.disposed && (!init || !usable(init)) && remakes < 3; remakes++) init = await this.prepareInit();
    if (this.disposed || !init) return;
    this.rendered = new Array<boolean>(init.lengths.length).fill(false);
    if (init.ruby) for (let line = init.from; line < init.from + init.lines.length; line++) this.rendered[line] = true;
    this.version++;
    this.post({ type: 'init', version: this.version, lengths: init.lengths, from: init.from, lines: init.lines, line: this.topLine, look: this.look(), uri: this.document.uri.toString() });
  }

  /**
   * The content of an init message for the current document, script and top line; `fresh()`
   * says whether it still describes the document (its version, the script, and the facts and
   * line contexts it was rendered with).
   */
  private async prepareInit(): Promise<PreparedInit> {
    this.refreshContextsNow();
    const stamp = { document: this.document, version: this.document.version, script: this.script, line: this.topLine, generation: this.generation };
    const fresh = () =>
      !this.disposed && this.document === stamp.document && this.document.version === stamp.version && this.script === stamp.script && this.generation === stamp.generation;
    const ready = await this.loadFacts().catch((error: unknown) => {
      if (!this.warnedNoPinyin) {
        this.warnedNoPinyin = true;
        void vscode.window.showWarningMessage(vscode.l10n.t('Chinese Reader: the reading view shows the text without pinyin ({message})', { message: error instanceof Error ? error.message : String(error) }));
      }
      return undefined;
    });
    // Made whole even when already stale: what the lines and lengths hold is the document as
    // it is now, so an init posted after the bound in `sendInit` is never out of step with it.
    const document = this.document;
    const options = lineOptions(document);
    const count = document.lineCount;
    const lengths: number[] = new Array<number>(count);
    for (let line = 0; line < count; line++) lengths[line] = document.lineAt(line).text.length;
    const { from, to } = firstScreen(lengths, stamp.line);
    const lines: string[] = [];
    for (let line = from; line <= to; line++) lines.push(ready ? this.renderAt(line, ready.facts, options) : renderPending(document.lineAt(line).text));
    return { fresh, lengths, from, lines, ruby: ready !== undefined };
  }

  /**
   * Sends lines [from, to] (at most MAX_RANGE) rendered: the view asked for them because they
   * are near its screen, either still empty or shown as plain text. Every asked line is sent,
   * even one sent before: the view drops a reply that an edit overtook, and asks again.
   */
  private async renderRange(from: number, to: number): Promise<void> {
    const ready = await this.loadFacts().catch(() => undefined);
    if (this.disposed) return;
    const options = lineOptions(this.document);
    const last = Math.min(to, this.document.lineCount - 1, from + MAX_RANGE - 1);
    const lines: string[] = [];
    for (let line = from; line <= last; line++) {
      if (ready) {
        lines.push(this.renderAt(line, ready.facts, options));
        this.rendered[line] = true;
      } else lines.push(renderPending(this.document.lineAt(line).text));
    }
    if (lines.length) this.post({ type: 'range', version: this.version, from, lines });
  }

  /**
   * Everything shown changed (lists, settings, script): lines near the top are rendered
   * again, the others go back to pending and are rendered when scrolled to.
   */
  private rerenderAll(lines?: Iterable<number>): void {
    void this.loadFacts().then(({ facts }) => {
      if (this.disposed) return;
      const options = lineOptions(this.document);
      const items: [number, string][] = [];
      const targets = lines ?? this.rendered.keys();
      for (const line of targets) {
        if (!this.rendered[line] || line >= this.document.lineCount) continue;
        if (this.inWindow(line)) items.push([line, this.renderAt(line, facts, options)]);
        else {
          items.push([line, renderPending(this.document.lineAt(line).text)]);
          this.rendered[line] = false;
        }
      }
      if (items.length) this.post({ type: 'lines', version: this.version, items });
    }, () => {
      // A failed load was reported when the view opened; the lines stay as they are.
    });
  }

  private refreshContextsNow(): Map<number, LineContext> {
    const previous = this.contexts;
    this.contexts = lineContexts(this.deps.headings(this.document), this.deps.spamFindings(this.document.uri));
    return previous;
  }

  /** Headings or spam labels changed: lines whose context changed are rendered again. */
  private refreshContexts(): void {
    const previous = this.refreshContextsNow();
    const changed = new Set<number>();
    for (const [line, c] of this.contexts) if (JSON.stringify(previous.get(line)) !== JSON.stringify(c)) changed.add(line);
    for (const line of previous.keys()) if (!this.contexts.has(line)) changed.add(line);
    if (changed.size) {
      this.generation++;
      this.rerenderAll(changed);
    }
  }

  /**
   * An edit: the lines it replaced are spliced out and its new lines in, rendered at once
   * when they are near the top (the common case: typing where one reads), else pending.
   */
  private onEdit(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    // The changes of one event refer to the document before it: one enclosing range covers them.
    let start = Number.MAX_SAFE_INTEGER;
    let end = -1;
    let delta = 0;
    for (const c of changes) {
      start = Math.min(start, c.range.start.line);
      end = Math.max(end, c.range.end.line);
      delta += lineBreaks(c.text) - (c.range.end.line - c.range.start.line);
    }
    const newEnd = end + delta;
    // Edits never wait for the dictionaries: without them the new lines go in pending.
    const facts = this.readyFacts;
    const options = lineOptions(this.document);
    const html: string[] = [];
    const flags: boolean[] = [];
    for (let line = start; line <= newEnd && line < this.document.lineCount; line++) {
      if (facts && this.inWindow(line)) {
        html.push(this.renderAt(line, facts.facts, options));
        flags.push(true);
      } else {
        html.push(renderPending(this.document.lineAt(line).text));
        flags.push(false);
      }
    }
    this.rendered.splice(start, end - start + 1, ...flags);
    // Headings and spam labels below a changed line shift with it until they are recomputed.
    if (delta !== 0) {
      const shifted = new Map<number, LineContext>();
      for (const [line, c] of this.contexts) shifted.set(line > end ? line + delta : line, c);
      this.contexts = shifted;
    }
    this.version++;
    this.post({ type: 'splice', version: this.version, start, deleteCount: end - start + 1, lines: html });
    // Headings depend on their neighbours (a title, a numbered run): recomputed once typing pauses.
    clearTimeout(this.headingTimer);
    this.headingTimer = setTimeout(() => this.refreshContexts(), 150);
  }

  private onEditorScrolled(top: number): void {
    // Our own reveal comes back as a visible-range change; VS Code may put the line a few rows
    // lower (sticky scroll, the cursor's surrounding lines), which is still the same place.
    // VS Code may also answer a burst of reveals once: a match drops it and every older one.
    const now = Date.now();
    this.pendingReveals = this.pendingReveals.filter((r) => now - r.at < REVEAL_ECHO_MS);
    let match = -1;
    this.pendingReveals.forEach((r, i) => {
      if (Math.abs(top - r.line) <= ECHO_TOLERANCE) match = i;
    });
    if (match >= 0) {
      this.pendingReveals.splice(0, match + 1);
      return;
    }
    if (top === this.topLine) return;
    this.topLine = top;
    this.post({ type: 'scrollTo', line: top });
  }

  /** Handles a message from the webview (or from the test-only command, which passes one in the same shape). */
  async receive(raw: unknown): Promise<void> {
    const message = parseViewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        if (message.state?.gloss !== undefined) this.gloss = message.state.gloss;
        if (message.state?.script === 'original' || message.state?.script === 'other') this.script = message.state.script;
        await this.sendInit();
        return;
      case 'need':
        await this.renderRange(message.from, message.to);
        return;
      case 'reveal':
        await this.reveal(message.line);
        return;
      case 'scrolled':
        this.scrollEditors(message.line);
        return;
      case 'card':
        await this.sendCard(message.line, message.start);
        return;
      case 'action':
        await this.act(message.act, message.line, message.start);
        return;
      case 'toggle': {
        this.gloss = message.gloss;
        if (message.script !== this.script) {
          this.script = message.script;
          this.resetFacts();
          this.rerenderAll();
        }
        return;
      }
      case 'rendered':
        this.viewLines = message.lines;
        this.viewHeld = message.held ?? 0;
        this.viewVersion = message.version;
        return;
      case 'export':
        await this.exportHtml(this);
        return;
    }
  }

  private async reveal(line: number): Promise<void> {
    if (line >= this.document.lineCount) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const position = new vscode.Position(line, 0);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scrollEditors(line: number): void {
    this.topLine = line;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== this.document) continue;
      if ((editor.visibleRanges[0]?.start.line ?? -1) === line) continue;
      this.pendingReveals.push({ line, at: Date.now() });
      if (this.pendingReveals.length > 32) this.pendingReveals.shift();
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  /** The word at (line, start), as the view shows it. */
  private async wordAt(line: number, start: number) {
    if (line >= this.document.lineCount) return undefined;
    const ready = await this.loadFacts();
    const model = buildLine(this.document.lineAt(line).text, line, ready.facts);
    const word = model.words.find((w) => w.start === start && w.han);
    return word ? { word, ...ready } : undefined;
  }

  private async sendCard(line: number, start: number): Promise<void> {
    const found = await this.wordAt(line, start);
    if (!found) return;
    const { word, study } = found;
    const seen = new Set<string>();
    const entries: CardEntry[] = [];
    const simplified = study.toSimplified(word.text);
    for (const e of [...study.lookup.currentGlossary.lookup(word.text), ...study.lookup.cedict.lookup(word.text), ...(simplified !== word.text ? study.lookup.cedict.lookup(simplified) : [])]) {
      const key = `${e.source}\u0000${e.traditional}\u0000${e.simplified}\u0000${e.pinyin}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ traditional: e.traditional, simplified: e.simplified, pinyin: e.pinyin, definitions: e.definitions, source: e.source });
    }
    const levels = study.hsk.levels(word.text);
    const html = renderCard({
      word: word.text,
      readings: word.readings,
      entries,
      levels: levels.hsk2 || levels.hsk3 ? levels : study.hsk.levels(simplified),
      known: word.known,
      saved: word.saved,
      maxDefinitions: getSetting('hover.maxDefinitions', this.document),
    }, translate);
    this.lastCard = html;
    this.post({ type: 'card', line, start, html });
  }

  private async act(act: 'add' | 'known', line: number, start: number): Promise<void> {
    const found = await this.wordAt(line, start);
    if (!found) return;
    const args = { word: found.word.text, uri: this.document.uri.toString(), line, character: start };
    await vscode.commands.executeCommand(act === 'add' ? COMMANDS.addToWordList : COMMANDS.markKnown, args);
    // The study command wrote the file; read the lists again, then show the card's new state.
    this.deps.data.reload();
    await this.sendCard(line, start);
  }

  snapshot(): ReadingPanelSnapshot {
    return {
      uri: this.document.uri.toString(),
      version: this.version,
      viewLines: this.viewLines,
      viewHeld: this.viewHeld,
      viewVersion: this.viewVersion,
      topLine: this.topLine,
      renderedLines: this.rendered.filter(Boolean).length,
      gloss: this.gloss,
      script: this.script,
      posted: [...this.posted],
      ...(this.lastCard !== undefined ? { lastCard: this.lastCard } : {}),
    };
  }

  get state(): { gloss: boolean; script: 'original' | 'other' } {
    return { gloss: this.gloss, script: this.script };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.headingTimer);
    this.disposedEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

function visibleTop(document: vscode.TextDocument): number | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges[0]?.start.line;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

