/** Registers a typed table of command handlers, each wrapped so that failures are shown. */
import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import { log } from './log';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Registers `handlers`. A handler that throws or rejects shows an error message naming
 * the command instead of failing silently; the error is rethrown for callers such as
 * `executeCommand` in tests.
 */
export function registerCommands(handlers: Partial<Record<CommandId, CommandHandler>>): vscode.Disposable {
  const disposables = Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log().error(`${id} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Chinese Reader: {message}', { message }));
        throw error;
      }
    }),
  );
  return vscode.Disposable.from(...disposables);
}
