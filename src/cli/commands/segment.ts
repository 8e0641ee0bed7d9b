/** `zhreader segment`: the words of each line separated by single spaces (the SIGHAN bakeoff format). */
import { readTextInput } from '../io';
import type { CliCommand } from '../types';
import { parseArgs, readyLookupService } from './lookupShared';

export const segmentCommand: CliCommand = {
  name: 'segment',
  summary: 'split each line into words separated by spaces (SIGHAN bakeoff format)',
  usage:
    'zhreader segment [FILE] [--engine jieba-rs|nodejieba] [--glossary FILE ...] [--no-t2s]\n' +
    '  no FILE or "-": standard input; --no-t2s cuts Traditional text as it is (for comparison)',
  async run(args, out) {
    const { values, flags, positionals } = parseArgs(
      args,
      { values: ['--engine', '--glossary'], flags: ['--no-t2s'], repeatable: ['--glossary'] },
      'segment',
    );
    const files = positionals.length > 0 ? positionals : ['-'];
    const { service, engine } = await readyLookupService(values);
    const t2s = !flags.has('--no-t2s');
    for (const file of files) {
      const text = await readTextInput(file);
      // Every line break the other commands and VS Code know: CRLF, LF and a lone CR.
      const lines = text.split(/\r\n|\n|\r/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) {
        const words = service
          .segmentLine(line, engine, t2s)
          .map((t) => t.text)
          .filter((w) => w.trim().length > 0);
        out(words.join(' '));
      }
    }
    return 0;
  },
};
