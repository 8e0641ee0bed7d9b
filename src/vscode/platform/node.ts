/** The desktop platform: Node's extension host, with native jieba and the engine bundle required from dist/. */
import path from 'node:path';
import { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
import { createNodeLookupService } from '../../node/lookup';
import { loadScriptConverters, requireConvertEngine } from '../../node/scriptConverters';
import type { Platform } from './types';

let engine: ReturnType<typeof requireConvertEngine> | undefined;

export const platform: Platform = {
  // The engine and its dictionaries (about 1.2 MB of JavaScript) are a bundle of their own,
  // dist/convert-engine.js, required on the first conversion, not with the extension.
  loadConvertEngine: () => (engine ??= requireConvertEngine()),
  loadScriptConverters,
  createLookupService: (extensionUri, onLoad) => createNodeLookupService(path.join(extensionUri.fsPath, 'dist', CEDICT_INDEX_FILE), undefined, onLoad),
  utf8ByteLength: (text) => Buffer.byteLength(text),
  yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
};
