/**
 * Core's user-visible text in the UI language. Core builds messages from English
 * templates (see core/text/messages.ts); here they go through `vscode.l10n.t`, whose
 * bundles (l10n/bundle.l10n.<locale>.json) are keyed by those templates. In English,
 * or for a template a bundle lacks, the template itself is used with its slots filled.
 */
import * as vscode from 'vscode';
import type { Translate } from '../core/text/messages';

export const translate: Translate = (template, args) => (args ? vscode.l10n.t(template, args) : vscode.l10n.t(template));
