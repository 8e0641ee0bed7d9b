/** The spam checker's options for a document, read from its settings. */
import type * as vscode from 'vscode';
import { resolveOptions, type SpamOptions } from '../../core/spam/options';
import type { SpamLabel, SpamSeverity } from '../../core/spam/types';
import { getSetting } from '../config';
import { translate } from '../l10n';

export function spamOptionsFor(document: vscode.TextDocument): SpamOptions {
  const severity = getSetting('spam.severity', document);
  return resolveOptions({
    sensitivity: getSetting('spam.sensitivity', document),
    scorer: getSetting('spam.scorer', document),
    // resolveOptions keeps the defaults for labels missing from the user's object and
    // for values that are not severities.
    severity: (severity ?? {}) as Record<SpamLabel, SpamSeverity>,
    allowTerms: getSetting('spam.allowTerms', document),
    denyTerms: getSetting('spam.denyTerms', document),
    maxLineLength: getSetting('spam.maxLineLength', document),
    translate,
  });
}

/** Two option sets give the same verdicts. */
export function sameOptions(a: SpamOptions, b: SpamOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
