/**
 * Headings as DocumentSymbols (Outline view, breadcrumbs, sticky scroll, Go to Symbol)
 * and as folding ranges. Each section runs to the next heading of the same or a
 * higher level, so the symbols nest.
 */
import * as vscode from 'vscode';
import { describeSection, type Heading } from '../../core/outline';
import { translate } from '../l10n';
import { getSetting } from '../config';
import type { OutlineModel } from './outlineModel';

/**
 * The headings shown for `document`. VS Code's Markdown extension already outlines and
 * folds `#` headings; in Markdown only the other styles are added, so nothing is listed twice.
 */
export function visibleHeadings(model: OutlineModel, document: vscode.TextDocument): readonly Heading[] {
  const headings = model.outlineFor(document).headings;
  return document.languageId === 'markdown' ? headings.filter((h) => h.kind !== 'markdown') : headings;
}

function sectionRange(document: vscode.TextDocument, heading: Heading): vscode.Range {
  const endLine = Math.min(heading.endLine, document.lineCount - 1);
  return new vscode.Range(heading.line, 0, endLine, document.lineAt(endLine).text.length);
}

export function createSymbolProvider(model: OutlineModel, applies: (d: vscode.TextDocument) => boolean): vscode.DocumentSymbolProvider {
  return {
    provideDocumentSymbols(document, token) {
      if (!applies(document)) return undefined;
      const headings = visibleHeadings(model, document);
      if (token.isCancellationRequested) return undefined;
      const speed = getSetting('outline.readingSpeed', document);
      const roots: vscode.DocumentSymbol[] = [];
      // Parents by level: a heading nests under the nearest earlier one with a lower level.
      const open: { level: number; symbol: vscode.DocumentSymbol }[] = [];
      for (const heading of headings) {
        const selection = new vscode.Range(heading.line, heading.startCharacter, heading.line, heading.endCharacter);
        const symbol = new vscode.DocumentSymbol(
          heading.title,
          describeSection(heading.chars, speed, translate),
          heading.kind === 'title' ? vscode.SymbolKind.File : vscode.SymbolKind.String,
          sectionRange(document, heading),
          selection,
        );
        while (open.length > 0 && open[open.length - 1]!.level >= heading.level) open.pop();
        const parent = open[open.length - 1];
        if (parent) parent.symbol.children.push(symbol);
        else roots.push(symbol);
        open.push({ level: heading.level, symbol });
      }
      return roots;
    },
  };
}

export function createFoldingProvider(model: OutlineModel, applies: (d: vscode.TextDocument) => boolean): vscode.FoldingRangeProvider {
  return {
    provideFoldingRanges(document, _context, token) {
      if (!applies(document)) return undefined;
      const headings = visibleHeadings(model, document);
      if (token.isCancellationRequested) return undefined;
      return headings
        .filter((h) => h.endLine > h.line)
        .map((h) => new vscode.FoldingRange(h.line, Math.min(h.endLine, document.lineCount - 1), vscode.FoldingRangeKind.Region));
    },
  };
}
