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
  // Script conversion (issue 4)
  /** Terms never converted, on top of the project glossary's. */
  readonly 'convert.protectedTerms': readonly string[];
  /** Mark characters whose conversion had to choose between several readings. */
  readonly 'convert.markAmbiguous': boolean;
  /** Ask before converting documents larger than this many MB (0: never ask). */
  readonly 'convert.confirmAboveMB': number;
}

export type SettingKey = keyof ChineseReaderSettings;

/** Defaults, which must equal the `default` of each property in package.json. */
export const SETTING_DEFAULTS: ChineseReaderSettings = {
  languages: ['plaintext', 'markdown', 'zh-text'],
  autoDetectLanguage: true,
  'scriptIndicator.enabled': true,
  // Script conversion (issue 4)
  'convert.protectedTerms': [],
  'convert.markAmbiguous': true,
  'convert.confirmAboveMB': 10,
};

/** The language id this extension contributes. */
export const ZH_TEXT_LANGUAGE = 'zh-text';
