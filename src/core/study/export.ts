/**
 * Word-list export: Anki import text, Pleco flashcards and CSV.
 *
 * Anki (2.1.54 and later read the file headers): tab-separated, one note per line, the
 * header lines `#separator:tab`, `#html:true`, `#tags column:N` (and `#notetype column:1`
 * when cloze notes are mixed in). Anki reads fields with a CSV reader, so a field holding
 * a double quote, a tab or a line break is quoted and its quotes doubled; fields are HTML,
 * so data is HTML-escaped. Front: the word; back: the pinyin coloured by tone, then the
 * definitions. A cloze note of the saved sentence is added when asked (and when the
 * sentence holds the word).
 *
 * Pleco: one card per line, `简体[繁體]<TAB>pinyin<TAB>definition`, the headword alone when
 * both scripts agree, pinyin with tone numbers, `//` lines naming a category.
 *
 * CSV: RFC 4180 (CRLF, quotes doubled), a header row with the word list's columns, and a
 * UTF-8 byte order mark so that spreadsheet programs read the Chinese correctly.
 */
import { PLECO_TONE_COLORS } from '../lookup/render';
import { parseSyllable, toneOfMarked, unmarkSyllable, type Tone } from '../pinyin/pinyin';
import { escapeHtml } from '../text/html';
import { formatHsk, WORD_LIST_COLUMNS, type WordListEntry } from './wordList';

export const EXPORT_FORMATS = ['anki', 'pleco', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Anki: add a cloze note of the saved sentence for each word that has one. */
  readonly cloze?: boolean;
  /** Pleco: the category the cards go into (a `//` line); none when empty. */
  readonly category?: string;
}

/** One syllable as written in the list (`háng` or `hang2`): its marked form and tone. */
function syllable(raw: string): { marked: string; tone: Tone } {
  if (/[1-5]$/.test(raw)) {
    const s = parseSyllable(raw);
    return { marked: s.marked, tone: s.tone };
  }
  return { marked: raw, tone: toneOfMarked(raw) };
}

/** `yín háng` or `yin2 hang2` -> `yin2hang2` (Pleco's spelling; ü as `u:`). */
export function numberedPinyin(pinyin: string): string {
  return pinyin
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => {
      if (/[1-5]$/.test(s)) return s.replace(/ü|v/g, 'u:');
      const { letters, tone } = unmarkSyllable(s);
      return tone > 0 ? `${letters.replace(/ü/g, 'u:')}${tone}` : letters;
    })
    .join('');
}

/** The pinyin as HTML, each syllable in its tone's colour. */
export function toneColoredPinyin(pinyin: string): string {
  return pinyin
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const s = syllable(raw);
      const color = PLECO_TONE_COLORS[s.tone];
      return color ? `<span style="color:${color}">${escapeHtml(s.marked)}</span>` : escapeHtml(s.marked);
    })
    .join(' ');
}

/** A field as Anki's CSV reader needs it: quoted when it holds a quote, a tab or a line break. */
function ankiField(value: string): string {
  return /["\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Data in an Anki field: HTML-escaped, and `{{` broken so that no text is read as a cloze. */
function ankiText(text: string): string {
  return escapeHtml(text).replace(/\{\{/g, '{&#123;').replace(/\r?\n/g, '<br>');
}

function ankiTags(tags: readonly string[]): string {
  // Anki separates tags with spaces; a tag cannot hold one.
  return tags.map((t) => t.replace(/\s+/g, '_')).join(' ');
}

function ankiBack(entry: WordListEntry): string {
  const parts = [];
  if (entry.pinyin) parts.push(toneColoredPinyin(entry.pinyin));
  if (entry.traditional !== entry.simplified) parts.push(ankiText(entry.traditional));
  if (entry.definitions.length > 0) parts.push(entry.definitions.map(ankiText).join('; '));
  return parts.join('<br>');
}

/** The sentence with the word (either script) as cloze 1, or undefined when it does not hold the word. */
export function clozeOf(entry: WordListEntry): string | undefined {
  for (const form of [entry.simplified, entry.traditional]) {
    const at = entry.sentence.indexOf(form);
    if (at < 0) continue;
    const before = ankiText(entry.sentence.slice(0, at));
    const after = ankiText(entry.sentence.slice(at + form.length));
    return `${before}{{c1::${ankiText(form)}}}${after}`;
  }
  return undefined;
}

export function exportAnki(entries: readonly WordListEntry[], options: ExportOptions = {}): string {
  const lines: string[] = ['#separator:tab', '#html:true'];
  if (options.cloze) {
    // Two note types in one file: the first column names each line's note type.
    lines.push('#notetype column:1', '#tags column:4');
    for (const e of entries) {
      lines.push(['Basic', ankiText(e.simplified), ankiBack(e), ankiTags(e.tags)].map(ankiField).join('\t'));
      const cloze = clozeOf(e);
      if (cloze) lines.push(['Cloze', cloze, ankiBack(e), ankiTags(e.tags)].map(ankiField).join('\t'));
    }
  } else {
    lines.push('#tags column:3');
    for (const e of entries) lines.push([ankiText(e.simplified), ankiBack(e), ankiTags(e.tags)].map(ankiField).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Pleco reads one card per line: no tab or line break may stay inside a value. */
function plecoText(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

export function exportPleco(entries: readonly WordListEntry[], options: ExportOptions = {}): string {
  const lines: string[] = [];
  if (options.category) lines.push(`//${plecoText(options.category)}`);
  for (const e of entries) {
    const head = e.traditional && e.traditional !== e.simplified ? `${e.simplified}[${e.traditional}]` : e.simplified;
    lines.push([plecoText(head), plecoText(numberedPinyin(e.pinyin)), plecoText(e.definitions.join('; '))].join('\t'));
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function exportCsv(entries: readonly WordListEntry[]): string {
  const rows = [WORD_LIST_COLUMNS.join(',')];
  for (const e of entries) {
    rows.push(
      [e.simplified, e.traditional, e.pinyin, e.definitions.join(' / '), formatHsk(e), e.sentence, e.source, e.added, e.tags.join(' ')]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

export function exportWordList(entries: readonly WordListEntry[], format: ExportFormat, options: ExportOptions = {}): string {
  if (format === 'anki') return exportAnki(entries, options);
  if (format === 'pleco') return exportPleco(entries, options);
  return exportCsv(entries);
}

/** The file name extension each format is saved with. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { anki: 'txt', pleco: 'txt', csv: 'csv' };
