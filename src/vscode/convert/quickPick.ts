/**
 * The "Convert Script…" quick pick: every conversion opencc-js offers, each with a
 * plain description and its effect on a live example, the last choice first.
 */
import * as vscode from 'vscode';
import { loadEngine } from './loadEngine';
import { CONVERSIONS, findConversion, type Conversion } from '../../core/convert/variants';

const LAST_CHOICE_KEY = 'chineseReader.convert.lastConversion';

interface ConversionItem extends vscode.QuickPickItem {
  readonly conversion?: Conversion;
  readonly showReport?: boolean;
}

/** The pick's items; exported for the tests, which check the examples. */
export function conversionItems(lastId: string | undefined, withReport = true): ConversionItem[] {
  const { convertText } = loadEngine();
  const ordered = [...CONVERSIONS].sort((a, b) => Number(b.id === lastId) - Number(a.id === lastId));
  const items: ConversionItem[] = ordered.map((conversion) => ({
    label: conversion.label,
    description: `${conversion.example} → ${convertText(conversion.example, conversion.from, conversion.to)}`,
    detail: `${conversion.description} (OpenCC ${conversion.id})`,
    conversion,
  }));
  if (lastId && findConversion(lastId)) {
    items.splice(1, 0, { label: '', kind: vscode.QuickPickItemKind.Separator });
    items[0] = { ...items[0]!, label: items[0]!.label, description: `${items[0]!.description ?? ''}  (last used)` };
  }
  if (withReport) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(info) Show Script Report', detail: 'Script counts and the lines written in the other script', showReport: true },
    );
  }
  return items;
}

export type PickResult = { conversion: Conversion } | { showReport: true } | undefined;

export async function pickConversion(memento: vscode.Memento, { withReport = true } = {}): Promise<PickResult> {
  const lastId = lastConversion(memento);
  const picked = await vscode.window.showQuickPick(conversionItems(lastId, withReport), {
    title: 'Convert Script',
    placeHolder: 'Convert the selections, or the whole document when nothing is selected, to…',
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
