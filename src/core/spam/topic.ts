/**
 * Topical similarity by character bigrams: how much of a line's vocabulary occurs in
 * the rest of the document. Word segmentation is not needed: two-character words make
 * up most of Chinese vocabulary, and a pasted paragraph from another story shares few
 * of them with its host (the dev set's off-topic lines share under 10 %).
 *
 * The raw share grows with the size of the rest of the document (more text, more
 * chance matches of common pairs), so it is divided by the share expected by chance
 * for a context of that size, 1 - exp(-size / SCALE). A large document makes almost
 * every line look related: off-topic detection is for articles, not whole books.
 */

export interface TopicOverlap {
  /** Distinct content bigrams of the line found elsewhere in the document. */
  readonly shared: number;
  /** Distinct content bigrams of the line. */
  readonly total: number;
  /** Distinct content bigrams in the rest of the document. */
  readonly context: number;
}

/** Context size (distinct bigrams) at which chance overlap reaches 63 % of its ceiling. */
const SCALE = 300;
/** Below this many distinct bigrams elsewhere, there is no document to compare with. */
export const MIN_CONTEXT = 60;

/** Chance-corrected share of the line's bigrams that the document shares: 0 = none. */
export function offTopicScore(overlap: TopicOverlap): number | undefined {
  if (overlap.total === 0 || overlap.context < MIN_CONTEXT) return undefined;
  return overlap.shared / overlap.total / (1 - Math.exp(-overlap.context / SCALE));
}
