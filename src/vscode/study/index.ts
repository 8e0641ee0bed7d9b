/**
 * Study tools (issue 13): inline pinyin, the word list and its export, known words and
 * their highlighting, reading statistics and the hover's study section. Registration
 * creates listeners only; dictionaries, models and data load on first use.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { registerCommands } from '../commands';
import type { LookupService } from '../../core/lookup/service';
import type { GlossaryService } from '../glossary/glossaryService';
import { StudyFiles } from './files';
import { studyHoverFor } from './hover';
import { InlinePinyinFeature } from './inlinePinyin';
import { KnownWordsFeature } from './knownWordsFeature';
import { StudyServices } from './services';
import { StatisticsFeature } from './statistics';
import { addToWordList, exportWordListCommand } from './wordListCommands';

export interface StudyFeature extends vscode.Disposable {
  /** The hover's study section for the word in `range` (markdown; links need STUDY_HOVER_LINKABLE enabled). */
  hoverMarkdown(document: vscode.TextDocument, range: vscode.Range): Promise<string>;
  /** The loaded-once readings, dictionary and HSK index, shared with the reading view. */
  readonly services: StudyServices;
}

/**
 * Registers the study tools. `glossary` adds the project glossary's terms to the
 * segmenter; `lookup`, when given, is the hover's lookup service, shared instead of a
 * second dictionary and segmenter.
 */
export function registerStudy(context: vscode.ExtensionContext, glossary?: GlossaryService, lookup?: LookupService): StudyFeature {
  const services = new StudyServices(context.extensionUri, glossary, lookup);
  const files = new StudyFiles(context.globalStorageUri);
  const known = new KnownWordsFeature(files, services);
  const inline = new InlinePinyinFeature(files, services, context.globalState);
  const statistics = new StatisticsFeature(files, services);
  const commands = registerCommands({
    [COMMANDS.addToWordList]: (arg) => addToWordList(arg, files, services),
    [COMMANDS.exportWordList]: (arg) => exportWordListCommand(arg, files),
    [COMMANDS.markKnown]: (arg) => known.markKnown(arg),
    [COMMANDS.markUnknown]: (arg) => known.markUnknown(arg),
    [COMMANDS.markHskLevelsKnown]: (arg) => known.markHskLevelsKnown(arg),
    [COMMANDS.toggleInlinePinyin]: () => inline.toggle(),
    [COMMANDS.toggleUnknownHighlight]: () => known.toggleHighlight(),
    [COMMANDS.showStatistics]: (arg) => statistics.show(arg),
    [COMMANDS.unknownWordRanges]: (arg) => known.highlightedRanges(arg),
  });
  const parts = vscode.Disposable.from(commands, statistics, inline, known, files, services);
  return {
    hoverMarkdown: (document, range) => studyHoverFor(document, range, files, services),
    services,
    dispose: () => {
      parts.dispose();
    },
  };
}
