/**
 * The section outline in VS Code: symbols, folding and numbering diagnostics over the
 * core outline. Providers are registered for the languages `chineseReader.languages`
 * lists and re-registered when it changes.
 */
import * as vscode from 'vscode';
import type { Outline, RuleError } from '../../core/outline';
import { affectsChineseReader, getSetting, isChineseReaderDocument } from '../config';
import { registerNumberingDiagnostics, type NumberingDiagnostics } from './numberingDiagnostics';
import { createOutlineModel } from './outlineModel';
import { createFoldingProvider, createSymbolProvider } from './symbols';

/** What the extension API exposes of the outline, for tests and other extensions. */
export interface OutlineFeature extends vscode.Disposable {
  outlineFor(document: vscode.TextDocument): Outline;
  readonly onDidReportRuleError: vscode.Event<RuleError>;
  readonly onDidUpdateDiagnostics: NumberingDiagnostics['onDidUpdate'];
}

export function registerOutline(): OutlineFeature {
  const model = createOutlineModel();
  const applies = (document: vscode.TextDocument) => isChineseReaderDocument(document) && getSetting('outline.enabled', document);
  const symbols = createSymbolProvider(model, applies);
  const folding = createFoldingProvider(model, applies);

  let providers: vscode.Disposable | undefined;
  // Registering anew also tells VS Code to drop the symbols it cached for each document
  // version: after a settings change, the same version may have a different outline.
  const register = () => {
    const languages = getSetting('languages', null);
    providers?.dispose();
    const selector = languages.map((language) => ({ language }));
    providers = vscode.Disposable.from(
      vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'Chinese Reader' }),
      vscode.languages.registerFoldingRangeProvider(selector, folding),
    );
  };
  register();

  const diagnostics = registerNumberingDiagnostics(model, applies);
  const disposable = vscode.Disposable.from(
    diagnostics,
    model,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsChineseReader(e)) register();
    }),
    { dispose: () => void providers?.dispose() },
  );
  return {
    outlineFor: (document) => model.outlineFor(document),
    onDidReportRuleError: model.onDidReportRuleError,
    onDidUpdateDiagnostics: diagnostics.onDidUpdate,
    dispose: () => void disposable.dispose(),
  };
}
