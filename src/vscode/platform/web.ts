/**
 * The browser platform (vscode.dev, github.dev, code-server's web worker host): no Node
 * modules, no native code. The conversion engine is bundled in (a worker cannot require a
 * file), the CC-CEDICT index is read through `workspace.fs` from the extension's own
 * folder, and words are cut by longest dictionary match: jieba-rs is a native addon, and
 * its WebAssembly build needs a cross-origin isolated page (SharedArrayBuffer), which
 * VS Code for the Web does not guarantee.
 */
import * as vscode from 'vscode';
import * as engine from '../../core/convert/engine';
import { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
import { LookupService } from '../../core/lookup/service';
import { scriptConvertersFrom, type ScriptConverters } from '../../core/segment/opencc';
import { utf8Length } from '../../core/text/utf8';
import type { Platform } from './types';

let converters: Promise<ScriptConverters> | undefined;
const loadScriptConverters = () => (converters ??= Promise.resolve().then(() => scriptConvertersFrom(engine.textConverter)));

export const platform: Platform = {
  loadConvertEngine: () => engine,
  loadScriptConverters,
  createLookupService: (extensionUri, onLoad) =>
    new LookupService(
      {
        loadIndex: async () => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', CEDICT_INDEX_FILE)),
        loadConverters: loadScriptConverters,
        makeSegmenter: (engineName) => {
          throw new Error(`${engineName} is a native module, which the browser's extension host cannot load`);
        },
      },
      onLoad,
    ),
  utf8ByteLength: utf8Length,
  // A message channel, not setTimeout: nested timeouts are clamped to 4 ms.
  yieldToEventLoop: () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      // The DOM's MessagePort (the types here are Node's, which has no onmessage).
      const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
      port.onmessage = () => {
        port.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    }),
};
