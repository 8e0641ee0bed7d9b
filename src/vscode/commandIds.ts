import { STUDY_HOVER_COMMANDS, STUDY_LINKABLE_COMMANDS } from '../core/study/hoverSections';

/**
 * Every command the extension contributes. Kept free of the `vscode` import so that a
 * unit test can check it against package.json's `contributes.commands`.
 */
export const COMMANDS = {
  /** Quick pick with the script counts and the lines in the other script. */
  showScriptReport: 'chineseReader.showScriptReport',
  /** Opens the sample article (the workspace's seed, else the bundled one, unsaved): the walkthrough's first step. */
  openSample: 'chineseReader.openSample',
  /** Moves the cursor to a line; the target of links in our tooltips. Hidden from the palette. */
  revealLine: 'chineseReader.revealLine',
  // Spam and off-topic diagnostics
  /** Deletes every line flagged as a spam warning in the active file, as one edit. */
  spamDeleteWarningLines: 'chineseReader.spam.deleteWarningLines',
  /** Adds a line to the file's ignore list (workspace state); a quick fix. */
  spamIgnoreLine: 'chineseReader.spam.ignoreLine',
  /** Adds a term to chineseReader.spam.allowTerms; a quick fix. */
  spamAllowTerm: 'chineseReader.spam.allowTerm',
  /** Empties the active file's ignore list. */
  spamClearIgnoredLines: 'chineseReader.spam.clearIgnoredLines',
  // Script conversion
  /** Quick pick of every OpenCC conversion; the status bar indicator's click. */
  convertScript: 'chineseReader.convertScript',
  convertToSimplified: 'chineseReader.convertToSimplified',
  convertToTraditional: 'chineseReader.convertToTraditional',
  convertToTaiwan: 'chineseReader.convertToTaiwan',
  convertToTaiwanPhrases: 'chineseReader.convertToTaiwanPhrases',
  convertToHongKong: 'chineseReader.convertToHongKong',
  convertFromTaiwanPhrases: 'chineseReader.convertFromTaiwanPhrases',
  /** Explorer: convert the selected files and folders, after a preview. */
  convertFiles: 'chineseReader.convertFiles',
  /** Read-only copy of the active file in the other script, beside it. */
  openConvertedCopy: 'chineseReader.openConvertedCopy',
  /** Quick pick of the readings of an ambiguous character the conversion marked. */
  chooseConversionAlternative: 'chineseReader.chooseConversionAlternative',
  // Study tools
  /** Saves the selected (or linked) word with its sentence to the word list. */
  addToWordList: STUDY_HOVER_COMMANDS.addToWordList,
  /** Writes the word list as Anki, Pleco or CSV. */
  exportWordList: 'chineseReader.study.exportWordList',
  /** Adds the selected (or linked) word to the known-words list. */
  markKnown: STUDY_HOVER_COMMANDS.markKnown,
  /** Removes the selected (or linked) word from the known-words list. */
  markUnknown: STUDY_HOVER_COMMANDS.markUnknown,
  /** Quick pick: adds every word of HSK levels 1..N (2.0 or 3.0) to the known-words list. */
  markHskLevelsKnown: 'chineseReader.study.markHskLevelsKnown',
  /** Inline pinyin on and off (back to the last mode that was on); the status bar entry's click. */
  toggleInlinePinyin: 'chineseReader.study.toggleInlinePinyin',
  /** Highlighting of unknown words on and off. */
  toggleUnknownHighlight: 'chineseReader.study.toggleUnknownHighlight',
  /** Webview with the reading statistics of the active document; returns them. */
  showStatistics: 'chineseReader.study.showStatistics',
  /** Returns the unknown-word ranges highlighted in an editor (for tests and other extensions). Hidden from the palette. */
  unknownWordRanges: 'chineseReader.study.unknownWordRanges',
  // Reading view
  /** Opens the reading view of the active (or given) document beside it. */
  openReadingView: 'chineseReader.reading.openToSide',
  /** Writes the reading view as one self-contained HTML file without scripts. */
  exportReadingView: 'chineseReader.reading.exportHtml',
  /** Returns a reading view's state as the extension sees it (for tests). Hidden from the palette. */
  readingViewState: 'chineseReader.reading.testState',
  /** Hands a reading view a message in the webview's shape (for tests). Hidden from the palette. */
  readingViewMessage: 'chineseReader.reading.testMessage',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Commands that markdown we render (tooltips, hovers) may link to; nothing else is trusted. */
export const LINKABLE_COMMANDS: readonly CommandId[] = [COMMANDS.revealLine, COMMANDS.showScriptReport];

/** Commands the hover's study links may run (src/core/study/hoverSections.ts); the hover enables exactly these. */
export const STUDY_HOVER_LINKABLE: readonly string[] = STUDY_LINKABLE_COMMANDS;
