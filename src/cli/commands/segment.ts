/** `zhreader segment`: the words of each line separated by single spaces (the SIGHAN bakeoff format). */
import { LookupService } from '../../core/lookup/service';
import { readTextInput } from '../io';
import type { CliCommand } from '../types';
import { cedictIndexPath, parseArgs, parseEngine, readGlossaries } from './lookupShared';

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
    const engine = parseEngine(values.get('--engine')?.[0]);
    const service = new LookupService(cedictIndexPath());
    const state = await service.ready(engine);
    if (state.warning) console.error(`zhreader: ${state.warning}`);
    const glossaries = await readGlossaries(values.get('--glossary') ?? [], (l) => console.error(`zhreader: ${l}`));
    if (glossaries.length > 0) service.setGlossary(glossaries);
    const t2s = !flags.has('--no-t2s');
    for (const file of files) {
      const text = await readTextInput(file);
      const lines = text.split(/\r?\n/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) {
        const words = service
          .segmentLine(line, state.engine, t2s)
          .map((t) => t.text)
          .filter((w) => w.trim().length > 0);
        out(words.join(' '));
      }
    }
    return 0;
  },
};
