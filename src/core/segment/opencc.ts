/**
 * OpenCC converters between the scripts, loaded on first use (opencc-js builds its tables
 * then). opencc-js is required at run time rather than bundled: it is 1.2 MB of tables
 * that would otherwise be parsed at every activation. The build copies it to dist/node_modules.
 */
import type * as OpenCCModule from 'opencc-js';
import { nodeRequire } from './engines';
import type { ToSimplified } from './segmenter';

export interface ScriptConverters {
  readonly toSimplified: ToSimplified;
  readonly toTraditional: (text: string) => string;
}

let converters: Promise<ScriptConverters> | undefined;

export function loadScriptConverters(): Promise<ScriptConverters> {
  converters ??= Promise.resolve().then(() => {
    const OpenCC = nodeRequire()('opencc-js') as typeof OpenCCModule;
    // s2t takes ~80 ms to build and is needed only for a Simplified glossary term given
    // without its Traditional form: build it on first use.
    let s2t: ((text: string) => string) | undefined;
    return {
      toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
      toTraditional: (text: string) => (s2t ??= OpenCC.Converter({ from: 'cn', to: 't' }))(text),
    };
  });
  return converters;
}
