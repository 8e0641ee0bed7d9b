/**
 * Script conversion in the editor: the direct commands, the Convert Script quick pick,
 * the Explorer command, the side-by-side converted copy and the ambiguity marks.
 */
import * as vscode from 'vscode';
import { findConversion, isVariant, type Variant } from '../../core/convert/variants';
import { COMMANDS } from '../commandIds';
import { registerCommands } from '../commands';
import { convertEditor, type ConvertOutcome, type ConvertRequest } from './applyConversion';
import { pickConversion, rememberConversion } from './quickPick';
import type { GlossaryTermsProvider } from './terms';

export interface ConvertFeatureOptions {
  readonly memento: vscode.Memento;
  /** Project glossary terms, protected like the user's list (optional; wired when available). */
  readonly glossary?: GlossaryTermsProvider;
  /** Opens the Script Report, offered as an item of the Convert Script pick. */
  readonly showScriptReport: () => unknown;
}

/** Options a caller (a test, another extension) may pass to the conversion commands. */
interface CommandOptions {
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
    token: o.token instanceof vscode.CancellationTokenSource ? o.token.token : (o.token as vscode.CancellationToken | undefined),
    confirmed: o.confirmed === true,
    conversion: typeof o.conversion === 'string' ? o.conversion : undefined,
  };
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

export function registerConvert(options: ConvertFeatureOptions): vscode.Disposable {
  const convertActive = async (request: ConvertRequest): Promise<ConvertOutcome> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Chinese Reader: open a document to convert its script.');
      return { status: 'no-editor', edits: 0, ambiguities: [] };
    }
    return convertEditor(editor, request, options.glossary);
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

  return vscode.Disposable.from(
    registerCommands({
      ...direct,
      [COMMANDS.convertScript]: async (arg: unknown) => {
        const o = commandOptions(arg);
        let conversion = o.conversion ? findConversion(o.conversion) : undefined;
        if (o.conversion && !conversion) throw new Error(`unknown conversion "${o.conversion}"`);
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
}
