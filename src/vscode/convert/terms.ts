/** The protected terms that apply to a document: the user's setting plus glossary terms. */
import type * as vscode from 'vscode';
import { getSetting } from '../config';

/**
 * Glossary terms from another feature (the project glossary). Wired at merge time; the
 * converter works without one.
 */
export interface GlossaryTermsProvider {
  terms(): readonly string[];
  readonly onDidChange: vscode.Event<void>;
}

export function protectedTermsFor(
  scope: vscode.ConfigurationScope | null,
  glossary: GlossaryTermsProvider | undefined,
): string[] {
  const terms = new Set<string>();
  for (const term of getSetting('convert.protectedTerms', scope)) if (term.trim()) terms.add(term.trim());
  for (const term of glossary?.terms() ?? []) if (term.trim()) terms.add(term.trim());
  return [...terms];
}
