/**
 * The known-words list: a plain UTF-8 file, one word per line (either script). Lines
 * starting with `#` and blank lines are comments; anything after the first whitespace on
 * a line is a note and ignored. Edits keep the file as the person wrote it: words are
 * appended at the end and removed line by line.
 */

/** The word a line names, or undefined for a comment or blank line. */
function wordOfLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  return trimmed.split(/\s/u, 1)[0];
}

export function parseKnownWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const word = wordOfLine(line);
    if (word) words.add(word);
  }
  return words;
}

/** `text` with each of `words` not already listed appended on a line of its own; `added` counts them. */
export function addKnownWords(text: string, words: Iterable<string>): { text: string; added: number } {
  const present = parseKnownWords(text);
  const fresh: string[] = [];
  for (const raw of words) {
    const word = raw.trim();
    if (!word || /\s/u.test(word) || word.startsWith('#') || present.has(word)) continue;
    present.add(word);
    fresh.push(word);
  }
  if (fresh.length === 0) return { text, added: 0 };
  const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return { text: `${base}${fresh.join('\n')}\n`, added: fresh.length };
}

/** `text` without the lines naming any of `words`; `removed` counts the lines dropped. */
export function removeKnownWords(text: string, words: Iterable<string>): { text: string; removed: number } {
  const drop = new Set([...words].map((w) => w.trim()));
  const lines = text.split('\n');
  const kept = lines.filter((line) => {
    const word = wordOfLine(line);
    return word === undefined || !drop.has(word);
  });
  return { text: kept.join('\n'), removed: lines.length - kept.length };
}

/** Known-word membership in either script: a word is known when it or its Simplified form is listed (or the list's Simplified forms hold it). */
export class KnownWords {
  private readonly simplified: Set<string>;

  constructor(
    readonly words: ReadonlySet<string>,
    private readonly toSimplified: (text: string) => string = (t) => t,
  ) {
    this.simplified = new Set([...words].map((w) => toSimplified(w)));
  }

  get size(): number {
    return this.words.size;
  }

  has(word: string): boolean {
    return this.words.has(word) || this.simplified.has(this.toSimplified(word));
  }
}
