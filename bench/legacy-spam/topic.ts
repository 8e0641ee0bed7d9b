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
 *
 * Shared everyday words (投资, 公司, 记者, 出现: the most common two-character words by
 * jieba's IDF table) count half: two stories from the same field share them whatever
 * they are about, while a paragraph of the same story shares its names and subject words.
 */
import { COMMON_WORDS } from './common.generated';

export interface TopicOverlap {
  /** Distinct content bigrams of the line found elsewhere in the document. */
  readonly shared: number;
  /** Distinct content bigrams of the line. */
  readonly total: number;
  /** Distinct content bigrams in the rest of the document. */
  readonly context: number;
  /** Of the shared bigrams, those that are everyday words (see isCommonWord). */
  readonly common?: number;
  /** The shared everyday words themselves, for the verdict's reason (computed on demand). */
  readonly commonWords?: () => readonly string[];
}

/** Weight of a shared everyday word against a shared subject word. */
export const COMMON_WEIGHT = 0.5;

let common: Set<string> | undefined;

/** The bigram is one of the everyday words of common.generated.ts (built on first use). */
export function isCommonWord(bigram: string): boolean {
  if (!common) {
    common = new Set();
    for (let i = 0; i + 1 < COMMON_WORDS.length; i += 2) common.add(COMMON_WORDS.slice(i, i + 2));
  }
  return common.has(bigram);
}

/** Context size (distinct bigrams) at which chance overlap reaches 63 % of its ceiling. */
const SCALE = 300;
/** Below this many distinct bigrams elsewhere, there is no document to compare with. */
export const MIN_CONTEXT = 60;

/**
 * Chance-corrected share of the line's bigrams that the document shares: 0 = none.
 * `discountCommon` counts shared everyday words at COMMON_WEIGHT: the off-topic label
 * uses it; the evidence other labels take from sharing little vocabulary does not.
 */
export function offTopicScore(overlap: TopicOverlap, discountCommon = false): number | undefined {
  if (overlap.total === 0 || overlap.context < MIN_CONTEXT) return undefined;
  const shared = overlap.shared - (discountCommon ? (1 - COMMON_WEIGHT) * (overlap.common ?? 0) : 0);
  return shared / overlap.total / (1 - Math.exp(-overlap.context / SCALE));
}
