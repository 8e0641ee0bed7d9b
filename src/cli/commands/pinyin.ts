/**
 * `zhreader pinyin`: one output line per input line, the contextual reading of each
 * character (src/core/pinyin/readings.ts).
 *   --format text (default): the words' pinyin separated by spaces, tone marks by default;
 *   --format json: a JSON array with one element per code point, numbered pinyin
 *   (`le5`, `lv4`) for a Han character and null for anything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatReading, formatLine, type ToneStyle } from '../../core/pinyin/format';
import { PinyinModel } from '../../core/pinyin/model';
import { readingsOf, wordReadingsOf, type ReadingSources } from '../../core/pinyin/readings';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';
import { parseArgs, readyLookupService } from './lookupShared';

/** File name of the pinyin model next to the bundle (dist/). */
export const PINYIN_MODEL_FILE = 'pinyin-model.json';

/** dist/pinyin-model.json next to the CLI bundle, or the repository's dist/ when run from source (tests). */
export function pinyinModelPath(): string {
  const candidates = [
    ...(typeof __dirname === 'string' ? [path.join(__dirname, PINYIN_MODEL_FILE)] : []),
    path.join(process.cwd(), 'dist', PINYIN_MODEL_FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new CliError(`the pinyin model (${PINYIN_MODEL_FILE}) is missing; run "npm run build"`);
  return found;
}

function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`pinyin: ${option} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

export const pinyinCommand: CliCommand = {
  name: 'pinyin',
  summary: 'print the pinyin of each line, read in context (one output line per input line)',
  usage:
    'zhreader pinyin [--format text|json] [--tone marks|numbers] [FILE ...|-]\n' +
    '  no FILE or "-": standard input; Simplified or Traditional text\n' +
    '  --format text (default): the pinyin of the words separated by spaces (tone marks unless --tone numbers)\n' +
    '  --format json: a JSON array per line, one element per code point: numbered pinyin (le5, lv4)\n' +
    '                 for a Han character, null for anything else (--tone marks gives tone marks instead)',
  async run(args, out) {
    const { values, positionals } = parseArgs(args, { values: ['--format', '--tone'], flags: [] }, 'pinyin');
    const format = choice('--format', values.get('--format')?.[0], ['text', 'json'] as const) ?? 'text';
    const toneOption = choice('--tone', values.get('--tone')?.[0], ['marks', 'numbers'] as const);
    const tone: ToneStyle = toneOption ?? (format === 'json' ? 'numbers' : 'marks');
    const files = positionals.length > 0 ? positionals : ['-'];
    const { service, engine } = await readyLookupService(new Map());
    let model: PinyinModel;
    try {
      model = PinyinModel.fromJson(readFileSync(pinyinModelPath(), 'utf8'));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`the pinyin model could not be read: ${(error as Error).message}`);
    }
    const sources: ReadingSources = {
      dictionary: service.cedict,
      segment: (text) => service.segmentLine(text, engine),
      toSimplified: service.scriptConverters?.toSimplified,
      model,
    };
    for (const file of files) {
      const text = await readTextInput(file);
      const lines = text.split(/\r?\n/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) {
        if (format === 'json') {
          const readings = readingsOf(line, sources);
          out(JSON.stringify(tone === 'numbers' ? readings : readings.map((r) => (r === null ? null : formatReading(r, tone)))));
        } else {
          out(formatLine(wordReadingsOf(line, sources), tone));
        }
      }
    }
    return 0;
  },
};
