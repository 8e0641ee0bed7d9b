/**
 * JavaScript regular-expression syntax -> RE2 syntax, for the user heading rules.
 *
 * Users write rules as JavaScript regular expressions with the `u` flag (what VS Code's
 * settings, MDN and most tutorials show). They run on re2js, a linear-time engine whose
 * syntax is RE2's. The two agree on most of what a heading rule needs; this module
 * rewrites the rest so that a rule matches on RE2 what it would match in JavaScript, and
 * names what RE2 cannot do at all (backreferences, lookaround) instead of letting it
 * fail with an engine message.
 *
 * Where they differ, and what is done:
 * - `\s` / `\S`: JavaScript's include U+3000 (the ideographic space), U+00A0, U+FEFF and
 *   the other Unicode spaces; RE2's are ASCII only. Rewritten to JavaScript's set.
 * - `.`: JavaScript's stops at \n, \r, U+2028 and U+2029; RE2's only at \n. Rewritten.
 * - `\p{…}`: JavaScript wants `\p{Script=Han}` (or `sc=`), RE2 `\p{Han}`; JavaScript accepts
 *   long category names (`\p{Letter}`) and script aliases (`Hani`), RE2 neither. Rewritten
 *   both ways, so `\p{Han}` (RE2's spelling, which JavaScript refuses) is accepted too.
 * - `\u{20000}`, `\uXXXX` (surrogate pairs joined), `\cX`, `\0`: rewritten as `\x{…}`.
 * - Inside a class, `[` is literal in JavaScript but starts `[:alpha:]` in RE2, and `[]` /
 *   `[^]` mean nothing / anything: class members are written out as `\x{…}`.
 * - Named groups become plain groups and the index of `num` is kept, so that any name
 *   JavaScript allows works (RE2 accepts only ASCII word characters in names).
 *
 * Known remaining differences, too small to matter for heading lines: a capture inside a
 * repeated group keeps its last value in RE2 where JavaScript resets it on each
 * repetition (`(?:(a)|b)+` on "ab": "a" against undefined); with the `i` flag RE2 does not
 * fold the Kelvin sign K to k; with the `m` flag RE2's `^`/`$` stop only at \n, and a
 * line handed to the rules holds no \n or \r.
 */

/** What the translation gives: the pattern for re2js, the pattern for JavaScript's parser, and why it cannot run. */
export interface Translation {
  /** The pattern in RE2 syntax. */
  readonly re2: string;
  /** The pattern as JavaScript spells it (RE2-only spellings such as \p{Han} rewritten), to check it with RegExp. */
  readonly js: string;
  /** Why RE2 cannot run the pattern (a backreference, a lookaround), or undefined. */
  readonly refused: string | undefined;
  /** Capturing groups, in order (the whole match is not one). */
  readonly groupCount: number;
  /** The 1-based index of the group named `num`, or undefined when there is none. */
  readonly numGroup: number | undefined;
}

type Ranges = readonly (readonly [number, number])[];

const MAX_CODE_POINT = 0x10ffff;

/** JavaScript's `\s`: WhiteSpace and LineTerminator (ECMA-262, with Unicode's Zs). */
export const JS_WHITESPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** JavaScript's `.` without the `s` flag matches everything but these. */
const LINE_TERMINATORS: Ranges = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

const ASCII: Ranges = [[0, 0x7f]];

function complement(ranges: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (code: number) => `\\x{${code.toString(16)}}`;
const rangeText = (ranges: Ranges) => ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');
/** A class of the given members; RE2 has no `[]`, so a class of nothing is the complement of everything. */
const classOf = (members: string, negated: boolean) => (members === '' ? (negated ? `[${hex(0)}-${hex(MAX_CODE_POINT)}]` : `[^${hex(0)}-${hex(MAX_CODE_POINT)}]`) : `[${negated ? '^' : ''}${members}]`);

/** Long General_Category names (and JavaScript's other aliases) -> the short names RE2 knows. */
const CATEGORY_NAMES: Readonly<Record<string, string>> = (() => {
  const pairs: [string, ...string[]][] = [
    ['L', 'Letter'], ['LC', 'Cased_Letter'], ['Lu', 'Uppercase_Letter'], ['Ll', 'Lowercase_Letter'],
    ['Lt', 'Titlecase_Letter'], ['Lm', 'Modifier_Letter'], ['Lo', 'Other_Letter'],
    ['M', 'Mark', 'Combining_Mark'], ['Mn', 'Nonspacing_Mark'], ['Mc', 'Spacing_Mark'], ['Me', 'Enclosing_Mark'],
    ['N', 'Number'], ['Nd', 'Decimal_Number', 'digit'], ['Nl', 'Letter_Number'], ['No', 'Other_Number'],
    ['P', 'Punctuation', 'punct'], ['Pc', 'Connector_Punctuation'], ['Pd', 'Dash_Punctuation'],
    ['Ps', 'Open_Punctuation'], ['Pe', 'Close_Punctuation'], ['Pi', 'Initial_Punctuation'],
    ['Pf', 'Final_Punctuation'], ['Po', 'Other_Punctuation'],
    ['S', 'Symbol'], ['Sm', 'Math_Symbol'], ['Sc', 'Currency_Symbol'], ['Sk', 'Modifier_Symbol'], ['So', 'Other_Symbol'],
    ['Z', 'Separator'], ['Zs', 'Space_Separator'], ['Zl', 'Line_Separator'], ['Zp', 'Paragraph_Separator'],
    ['C', 'Other'], ['Cc', 'Control', 'cntrl'], ['Cf', 'Format'], ['Cs', 'Surrogate'], ['Co', 'Private_Use'], ['Cn', 'Unassigned'],
  ];
  const map: Record<string, string> = {};
  for (const [short, ...long] of pairs) for (const name of [short, ...long]) map[name] = short;
  return map;
})();

/** Four-letter script codes JavaScript accepts -> the names RE2 knows (the scripts a Chinese text meets). */
const SCRIPT_ALIASES: Readonly<Record<string, string>> = {
  Hani: 'Han', Latn: 'Latin', Hira: 'Hiragana', Kana: 'Katakana', Hang: 'Hangul', Bopo: 'Bopomofo',
  Cyrl: 'Cyrillic', Grek: 'Greek', Arab: 'Arabic', Hebr: 'Hebrew', Thai: 'Thai', Mong: 'Mongolian',
  Tibt: 'Tibetan', Yiii: 'Yi', Zyyy: 'Common', Zinh: 'Inherited', Qaai: 'Inherited',
};

/** A Unicode property as RE2 spells it: a name for \p{…}, or code-point ranges. */
type Property = { readonly name: string; readonly ranges?: undefined } | { readonly ranges: Ranges; readonly name?: undefined };

/** Whether JavaScript's parser accepts `source` with the `u` flag (constructing a RegExp never runs it). */
function jsAccepts(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * `\p{body}` in both syntaxes. `js` is what JavaScript should parse (RE2's bare script
 * names become Script=); `refused` says why RE2 has no equivalent.
 */
function property(body: string): { js: string; property?: Property; refused?: string } {
  const eq = body.indexOf('=');
  const key = eq === -1 ? undefined : body.slice(0, eq);
  const value = eq === -1 ? body : body.slice(eq + 1);
  if (key === 'General_Category' || key === 'gc') {
    const short = CATEGORY_NAMES[value];
    return short ? { js: body, property: { name: short } } : { js: body };
  }
  if (key === 'Script' || key === 'sc') return { js: body, property: { name: SCRIPT_ALIASES[value] ?? value } };
  if (key === 'Script_Extensions' || key === 'scx') {
    return { js: body, refused: `\\p{${body}}: the linear-time engine has no Script_Extensions; use \\p{Script=${value}}` };
  }
  if (key !== undefined) return { js: body };
  const category = CATEGORY_NAMES[body];
  if (category) return { js: body, property: { name: category } };
  if (body === 'ASCII') return { js: body, property: { ranges: ASCII } };
  if (body === 'Any') return { js: body, property: { ranges: [[0, MAX_CODE_POINT]] } };
  // A binary property (Alphabetic, White_Space…): RE2 knows a few of them; re2js says which.
  if (jsAccepts(`\\p{${body}}`)) return { js: body, property: { name: body } };
  // RE2's spelling of a script (\p{Han}): JavaScript needs Script=.
  const script = SCRIPT_ALIASES[body] ?? body;
  if (jsAccepts(`\\p{Script=${body}}`)) return { js: `Script=${body}`, property: { name: script } };
  return { js: body };
}

/**
 * Translates `source`, a JavaScript pattern for the `u` flag, to RE2 syntax. `dotAll` is
 * the `s` flag. The translation assumes nothing about validity: check `js` with RegExp
 * and the RE2 form with re2js; where the input is malformed, either says so.
 */
export function translateToRe2(source: string, dotAll: boolean): Translation {
  let re2 = '';
  let js = '';
  let refused: string | undefined;
  let groupCount = 0;
  let numGroup: number | undefined;
  const refuse = (why: string) => {
    refused ??= why;
  };
  const n = source.length;
  let i = 0;

  /** The code point of the escape at `i` (just after the backslash) when it denotes one, advancing past it. */
  const escapedCodePoint = (): number | undefined => {
    const c = source[i];
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (c !== undefined && c in simple) {
      i++;
      return simple[c];
    }
    if (c === '0' && !/[0-9]/.test(source[i + 1] ?? '')) {
      i++;
      return 0;
    }
    if (c === 'c' && /[A-Za-z]/.test(source[i + 1] ?? '')) {
      i += 2;
      return source.charCodeAt(i - 1) % 32;
    }
    if (c === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      i += 3;
      return parseInt(source.slice(i - 2, i), 16);
    }
    if (c === 'u') {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(source.slice(i + 1, i + 1 + 10));
      if (braced) {
        i += 1 + braced[0].length;
        return parseInt(braced[1]!, 16);
      }
      const four = /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 1, i + 5)) ? parseInt(source.slice(i + 1, i + 5), 16) : undefined;
      if (four === undefined) return undefined;
      i += 5;
      // \uD840\uDC00 is one code point under the u flag.
      if (four >= 0xd800 && four <= 0xdbff && source.slice(i, i + 2) === '\\u' && /^[dD][c-fC-F][0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 6))) {
        const low = parseInt(source.slice(i + 2, i + 6), 16);
        i += 6;
        return 0x10000 + ((four - 0xd800) << 10) + (low - 0xdc00);
      }
      return four;
    }
    return undefined;
  };

  const checkSurrogate = (code: number) => {
    if (code >= 0xd800 && code <= 0xdfff) refuse(`a lone surrogate (${hex(code)}) cannot be matched by the linear-time engine`);
  };

  /** A literal code point at `i` (not an escape), advancing past it. */
  const literal = (): number => {
    const code = source.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    return code;
  };

  while (i < n) {
    const c = source[i]!;
    if (c === '\\') {
      const start = i;
      i++;
      const e = source[i];
      if (e === undefined) {
        re2 += '\\';
        js += '\\';
        break;
      }
      if ('dDwWbB'.includes(e)) {
        // ASCII in both engines (\b and \w agree on what a word character is).
        i++;
        re2 += `\\${e}`;
      } else if (e === 's' || e === 'S') {
        i++;
        re2 += classOf(rangeText(JS_WHITESPACE), e === 'S');
      } else if ((e === 'p' || e === 'P') && source[i + 1] === '{') {
        const close = source.indexOf('}', i + 2);
        const body = close === -1 ? '' : source.slice(i + 2, close);
        const p = property(body);
        if (p.refused) refuse(p.refused);
        i = close === -1 ? n : close + 1;
        js += `\\${e}{${p.js}}`;
        const prop = p.property ?? { name: body };
        re2 += prop.name !== undefined ? `\\${e}{${prop.name}}` : classOf(rangeText(e === 'P' ? complement(prop.ranges) : prop.ranges), false);
        continue;
      } else if (/[1-9]/.test(e) || (e === 'k' && source[i + 1] === '<')) {
        refuse(`${source.slice(start, e === 'k' ? source.indexOf('>', i) + 1 || n : i + 1)} is a backreference, which no linear-time engine can run`);
        i++;
        re2 += `\\${e}`;
      } else {
        const code = escapedCodePoint();
        if (code !== undefined) {
          checkSurrogate(code);
          re2 += hex(code);
        } else {
          // An identity escape (\. \( \/ …): RE2 takes a backslash before any punctuation as literal.
          const lit = literal();
          re2 += /[A-Za-z0-9]/.test(String.fromCodePoint(lit)) ? `\\${String.fromCodePoint(lit)}` : hex(lit);
        }
      }
      js += source.slice(start, i);
      continue;
    }
    if (c === '[') {
      const start = i;
      i++;
      const negated = source[i] === '^';
      if (negated) i++;
      const parts: string[] = [];
      let closed = false;
      /** Rewritten property escapes inside this class, for the JavaScript form: [start offset, text]. */
      const jsParts: [number, string][] = [];
      /** One class member: [text for RE2, code point when it is a single character]. */
      const member = (): [string, number | undefined] => {
        if (source[i] !== '\\') {
          const code = literal();
          checkSurrogate(code);
          return [hex(code), code];
        }
        const escStart = i;
        i++;
        const e = source[i] ?? '';
        if ('dDwW'.includes(e)) {
          i++;
          return [`\\${e}`, undefined];
        }
        if (e === 's') {
          i++;
          return [rangeText(JS_WHITESPACE), undefined];
        }
        if (e === 'S') {
          i++;
          return [rangeText(complement(JS_WHITESPACE)), undefined];
        }
        if (e === 'b') {
          i++;
          return [hex(8), 8];
        }
        if ((e === 'p' || e === 'P') && source[i + 1] === '{') {
          const close = source.indexOf('}', i + 2);
          const body = close === -1 ? '' : source.slice(i + 2, close);
          const p = property(body);
          if (p.refused) refuse(p.refused);
          i = close === -1 ? n : close + 1;
          jsParts.push([escStart, `\\${e}{${p.js}}`]);
          const prop = p.property ?? { name: body };
          return [prop.name !== undefined ? `\\${e}{${prop.name}}` : rangeText(e === 'P' ? complement(prop.ranges) : prop.ranges), undefined];
        }
        if (/[1-9]/.test(e)) refuse(`${source.slice(escStart, i + 1)} inside a character class is not a character the linear-time engine knows`);
        const code = escapedCodePoint();
        if (code !== undefined) {
          checkSurrogate(code);
          return [hex(code), code];
        }
        const lit = i < n ? literal() : 0x5c;
        return [hex(lit), lit];
      };
      while (i < n) {
        if (source[i] === ']') {
          closed = true;
          i++;
          break;
        }
        const [text, code] = member();
        if (code !== undefined && source[i] === '-' && source[i + 1] !== ']' && i + 1 < n) {
          i++;
          const [toText, to] = member();
          parts.push(to !== undefined ? `${text}-${toText}` : `${text}${hex(0x2d)}${toText}`);
        } else {
          parts.push(text);
        }
      }
      // The JavaScript form: the source with the rewritten property escapes put in.
      let classJs = '';
      let at = start;
      for (const [offset, text] of jsParts) {
        const end = source.indexOf('}', offset) + 1;
        classJs += source.slice(at, offset) + text;
        at = end;
      }
      js += classJs + source.slice(at, i);
      if (!closed) {
        re2 += source.slice(start, i);
        continue;
      }
      re2 += classOf(parts.join(''), negated);
      continue;
    }
    if (c === '(') {
      if (source[i + 1] !== '?') {
        groupCount++;
        re2 += '(';
        js += '(';
        i++;
        continue;
      }
      const head = source.slice(i, i + 4);
      if (head.startsWith('(?=') || head.startsWith('(?!')) {
        refuse(`${head.slice(0, 3)}…) is a lookahead, which the linear-time engine cannot run`);
      } else if (head === '(?<=' || head === '(?<!') {
        refuse(`${head}…) is a lookbehind, which the linear-time engine cannot run`);
      } else if (head.startsWith('(?<')) {
        const close = source.indexOf('>', i + 3);
        if (close !== -1) {
          groupCount++;
          if (source.slice(i + 3, close) === 'num') numGroup ??= groupCount;
          re2 += '(';
          js += source.slice(i, close + 1);
          i = close + 1;
          continue;
        }
      }
      // (?: and anything JavaScript will refuse anyway.
      re2 += source.slice(i, i + 3);
      js += source.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (c === '.') {
      re2 += classOf(rangeText(dotAll ? [] : LINE_TERMINATORS), true);
      js += '.';
      i++;
      continue;
    }
    // Quantifiers, anchors, | and ) mean the same in both; other characters are literal.
    const start = i;
    const code = literal();
    checkSurrogate(code);
    re2 += '^$|)*+?{},'.includes(c) || /[0-9]/.test(c) ? c : /[A-Za-z]/.test(c) ? c : code < 0x80 ? hex(code) : String.fromCodePoint(code);
    js += source.slice(start, i);
  }
  return { re2, js, refused, groupCount, numGroup };
}
