/** Plain-language wording of script reports, shared by the status bar and the CLI. */
import { english, type Translate } from '../text/messages';
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
export function describeCounts(report: ScriptReport, t: Translate = english): string {
  return t('{traditional} Traditional-only and {simplified} Simplified-only characters (of {han} Han)', {
    traditional: number.format(report.traditional),
    simplified: number.format(report.simplified),
    han: number.format(report.han),
  });
}

/** "Traditional Chinese", "Mixed Traditional and Simplified", ... */
export function describeScript(script: ScriptKind, t: Translate = english): string {
  switch (script) {
    case 'traditional':
      return t('Traditional Chinese');
    case 'simplified':
      return t('Simplified Chinese');
    case 'mixed':
      return t('Mixed Traditional and Simplified');
    case 'neutral':
      return t('Chinese (no character tells the scripts apart)');
  }
}

/** "Line 84 is Simplified (11 Simplified-only characters)", with a 1-based line number. */
export function describeLine(line: LineScript, t: Translate = english): string {
  const parts: string[] = [];
  if (line.simplified) parts.push(t('{count} Simplified-only', { count: line.simplified }));
  if (line.traditional) parts.push(t('{count} Traditional-only', { count: line.traditional }));
  const args = { line: line.line + 1, counts: parts.join(', ') };
  switch (line.script) {
    case 'mixed':
      return t('Line {line} mixes both scripts ({counts} characters)', args);
    case 'traditional':
      return t('Line {line} is Traditional ({counts} characters)', args);
    case 'simplified':
      return t('Line {line} is Simplified ({counts} characters)', args);
    case 'neutral':
      return t('Line {line} is Neutral ({counts} characters)', args);
  }
}
