/** What the user can tune: sensitivity, severities, allow and deny lists, size limits. */
import { DEFAULT_LABEL_SEVERITY, type SpamLabel, type SpamSensitivity, type SpamSeverity } from './types';
import { foldLine } from './normalize';
import type { Translate } from '../text/messages';

export interface SpamOptions {
  readonly sensitivity: SpamSensitivity;
  /** Severity per label; `off` turns a label off. */
  readonly severity: Readonly<Record<SpamLabel, SpamSeverity>>;
  /** A line containing one of these terms is never flagged. */
  readonly allowTerms: readonly string[];
  /** A line containing one of these terms is flagged as an advertisement. */
  readonly denyTerms: readonly string[];
  /** Lines longer than this (UTF-16 units) are not scored: no natural paragraph is that long. */
  readonly maxLineLength: number;
  /** Translates the reasons (English when absent, as the CLI prints them); not compared by sameOptions. */
  readonly translate?: Translate;
  /**
   * `hybrid` (default): the rule detectors, plus the learned model on the lines they leave
   * alone; `rules`: the rule detectors only. On the real-text proxy the hybrid's recall is
   * higher for every held-out spam source at no lower precision, and on the dev set it
   * adds nothing (docs/spam-model.md).
   */
  readonly scorer?: 'hybrid' | 'rules';
}

export const DEFAULT_SPAM_OPTIONS: SpamOptions = {
  sensitivity: 'medium',
  severity: DEFAULT_LABEL_SEVERITY,
  allowTerms: [],
  denyTerms: [],
  maxLineLength: 10_000,
};

/** Evidence points a warning needs at each sensitivity. */
export const WARNING_THRESHOLD: Readonly<Record<SpamSensitivity, number>> = { low: 2.5, medium: 2, high: 1.5 };

/**
 * Largest chance-corrected share of a line's bigrams found elsewhere in the document
 * for the line to count as off-topic (see topic.ts).
 */
export const OFFTOPIC_THRESHOLD: Readonly<Record<SpamSensitivity, number>> = { low: 0.06, medium: 0.11, high: 0.16 };

/**
 * A paragraph is off-topic only if it is the one paragraph of its document below this
 * chance-corrected share: when two or more are, the document is loosely connected.
 */
export const LOOSE_PARAGRAPH_SCORE = 0.2;

/** Merges partial user options over the defaults; unknown severities fall back. */
export function resolveOptions(partial: Partial<SpamOptions> = {}): SpamOptions {
  const severity = { ...DEFAULT_LABEL_SEVERITY };
  for (const [label, value] of Object.entries(partial.severity ?? {})) {
    if (label in severity && ['error', 'warning', 'information', 'hint', 'off'].includes(value)) {
      severity[label as SpamLabel] = value;
    }
  }
  const terms = (list: readonly string[] | undefined) =>
    (list ?? []).filter((t) => typeof t === 'string' && t.trim().length > 0).map((t) => t.trim());
  return {
    sensitivity: partial.sensitivity && partial.sensitivity in WARNING_THRESHOLD ? partial.sensitivity : 'medium',
    severity,
    allowTerms: terms(partial.allowTerms),
    denyTerms: terms(partial.denyTerms),
    maxLineLength: partial.maxLineLength && partial.maxLineLength > 0 ? partial.maxLineLength : DEFAULT_SPAM_OPTIONS.maxLineLength,
    ...(partial.translate ? { translate: partial.translate } : {}),
    scorer: partial.scorer === 'rules' ? 'rules' : 'hybrid',
  };
}

/** Allow/deny terms folded like lines, so that 下載 in the list matches 下载 in the text. */
export function foldTerms(terms: readonly string[]): string[] {
  return terms.map((t) => foldLine(t));
}
