/** Add to Word List and Export Word List…. */
import * as vscode from 'vscode';
import { formatReading } from '../../core/pinyin/format';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportWordList, type ExportFormat } from '../../core/study/export';
import { sentenceAround, isoDate } from '../../core/study/sentence';
import { addEntry, mergeDuplicates, parseWordList, serializeWordList, type WordListEntry } from '../../core/study/wordList';
import type { StudyFiles } from './files';
import type { ReadyStudy, StudyServices } from './services';
import { resolveTarget, type StudyTarget } from './target';

export interface AddResult {
  readonly uri: string;
  readonly entry: WordListEntry;
  /** The word was in the list already and the row was merged. */
  readonly merged: boolean;
}

function sourceOf(document: vscode.TextDocument, line: number): string {
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  return `${relative}:${line + 1}`;
}

/** The word list row for `target`: dictionary forms and definitions, contextual pinyin, levels, sentence. */
export function entryFor(target: StudyTarget, study: ReadyStudy, services: StudyServices, today = new Date()): WordListEntry {
  const { word } = target;
  const entries = study.lookup.cedict.lookup(word);
  const simplifiedText = study.toSimplified(word);
  const entry = entries.find((e) => e.simplified === word || e.traditional === word) ?? entries[0];
  const simplified = entry?.simplified ?? simplifiedText;
  const traditional = entry?.traditional ?? word;
  let readings: (string | null)[] | undefined;
  let sentence = '';
  let source = '';
  if (target.document && target.line !== undefined && target.character !== undefined) {
    const line = target.document.lineAt(target.line).text;
    const all = services.readings(study, line);
    // Readings are per code point; the word starts `character` UTF-16 units into the line.
    const startPoint = Array.from(line.slice(0, target.character)).length;
    readings = all.slice(startPoint, startPoint + Array.from(word).length);
    sentence = sentenceAround(line, target.character, target.character + word.length);
    source = sourceOf(target.document, target.line);
  } else {
    readings = services.readings(study, word);
  }
  const pinyin = readings.every((r) => r !== null)
    ? readings.map((r) => formatReading(r ?? '', 'marks')).join(' ')
    : entry
      ? entry.pinyin
      : '';
  const levels = study.hsk.levels(simplified);
  return {
    simplified,
    traditional,
    pinyin,
    definitions: entry?.definitions ?? [],
    ...(levels.hsk3 ? { hsk3: levels.hsk3 } : {}),
    ...(levels.hsk2 ? { hsk2: levels.hsk2 } : {}),
    sentence,
    source,
    added: isoDate(today),
    tags: [],
  };
}

/** Adds the target word to the word list; returns what was written. */
export async function addToWordList(arg: unknown, files: StudyFiles, services: StudyServices): Promise<AddResult> {
  const study = await services.load();
  const target = await resolveTarget(arg, () => services.load());
  const entry = entryFor(target, study, services);
  const uri = files.wordListUri();
  const merged = await files.update(uri, (text) => {
    const result = addEntry(parseWordList(text), entry);
    return { text: serializeWordList(result.list), result: result.merged };
  });
  await files.readWordList();
  const name = vscode.workspace.asRelativePath(uri, false);
  const args = { word: entry.simplified, file: name };
  void vscode.window.showInformationMessage(merged ? vscode.l10n.t('{word} is already in {file}; merged.', args) : vscode.l10n.t('Added {word} to {file}.', args));
  return { uri: uri.toString(), entry, merged };
}

/** The export formats as quick pick items (a function: l10n is ready only once the extension runs). */
function formatItems(): (vscode.QuickPickItem & { format: ExportFormat; cloze: boolean })[] {
  return [
    { label: 'Anki', description: vscode.l10n.t('tab-separated import text with file headers (Anki 2.1.54+)'), format: 'anki', cloze: false },
    { label: vscode.l10n.t('Anki with cloze cards'), description: vscode.l10n.t('also a cloze note of each saved sentence'), format: 'anki', cloze: true },
    { label: 'Pleco', description: vscode.l10n.t('flashcard text: 简体[繁體]⇥pinyin⇥definition'), format: 'pleco', cloze: false },
    { label: 'CSV', description: vscode.l10n.t('all columns, RFC 4180'), format: 'csv', cloze: false },
  ];
}

/**
 * Export Word List…: asks for the format and the file, unless given
 * (`format`: anki|pleco|csv, `target`: a URI string, `cloze`: boolean — for tests and keybindings).
 */
export async function exportWordListCommand(arg: unknown, files: StudyFiles): Promise<string | undefined> {
  const given = typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as Record<string, unknown>) : {};
  let format: ExportFormat | undefined;
  let cloze = given.cloze === true;
  if (given.format !== undefined) {
    if (!EXPORT_FORMATS.includes(given.format as ExportFormat)) {
      throw new Error(vscode.l10n.t('unknown export format "{format}"; use anki, pleco or csv', { format: typeof given.format === 'string' ? given.format : typeof given.format }));
    }
    format = given.format as ExportFormat;
  } else {
    const picked = await vscode.window.showQuickPick(formatItems(), { title: vscode.l10n.t('Export Word List'), placeHolder: vscode.l10n.t('Format') });
    if (!picked) return undefined;
    format = picked.format;
    cloze = picked.cloze;
  }
  const { uri, list } = await files.readWordList();
  const entries = mergeDuplicates(list);
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The word list {file} has no words to export yet.', { file: vscode.workspace.asRelativePath(uri, false) }));
    return undefined;
  }
  let target: vscode.Uri | undefined;
  if (typeof given.target === 'string') target = vscode.Uri.parse(given.target, true);
  else {
    const base = uri.path.replace(/\.[^./]*$/, '');
    target = await vscode.window.showSaveDialog({
      defaultUri: uri.with({ path: `${base}-${format}.${EXPORT_EXTENSIONS[format]}` }),
      filters: format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('Text')]: ['txt'] },
      title: vscode.l10n.t('Export Word List'),
    });
    if (!target) return undefined;
  }
  const text = exportWordList(entries, format, { cloze, category: 'Chinese Reader' });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const args = { count: entries.length, file: vscode.workspace.asRelativePath(target, false), skipped: list.problems.length };
  void vscode.window.showInformationMessage(
    list.problems.length
      ? vscode.l10n.t('Exported {count} words to {file} ({skipped} malformed rows skipped; see the Problems panel).', args)
      : vscode.l10n.t('Exported {count} words to {file}.', args),
  );
  return target.toString();
}
