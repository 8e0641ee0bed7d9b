/**
 * The settings schema as TypeScript: the single list the configuration reader, the
 * README's settings table and package.json are checked against (a unit test fails when
 * package.json's `contributes.configuration` drifts from it).
 */

/** Section under which every setting lives. */
export const SETTINGS_SECTION = 'chineseReader';

export interface ChineseReaderSettings {
  /** Language modes in which the features are active. */
  readonly languages: readonly string[];
  /** Switch mostly-Han plaintext documents to zh-text when they open. */
  readonly autoDetectLanguage: boolean;
  /** Show the script indicator in the status bar. */
  readonly 'scriptIndicator.enabled': boolean;

  // Section outline (issue 6)
  /** Outline view, breadcrumbs, Go to Symbol, sticky scroll and folding from Chinese headings. */
  readonly 'outline.enabled': boolean;
  /** Extra heading rules, tried before the built-in ones; level 0 means "never a heading". */
  readonly 'outline.rules': readonly { readonly pattern: string; readonly level: number; readonly flags?: string }[];
  /** Reading speed in characters per minute, for the reading time next to each section. */
  readonly 'outline.readingSpeed': number;
  /** Information diagnostics for gaps and duplicates in numbered headings. */
  readonly 'outline.numberingDiagnostics': boolean;
}

export type SettingKey = keyof ChineseReaderSettings;

/** Defaults, which must equal the `default` of each property in package.json. */
export const SETTING_DEFAULTS: ChineseReaderSettings = {
  languages: ['plaintext', 'markdown', 'zh-text'],
  autoDetectLanguage: true,
  'scriptIndicator.enabled': true,

  // Section outline (issue 6)
  'outline.enabled': true,
  'outline.rules': [],
  'outline.readingSpeed': 400,
  'outline.numberingDiagnostics': true,
};

/** The language id this extension contributes. */
export const ZH_TEXT_LANGUAGE = 'zh-text';
