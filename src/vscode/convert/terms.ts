/**
 * The terms a conversion treats specially in a document: the user's protected terms (never
 * converted) and the project glossary's terms (converted to the glossary's own form).
 */
import type * as vscode from 'vscode';
import type { Variant } from '../../core/convert/variants';
import { getSetting } from '../config';

/** A glossary term in both scripts, as the glossary gives it. */
export interface GlossaryTermForms {
  readonly traditional: string;
  readonly simplified: string;
}

/** The project glossary (the hover feature's); the converter works without one. */
export interface GlossaryTermsProvider {
  /** Every glossary entry with its Traditional and Simplified form. */
  termForms(): readonly GlossaryTermForms[];
  readonly onDidChange: vscode.Event<void>;
}

export interface TermOptions {
  readonly protectedTerms: string[];
  readonly fixedTerms: [string, string][];
}

/**
 * Protected terms come from `chineseReader.convert.protectedTerms`. A glossary term becomes
 * the glossary's form in the target script, and is otherwise left alone: 數字政府 and
 * 数字政府 both become 數字政府 in a conversion to Traditional, whatever OpenCC's tables
 * would make of them, and a term whose two forms are the same (乾隆) is never touched.
 */
export function termOptionsFor(
  scope: vscode.ConfigurationScope | null,
  glossary: GlossaryTermsProvider | undefined,
  to: Variant,
): TermOptions {
  const protectedTerms = new Set<string>();
  for (const term of getSetting('convert.protectedTerms', scope)) if (term.trim()) protectedTerms.add(term.trim());
  const fixed = new Map<string, string>();
  for (const { traditional, simplified } of glossary?.termForms() ?? []) {
    if (!traditional || !simplified) continue;
    if (to === 'jp') {
      // Japanese forms are neither; keep the glossary's terms as written.
      fixed.set(traditional, traditional);
      fixed.set(simplified, simplified);
    } else if (to === 'cn') {
      fixed.set(traditional, simplified);
      fixed.set(simplified, simplified);
    } else {
      fixed.set(simplified, traditional);
      fixed.set(traditional, traditional);
    }
  }
  return { protectedTerms: [...protectedTerms], fixedTerms: [...fixed] };
}
