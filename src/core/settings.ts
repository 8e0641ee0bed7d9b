/**
 * The settings schema as TypeScript: the single list the configuration reader, the
 * README's settings table and package.json are checked against (a unit test fails when
 * package.json's `contributes.configuration` drifts from it).
 */
import { DEFAULT_LABEL_SEVERITY } from './spam/types';

/** Section under which every setting lives. */
export const SETTINGS_SECTION = 'chineseReader';

export interface ChineseReaderSettings {
  /** Language modes in which the features are active. */
  readonly languages: readonly string[];
  /** Switch mostly-Han plaintext documents to zh-text when they open. */
  readonly autoDetectLanguage: boolean;
  /** Show the script indicator in the status bar. */
  readonly 'scriptIndicator.enabled': boolean;

  // Section outline
  /** Outline view, breadcrumbs, Go to Symbol, sticky scroll and folding from Chinese headings. */
  readonly 'outline.enabled': boolean;
  /** Extra heading rules, tried before the built-in ones; level 0 means "never a heading". */
  readonly 'outline.rules': readonly { readonly pattern: string; readonly level: number; readonly flags?: string }[];
  /** Reading speed in characters per minute, for the reading time next to each section. */
  readonly 'outline.readingSpeed': number;
  /** Information diagnostics for gaps and duplicates in numbered headings. */
  readonly 'outline.numberingDiagnostics': boolean;

  // Hover glossary
  /** Show pinyin and English when hovering Chinese words. */
  readonly 'hover.enabled': boolean;
  /** Colour pinyin syllables by tone. */
  readonly 'hover.toneColors': 'pleco' | 'none';
  /** Show zhuyin (bopomofo) beside the pinyin. */
  readonly 'hover.zhuyin': boolean;
  /** Which script a headword is shown in first. */
  readonly 'hover.scriptFirst': 'hovered' | 'traditional' | 'simplified';
  /** Definitions shown per entry. */
  readonly 'hover.maxDefinitions': number;
  /** Glossary files: workspace-relative paths or glob patterns. */
  readonly 'glossary.files': readonly string[];
  /** Inline glossary entries. */
  readonly 'glossary.entries': readonly GlossaryEntrySetting[];
  /** The word segmentation engine. */
  readonly 'segmenter.engine': 'jieba-rs' | 'nodejieba';

  // Spam and off-topic diagnostics
  /** Flag spam, off-topic, caption, byline and boilerplate lines in the Problems panel. */
  readonly 'spam.enabled': boolean;
  /** How eagerly lines are flagged. */
  readonly 'spam.sensitivity': 'low' | 'medium' | 'high';
  /** `hybrid`: the rule detectors, then the learned model on the lines they leave alone; `rules`: the rules alone. */
  readonly 'spam.scorer': 'hybrid' | 'rules';
  /** Severity per label (`error`, `warning`, `information`, `hint` or `off`). */
  readonly 'spam.severity': Readonly<Record<string, string>>;
  /** List information findings in the Problems panel (off: only faded, as hints). */
  readonly 'spam.listInformation': boolean;
  /** Lines containing one of these terms are never flagged. */
  readonly 'spam.allowTerms': readonly string[];
  /** Lines containing one of these terms are flagged as advertisements. */
  readonly 'spam.denyTerms': readonly string[];
  /** Larger documents are not checked (a one-time notice says so). */
  readonly 'spam.maxFileSizeKB': number;
  /** Longer lines are not checked (a one-time notice says so). */
  readonly 'spam.maxLineLength': number;

  // Script conversion
  /** Terms never converted, on top of the project glossary's. */
  readonly 'convert.protectedTerms': readonly string[];
  /** Mark characters whose conversion had to choose between several readings. */
  readonly 'convert.markAmbiguous': boolean;
  /** Ask before converting documents larger than this many MB (0: never ask). */
  readonly 'convert.confirmAboveMB': number;

  // Study tools
  /** The word list: a path relative to the first workspace folder (or absolute). */
  readonly 'study.wordListFile': string;
  /** The known-words list: a path relative to the first workspace folder (or absolute). */
  readonly 'study.knownWordsFile': string;
  /** Which words get inline pinyin. */
  readonly 'study.inlinePinyin': 'off' | 'unknown' | 'aboveLevel' | 'all';
  /** How inline pinyin is written. */
  readonly 'study.pinyinStyle': 'marks' | 'numbers' | 'zhuyin';
  /** The HSK syllabus for levels in inline pinyin and statistics. */
  readonly 'study.hskVersion': '3.0' | '2.0';
  /** Inline pinyin in `aboveLevel` mode: words above this HSK level. */
  readonly 'study.hskLevel': number;
  /** Mark words not in the known-words list. */
  readonly 'study.highlightUnknown': boolean;
  /** Show the share of known words of the active document in the status bar. */
  readonly 'study.knownShareInStatusBar': boolean;

  // Reading view
  /** Which words get ruby pinyin in the reading view. */
  readonly 'reading.pinyin': 'all' | 'unknown' | 'aboveLevel' | 'none';
  /** Tone colours of the reading view's pinyin. */
  readonly 'reading.toneColors': 'pleco' | 'mdbg' | 'none';
  /** Show the word-by-word English gloss under each line when a view opens. */
  readonly 'reading.interlinearGloss': boolean;
  /** How lines flagged as spam warnings are shown. */
  readonly 'reading.spamLines': 'strike' | 'hide' | 'show';
}

/** One inline glossary entry in settings.json. */
export interface GlossaryEntrySetting {
  readonly term: string;
  readonly other?: string;
  readonly pinyin?: string;
  readonly english: string;
  readonly note?: string;
}

export type SettingKey = keyof ChineseReaderSettings;

/** Defaults, which must equal the `default` of each property in package.json. */
export const SETTING_DEFAULTS: ChineseReaderSettings = {
  languages: ['plaintext', 'markdown', 'zh-text'],
  autoDetectLanguage: true,
  'scriptIndicator.enabled': true,

  // Section outline
  'outline.enabled': true,
  'outline.rules': [],
  'outline.readingSpeed': 400,
  'outline.numberingDiagnostics': true,

  // Hover glossary
  'hover.enabled': true,
  'hover.toneColors': 'pleco',
  'hover.zhuyin': false,
  'hover.scriptFirst': 'hovered',
  'hover.maxDefinitions': 8,
  'glossary.files': ['**/{glossary,*.glossary}.{tsv,csv,json}'],
  'glossary.entries': [],
  'segmenter.engine': 'jieba-rs',

  // Spam and off-topic diagnostics
  'spam.enabled': true,
  'spam.sensitivity': 'medium',
  'spam.scorer': 'hybrid',
  // The checker's own defaults, so the setting and the checker cannot drift apart.
  'spam.severity': { ...DEFAULT_LABEL_SEVERITY },
  'spam.listInformation': true,
  'spam.allowTerms': [],
  'spam.denyTerms': [],
  'spam.maxFileSizeKB': 4096,
  'spam.maxLineLength': 10000,

  // Script conversion
  'convert.protectedTerms': [],
  'convert.markAmbiguous': true,
  'convert.confirmAboveMB': 10,

  // Study tools
  'study.wordListFile': 'chinese-words.tsv',
  'study.knownWordsFile': 'chinese-known-words.txt',
  'study.inlinePinyin': 'off',
  'study.pinyinStyle': 'marks',
  'study.hskVersion': '3.0',
  'study.hskLevel': 3,
  'study.highlightUnknown': false,
  'study.knownShareInStatusBar': false,

  // Reading view
  'reading.pinyin': 'all',
  'reading.toneColors': 'pleco',
  'reading.interlinearGloss': false,
  'reading.spamLines': 'strike',
};

/** The language id this extension contributes. */
export const ZH_TEXT_LANGUAGE = 'zh-text';
