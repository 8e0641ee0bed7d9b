/** `zhreader script`: the status bar's script detection, for files and pipelines. */
import { detectScript } from '../../core/script/detect';
import { describeCounts, describeLine, describeScript, SCRIPT_SYMBOL } from '../../core/script/describe';
import { CliError, readTextInput } from '../io';
import type { CliCommand } from '../types';

export const scriptCommand: CliCommand = {
  name: 'script',
  summary: 'detect Traditional / Simplified script, per file and per line',
  usage: 'zhreader script [--json] [FILE ...]   (no FILE or "-": standard input)',
  async run(args, out) {
    const json = args.includes('--json');
    const unknown = args.find((a) => a.startsWith('-') && a !== '-' && a !== '--json');
    if (unknown) throw new CliError(`script: unknown option ${unknown}`);
    const files = args.filter((a) => a === '-' || !a.startsWith('-'));
    if (files.length === 0) files.push('-');
    const results = [];
    for (const file of files) {
      const report = detectScript(await readTextInput(file));
      if (json) {
        // Lines are 1-based in CLI output, like every editor and compiler message.
        const oneBased = (l: (typeof report.lines)[number]) => ({ ...l, line: l.line + 1 });
        results.push({ file, ...report, lines: report.lines.map(oneBased), outliers: report.outliers.map(oneBased) });
      } else {
        out(`${file}: ${SCRIPT_SYMBOL[report.script]} ${describeScript(report.script)}; ${describeCounts(report)}`);
        for (const outlier of report.outliers) out(`${file}:${outlier.line + 1}: ${describeLine(outlier)}`);
      }
    }
    if (json) out(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
    return 0;
  },
};
