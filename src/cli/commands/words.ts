/**
 * `zhreader words export`: the word list (chinese-words.tsv by default) as Anki import
 * text, Pleco flashcards or CSV (src/core/study/export.ts). Malformed rows are reported on
 * standard error with their file and line, and left out; the rest is exported.
 */
import { writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, exportWordList, type ExportFormat } from '../../core/study/export';
import { mergeDuplicates, parseWordList } from '../../core/study/wordList';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';
import { parseArgs } from './lookupShared';

export const DEFAULT_WORD_LIST = 'chinese-words.tsv';

export const wordsCommand: CliCommand = {
  name: 'words',
  summary: 'export the word list (chinese-words.tsv) for Anki, Pleco or a spreadsheet',
  usage:
    'zhreader words export --format anki|pleco|csv [--cloze] [--category NAME] [--output FILE] [WORDLIST]\n' +
    `  WORDLIST: the word list TSV (default ${DEFAULT_WORD_LIST}; "-" for standard input)\n` +
    '  --cloze: Anki only, also a cloze note of each saved sentence\n' +
    '  --category: Pleco only, the flashcard category (a "//" line)\n' +
    '  --output: write to FILE instead of standard output',
  async run(args, out) {
    const [action, ...rest] = args;
    if (action !== 'export') throw new CliError(`words: expected "export", not ${action === undefined ? 'nothing' : `"${action}"`}`);
    const { values, flags, positionals } = parseArgs(rest, { values: ['--format', '--output', '--category'], flags: ['--cloze'] }, 'words export');
    const format = values.get('--format')?.[0];
    if (format === undefined) throw new CliError('words export: --format anki|pleco|csv is required');
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw new CliError(`words export: --format must be anki, pleco or csv, not "${format}"`);
    if (positionals.length > 1) throw new CliError(`words export: one word list at a time (got ${positionals.length})`);
    if (flags.has('--cloze') && format !== 'anki') throw new CliError('words export: --cloze is for --format anki');
    const file = positionals[0] ?? DEFAULT_WORD_LIST;
    const list = parseWordList(await readTextInput(file));
    for (const p of list.problems) console.error(`${file}:${p.line + 1}: ${p.message} (row left out)`);
    const category = values.get('--category')?.[0];
    const text = exportWordList(mergeDuplicates(list), format as ExportFormat, {
      cloze: flags.has('--cloze'),
      ...(category !== undefined ? { category } : {}),
    });
    const output = values.get('--output')?.[0];
    if (output !== undefined) {
      try {
        writeFileSync(output, text);
      } catch (error) {
        throw new CliError(`${output}: ${(error as Error).message}`);
      }
    } else {
      // `out` ends each line itself; the CSV's CRLF keeps its CR.
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) out(line);
    }
    return 0;
  },
};
