/**
 * OpenCC converters between the scripts, loaded on first use (opencc-js builds its tables
 * then). opencc-js is required at run time rather than bundled: it is 1.2 MB of tables
 * that would otherwise be parsed at every activation. Built, it comes from the conversion
 * engine's bundle next to this one (dist/convert-engine.js, which script conversion loads
 * too: one copy in the package and in memory); in tests, from node_modules.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as OpenCCModule from 'opencc-js';
import { nodeRequire } from './engines';

type OpenCCConverter = typeof OpenCCModule.Converter;

function openccConverter(): OpenCCConverter {
  const engine = typeof __dirname === 'string' ? path.join(__dirname, 'convert-engine.js') : undefined;
  if (engine !== undefined && existsSync(engine)) return (nodeRequire()(engine) as { openccConverter: OpenCCConverter }).openccConverter;
  return (nodeRequire()('opencc-js') as typeof OpenCCModule).Converter;
}
import type { ToSimplified } from './segmenter';

export interface ScriptConverters {
  readonly toSimplified: ToSimplified;
  readonly toTraditional: (text: string) => string;
  /**
   * `text` with Taiwan and Hong Kong variant forms folded, in Simplified (看著 -> 看着,
   * 衞生 -> 卫生): the spellings t2s keeps apart. For lookups of words no dictionary has as
   * written.
   */
  readonly foldVariants: (text: string) => readonly string[];
  /**
   * t2s with the Hong Kong and Taiwan variant forms folded too (衞生 -> 卫生): what the
   * hover's segmenter cuts, so that a word written in a variant form is still one word.
   */
  readonly toSimplifiedFolded: ToSimplified;
}

let converters: Promise<ScriptConverters> | undefined;

export function loadScriptConverters(): Promise<ScriptConverters> {
  converters ??= Promise.resolve().then(() => {
    const Converter = openccConverter();
    // s2t takes ~80 ms to build and is needed only for a Simplified glossary term given
    // without its Traditional form: build it on first use.
    let s2t: ((text: string) => string) | undefined;
    // The same for the Taiwan and Hong Kong folds, built by the first lookup of a word that
    // has no entry as written nor in t2s/s2t: most hovers never need them.
    let variants: ((text: string) => string)[] | undefined;
    const folds = () => (variants ??= [Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })]);
    return {
      toSimplified: Converter({ from: 't', to: 'cn' }),
      toTraditional: (text: string) => (s2t ??= Converter({ from: 'cn', to: 't' }))(text),
      foldVariants: (text: string) => folds().map((fold) => fold(text)),
      // hk -> cn includes t2s; tw -> cn then folds the Taiwan forms (看著 -> 看着).
      toSimplifiedFolded: (text: string) => {
        const [tw, hk] = folds();
        return tw!(hk!(text));
      },
    };
  });
  return converters;
}
