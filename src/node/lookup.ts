/**
 * The lookup service as Node runs it (the CLI, the desktop extension host, tests and
 * benchmarks): the index read from a file, the engine bundle required, jieba native.
 */
import { readFileSync } from 'node:fs';
import { CedictIndex } from '../core/dict/cedictIndex';
import { LookupService, type LoadEvent, type LookupPlatform } from '../core/lookup/service';
import type { Segmenter, SegmenterEngine } from '../core/segment/segmenter';
import { createSegmenter } from './engines';
import { loadScriptConverters } from './scriptConverters';

export { LookupService } from '../core/lookup/service';

/** Reads the compiled CC-CEDICT index at `file`; throws with a clear message if it is not one. */
export function loadCedictIndex(file: string): CedictIndex {
  return CedictIndex.fromBytes(readFileSync(file));
}

/** Node's loaders for a lookup service over the index at `indexPath`. */
export function nodeLookupPlatform(indexPath: string, makeSegmenter: (engine: SegmenterEngine) => Segmenter = createSegmenter): LookupPlatform {
  return {
    loadIndex: () => readFileSync(indexPath),
    loadConverters: loadScriptConverters,
    makeSegmenter,
  };
}

/** A lookup service over the index at `indexPath`; `makeSegmenter` lets tests make the engine fail. */
export function createNodeLookupService(
  indexPath: string,
  makeSegmenter?: (engine: SegmenterEngine) => Segmenter,
  onLoad?: (event: LoadEvent) => void,
): LookupService {
  return new LookupService(nodeLookupPlatform(indexPath, makeSegmenter), onLoad);
}
