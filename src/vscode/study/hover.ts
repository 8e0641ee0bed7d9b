/**
 * The study tools' additions to the hover, for the hover provider to append: HSK levels,
 * frequency rank, a single character's radical and components, and the command links.
 * The markdown comes from core (escaped); the hover must enable exactly
 * STUDY_HOVER_LINKABLE on its MarkdownString (`isTrusted = { enabledCommands }`).
 */
import * as vscode from 'vscode';
import { studyHoverMarkdown } from '../../core/study/hoverSections';
import type { StudyFiles } from './files';
import type { StudyServices } from './services';
import { translate } from '../l10n';

export async function studyHoverFor(
  document: vscode.TextDocument,
  range: vscode.Range,
  files: StudyFiles,
  services: StudyServices,
): Promise<string> {
  if (!range.isSingleLine || range.isEmpty) return '';
  const word = document.getText(range);
  // The first hover shows the dictionary entry at once; the study part joins the hovers
  // after the pinyin model and the components data have loaded (started here).
  const { study, components: index } = services.loadedNow();
  if (!study || !index) return '';
  const known = await files.knownWordsIndex(study.toSimplified);
  const entries = study.lookup.cedict.lookup(word);
  const frequency = Math.max(0, ...entries.map((e) => e.frequency));
  const rank = frequency > 0 ? index.frequencyRank(frequency) : undefined;
  const components = Array.from(word).length === 1 ? index.componentsOf(word) : undefined;
  const levels = study.hsk.levels(word);
  return studyHoverMarkdown({
    word,
    levels: levels.hsk2 || levels.hsk3 ? levels : study.hsk.levels(study.toSimplified(word)),
    ...(rank ? { frequencyRank: rank } : {}),
    known: known.has(word),
    at: { uri: document.uri.toString(), line: range.start.line, character: range.start.character },
    ...(components ? { components } : {}),
  }, translate);
}
