/**
 * The study files: the word list (TSV) and the known-words list, located by settings
 * relative to the first workspace folder (global storage with no folder open), read and
 * written through `workspace.fs` so that they work in virtual workspaces. The known words
 * are cached and reloaded when the file changes on disk or in an editor. Malformed word
 * list rows get a diagnostic on their line.
 */
import * as vscode from 'vscode';
import { KnownWords, parseKnownWords } from '../../core/study/knownWords';
import { parseWordList, type WordList } from '../../core/study/wordList';
import { decodeUtf8 } from '../../core/text/decode';
import { getSetting } from '../config';

export const WORD_LIST_DIAGNOSTIC_SOURCE = 'Chinese Reader word list';



/**
 * Where a study file setting points: a URI as it is, an absolute path as a file, anything
 * else relative to the first workspace folder (global storage with no folder open).
 */
function resolveStudyFile(setting: string, globalStorage: vscode.Uri): vscode.Uri {
  const value = setting.trim();
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(value)) return vscode.Uri.parse(value);
  if (value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value)) return vscode.Uri.file(value);
  const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? globalStorage;
  return vscode.Uri.joinPath(base, ...value.split(/[\\/]/).filter(Boolean));
}

/** The word list's location (`chineseReader.study.wordListFile`). */
export function wordListUri(globalStorage: vscode.Uri): vscode.Uri {
  return resolveStudyFile(getSetting('study.wordListFile', null) || 'chinese-words.tsv', globalStorage);
}

/** The known-words list's location (`chineseReader.study.knownWordsFile`). */
export function knownWordsUri(globalStorage: vscode.Uri): vscode.Uri {
  return resolveStudyFile(getSetting('study.knownWordsFile', null) || 'chinese-known-words.txt', globalStorage);
}
export class StudyFiles implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the known-words list changes (by a command, on disk or in an editor). */
  readonly onDidChangeKnownWords = this.changed.event;
  private known?: Promise<ReadonlySet<string>>;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('chineseReader.wordList');
  private readonly disposables: vscode.Disposable[] = [];
  /** Writes to one file run one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly globalStorage: vscode.Uri) {
    this.disposables.push(
      this.diagnostics,
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader.study.knownWordsFile')) {
          this.watchKnownWords();
          this.reloadKnown();
        }
        if (e.affectsConfiguration('chineseReader.study.wordListFile')) this.diagnostics.clear();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.onDocument(d)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.same(e.document.uri, this.wordListUri())) this.publishWordList(e.document.uri, e.document.getText());
      }),
    );
    this.watchKnownWords();
  }

  private watcher?: vscode.Disposable;

  /** Watches the known-words file alone for edits made outside VS Code (git checkout, another editor). */
  private watchKnownWords(): void {
    this.watcher?.dispose();
    const uri = this.knownWordsUri();
    const dir = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name.replace(/[[\]{}*?!]/g, '[$&]')));
    const reload = () => this.reloadKnown();
    this.watcher = vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  private same(a: vscode.Uri, b: vscode.Uri): boolean {
    return a.toString() === b.toString();
  }

  private onDocument(document: vscode.TextDocument): void {
    if (this.same(document.uri, this.knownWordsUri())) this.reloadKnown();
    if (this.same(document.uri, this.wordListUri())) this.publishWordList(document.uri, document.getText());
  }

  wordListUri(): vscode.Uri {
    return wordListUri(this.globalStorage);
  }

  knownWordsUri(): vscode.Uri {
    return knownWordsUri(this.globalStorage);
  }

  /** The file's text: the open editor's when it is open, '' when it does not exist yet. */
  async readText(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => this.same(d.uri, uri));
    if (open) return open.getText();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return '';
      throw error;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) throw new Error(`${uri.fsPath || uri.toString()} ${decoded.message}`);
    return decoded.text;
  }

  /**
   * Rewrites a file with `update(old text)`: through the editor (then saved) when the file
   * is open, so that nothing typed there is lost or overwritten, else through workspace.fs.
   * Updates of one file are queued.
   */
  async update<T>(uri: vscode.Uri, update: (text: string) => { text: string; result: T }): Promise<T> {
    const key = uri.toString();
    const run = async () => {
      const open = vscode.workspace.textDocuments.find((d) => this.same(d.uri, uri));
      const { text, result } = update(open ? open.getText() : await this.readText(uri));
      if (open) {
        if (text !== open.getText()) {
          const edit = new vscode.WorkspaceEdit();
          edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
          if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('{file} could not be edited (is it read-only?)', { file: uri.fsPath || key }));
          await open.save();
        }
      } else {
        const parent = vscode.Uri.joinPath(uri, '..');
        await vscode.workspace.fs.createDirectory(parent);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      }
      return result;
    };
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.queues.set(key, next);
    try {
      return await next;
    } finally {
      if (this.queues.get(key) === next) this.queues.delete(key);
    }
  }

  /** The word list as parsed now; publishes its problems as diagnostics. */
  async readWordList(): Promise<{ uri: vscode.Uri; list: WordList }> {
    const uri = this.wordListUri();
    const text = await this.readText(uri);
    return { uri, list: this.publishWordList(uri, text) };
  }

  publishWordList(uri: vscode.Uri, text: string): WordList {
    const list = parseWordList(text);
    this.diagnostics.set(
      uri,
      list.problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(p.line, 0, p.line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = WORD_LIST_DIAGNOSTIC_SOURCE;
        d.code = 'zh.wordList.row';
        return d;
      }),
    );
    return list;
  }

  /** The known-words list, loaded once and reloaded when it changes. */
  knownWords(): Promise<ReadonlySet<string>> {
    this.known ??= this.readText(this.knownWordsUri()).then(parseKnownWords, () => new Set<string>());
    return this.known;
  }

  /** KnownWords over the current list with the given Traditional-to-Simplified map. */
  async knownWordsIndex(toSimplified: (t: string) => string): Promise<KnownWords> {
    const words = await this.knownWords();
    if (this.cachedIndex?.words !== words) this.cachedIndex = new KnownWords(words, toSimplified);
    return this.cachedIndex;
  }
  private cachedIndex?: KnownWords;

  reloadKnown(): void {
    this.known = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
