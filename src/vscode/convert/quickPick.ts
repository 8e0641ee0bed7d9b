/**
 * The "Convert Script…" quick pick: every conversion opencc-js offers, each with a
 * plain description and its effect on a live example, the last choice first.
 */
import * as vscode from 'vscode';
import { loadEngine } from './loadEngine';
import { CONVERSIONS, findConversion, type Conversion } from '../../core/convert/variants';
import { detectScript, type ScriptKind } from '../../core/script/detect';
import { translate } from '../l10n';

const LAST_CHOICE_KEY = 'chineseReader.convert.lastConversion';

interface ConversionItem extends vscode.QuickPickItem {
  readonly conversion?: Conversion;
  readonly showReport?: boolean;
}

/**
 * What each conversion makes of its example, worked out once with opencc-js and kept here:
 * building the 16 converters to show them cost the first opening of the pick about 3.8 s
 * in the browser. The integration test checks every entry against opencc-js, so the table
 * cannot drift from the engine.
 */
const EXAMPLE_RESULTS: Readonly<Record<string, string>> = {
  s2t: '頭髮和後面',
  t2s: '头发和后面',
  s2tw: '線條著色',
  s2twp: '軟體和滑鼠',
  s2hk: '線條着色',
  s2hkp: '滑鼠和軟件',
  tw2s: '软体与滑鼠',
  tw2sp: '软件与鼠标',
  hk2s: '线条着色',
  hk2sp: '鼠标和软件',
  t2tw: '為了眾人',
  t2hk: '為了眾人',
  tw2t: '爲了衆人',
  hk2t: '線條着色',
  t2jp: '旧字体与国語',
  jp2t: '舊字體と國語',
};

/** The example's result: from the table, or (a conversion added later) from the engine. */
function exampleResult(conversion: Conversion): string {
  return EXAMPLE_RESULTS[conversion.id] ?? loadEngine().convertText(conversion.example, conversion.from, conversion.to);
}

/** The scripts a conversion reads: Simplified, Traditional (OpenCC, Taiwan, Hong Kong) or Japanese. */
function sourceScript(conversion: Conversion): 'simplified' | 'traditional' | 'japanese' {
  if (conversion.from === 'cn') return 'simplified';
  return conversion.from === 'jp' ? 'japanese' : 'traditional';
}

/** Conversions listed above the script report for a document in its script. */
const USEFUL_FIRST = 4;

/**
 * The pick's items; exported for the tests, which check the examples. With the document's
 * `script`, the conversions that read that script come first, then the script report
 * (visible without scrolling), then the rest; without it, the table's order.
 */
export function conversionItems(lastId: string | undefined, withReport = true, script?: ScriptKind): ConversionItem[] {
  const toItem = (conversion: Conversion): ConversionItem => ({
    label: translate(conversion.label),
    description: `${conversion.example} → ${exampleResult(conversion)}`,
    detail: `${translate(conversion.description)} (OpenCC ${conversion.id})`,
    conversion,
  });
  const last = lastId ? findConversion(lastId) : undefined;
  const rest = CONVERSIONS.filter((c) => c !== last);
  const report: ConversionItem[] = withReport
    ? [{ label: `$(info) ${vscode.l10n.t('Show Script Report')}`, detail: vscode.l10n.t('Script counts and the lines written in the other script'), showReport: true }]
    : [];
  const lastItems: ConversionItem[] = last
    ? [{ ...toItem(last), description: `${toItem(last).description ?? ''}  ${vscode.l10n.t('(last used)')}` }, { label: '', kind: vscode.QuickPickItemKind.Separator }]
    : [];
  const wanted = script === 'traditional' || script === 'simplified' ? script : undefined;
  if (!wanted) {
    const separator: ConversionItem[] = report.length > 0 ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : [];
    return [...lastItems, ...rest.map(toItem), ...separator, ...report];
  }
  const useful = rest.filter((c) => sourceScript(c) === wanted);
  const other = rest.filter((c) => sourceScript(c) !== wanted);
  const forThis = wanted === 'traditional' ? vscode.l10n.t('For this Traditional document') : vscode.l10n.t('For this Simplified document');
  return [
    ...lastItems,
    { label: forThis, kind: vscode.QuickPickItemKind.Separator },
    ...useful.slice(0, USEFUL_FIRST).map(toItem),
    ...report,
    { label: vscode.l10n.t('More conversions'), kind: vscode.QuickPickItemKind.Separator },
    ...useful.slice(USEFUL_FIRST).map(toItem),
    ...other.map(toItem),
  ];
}

export type PickResult = { conversion: Conversion } | { showReport: true } | undefined;

export async function pickConversion(memento: vscode.Memento, { withReport = true } = {}): Promise<PickResult> {
  const lastId = lastConversion(memento);
  const document = vscode.window.activeTextEditor?.document;
  // The script decides the order; a large document is sampled (its first 2,000 lines).
  const script = document ? detectScript(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 2000), 0))).script : undefined;
  const picked = await vscode.window.showQuickPick(conversionItems(lastId, withReport, script), {
    title: vscode.l10n.t('Convert Script'),
    placeHolder: vscode.l10n.t('Convert the selections, or the whole document when nothing is selected, to…'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  if (picked.showReport) return { showReport: true };
  if (!picked.conversion) return undefined;
  await memento.update(LAST_CHOICE_KEY, picked.conversion.id);
  return { conversion: picked.conversion };
}

/** The OpenCC config name of the conversion picked last, if any. */
export function lastConversion(memento: vscode.Memento): string | undefined {
  return memento.get<string>(LAST_CHOICE_KEY);
}

export async function rememberConversion(memento: vscode.Memento, id: string): Promise<void> {
  await memento.update(LAST_CHOICE_KEY, id);
}
