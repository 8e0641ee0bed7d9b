/**
 * The "Chinese Reader" log (Output view): what loaded and how long it took, fallbacks,
 * skipped files and errors. The channel is created on the first message, never at import
 * or activation, so that a session that logs nothing has no output channel.
 */
import * as vscode from 'vscode';

export const LOG_NAME = 'Chinese Reader';

let channel: vscode.LogOutputChannel | undefined;

/** The log, created on first use. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel(LOG_NAME, { log: true });
  return channel;
}

/** Whether anything has been logged this session (the channel exists). */
export function logCreated(): boolean {
  return channel !== undefined;
}

/** Disposes the channel if it was created; the next message creates a new one. */
export function registerLog(): vscode.Disposable {
  return {
    dispose() {
      channel?.dispose();
      channel = undefined;
    },
  };
}

/** Milliseconds since `started` (a `performance.now()` value), rounded for the log. */
export function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
