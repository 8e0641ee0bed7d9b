/**
 * The word list: a UTF-8 TSV a person can read, edit and keep under version control.
 *
 *   simplified  traditional  pinyin  definitions  hsk  sentence  source  added  tags
 *
 * The first line is that header. `definitions` are separated by ` / ` (CC-CEDICT's own
 * separator, which no definition contains), `hsk` reads `hsk3:4 hsk2:5`, `source` is
 * `path:line`, `added` an ISO date (YYYY-MM-DD), `tags` are separated by spaces (as Anki
 * writes them). A tab, a line break or a backslash inside a value is written `\t`, `\n`,
 * `\\`. Lines starting with `#` and blank lines are kept as they are.
 *
 * A malformed row is reported with its line and kept verbatim on write: editing the list
 * from the editor never loses a line a person typed.
 */

export const WORD_LIST_COLUMNS = ['simplified', 'traditional', 'pinyin', 'definitions', 'hsk', 'sentence', 'source', 'added', 'tags'] as const;
export const WORD_LIST_HEADER = WORD_LIST_COLUMNS.join('\t');

export interface WordListEntry {
  readonly simplified: string;
  /** Equal to `simplified` when the word is written alike in both scripts. */
  readonly traditional: string;
  /** As the reader reads it: tone marks (`yínháng`) or numbers (`yin2 hang2`). */
  readonly pinyin: string;
  readonly definitions: readonly string[];
  readonly hsk3?: number;
  readonly hsk2?: number;
  /** The sentence the word was saved from. */
  readonly sentence: string;
  /** `path:line` of the sentence, workspace-relative when it could be. */
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly added: string;
  readonly tags: readonly string[];
}

/** A row the parser could not read: 0-based line, the text as it was, and why. */
export interface WordListProblem {
  readonly line: number;
  readonly message: string;
}

/** One line of the file, in order: an entry, or a line kept verbatim (comment, blank, malformed). */
export type WordListLine =
  | { readonly kind: 'entry'; readonly entry: WordListEntry; readonly line: number }
  | { readonly kind: 'verbatim'; readonly text: string; readonly line: number };

export interface WordList {
  readonly lines: readonly WordListLine[];
  readonly problems: readonly WordListProblem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HSK_PART = /^hsk([23]):([1-9])$/;
/** Longest value accepted in a cell: a word list is hand-sized, a megabyte cell is a mistake. */
const MAX_CELL = 10_000;

export function escapeCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n|\r/g, '\\n');
}

export function unescapeCell(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}

export function formatHsk(entry: Pick<WordListEntry, 'hsk3' | 'hsk2'>): string {
  return [entry.hsk3 ? `hsk3:${entry.hsk3}` : '', entry.hsk2 ? `hsk2:${entry.hsk2}` : ''].filter(Boolean).join(' ');
}

function parseHsk(cell: string): { hsk3?: number; hsk2?: number } | string {
  const out: { hsk3?: number; hsk2?: number } = {};
  for (const part of cell.split(/\s+/).filter(Boolean)) {
    const m = HSK_PART.exec(part);
    if (!m) return `HSK column: expected "hsk3:4 hsk2:5", found "${part}"`;
    const level = Number(m[2]);
    if (m[1] === '3') {
      if (level > 7) return 'HSK column: HSK 3.0 levels are 1-7 (7 for the 7-9 band)';
      out.hsk3 = level;
    } else {
      if (level > 6) return 'HSK column: HSK 2.0 levels are 1-6';
      out.hsk2 = level;
    }
  }
  return out;
}

/** Parses one data row; a string is the reason it is malformed. */
export function parseRow(text: string): WordListEntry | string {
  const cells = text.split('\t');
  if (cells.length > WORD_LIST_COLUMNS.length) return `expected at most ${WORD_LIST_COLUMNS.length} tab-separated columns, found ${cells.length}`;
  if (cells.some((c) => c.length > MAX_CELL)) return `a cell is longer than ${MAX_CELL} characters`;
  const [simplified = '', traditional = '', pinyin = '', definitions = '', hsk = '', sentence = '', source = '', added = '', tags = ''] = cells.map((c) =>
    unescapeCell(c.trim()),
  );
  if (!simplified) return 'the first column (the word in Simplified) is empty';
  if (/\s/u.test(simplified)) return 'the first column holds spaces: one word per row';
  const levels = parseHsk(hsk);
  if (typeof levels === 'string') return levels;
  if (added && !DATE.test(added)) return `date added: expected YYYY-MM-DD, found "${added}"`;
  return {
    simplified,
    traditional: traditional || simplified,
    pinyin,
    definitions: definitions
      .split('/')
      .map((d) => d.trim())
      .filter(Boolean),
    ...levels,
    sentence,
    source,
    added,
    tags: tags.split(/\s+/).filter(Boolean),
  };
}

/** Parses the file. Never throws: what it cannot read becomes a problem and a verbatim line. */
export function parseWordList(text: string): WordList {
  const lines: WordListLine[] = [];
  const problems: WordListProblem[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  raw.forEach((line, i) => {
    if (i === 0 && line.trim() === WORD_LIST_HEADER) return;
    if (!line.trim() || line.startsWith('#')) {
      lines.push({ kind: 'verbatim', text: line, line: i });
      return;
    }
    const parsed = parseRow(line);
    if (typeof parsed === 'string') {
      problems.push({ line: i, message: parsed });
      lines.push({ kind: 'verbatim', text: line, line: i });
    } else lines.push({ kind: 'entry', entry: parsed, line: i });
  });
  return { lines, problems };
}

export function serializeRow(entry: WordListEntry): string {
  return [
    entry.simplified,
    entry.traditional,
    entry.pinyin,
    entry.definitions.join(' / '),
    formatHsk(entry),
    entry.sentence,
    entry.source,
    entry.added,
    entry.tags.join(' '),
  ]
    .map(escapeCell)
    .join('\t');
}

/** The file's text: the header, then every line in order; LF line ends, a final newline. */
export function serializeWordList(list: WordList): string {
  const body = list.lines.map((l) => (l.kind === 'entry' ? serializeRow(l.entry) : l.text));
  return [WORD_LIST_HEADER, ...body].join('\n') + '\n';
}

/** The entries of the list, in order. */
export function entriesOf(list: WordList): WordListEntry[] {
  return list.lines.flatMap((l) => (l.kind === 'entry' ? [l.entry] : []));
}

/** Two rows are the same word when both forms match. */
function sameWord(a: WordListEntry, b: WordListEntry): boolean {
  return a.simplified === b.simplified && a.traditional === b.traditional;
}

/**
 * Merges `b` into `a` (the row already in the list): the earlier date, `a`'s own values
 * where it has them and `b`'s where it has not, the definitions and tags of both.
 */
export function mergeEntries(a: WordListEntry, b: WordListEntry): WordListEntry {
  const definitions = [...a.definitions];
  for (const d of b.definitions) if (!definitions.includes(d)) definitions.push(d);
  const tags = [...a.tags];
  for (const t of b.tags) if (!tags.includes(t)) tags.push(t);
  const added = !a.added ? b.added : !b.added ? a.added : a.added <= b.added ? a.added : b.added;
  return {
    simplified: a.simplified,
    traditional: a.traditional,
    pinyin: a.pinyin || b.pinyin,
    definitions,
    ...(a.hsk3 ?? b.hsk3 ? { hsk3: a.hsk3 ?? b.hsk3 } : {}),
    ...(a.hsk2 ?? b.hsk2 ? { hsk2: a.hsk2 ?? b.hsk2 } : {}),
    sentence: a.sentence || b.sentence,
    // The source goes with the sentence it locates.
    source: a.sentence ? a.source : b.source || a.source,
    added,
    tags,
  };
}

/**
 * Adds `entry`, merging it into the row of the same word when there is one (and folding
 * any later duplicates a person typed into that first row). Returns the new list and
 * whether the word was already there.
 */
export function addEntry(list: WordList, entry: WordListEntry): { list: WordList; merged: boolean } {
  let merged = false;
  const lines: WordListLine[] = [];
  for (const line of list.lines) {
    if (line.kind === 'entry' && sameWord(line.entry, entry)) {
      if (merged) continue;
      lines.push({ ...line, entry: mergeEntries(line.entry, entry) });
      merged = true;
    } else lines.push(line);
  }
  if (!merged) lines.push({ kind: 'entry', entry, line: -1 });
  return { list: { lines, problems: list.problems }, merged };
}

/** The list with duplicate rows merged into the first of each word (what export reads). */
export function mergeDuplicates(list: WordList): WordListEntry[] {
  const out: WordListEntry[] = [];
  const at = new Map<string, number>();
  for (const entry of entriesOf(list)) {
    const key = `${entry.simplified}\t${entry.traditional}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(entry);
    } else out[i] = mergeEntries(out[i]!, entry);
  }
  return out;
}
