/** Plain-language wording of script reports, shared by the status bar and the CLI. */
import type { LineScript, ScriptKind, ScriptReport } from './detect';

/** The one-character symbol shown in the status bar. */
export const SCRIPT_SYMBOL: Readonly<Record<ScriptKind, string>> = {
  traditional: '繁',
  simplified: '简',
  mixed: '混',
  neutral: '中',
};

export const SCRIPT_NAME: Readonly<Record<ScriptKind, string>> = {
  traditional: 'Traditional',
  simplified: 'Simplified',
  mixed: 'Mixed',
  neutral: 'Neutral',
};

const number = new Intl.NumberFormat('en-US');

/** "1,203 Traditional-only and 12 Simplified-only characters (of 3,456 Han)" */
export function describeCounts(report: ScriptReport): string {
  return (
    `${number.format(report.traditional)} Traditional-only and ` +
    `${number.format(report.simplified)} Simplified-only characters ` +
    `(of ${number.format(report.han)} Han)`
  );
}

/** "Traditional Chinese", "Mixed Traditional and Simplified", ... */
export function describeScript(script: ScriptKind): string {
  switch (script) {
    case 'traditional':
      return 'Traditional Chinese';
    case 'simplified':
      return 'Simplified Chinese';
    case 'mixed':
      return 'Mixed Traditional and Simplified';
    case 'neutral':
      return 'Chinese (no character tells the scripts apart)';
  }
}

/** "Line 84 is Simplified (11 Simplified-only characters)", with a 1-based line number. */
export function describeLine(line: LineScript): string {
  const parts: string[] = [];
  if (line.simplified) parts.push(`${line.simplified} Simplified-only`);
  if (line.traditional) parts.push(`${line.traditional} Traditional-only`);
  const what = line.script === 'mixed' ? 'mixes both scripts' : `is ${SCRIPT_NAME[line.script]}`;
  return `Line ${line.line + 1} ${what} (${parts.join(', ')} characters)`;
}
