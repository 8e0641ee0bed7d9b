/** Picks the source variant of a text when the user names only the target. */
import { detectScript } from '../script/detect';
import type { Variant } from './variants';

/**
 * Simplified text converts from `cn`; anything else (Traditional, mixed, or text with no
 * telling characters) from OpenCC standard Traditional `t`, which accepts Taiwan and
 * Hong Kong forms too. Converting to `cn` always starts from `t`: Simplified characters
 * pass through t2s unchanged, so a mixed text comes out wholly Simplified.
 */
export function detectSourceVariant(text: string, to: Variant): Variant {
  if (to === 'cn') return 't';
  return detectScript(text).script === 'simplified' ? 'cn' : 't';
}
