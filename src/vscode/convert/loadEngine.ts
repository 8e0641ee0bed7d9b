/**
 * The conversion engine with its dictionaries (about 1.2 MB of JavaScript) is a bundle of
 * its own, `dist/convert-engine.js`, required on the first conversion: loading it with the
 * extension would cost every VS Code start several milliseconds for a feature used later.
 */
import path from 'node:path';
import type * as Engine from '../../core/convert/engine';

export type ConvertEngine = typeof Engine;

let engine: ConvertEngine | undefined;

export function loadEngine(): ConvertEngine {
  // A computed path, so that esbuild leaves the require to run time instead of bundling it.
  const file = path.join(__dirname, 'convert-engine.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require(file) as ConvertEngine;
  return engine;
}
