/**
 * Typed access to the `chineseReader.*` settings, read for the document at hand so that
 * folder and language-specific overrides apply; nothing is cached across files.
 */
import * as vscode from 'vscode';
import {
  SETTINGS_SECTION,
  SETTING_DEFAULTS,
  type ChineseReaderSettings,
  type SettingKey,
} from '../core/settings';

/**
 * Reads a setting for `scope`: a document or URI for the value that applies there, or
 * null for the value that applies to no resource in particular (window-wide uses).
 */
export function getSetting<K extends SettingKey>(
  key: K,
  scope: vscode.ConfigurationScope | null,
): ChineseReaderSettings[K] {
  const value: unknown = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get(key);
  const fallback = SETTING_DEFAULTS[key];
  // settings.json is hand-edited: a value of the wrong shape falls back to the default
  // instead of breaking every feature that reads it.
  const sameShape = Array.isArray(fallback)
    ? Array.isArray(value) && value.every((v) => typeof v === 'string')
    : typeof value === typeof fallback;
  return sameShape ? (value as ChineseReaderSettings[K]) : fallback;
}

/** Whether the features apply to `document`: its language is listed and its scheme holds content. */
export function isChineseReaderDocument(document: vscode.TextDocument): boolean {
  if (NON_CONTENT_SCHEMES.has(document.uri.scheme)) return false;
  return getSetting('languages', document).includes(document.languageId);
}

/** Documents VS Code opens that are not a user's text: output panes, SCM inputs, diffs' git side. */
const NON_CONTENT_SCHEMES = new Set(['output', 'vscode-scm', 'git', 'debug', 'comment', 'vscode-settings']);

/** True when `event` changes any `chineseReader.*` setting. */
export function affectsChineseReader(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTINGS_SECTION);
}
