/**
 * Loads the glossaries (files matched by `chineseReader.glossary.files` plus the inline
 * `chineseReader.glossary.entries`), watches the files, reports malformed rows as
 * diagnostics on their line, and publishes the merged glossary. Other features (the
 * conversion, which keeps the glossary's forms) read `terms()`/`termForms()` and listen to
 * `onDidChange`.
 */
import * as vscode from 'vscode';
import { platform } from '../platform';
import { Glossary, type GlossarySource } from '../../core/glossary/glossary';
import { glossaryFormatOf, parseGlossary, parseInlineEntries, type ParsedGlossary } from '../../core/glossary/parse';
import { SETTINGS_SECTION } from '../../core/settings';
import { decodeUtf8 } from '../../core/text/decode';
import { affectsChineseReader, getSetting } from '../config';
import { elapsed, log } from '../log';

export interface GlossaryService extends vscode.Disposable {
  /** Every glossary term, in both script forms. Empty until the first load finishes. */
  terms(): readonly string[];
  /** Every entry's Traditional and Simplified form (what conversions keep). Empty until the first load finishes. */
  termForms(): readonly { readonly traditional: string; readonly simplified: string }[];
  /** Fires after every (re)load. */
  readonly onDidChange: vscode.Event<void>;
  /** The merged glossary after the pending load. */
  current(): Promise<Glossary>;
}

/** Glossary files larger than this are refused (with a diagnostic) instead of parsed. */
const MAX_GLOSSARY_BYTES = 20 * 1024 * 1024;
const RELOAD_DEBOUNCE_MS = 150;

export function registerGlossary(): GlossaryService {
  const diagnostics = vscode.languages.createDiagnosticCollection('chineseReader.glossary');
  const changed = new vscode.EventEmitter<void>();
  const disposables: vscode.Disposable[] = [diagnostics, changed];
  let glossary = new Glossary([]);
  let pending: Promise<Glossary> | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watchers: vscode.Disposable[] = [];
  let warnedInline = '';

  /** The glossary patterns that apply in `folder` (the setting may differ per folder). */
  const patterns = (folder: vscode.WorkspaceFolder) => getSetting('glossary.files', folder.uri).filter((p) => p.trim().length > 0);

  const relativeName = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

  async function readText(uri: vscode.Uri): Promise<string | { error: string }> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_GLOSSARY_BYTES) return { error: `glossary file is larger than ${MAX_GLOSSARY_BYTES / (1024 * 1024)} MB; not loaded` };
      const decoded = decodeUtf8(await vscode.workspace.fs.readFile(uri));
      return decoded.ok ? decoded.text : { error: `glossary file ${decoded.message}; not loaded` };
    } catch (error) {
      return { error: `glossary file could not be read: ${(error as Error).message}` };
    }
  }

  async function findFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of patterns(folder)) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), '**/node_modules/**', 200);
        for (const uri of uris) if (glossaryFormatOf(uri.path)) found.set(uri.toString(), uri);
      }
    }
    return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  function inlineEntries(): ParsedGlossary {
    const value: unknown = vscode.workspace.getConfiguration(SETTINGS_SECTION).get('glossary.entries');
    if (!Array.isArray(value)) return { rows: [], problems: value === undefined ? [] : [{ line: 0, message: 'must be an array' }] };
    return parseInlineEntries(value);
  }

  async function load(): Promise<Glossary> {
    const mine = ++generation;
    const started = performance.now();
    const files = await findFiles();
    const sources: GlossarySource[] = [];
    const fileDiagnostics: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const uri of files) {
      const text = await readText(uri);
      const format = glossaryFormatOf(uri.path)!;
      const parsed = typeof text === 'string' ? parseGlossary(text, format) : { rows: [], problems: [{ line: 0, message: text.error }] };
      sources.push({ source: relativeName(uri), rows: parsed.rows });
      fileDiagnostics.push([
        uri,
        parsed.problems.map((p) => {
          const d = new vscode.Diagnostic(new vscode.Range(p.line, 0, p.line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Warning);
          d.source = 'Chinese Reader glossary';
          d.code = 'zh.glossary.row';
          return d;
        }),
      ]);
    }
    const inline = inlineEntries();
    if (inline.rows.length > 0) sources.push({ source: 'settings', rows: inline.rows });
    const problemsText = inline.problems.map((p) => vscode.l10n.t('entry {number}: {problem}', { number: p.line + 1, problem: p.message })).join('; ');
    if (problemsText && problemsText !== warnedInline) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Chinese Reader: chineseReader.glossary.entries has malformed entries, skipped: {problems}', { problems: problemsText }));
    }
    warnedInline = problemsText;
    const hasRows = sources.some((s) => s.rows.length > 0);
    const converters = hasRows ? await platform.loadScriptConverters() : undefined;
    const next = new Glossary(sources, converters);
    if (mine === generation) {
      const rows = sources.reduce((n, s) => n + s.rows.length, 0);
      const skipped = fileDiagnostics.reduce((n, [, list]) => n + list.length, 0) + inline.problems.length;
      if (files.length > 0 || inline.rows.length > 0 || skipped > 0) {
        log().info(
          `Loaded ${rows} glossary ${rows === 1 ? 'entry' : 'entries'} from ${files.length} ${files.length === 1 ? 'file' : 'files'}${inline.rows.length > 0 ? ' and the settings' : ''} in ${elapsed(started)}.`,
        );
      }
      for (const [uri, list] of fileDiagnostics) {
        for (const d of list) log().warn(`Skipped a glossary row: ${relativeName(uri)}, line ${d.range.start.line + 1}: ${d.message}`);
      }
      glossary = next;
      diagnostics.clear();
      for (const [uri, list] of fileDiagnostics) if (list.length > 0) diagnostics.set(uri, list);
      changed.fire();
    }
    return next;
  }

  const reload = () => {
    // A failed load says why and keeps the last good glossary: a rejected promise kept in
    // `pending` would fail every hover until the next change reloads.
    pending = load().catch((error: unknown) => {
      log().error(`The glossaries could not be loaded: ${(error as Error).stack ?? String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Chinese Reader: the glossaries could not be loaded: {message}', { message: (error as Error).message }));
      return glossary;
    });
    return pending;
  };

  const scheduleReload = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void reload().catch(() => undefined);
    }, RELOAD_DEBOUNCE_MS);
  };

  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const pattern of patterns(folder)) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
        watchers.push(watcher, watcher.onDidChange(scheduleReload), watcher.onDidCreate(scheduleReload), watcher.onDidDelete(scheduleReload));
      }
    }
  };
  // Watching and the first load start right after activation, not inside it (activation
  // stays a few milliseconds), so that terms() is ready without anyone hovering first.
  const initial = setTimeout(() => {
    watch();
    if (!pending) void reload().catch(() => undefined);
  }, 0);
  disposables.push({ dispose: () => clearTimeout(initial) });

  const isGlossaryFile = (document: vscode.TextDocument) => {
    if (glossaryFormatOf(document.uri.path) === undefined) return false;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    return folder !== undefined && patterns(folder).some((pattern) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, pattern) }, document) > 0);
  };

  disposables.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsChineseReader(e)) return;
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.glossary.files`)) watch();
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.glossary`)) scheduleReload();
    }),
    // Unsaved edits to an open glossary apply too; the watcher covers saves and outside changes.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && isGlossaryFile(e.document)) scheduleReload();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      scheduleReload();
    }),
  );

  return {
    terms: () => glossary.terms(),
    termForms: () => glossary.termForms(),
    onDidChange: changed.event,
    current: () => pending ?? reload(),
    dispose() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.dispose();
      for (const d of disposables) d.dispose();
    },
  };
}
