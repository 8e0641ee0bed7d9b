/**
 * The outline of each open document, computed once per document version and rules
 * setting, shared by the symbol and folding providers and the numbering diagnostics.
 * Unusable user rules are reported once per message, with a button to the setting.
 */
import * as vscode from 'vscode';
import { compileUserRules, computeOutline, RULES_SETTING, type CompiledUserRules, type Outline, type RuleError } from '../../core/outline';
import { SETTINGS_SECTION } from '../../core/settings';

export interface OutlineModel extends vscode.Disposable {
  /** The outline of `document` as it is now. */
  outlineFor(document: vscode.TextDocument): Outline;
  /** Fires for every rule error shown to the user (each distinct message once a session). */
  readonly onDidReportRuleError: vscode.Event<RuleError>;
}

export function createOutlineModel(): OutlineModel {
  const cache = new Map<string, { version: number; rulesKey: string; outline: Outline }>();
  const compiled = new Map<string, CompiledUserRules>();
  const reported = new Set<string>();
  const reportEmitter = new vscode.EventEmitter<RuleError>();

  /** The rules setting as it applies to `document`, compiled once per distinct value. */
  const rulesFor = (document: vscode.TextDocument): { key: string; rules: CompiledUserRules } => {
    // Read raw: the typed getter accepts only string lists, and the errors must name the bad entry.
    const raw: unknown = vscode.workspace.getConfiguration(SETTINGS_SECTION, document).get('outline.rules');
    const key = JSON.stringify(raw ?? null);
    let rules = compiled.get(key);
    if (!rules) {
      rules = compileUserRules(raw);
      compiled.set(key, rules);
    }
    return { key, rules };
  };

  const report = (error: RuleError) => {
    if (reported.has(error.message)) return;
    reported.add(error.message);
    reportEmitter.fire(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Chinese Reader: {message}', { message: error.message }), vscode.l10n.t('Open Settings')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', RULES_SETTING);
    });
  };

  const closed = vscode.workspace.onDidCloseTextDocument((d) => cache.delete(d.uri.toString()));

  return {
    outlineFor(document) {
      const key = document.uri.toString();
      const { key: rulesKey, rules } = rulesFor(document);
      const cached = cache.get(key);
      if (cached && cached.version === document.version && cached.rulesKey === rulesKey) return cached.outline;
      const outline = computeOutline(document.getText(), { userRules: rules });
      cache.set(key, { version: document.version, rulesKey, outline });
      outline.errors.forEach(report);
      return outline;
    },
    onDidReportRuleError: reportEmitter.event,
    dispose() {
      cache.clear();
      closed.dispose();
      reportEmitter.dispose();
    },
  };
}
