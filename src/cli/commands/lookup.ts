/** `zhreader lookup`: what the hover shows, for a word or a position in a text. */
import { lookupJson, renderText } from '../../core/lookup/render';
import { CliError } from '../io';
import type { CliCommand } from '../types';
import { parseArgs, readyLookupService } from './lookupShared';

export const lookupCommand: CliCommand = {
  name: 'lookup',
  summary: 'look up the word at a position of TEXT, as the hover shows it',
  usage:
    'zhreader lookup TEXT [--at N] [--json] [--glossary FILE ...] [--engine jieba-rs|nodejieba]\n' +
    '  N is a UTF-16 offset into TEXT (default 0); --json prints {match, entries, parts?, longest?}',
  async run(args, out) {
    const { values, flags, positionals } = parseArgs(
      args,
      { values: ['--at', '--glossary', '--engine'], flags: ['--json'], repeatable: ['--glossary'] },
      'lookup',
    );
    if (positionals.length !== 1) throw new CliError('lookup: give exactly one TEXT to look up');
    const text = positionals[0]!;
    const atValue = values.get('--at')?.[0] ?? '0';
    const at = Number(atValue);
    if (!Number.isInteger(at) || at < 0 || at >= text.length)
      throw new CliError(`lookup: --at must be an offset from 0 to ${text.length - 1}, got ${atValue}`);
    const { service, engine } = await readyLookupService(values);
    const result = service.lookupAt(text, at, engine);
    if (!result) {
      if (flags.has('--json')) out(JSON.stringify(null));
      else out(`no Chinese character at offset ${at}`);
      return 1;
    }
    out(flags.has('--json') ? JSON.stringify(lookupJson(result), null, 2) : renderText(result));
    return 0;
  },
};
