/**
 * What the features need from the platform they run on: the desktop's Node extension host
 * (node.ts) or the browser's web worker extension host (web.ts, vscode.dev and github.dev).
 * esbuild picks one per bundle (esbuild.mjs: the browser build redirects ./index to web.ts);
 * the features import `platform` from ./index and never Node's modules.
 */
import type * as vscode from 'vscode';
import type * as Engine from '../../core/convert/engine';
import type { LoadEvent, LookupService } from '../../core/lookup/service';
import type { ScriptConverters } from '../../core/segment/opencc';

export interface Platform {
  /** The conversion engine with opencc-js's tables, loaded once, on first use. */
  loadConvertEngine(): typeof Engine;
  /** The hover's OpenCC converters, built once, on first use. */
  loadScriptConverters(): Promise<ScriptConverters>;
  /** A lookup service over the extension's own dist/cedict.idx. */
  createLookupService(extensionUri: vscode.Uri, onLoad?: (event: LoadEvent) => void): LookupService;
  /** The UTF-8 size of `text` in bytes, without encoding it (size limits in settings are in bytes). */
  utf8ByteLength(text: string): number;
  /** Resolves after pending events (a cancel button, typing) have had their turn. */
  yieldToEventLoop(): Promise<void>;
}
