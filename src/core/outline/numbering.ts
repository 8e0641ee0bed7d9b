/**
 * Numbering checks: within one parent, headings of one style should count up by one.
 * 第三章 followed by 第五章 is a gap; two 二、 are a duplicate. The first heading of a
 * style under a parent is not checked, because novels often keep counting chapters
 * across volumes (第二卷 opens with 第二十一章).
 */
import { english, type Translate } from '../text/messages';
import type { Heading } from './outline';

/** The diagnostic code every numbering finding carries; quick fixes and filters find them by it. */
export const NUMBERING_CODE = 'zh.numbering';

export interface NumberingFinding {
  readonly code: typeof NUMBERING_CODE;
  readonly problem: 'gap' | 'duplicate' | 'order';
  /** The heading that breaks the sequence. */
  readonly line: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
  /** The heading it follows. */
  readonly previousLine: number;
  readonly message: string;
}

export function checkNumbering(headings: readonly Heading[], t: Translate = english): NumberingFinding[] {
  const findings: NumberingFinding[] = [];
  // Last numbered heading seen per (parent, kind).
  const last = new Map<string, Heading>();
  for (const heading of headings) {
    if (heading.value === undefined) continue;
    const key = `${heading.parent}\u0000${heading.kind}`;
    const previous = last.get(key);
    last.set(key, heading);
    if (!previous || previous.value === undefined) continue;
    const expected = previous.value + 1;
    if (heading.value === expected) continue;
    const problem = heading.value === previous.value ? 'duplicate' : heading.value > expected ? 'gap' : 'order';
    const args = { marker: heading.marker, previous: previous.marker, line: previous.line + 1 };
    const message =
      problem === 'duplicate'
        ? t('Duplicate number: {marker} again (the previous {marker} is on line {line})', args)
        : problem === 'gap'
          ? t('Numbering gap: {marker} follows {previous} (line {line}); {missing}', { ...args, missing: describeMissing(previous.value, heading.value, t) })
          : t('Numbering out of order: {marker} follows {previous} (line {line}); expected number {expected}', { ...args, expected });
    findings.push({
      code: NUMBERING_CODE,
      problem,
      line: heading.line,
      startCharacter: heading.startCharacter,
      endCharacter: heading.startCharacter + Math.max(heading.marker.length, 1),
      previousLine: previous.line,
      message,
    });
  }
  return findings;
}

function describeMissing(from: number, to: number, t: Translate): string {
  const count = to - from - 1;
  return count === 1 ? t('number {number} is missing', { number: from + 1 }) : t('numbers {first} to {last} are missing', { first: from + 1, last: to - 1 });
}
