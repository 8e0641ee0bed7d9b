/**
 * User heading rules from `chineseReader.outline.rules`: `{pattern, level}` objects.
 *
 * A user's regular expression runs on every line of every document, inside the
 * extension host, where a catastrophic pattern would freeze the editor. JavaScript
 * cannot interrupt a running match, so the guard is in three layers:
 *
 * 1. Static refusal of the shapes that backtrack exponentially: a quantified group that
 *    itself contains a quantifier (`(a+)+`, `(.*a){3}`) or an alternation (`(a|aa)*`),
 *    and quantifiers whose ranges, multiplied together, allow more than MAX_MATCH_WAYS
 *    ways to split a line (the polynomial cost of `.*.*.*.*x`, or of `.{0,99}` repeated,
 *    grows with that product; an unbounded quantifier counts as the longest line).
 * 2. User rules only see lines of at most USER_RULE_MAX_LINE UTF-16 units (headings are
 *    short), which bounds what a polynomial pattern can cost on one line.
 * 3. A time budget per document: once the user rules have spent USER_RULE_BUDGET_MS on
 *    a document, they are skipped for the rest of it and an error says so.
 */
import { SETTINGS_SECTION } from '../settings';
import { parseNumeral } from './numerals';
import { RANK_PER_LEVEL } from './rules';

export const RULES_SETTING = `${SETTINGS_SECTION}.outline.rules`;
export const USER_RULE_MAX_LINE = 120;
export const USER_RULE_BUDGET_MS = 100;
/**
 * Most ways a pattern's quantifiers may split one line: three unbounded quantifiers on a
 * 120-character line (121³ ≈ 1.8 million) cost at most about 50 ms a line; a fourth
 * multiplies that by 120 (measured: `.*.*.*x` 46 ms, `.*.*.*.*x` 1.1 s, `.{0,120}` × 4 3.5 s).
 */
export const MAX_MATCH_WAYS = 2_000_000;
export const MAX_PATTERN_LENGTH = 300;
/** Levels a rule may name: 0 (never a heading) to 9. */
export const MAX_USER_LEVEL = 9;

export interface UserRule {
  /** `user#1` for the first rule in the setting: the `kind` the outline reports. */
  readonly kind: string;
  readonly pattern: RegExp;
  /** 0: lines it matches are never headings (overrides the built-in rules). */
  readonly level: number;
  readonly rank: number;
  /** Value of the named group `num`, when the pattern has one. */
  value(match: RegExpExecArray): number | undefined;
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

/**
 * Why `source` could backtrack catastrophically, or undefined when it passes the
 * static checks. A heuristic: it reads the pattern's structure, not its meaning.
 */
export function backtrackingRisk(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `it is longer than ${MAX_PATTERN_LENGTH} characters`;
  interface Group {
    quantified: boolean;
    alternation: boolean;
  }
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let ways = 1;
  let closed: Group | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const justClosed = closed;
    closed = undefined;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip the character class: quantifier characters inside it are literal.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      // (?: (?= (?<name> …: this ? is group syntax, not a quantifier.
      if (source[i + 1] === '?') i++;
      continue;
    }
    if (c === ')') {
      if (stack.length > 1) closed = stack.pop();
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1]!.alternation = true;
      continue;
    }
    const brace = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === '*' || c === '+' || c === '?' || brace) {
      // A lazy or possessive suffix (a*?) is not another quantifier.
      if (c === '?' && i > 0 && /[*+?}]/.test(source[i - 1]!) && source[i - 2] !== '\\') continue;
      const max = c === '?' ? 1 : brace ? (brace[2] === undefined ? Number(brace[1]) : brace[3] === '' ? Infinity : Number(brace[3])) : Infinity;
      const min = c === '+' ? 1 : brace ? Number(brace[1]) : 0;
      if (brace) i += brace[0].length - 1;
      ways *= Math.max(1, Math.min(max, USER_RULE_MAX_LINE) - Math.min(min, USER_RULE_MAX_LINE) + 1);
      if (justClosed && max > 1) {
        if (justClosed.quantified) return 'a repeated group contains a quantifier (nested quantifiers such as (a+)+)';
        if (justClosed.alternation) return 'a repeated group contains an alternation (such as (a|aa)*)';
      }
      if (max > 1 || max === Infinity) for (const g of stack) g.quantified = true;
      if (justClosed?.quantified) for (const g of stack) g.quantified = true;
      continue;
    }
    if (justClosed?.quantified) for (const g of stack) g.quantified = true;
  }
  if (ways > MAX_MATCH_WAYS) {
    return `its quantifiers allow about ${ways.toExponential(1)} ways to match a line (at most ${MAX_MATCH_WAYS.toLocaleString('en-US')}: no more than three unbounded quantifiers such as .* or \\s+)`;
  }
  return undefined;
}

/** Compiles the setting's value; every entry that cannot be used becomes a RuleError naming it. */
export function compileUserRules(value: unknown): CompiledUserRules {
  if (value === undefined || value === null) return NO_USER_RULES;
  if (!Array.isArray(value)) {
    return { rules: [], errors: [{ setting: RULES_SETTING, message: `${RULES_SETTING} must be a list of {"pattern", "level"} objects` }] };
  }
  const rules: UserRule[] = [];
  const errors: RuleError[] = [];
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
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, `${typeof flags === 'string' ? flags.replace('u', '') : ''}u`);
    } catch (error) {
      return fail('.pattern', `is not a valid regular expression: ${(error as Error).message}`);
    }
    const risk = backtrackingRisk(pattern);
    if (risk) return fail('.pattern', `was refused because it could hang the editor: ${risk}`);
    rules.push({
      kind: `user#${index + 1}`,
      pattern: regex,
      level,
      rank: level * RANK_PER_LEVEL,
      value: (match) => (match.groups?.num === undefined ? undefined : parseNumeral(match.groups.num)),
    });
  });
  return { rules, errors };
}
