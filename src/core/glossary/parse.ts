/**
 * Glossary files: TSV, CSV or JSON rows of
 *   term, other-script form (optional), pinyin (optional), English gloss, note (optional).
 * A bad row becomes a problem with its line; parsing never throws.
 */

export type GlossaryFormat = 'tsv' | 'csv' | 'json';

export interface GlossaryRow {
  readonly term: string;
  readonly other: string;
  readonly pinyin: string;
  readonly english: string;
  readonly note: string;
  /** 0-based line of the row in its file. */
  readonly line: number;
}

export interface GlossaryProblem {
  /** 0-based line. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedGlossary {
  readonly rows: GlossaryRow[];
  readonly problems: GlossaryProblem[];
}

/** Inline glossary entries as settings.json holds them. */
export interface GlossaryEntryInput {
  readonly term?: unknown;
  readonly other?: unknown;
  readonly pinyin?: unknown;
  readonly english?: unknown;
  readonly note?: unknown;
}

const HAN = /\p{Script=Han}/u;

/** The format a file name implies, or undefined for anything else. */
export function glossaryFormatOf(fileName: string): GlossaryFormat | undefined {
  const match = /\.(tsv|csv|json)$/i.exec(fileName);
  return match ? (match[1]!.toLowerCase() as GlossaryFormat) : undefined;
}

/** Checks one row's cells; returns the row or the problem. */
function rowFrom(cells: readonly string[], line: number): GlossaryRow | GlossaryProblem {
  const trimmed = cells.map((c) => c.trim());
  let term: string, other = '', pinyin = '', english: string, note = '';
  if (trimmed.length === 2) [term = '', english = ''] = trimmed;
  else if (trimmed.length === 4 || trimmed.length === 5) [term = '', other = '', pinyin = '', english = '', note = ''] = trimmed;
  else
    return {
      line,
      message: `expected 2 columns (term, English) or 4-5 columns (term, other script, pinyin, English, note), found ${trimmed.length}`,
    };
  return checkRow({ term, other, pinyin, english, note, line });
}

/**
 * The longest term a glossary row may have, in UTF-16 units. Lookups try every term length
 * a first character has at every position of a line: a term as long as a book made each
 * lookup cost the line's length (398 ms on a 40k-character line). The longest CC-CEDICT
 * headword is far shorter.
 */
export const MAX_TERM_LENGTH = 64;

function checkRow(row: GlossaryRow): GlossaryRow | GlossaryProblem {
  if (!row.term) return { line: row.line, message: 'the term is empty' };
  if (row.term.length > MAX_TERM_LENGTH)
    return { line: row.line, message: `the term is ${row.term.length} characters long; a term may have at most ${MAX_TERM_LENGTH}` };
  if (!HAN.test(row.term)) return { line: row.line, message: `the term "${row.term}" has no Chinese character` };
  if (/\s/.test(row.term)) return { line: row.line, message: `the term "${row.term}" contains white space` };
  if (row.other && !HAN.test(row.other)) return { line: row.line, message: `the other-script form "${row.other}" has no Chinese character` };
  if (row.other && [...row.other].length !== [...row.term].length)
    return { line: row.line, message: `the other-script form "${row.other}" has a different length from "${row.term}"` };
  if (!row.english) return { line: row.line, message: `the English gloss of "${row.term}" is empty` };
  return row;
}

const isProblem = (x: GlossaryRow | GlossaryProblem): x is GlossaryProblem => 'message' in x;

/** A header row names its columns; it is skipped. */
function isHeader(cells: readonly string[]): boolean {
  return /^term$/i.test(cells[0]?.trim() ?? '');
}

function parseDelimited(text: string, splitLine: (line: string) => string[] | undefined): ParsedGlossary {
  const rows: GlossaryRow[] = [];
  const problems: GlossaryProblem[] = [];
  const lines = text.split(/\r?\n/);
  let headerSeen = false;
  lines.forEach((raw, line) => {
    const content = line === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!content.trim() || content.trimStart().startsWith('#')) return;
    const cells = splitLine(content);
    if (!cells) {
      problems.push({ line, message: 'unbalanced double quote' });
      return;
    }
    if (!headerSeen && rows.length === 0 && isHeader(cells)) {
      headerSeen = true;
      return;
    }
    const row = rowFrom(cells, line);
    if (isProblem(row)) problems.push(row);
    else rows.push(row);
  });
  return { rows, problems };
}

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields); undefined if a quote is left open. */
export function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

/** 0-based line of each top-level element of a JSON array, found without a full parse. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (expectElement && !/\s/.test(ch) && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1 && ch === '[') expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/**
 * Offset of the first JSON syntax error in `text` (Node 20's JSON.parse messages do not
 * give one), so that the diagnostic lands on the broken line.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  class SyntaxAt extends Error {}
  const fail = (): never => {
    throw new SyntaxAt(String(i));
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!number) return fail();
      i += number[0].length;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (error) {
    return error instanceof SyntaxAt ? Math.min(i, text.length) : 0;
  }
  return -1;
}

function lineOfPosition(text: string, position: number): number {
  let line = 0;
  for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Converts one inline or JSON entry; the problem names what is wrong. */
export function rowFromObject(value: unknown, line: number): GlossaryRow | GlossaryProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { line, message: 'expected an object with "term" and "english"' };
  const input = value as GlossaryEntryInput;
  for (const key of ['term', 'other', 'pinyin', 'english', 'note'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'string') return { line, message: `"${key}" must be a string` };
  }
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return checkRow({
    term: str(input.term),
    other: str(input.other),
    pinyin: str(input.pinyin),
    english: str(input.english),
    note: str(input.note),
    line,
  });
}

function parseJson(text: string): ParsedGlossary {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    return { rows: [], problems: [{ line: offset >= 0 ? lineOfPosition(text, offset) : 0, message: `invalid JSON: ${message}` }] };
  }
  if (!Array.isArray(data)) return { rows: [], problems: [{ line: 0, message: 'a JSON glossary must be an array of entries' }] };
  const lines = arrayElementLines(text);
  const rows: GlossaryRow[] = [];
  const problems: GlossaryProblem[] = [];
  data.forEach((value, i) => {
    const row = rowFromObject(value, lines[i] ?? 0);
    if (isProblem(row)) problems.push(row);
    else rows.push(row);
  });
  return { rows, problems };
}

/** Parses a glossary file's text. */
export function parseGlossary(text: string, format: GlossaryFormat): ParsedGlossary {
  switch (format) {
    case 'tsv':
      return parseDelimited(text, (line) => line.split('\t'));
    case 'csv':
      return parseDelimited(text, splitCsvLine);
    case 'json':
      return parseJson(text);
  }
}

/** Inline entries from settings; problems carry the entry's index as `line`. */
export function parseInlineEntries(entries: readonly unknown[]): ParsedGlossary {
  const rows: GlossaryRow[] = [];
  const problems: GlossaryProblem[] = [];
  entries.forEach((value, i) => {
    const row = rowFromObject(value, i);
    if (isProblem(row)) problems.push(row);
    else rows.push(row);
  });
  return { rows, problems };
}
