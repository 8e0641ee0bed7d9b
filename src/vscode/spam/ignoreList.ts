/**
 * "Ignore this line": a per-file list of ignored line texts kept in workspace state.
 * Chosen over an inline marker comment because plain text has no comment syntax: a
 * marker would change the reader's text. Keying by the line's text (trimmed) keeps an
 * ignored line ignored when lines above it are added or removed; an identical line
 * elsewhere in the same file is ignored too, which is what a reader wants for a
 * repeated byline. The list lives in this workspace only and is cleared by the
 * "Clear Ignored Spam Lines for This File" command.
 */
import type * as vscode from 'vscode';

const KEY = 'chineseReader.spam.ignoredLines';

export class IgnoreList {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, string[]> {
    const value = this.state.get<unknown>(KEY);
    return value && typeof value === 'object' ? (value as Record<string, string[]>) : {};
  }

  /** The ignored line texts of `uri`. */
  linesOf(uri: vscode.Uri): ReadonlySet<string> {
    const list = this.all()[uri.toString()];
    return new Set(Array.isArray(list) ? list.filter((l) => typeof l === 'string') : []);
  }

  async add(uri: vscode.Uri, lineText: string): Promise<void> {
    const all = this.all();
    const key = uri.toString();
    const list = new Set(all[key] ?? []);
    list.add(lineText.trim());
    await this.state.update(KEY, { ...all, [key]: [...list] });
  }

  async clear(uri: vscode.Uri): Promise<number> {
    const all = this.all();
    const key = uri.toString();
    const count = all[key]?.length ?? 0;
    const rest = { ...all };
    delete rest[key];
    await this.state.update(KEY, rest);
    return count;
  }
}
