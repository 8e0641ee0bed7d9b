/**
 * What the reading view needs from the study tools, read through their public pieces:
 * the study services (readings, dictionary, HSK levels; the study feature's own, shared,
 * loaded on the first use), the known-words list and the word list (read only; writes go through the
 * study commands, so the files have one writer). Files are read through the open editor or
 * `workspace.fs`, so virtual workspaces work.
 *
 * The file locations come from the study tools' own rule (study/files.ts).
 */
import * as vscode from 'vscode';
import { parseKnownWords, KnownWords } from '../../core/study/knownWords';
import { entriesOf, parseWordList } from '../../core/study/wordList';
import { decodeUtf8 } from '../../core/text/decode';
import type { GlossaryService } from '../glossary/glossaryService';
import { knownWordsUri, wordListUri } from '../study/files';
import { StudyServices, type ReadyStudy } from '../study/services';

export class ReadingStudyData implements vscode.Disposable {
  readonly services: StudyServices;
  private known?: Promise<ReadonlySet<string>>;
  private saved?: Promise<ReadonlySet<string>>;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the known-words list or the word list changes. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    extensionUri: vscode.Uri,
    private readonly globalStorage: vscode.Uri,
    glossary?: GlossaryService,
    shared?: StudyServices,
  ) {
    // The study tools' services when given (one dictionary, segmenter and model in memory,
    // owned and disposed by the study feature); an instance of our own otherwise.
    this.services = shared ?? new StudyServices(extensionUri, glossary);
    if (!shared) this.disposables.push(this.services);
    const onDocument = (document: vscode.TextDocument) => this.onFile(document.uri);
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument(onDocument),
      vscode.workspace.onDidChangeTextDocument((e) => onDocument(e.document)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chineseReader.study.knownWordsFile') || e.affectsConfiguration('chineseReader.study.wordListFile')) this.reload();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,tsv}', false, false, false);
    this.disposables.push(watcher, watcher.onDidChange((u) => this.onFile(u)), watcher.onDidCreate((u) => this.onFile(u)), watcher.onDidDelete((u) => this.onFile(u)));
  }

  private onFile(uri: vscode.Uri): void {
    const key = uri.toString();
    if (key === this.knownWordsUri().toString() || key === this.wordListUri().toString()) this.reload();
  }

  /** Forgets both lists; the next read loads them again. */
  reload(): void {
    this.known = undefined;
    this.saved = undefined;
    this.changed.fire();
  }

  knownWordsUri(): vscode.Uri {
    return knownWordsUri(this.globalStorage);
  }

  wordListUri(): vscode.Uri {
    return wordListUri(this.globalStorage);
  }

  /** The file's text ('' when it does not exist or cannot be read: the view then marks nothing as known). */
  private async readText(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const decoded = decodeUtf8(await vscode.workspace.fs.readFile(uri));
      return decoded.ok ? decoded.text : '';
    } catch {
      return '';
    }
  }

  knownWords(study: ReadyStudy): Promise<KnownWords> {
    this.known ??= this.readText(this.knownWordsUri()).then(parseKnownWords);
    return this.known.then((words) => new KnownWords(words, study.toSimplified));
  }

  /** Both forms of every word in the word list. */
  savedWords(): Promise<ReadonlySet<string>> {
    this.saved ??= this.readText(this.wordListUri()).then((text) => {
      const forms = new Set<string>();
      for (const e of entriesOf(parseWordList(text))) forms.add(e.simplified).add(e.traditional);
      return forms;
    });
    return this.saved;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
