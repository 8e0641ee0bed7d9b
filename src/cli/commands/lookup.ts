/** `zhreader lookup`: what the hover shows, for a word or a position in a text. */
import { lookupJson, renderText } from '../../core/lookup/render';
import { LookupService } from '../../core/lookup/service';
import { CliError } from '../io';
import type { CliCommand } from '../types';
import { cedictIndexPath, parseArgs, parseEngine, readGlossaries } from './lookupShared';

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
    const engine = parseEngine(values.get('--engine')?.[0]);
    const service = new LookupService(cedictIndexPath());
    const state = await service.ready(engine);
    if (state.warning) console.error(`zhreader: ${state.warning}`);
    const glossaries = await readGlossaries(values.get('--glossary') ?? [], (l) => console.error(`zhreader: ${l}`));
    if (glossaries.length > 0) service.setGlossary(glossaries);
    const result = service.lookupAt(text, at, state.engine);
    if (!result) {
      if (flags.has('--json')) out(JSON.stringify(null));
      else out(`no Chinese character at offset ${at}`);
      return 1;
    }
    out(flags.has('--json') ? JSON.stringify(lookupJson(result), null, 2) : renderText(result));
    return 0;
  },
};
