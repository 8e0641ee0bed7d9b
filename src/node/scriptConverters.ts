/**
 * Node's way to the script converters: the conversion engine is a bundle of its own,
 * dist/convert-engine.js, required on first use (see src/core/segment/opencc.ts for why).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as Engine from '../core/convert/engine';
import { scriptConvertersFrom, type ScriptConverters } from '../core/segment/opencc';
import { nodeRequire } from './engines';

const ENGINE_BUNDLE = 'convert-engine.js';

/**
 * The engine bundle next to this one (the extension and CLI in dist/), or, for the tests
 * and benchmarks, which run from out/, the repository's dist/ (`node esbuild.mjs` builds it).
 */
export function requireConvertEngine(): typeof Engine {
  const candidates = [
    ...(typeof __dirname === 'string' ? [path.join(__dirname, ENGINE_BUNDLE)] : []),
    path.resolve('dist', ENGINE_BUNDLE),
  ];
  const engine = candidates.find((file) => existsSync(file));
  if (engine === undefined) {
    throw new Error(`the script converter bundle ${ENGINE_BUNDLE} is missing (looked in ${candidates.join(', ')}): run \`node esbuild.mjs\``);
  }
  return nodeRequire()(engine) as typeof Engine;
}

let converters: Promise<ScriptConverters> | undefined;

/** The hover's OpenCC converters, built once, on first use. */
export function loadScriptConverters(): Promise<ScriptConverters> {
  converters ??= Promise.resolve().then(() => scriptConvertersFrom(requireConvertEngine().textConverter));
  return converters;
}
