/**
 * OpenCC converters between the scripts for the hover, built on first use (the tables
 * are built then). They come from the conversion engine (in Node its bundle
 * dist/convert-engine.js, which script conversion loads too: one copy of opencc-js's
 * 1.2 MB of tables in the package and in memory, and none of it parsed at activation).
 * The engine, not opencc-js's own `Converter`, does the work: opencc-js parses ideographic description
 * characters in exponential time (a glossary row of 40 ⿲ made every lookup take 21 s).
 */
import type * as Engine from '../convert/engine';
import type { ToSimplified } from './segmenter';

/** The conversion engine's factory of text converters (src/core/convert/engine.ts). */
export type TextConverterFactory = typeof Engine.textConverter;

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

/**
 * The converters over the engine's `textConverter`, which the platform supplies: Node
 * requires the engine's bundle on first use (src/node/scriptConverters.ts), the browser
 * build has it bundled (src/vscode/platform/web.ts).
 */
export function scriptConvertersFrom(textConverter: TextConverterFactory): ScriptConverters {
  // s2t takes ~80 ms to build and is needed only for a Simplified glossary term given
  // without its Traditional form: build it on first use.
  let s2t: ((text: string) => string) | undefined;
  const t2s = textConverter('t', 'cn');
  // The engine builds its tables on the first conversion: build t2s's now, with the load.
  t2s('體');
  // The same for the Taiwan and Hong Kong folds, built by the first lookup of a word that
  // has no entry as written nor in t2s/s2t: most hovers never need them.
  let variants: ((text: string) => string)[] | undefined;
  const folds = () => (variants ??= [textConverter('tw', 'cn'), textConverter('hk', 'cn')]);
  return {
    toSimplified: t2s,
    toTraditional: (text: string) => (s2t ??= textConverter('cn', 't'))(text),
    foldVariants: (text: string) => folds().map((fold) => fold(text)),
    // hk -> cn includes t2s; tw -> cn then folds the Taiwan forms (看著 -> 看着).
    toSimplifiedFolded: (text: string) => {
      const [tw, hk] = folds();
      return tw!(hk!(text));
    },
  };
}
