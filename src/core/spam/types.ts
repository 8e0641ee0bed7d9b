import { msg } from '../text/messages';

/**
 * The vocabulary of the spam and off-topic checker: labels, severities and verdicts.
 * Plain data only, shared by the scorer, the CLI and the VS Code adapter.
 */

/** Line labels: the first four are warnings by default, the last three information. */
export const SPAM_LABELS = ['seo', 'ad', 'contact', 'offtopic', 'caption', 'metadata', 'boilerplate'] as const;
export type SpamLabel = (typeof SPAM_LABELS)[number];

/** Severities a label can be given; `off` turns the label off. */
export const SPAM_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SpamSeverity = (typeof SPAM_SEVERITIES)[number];

export const DEFAULT_LABEL_SEVERITY: Readonly<Record<SpamLabel, SpamSeverity>> = {
  seo: 'warning',
  ad: 'warning',
  contact: 'warning',
  offtopic: 'warning',
  caption: 'information',
  metadata: 'information',
  boilerplate: 'information',
};

/** Plain-words name of each label, for messages (templates: translate them where they are shown). */
export const LABEL_TITLE: Readonly<Record<SpamLabel, string>> = {
  seo: msg('keyword-stuffing (SEO) line'),
  ad: msg('advertisement'),
  contact: msg('contact solicitation'),
  offtopic: msg('line from another topic'),
  caption: msg('photo caption'),
  metadata: msg('source or byline'),
  boilerplate: msg('site boilerplate'),
};

/** How eagerly lines are flagged: `high` flags more, `low` only the clearest cases. */
export type SpamSensitivity = 'low' | 'medium' | 'high';

/** The checker's verdict on one line. */
export interface SpamVerdict {
  readonly label: SpamLabel;
  readonly severity: Exclude<SpamSeverity, 'off'>;
  /** Strength of the evidence, 0..1; compared against the sensitivity's threshold. */
  readonly score: number;
  /** The evidence in plain words, strongest first. */
  readonly reasons: readonly string[];
  /** Terms that triggered the verdict, offered by the "allow this term" quick fix. */
  readonly terms: readonly string[];
}

/** A verdict placed in a document. Lines are 0-based; columns in UTF-16 units. */
export interface SpamFinding extends SpamVerdict {
  readonly line: number;
  /** First and last non-blank columns of the line (the diagnostic's range). */
  readonly startColumn: number;
  readonly endColumn: number;
  /** `zh.<label>`: the diagnostic code. */
  readonly code: string;
  readonly message: string;
}

/** Whether a severity counts as a warning for gates and the "delete all warnings" fix. */
export function isWarningSeverity(severity: SpamSeverity): boolean {
  return severity === 'warning' || severity === 'error';
}
