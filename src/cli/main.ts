/**
 * `zhreader`: the headless command over the same core as the extension.
 * Exit codes: 0 success, 1 findings (for checks), 2 usage or input error.
 */
import { outlineCommand } from './commands/outline';
import { checkCommand } from './commands/check';
import { convertCommand } from './commands/convert';
import { scriptCommand } from './commands/script';
import { lookupCommand } from './commands/lookup';
import { segmentCommand } from './commands/segment';
import { pinyinCommand } from './commands/pinyin';
import { wordsCommand } from './commands/words';
import { statsCommand } from './commands/stats';
import { CliError } from './io';
import type { CliCommand } from './types';

declare const ZHREADER_VERSION: string;

const COMMANDS: readonly CliCommand[] = [
  scriptCommand,
  lookupCommand,
  segmentCommand,
  pinyinCommand,
  wordsCommand,
  statsCommand,
  convertCommand,
  outlineCommand,
  checkCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'zhreader: read Chinese text files from the command line (Chinese Reader core)',
    '',
    'Usage: zhreader <command> [options] [FILE ...]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help, or a command\'s usage with "zhreader <command> --help"',
    '  -v, --version  print the version',
  ].join('\n');
}

export async function main(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    out(typeof ZHREADER_VERSION === 'string' ? ZHREADER_VERSION : 'dev');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command "${name}"; run "zhreader --help" for the list`);
  if (rest.includes('--help') || rest.includes('-h')) {
    out(`Usage: ${command.usage}`);
    return 0;
  }
  return command.run(rest, out);
}

/** Runs `main` as a process: errors become a message on stderr and exit code 2. */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof CliError) {
        console.error(`zhreader: ${error.message}`);
        process.exitCode = error.exitCode;
      } else {
        console.error(error);
        process.exitCode = 2;
      }
    },
  );
}
