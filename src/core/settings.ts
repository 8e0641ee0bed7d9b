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
  // Spam and off-topic diagnostics (issue 5).
  /** Flag spam, off-topic, caption, byline and boilerplate lines in the Problems panel. */
  readonly 'spam.enabled': boolean;
  /** How eagerly lines are flagged. */
  readonly 'spam.sensitivity': 'low' | 'medium' | 'high';
  /** Severity per label (`error`, `warning`, `information`, `hint` or `off`). */
  readonly 'spam.severity': Readonly<Record<string, string>>;
  /** Lines containing one of these terms are never flagged. */
  readonly 'spam.allowTerms': readonly string[];
  /** Lines containing one of these terms are flagged as advertisements. */
  readonly 'spam.denyTerms': readonly string[];
  /** Larger documents are not checked (a one-time notice says so). */
  readonly 'spam.maxFileSizeKB': number;
  /** Longer lines are not checked (a one-time notice says so). */
  readonly 'spam.maxLineLength': number;
}

export type SettingKey = keyof ChineseReaderSettings;

/** Defaults, which must equal the `default` of each property in package.json. */
export const SETTING_DEFAULTS: ChineseReaderSettings = {
  languages: ['plaintext', 'markdown', 'zh-text'],
  autoDetectLanguage: true,
  'scriptIndicator.enabled': true,
  // Spam and off-topic diagnostics (issue 5).
  'spam.enabled': true,
  'spam.sensitivity': 'medium',
  'spam.severity': {
    seo: 'warning',
    ad: 'warning',
    contact: 'warning',
    offtopic: 'warning',
    caption: 'information',
    metadata: 'information',
    boilerplate: 'information',
  },
  'spam.allowTerms': [],
  'spam.denyTerms': [],
  'spam.maxFileSizeKB': 4096,
  'spam.maxLineLength': 10000,
};

/** The language id this extension contributes. */
export const ZH_TEXT_LANGUAGE = 'zh-text';
