/**
 * User heading rules from `chineseReader.outline.rules`: `{pattern, level, flags?}` objects.
 *
 * A user's regular expression runs on every short line of every document, inside the
 * extension host, where a backtracking engine can take exponential time on one line
 * (`^(?:a?b?)*$` on 53 characters: seconds; on 60: minutes) and JavaScript cannot
 * interrupt a running match. So user rules do not run on JavaScript's RegExp at all: they
 * run on re2js, a port of RE2 whose matching time is linear in the line's length for any
 * pattern (an automaton, no backtracking). Rules are still written in JavaScript's syntax;
 * ./re2Syntax.ts translates it, and what RE2 cannot do (backreferences, lookaround) is
 * refused with an error naming the entry.
 *
 * That makes the earlier guard unnecessary: the heuristic that refused "dangerous shapes"
 * (which a pattern such as `(?:a?b?)*` slipped past) and the 100 ms time budget per
 * document (which could only look at the clock after a match returned, and made the
 * outline depend on how busy the machine was). What remains bounds the size of the
 * automaton, which is the constant in "linear": a pattern's compiled program, and all of
 * the rules' programs together.
 */
import { RE2JS } from 're2js';
import { SETTINGS_SECTION } from '../settings';
import { parseNumeral } from './numerals';
import { translateToRe2 } from './re2Syntax';
import { RANK_PER_LEVEL } from './rules';

export const RULES_SETTING = `${SETTINGS_SECTION}.outline.rules`;
/**
 * User rules only see trimmed lines of at most this many UTF-16 units. Not a safety
 * measure any more (matching is linear): a heading is short, so a rule such as
 * `^Part (?<num>\d+)` should not make a long paragraph that starts "Part 1 of…" a
 * heading, and the long lines of prose, most of a novel, are not scanned by the rules.
 */
export const USER_RULE_MAX_LINE = 120;
/** Longest pattern, in UTF-16 units; heading patterns are short. */
export const MAX_PATTERN_LENGTH = 300;
/**
 * Largest compiled program one rule may have (re2js's programSize: about two instructions
 * per item of the pattern, `x{n}` counting n times). In the worst case the time per
 * character grows with it, so it is the constant factor of "linear". Heading rules take
 * tens of instructions (`(?:\p{L}?){24}\p{L}{24}`: 76). Measured with re2js 2.10 on a
 * 120-character line: finding the groups of an ambiguous pattern costs about 1 ms up to
 * ~500 instructions, and 15-50 ms above (re2js moves from its bit-state matcher to its
 * NFA); the DFA that answers test() stays under 0.01 ms.
 */
export const MAX_PROGRAM_SIZE = 500;
/** Largest compiled program of all the rules together: every line is tested against each. */
export const MAX_TOTAL_PROGRAM_SIZE = 5_000;
/** Levels a rule may name: 0 (never a heading) to 9. */
export const MAX_USER_LEVEL = 9;

export interface UserRule {
  /** `user#1` for the first rule in the setting: the `kind` the outline reports. */
  readonly kind: string;
  /** 0: lines it matches are never headings (overrides the built-in rules). */
  readonly level: number;
  readonly rank: number;
  /** Instructions in the compiled program (the constant factor of its matching time). */
  readonly programSize: number;
  /** Whether the rule matches somewhere in `line` (as RegExp.prototype.test would). */
  test(line: string): boolean;
  /**
   * For a rule with a named group `num`: the text of the first match in `line` and the
   * value of `num`; undefined when it does not match. Undefined for a rule without `num`,
   * whose headings have no number: finding groups costs far more than test().
   */
  match(line: string): { readonly text: string; readonly value: number | undefined } | undefined;
}

export interface RuleError {
  /** Names the setting and the entry, e.g. chineseReader.outline.rules[2].pattern. */
  readonly setting: string;
  readonly message: string;
}

export interface CompiledUserRules {
  readonly rules: readonly UserRule[];
  readonly errors: readonly RuleError[];
}

export const NO_USER_RULES: CompiledUserRules = { rules: [], errors: [] };

/** The engine's messages for limits, said in the user's terms. */
function explainRe2Error(message: string): string {
  if (/invalid repeat count/.test(message)) {
    return 'repeats more than 1,000 times (the linear-time engine allows {n} up to 1,000, nested repeats counted multiplied)';
  }
  if (/invalid character class range: `\\[pP]/.test(message)) {
    return `uses a Unicode property the linear-time engine does not know (${message.replace(/^.*: /, '')}); categories such as \\p{L} and scripts such as \\p{Script=Han} work`;
  }
  return `cannot run on the linear-time engine: ${message}`;
}

/** Compiles the setting's value; every entry that cannot be used becomes a RuleError naming it. */
export function compileUserRules(value: unknown): CompiledUserRules {
  if (value === undefined || value === null) return NO_USER_RULES;
  if (!Array.isArray(value)) {
    return { rules: [], errors: [{ setting: RULES_SETTING, message: `${RULES_SETTING} must be a list of {"pattern", "level"} objects` }] };
  }
  const rules: UserRule[] = [];
  const errors: RuleError[] = [];
  let totalProgram = 0;
  value.forEach((entry: unknown, index) => {
    const at = `${RULES_SETTING}[${index}]`;
    const fail = (field: string, why: string) => errors.push({ setting: `${at}${field}`, message: `${at}${field} ${why}` });
    if (typeof entry !== 'object' || entry === null) return fail('', 'must be an object such as {"pattern": "^序章", "level": 2}');
    const { pattern, level, flags } = entry as { pattern?: unknown; level?: unknown; flags?: unknown };
    if (typeof pattern !== 'string' || pattern === '') return fail('.pattern', 'must be a non-empty string (a regular expression)');
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > MAX_USER_LEVEL) {
      return fail('.level', `must be a whole number from 0 (never a heading) to ${MAX_USER_LEVEL}`);
    }
    if (flags !== undefined && (typeof flags !== 'string' || !/^[imsu]*$/.test(flags))) {
      return fail('.flags', 'may only hold the regular expression flags i, m, s and u');
    }
    const flagText = typeof flags === 'string' ? flags : '';
    const repeated = [...flagText].find((f, i) => flagText.indexOf(f) !== i);
    if (repeated) return fail('.flags', `gives the flag ${repeated} twice`);
    if (pattern.length > MAX_PATTERN_LENGTH) return fail('.pattern', `is longer than ${MAX_PATTERN_LENGTH} characters`);

    const translation = translateToRe2(pattern, flagText.includes('s'));
    try {
      // Only parsed, never run: the JavaScript syntax users write is checked by JavaScript's own parser.
      new RegExp(translation.js, `${flagText.replace('u', '')}u`);
    } catch (error) {
      return fail('.pattern', `is not a valid regular expression: ${(error as Error).message}`);
    }
    if (translation.refused) return fail('.pattern', `was refused: ${translation.refused}`);
    let regex: RE2JS;
    try {
      regex = RE2JS.compile(translation.re2, (flagText.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flagText.includes('m') ? RE2JS.MULTILINE : 0));
    } catch (error) {
      return fail('.pattern', `was refused: it ${explainRe2Error((error as Error).message)}`);
    }
    const size = regex.programSize();
    if (size > MAX_PROGRAM_SIZE) {
      return fail('.pattern', `was refused: it compiles to ${size.toLocaleString('en-US')} instructions, more than ${MAX_PROGRAM_SIZE.toLocaleString('en-US')} (counted repeats such as .{0,300} make it big)`);
    }
    if (totalProgram + size > MAX_TOTAL_PROGRAM_SIZE) {
      return fail('.pattern', `was skipped: the rules before it already compile to ${totalProgram.toLocaleString('en-US')} instructions, and all the rules together may have ${MAX_TOTAL_PROGRAM_SIZE.toLocaleString('en-US')}`);
    }
    totalProgram += size;
    const { numGroup } = translation;
    rules.push({
      kind: `user#${index + 1}`,
      level,
      rank: level * RANK_PER_LEVEL,
      programSize: size,
      // The DFA answers test() without tracking groups; groups are found only on lines that match.
      test: (line) => regex.test(line),
      match(line) {
        if (numGroup === undefined) return undefined;
        const matcher = regex.matcher(line);
        if (!matcher.find()) return undefined;
        const num = matcher.group(numGroup);
        return { text: matcher.group() ?? '', value: num === null ? undefined : parseNumeral(num) };
      },
    });
  });
  return { rules, errors };
}
