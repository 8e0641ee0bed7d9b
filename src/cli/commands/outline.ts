/** `zhreader outline`: the Outline view's headings, for files and pipelines. */
import { checkNumbering, compileUserRules, computeOutline } from '../../core/outline';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';

const USAGE = 'zhreader outline [--json] [--check] [--rules RULES.json] [FILE]   (no FILE or "-": standard input)';

export const outlineCommand: CliCommand = {
  name: 'outline',
  summary: 'list the headings (chapters, 一、（一）1、(1), Markdown) as an indented outline or JSON',
  usage: USAGE,
  async run(args, out) {
    let json = false;
    let check = false;
    let rulesFile: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--json') json = true;
      else if (arg === '--check') check = true;
      else if (arg === '--rules') {
        rulesFile = args[++i];
        if (rulesFile === undefined) throw new CliError('outline: --rules needs a file holding a JSON list of {"pattern", "level"}');
      } else if (arg.startsWith('-') && arg !== '-') throw new CliError(`outline: unknown option ${arg}`);
      else files.push(arg);
    }
    if (files.length > 1) throw new CliError(`outline: one file at a time (got ${files.length})`);
    const file = files[0] ?? '-';

    let userRules;
    if (rulesFile !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readTextInput(rulesFile));
      } catch (error) {
        throw error instanceof CliError ? error : new CliError(`${rulesFile}: not JSON: ${(error as Error).message}`);
      }
      userRules = compileUserRules(parsed);
      if (userRules.errors.length > 0) throw new CliError(userRules.errors.map((e) => e.message).join('\n'));
    }

    const outline = computeOutline(await readTextInput(file), { userRules });
    for (const error of outline.errors) console.error(`zhreader: ${error.message}`);
    if (json) {
      // The documented shape: a flat array in document order, lines 1-based.
      out(JSON.stringify(outline.headings.map((h) => ({ level: h.level, title: h.title, line: h.line + 1, kind: h.kind })), null, 2));
    } else {
      for (const h of outline.headings) out(`${'  '.repeat(h.level - 1)}${h.title}  (line ${h.line + 1})`);
    }
    if (!check) return 0;
    const findings = checkNumbering(outline.headings);
    // Findings go to stderr so that --json output stays parseable.
    for (const f of findings) console.error(`${file}:${f.line + 1}:${f.startCharacter + 1}: ${f.message} [${f.code}]`);
    return findings.length > 0 ? 1 : 0;
  },
};
