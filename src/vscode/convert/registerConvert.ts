/**
 * Script conversion in the editor: the direct commands, the Convert Script quick pick,
 * the Explorer command, the side-by-side converted copy and the ambiguity marks.
 */
import * as vscode from 'vscode';
import { findConversion, isVariant, type Variant } from '../../core/convert/variants';
import { COMMANDS } from '../commandIds';
import { registerCommands } from '../commands';
import { registerAmbiguityMarks } from './ambiguityMarks';
import { convertEditor, type ConvertOutcome, type ConvertRequest } from './applyConversion';
import { registerConvertedCopies } from './convertedCopy';
import { convertFiles } from './convertFiles';
import { conversionItems, lastConversion, pickConversion, rememberConversion } from './quickPick';
import type { GlossaryTermsProvider } from './terms';

export interface ConvertFeatureOptions {
  readonly memento: vscode.Memento;
  /** Project glossary terms, protected like the user's list (optional; wired when available). */
  readonly glossary?: GlossaryTermsProvider;
  /** Opens the Script Report, offered as an item of the Convert Script pick. */
  readonly showScriptReport: () => unknown;
}

/** What the feature exposes through the extension API (tests wait on it). */
export interface ConvertFeature extends vscode.Disposable {
  /** Fires after a converted copy's content was recomputed. */
  readonly onDidUpdateCopy: vscode.Event<vscode.Uri>;
  /** The items Convert Script… shows now: the conversion used last comes first. */
  conversionItems(): ReturnType<typeof conversionItems>;
}

/** Options a caller (a test, another extension) may pass to the conversion commands. */
interface CommandOptions {
  /** Explorer conversion: apply without showing the preview. */
  readonly skipPreview?: boolean;
  /** Ambiguity: the alternative to use, or keep the conversion's choice. */
  readonly alternative?: string;
  readonly keep?: boolean;
  readonly offset?: number;
  /** Converted copy: the target variant. */
  readonly to?: Variant;
  readonly from?: Variant;
  readonly token?: vscode.CancellationToken;
  readonly confirmed?: boolean;
  /** For Convert Script: an OpenCC config name (e.g. s2twp) instead of asking. */
  readonly conversion?: string;
}

function commandOptions(arg: unknown): CommandOptions {
  // Menus pass a Uri as the first argument; only a plain object carries options.
  if (!arg || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const o = arg as Record<string, unknown>;
  return {
    from: isVariant(o.from) ? o.from : undefined,
    token: isCancellationToken(o.token) ? o.token : undefined,
    confirmed: o.confirmed === true,
    conversion: typeof o.conversion === 'string' ? o.conversion : undefined,
    skipPreview: o.skipPreview === true,
    alternative: typeof o.alternative === 'string' ? o.alternative : undefined,
    keep: o.keep === true,
    offset: typeof o.offset === 'number' ? o.offset : undefined,
    to: isVariant(o.to) ? o.to : undefined,
  };
}

function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).isCancellationRequested === 'boolean';
}

/** A direct command: the target is fixed; the source is fixed or detected. */
interface DirectCommand {
  readonly to: Variant;
  readonly from?: Variant;
}

const DIRECT: Record<string, DirectCommand> = {
  [COMMANDS.convertToSimplified]: { to: 'cn' },
  [COMMANDS.convertToTraditional]: { to: 't' },
  [COMMANDS.convertToTaiwan]: { to: 'tw' },
  [COMMANDS.convertToTaiwanPhrases]: { to: 'twp' },
  [COMMANDS.convertToHongKong]: { to: 'hk' },
  [COMMANDS.convertFromTaiwanPhrases]: { from: 'twp', to: 'cn' },
};

export function registerConvert(options: ConvertFeatureOptions): ConvertFeature {
  const marks = registerAmbiguityMarks();
  const copies = registerConvertedCopies(options.glossary);

  const convertActive = async (request: ConvertRequest): Promise<ConvertOutcome> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: open a document to convert its script.'));
      return { status: 'no-editor', edits: 0, ambiguities: [] };
    }
    const outcome = await convertEditor(editor, request, options.glossary);
    if (outcome.status === 'converted') marks.set(editor.document, outcome.ambiguities);
    return outcome;
  };

  /** Explorer passes (clicked, selected[]); the palette passes nothing: use the active file. */
  const explorerRoots = (clicked: unknown, selected: unknown): vscode.Uri[] => {
    if (Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) && selected.length > 0) return selected;
    if (clicked instanceof vscode.Uri) return [clicked];
    const active = vscode.window.activeTextEditor?.document.uri;
    return active && active.scheme === 'file' ? [active] : [];
  };

  const direct = Object.fromEntries(
    Object.entries(DIRECT).map(([id, command]) => [
      id,
      (arg: unknown) => {
        const o = commandOptions(arg);
        return convertActive({ ...o, to: command.to, from: command.from ?? o.from });
      },
    ]),
  );

  const disposable = vscode.Disposable.from(
    marks,
    copies,
    ...(options.glossary ? [options.glossary.onDidChange(() => copies.refreshAll())] : []),
    registerCommands({
      ...direct,
      [COMMANDS.convertFiles]: async (clicked: unknown, selected: unknown, arg: unknown) => {
        const roots = explorerRoots(clicked, selected);
        if (roots.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Chinese Reader: select files or a folder in the Explorer to convert.'));
          return undefined;
        }
        const o = commandOptions(arg);
        let conversion = o.conversion ? findConversion(o.conversion) : undefined;
        if (o.conversion && !conversion) throw new Error(vscode.l10n.t('unknown conversion "{conversion}"', { conversion: String(o.conversion) }));
        if (!conversion) {
          const picked = await pickConversion(options.memento, { withReport: false });
          if (!picked || !('conversion' in picked)) return undefined;
          conversion = picked.conversion;
        }
        return convertFiles({ roots, conversion, glossary: options.glossary, skipPreview: o.skipPreview });
      },
      [COMMANDS.openConvertedCopy]: async (arg: unknown) => {
        const editor = await copies.open(commandOptions(arg).to);
        return editor?.document.uri;
      },
      [COMMANDS.chooseConversionAlternative]: (arg: unknown) => {
        const o = commandOptions(arg);
        return marks.choose({ alternative: o.alternative, keep: o.keep, offset: o.offset });
      },
      [COMMANDS.convertScript]: async (arg: unknown) => {
        const o = commandOptions(arg);
        let conversion = o.conversion ? findConversion(o.conversion) : undefined;
        if (o.conversion && !conversion) throw new Error(vscode.l10n.t('unknown conversion "{conversion}"', { conversion: String(o.conversion) }));
        if (conversion) {
          await rememberConversion(options.memento, conversion.id);
        } else {
          const picked = await pickConversion(options.memento);
          if (!picked) return undefined;
          if ('showReport' in picked) return options.showScriptReport();
          conversion = picked.conversion;
        }
        return convertActive({ ...o, from: conversion.from, to: conversion.to });
      },
    }),
  );
  return {
    onDidUpdateCopy: copies.onDidUpdate,
    conversionItems: () => conversionItems(lastConversion(options.memento)),
    dispose: () => {
      disposable.dispose();
    },
  };
}
