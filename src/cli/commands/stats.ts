/**
 * `zhreader stats`: reading statistics of a text and of each outline section
 * (src/core/study/stats.ts): characters, Han characters, words, distinct words, share of
 * words known, HSK level distribution, estimated level and reading time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { computeOutline, DEFAULT_READING_SPEED } from '../../core/outline';
import { HskIndex, type HskIndexData } from '../../core/hsk/levels';
import { KnownWords, parseKnownWords } from '../../core/study/knownWords';
import { computeStats, levelByParts, formatEstimate, formatMinutes, formatShare, type ReadingStats } from '../../core/study/stats';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';
import { parseArgs, readyLookupService } from './lookupShared';
import path from 'node:path';

export const DEFAULT_KNOWN_WORDS = 'chinese-known-words.txt';
const HSK_FILE = 'hsk-levels.json';

function hskIndexPath(): string {
  const candidates = [...(typeof __dirname === 'string' ? [path.join(__dirname, HSK_FILE)] : []), path.join(process.cwd(), 'dist', HSK_FILE)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new CliError(`the HSK index (${HSK_FILE}) is missing; run "npm run build"`);
  return found;
}

function describe(label: string, s: ReadingStats, syllabus: '2.0' | '3.0'): string {
  return `${label}: ${s.characters} chars, ${s.hanCharacters} Han, ${s.words} words (${s.distinctWords} distinct), known ${formatShare(s.knownShare)}, level ${formatEstimate(s, syllabus)}, ${formatMinutes(s.readingMinutes)}`;
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'reading statistics: words, share known, HSK levels, estimated level, reading time',
  usage:
    'zhreader stats [--json] [--known FILE] [--hsk 3.0|2.0] [--speed CHARS_PER_MIN] [--engine jieba-rs|nodejieba] [FILE|-]\n' +
    `  --known: the known-words list, one word per line (default ./${DEFAULT_KNOWN_WORDS} when it exists)\n` +
    '  --hsk: the syllabus for the level distribution and estimate (default 3.0)\n' +
    '  --json: {document, sections[]}, levels[0] counting words in no HSK list',
  async run(args, out) {
    const { values, flags, positionals } = parseArgs(args, { values: ['--known', '--hsk', '--speed', '--engine'], flags: ['--json'] }, 'stats');
    if (positionals.length > 1) throw new CliError(`stats: one file at a time (got ${positionals.length})`);
    const syllabus = values.get('--hsk')?.[0] ?? '3.0';
    if (syllabus !== '3.0' && syllabus !== '2.0') throw new CliError(`stats: --hsk must be 3.0 or 2.0, not "${syllabus}"`);
    const speedText = values.get('--speed')?.[0];
    const speed = speedText === undefined ? DEFAULT_READING_SPEED : Number(speedText);
    if (!(speed > 0)) throw new CliError(`stats: --speed must be a positive number, not "${speedText}"`);
    const knownFile = values.get('--known')?.[0] ?? (existsSync(DEFAULT_KNOWN_WORDS) ? DEFAULT_KNOWN_WORDS : undefined);
    const text = await readTextInput(positionals[0] ?? '-');
    const knownWords = knownFile !== undefined ? parseKnownWords(await readTextInput(knownFile)) : new Set<string>();
    const { service, engine } = await readyLookupService(new Map(values.has('--engine') ? [['--engine', values.get('--engine')!]] : []));
    const toSimplified = service.scriptConverters?.toSimplified ?? ((t: string) => t);
    const known = new KnownWords(knownWords, toSimplified);
    const hsk = new HskIndex(JSON.parse(readFileSync(hskIndexPath(), 'utf8')) as HskIndexData);
    const pick = (w: string) => (syllabus === '2.0' ? hsk.levels(w).hsk2 : hsk.levels(w).hsk3);
    const level = (word: string) => levelByParts(word, (w) => pick(w) ?? pick(toSimplified(w)));
    const outline = computeOutline(text);
    const sections = outline.headings.map((h) => ({ title: h.title, level: h.level, startLine: h.line, endLine: h.endLine }));
    const stats = computeStats(text, sections, { segment: (line) => service.segmentLine(line, engine), isKnown: (w) => known.has(w), level }, speed);
    if (flags.has('--json')) {
      out(JSON.stringify({ syllabus, knownListSize: knownWords.size, ...stats }, null, 2));
      return 0;
    }
    out(describe('document', stats.document, syllabus));
    const top = syllabus === '3.0' ? 7 : 6;
    const dist = Array.from({ length: top }, (_, i) => `${syllabus === '3.0' && i === 6 ? '7-9' : i + 1}: ${stats.document.levels[i + 1]}`);
    out(`  HSK ${syllabus} words per level: ${dist.join(', ')}, not in HSK: ${stats.document.levels[0]}`);
    for (const s of stats.sections) out(describe(`${'  '.repeat(s.level - 1)}${s.title} (line ${s.startLine + 1})`, s, syllabus));
    return 0;
  },
};
