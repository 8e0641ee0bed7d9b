/**
 * Owns the heavy pieces (CC-CEDICT index, OpenCC converters, jieba engines), loads each
 * once on first need, and answers lookups with the current glossary. Shared by the
 * hover and the CLI. How each piece loads is the platform's (LookupPlatform): Node reads
 * files and loads native jieba (src/node/lookup.ts), the browser build reads through
 * `workspace.fs` and has no native engine (src/vscode/platform/web.ts).
 */
import { CedictIndex } from '../dict/cedictIndex';
import { EMPTY_GLOSSARY, Glossary, type GlossarySource } from '../glossary/glossary';
import { createDictionarySegmenter } from '../segment/dictionarySegmenter';
import type { ScriptConverters } from '../segment/opencc';
import { segment, simplifiedAligned, type Segmenter, type SegmenterEngine, type Token } from '../segment/segmenter';
import { countCodePoints } from '../text/codePoints';
import { lookupAt, type LookupResult, type LookupSources } from './lookup';

export interface ReadyState {
  /** The engine in use: the one asked for, or jieba-rs when that could not load. */
  readonly engine: SegmenterEngine;
  /** Why the engine asked for is not the one in use, in our words (for a message). */
  readonly warning?: string;
  /** The loader's own error, for a log: it is written for developers, not readers. */
  readonly detail?: string;
}

/** How the heavy pieces load on this platform; each is called once, on first need. */
export interface LookupPlatform {
  /** The compiled CC-CEDICT index's bytes (dist/cedict.idx). */
  loadIndex(): Uint8Array | Promise<Uint8Array>;
  loadConverters(): Promise<ScriptConverters>;
  /** Loads a jieba engine; throws when it cannot (jieba-rs then falls back to dictionary matching). */
  makeSegmenter(engine: SegmenterEngine): Segmenter;
}

/** One piece `ready` loaded, and how long it took (for a log). */
export interface LoadEvent {
  readonly what: string;
  readonly ms: number;
}

/** A single character every entry of which says it is a variant of another form (衞, 峯). */
function onlyAVariant(result: LookupResult): boolean {
  return (
    countCodePoints(result.match.text) === 1 &&
    result.entries.every((e) => e.references.some((r) => /variant/.test(r.kind)))
  );
}

/** Segmentations kept per engine; a hover re-segments nothing on a warm cache. */
const SEGMENT_CACHE_SIZE = 512;

export class LookupService {
  private dictionary: CedictIndex | undefined;
  private indexLoad: Promise<CedictIndex> | undefined;
  private converters: ScriptConverters | undefined;
  private glossary: Glossary = EMPTY_GLOSSARY;
  private readonly segmenters = new Map<SegmenterEngine, Segmenter>();
  private readonly wordsAdded = new Map<SegmenterEngine, Set<string>>();
  private readonly segmentCache = new Map<string, Token[]>();
  /** Set when jieba-rs could not load and dictionary matching stands in for it. */
  private fallbackWarning: string | undefined;
  private fallbackDetail: string | undefined;

  /** `platform.makeSegmenter` loads an engine; tests pass one that fails to check the fallback. */
  constructor(
    private readonly platform: LookupPlatform,
    /** Told about each piece loaded, once. */
    private readonly onLoad: (event: LoadEvent) => void = () => undefined,
  ) {}

  /** Loads what a lookup with `engine` needs; later calls return at once. */
  async ready(engine: SegmenterEngine): Promise<ReadyState> {
    if (!this.converters) {
      const started = performance.now();
      this.converters = await this.platform.loadConverters();
      this.onLoad({ what: 'OpenCC script converters', ms: performance.now() - started });
    }
    if (!this.dictionary) {
      // One read for hovers that arrive while the index is loading; a failed read is tried again.
      this.indexLoad ??= (async () => {
        const started = performance.now();
        const index = CedictIndex.fromBytes(await this.platform.loadIndex());
        this.onLoad({ what: 'the CC-CEDICT index', ms: performance.now() - started });
        return index;
      })().finally(() => (this.indexLoad = undefined));
      this.dictionary ??= await this.indexLoad;
    }
    return this.engine(engine);
  }

  private engine(engine: SegmenterEngine): ReadyState {
    if (!this.segmenters.has(engine)) {
      try {
        const started = performance.now();
        const segmenter = this.loadSegmenter(engine);
        this.segmenters.set(engine, segmenter);
        this.addGlossaryWords(segmenter);
        this.onLoad({ what: `the ${engine === 'jieba-rs' && this.fallbackWarning ? 'dictionary-matching (fallback)' : engine} segmenter`, ms: performance.now() - started });
      } catch (error) {
        if (engine === 'jieba-rs') throw error;
        const state = this.engine('jieba-rs');
        return { ...state, warning: `the ${engine} segmenter could not be loaded; using jieba-rs`, detail: (error as Error).message };
      }
    }
    return engine === 'jieba-rs' && this.fallbackWarning ? { engine, warning: this.fallbackWarning, detail: this.fallbackDetail } : { engine };
  }

  /**
   * `platform.makeSegmenter(engine)`, except that jieba-rs, the engine everything falls back to,
   * falls back itself to longest dictionary matching when its native module cannot load.
   */
  private loadSegmenter(engine: SegmenterEngine): Segmenter {
    try {
      return this.platform.makeSegmenter(engine);
    } catch (error) {
      if (engine !== 'jieba-rs' || !this.dictionary) throw error;
      const dictionary = this.dictionary;
      // The loader's own text tells a developer to run npm: the reader gets our words, the log the detail.
      this.fallbackWarning = 'the word segmenter (jieba-rs) is not available on this platform; words are found by longest dictionary match instead, which cuts some words differently';
      this.fallbackDetail = (error as Error).message;
      return createDictionarySegmenter((text, start) => dictionary.longestMatch(text, start));
    }
  }

  /** The loaded dictionary; throws if `ready` has not resolved. */
  get cedict(): CedictIndex {
    if (!this.dictionary) throw new Error('the dictionary is not loaded yet');
    return this.dictionary;
  }

  get scriptConverters(): ScriptConverters | undefined {
    return this.converters;
  }

  /** Replaces the glossary; its terms join every loaded segmenter's dictionary. */
  setGlossary(glossary: Glossary | readonly GlossarySource[]): Glossary {
    this.glossary = glossary instanceof Glossary ? glossary : new Glossary(glossary, this.converters);
    for (const [engine, segmenter] of this.segmenters) {
      if (engine === 'jieba-rs' && this.removesWords(engine)) {
        // jieba cannot forget a word: a term deleted from a glossary needs a fresh instance.
        const fresh = this.loadSegmenter(engine);
        this.segmenters.set(engine, fresh);
        this.wordsAdded.delete(engine);
        this.addGlossaryWords(fresh);
      } else this.addGlossaryWords(segmenter);
    }
    this.segmentCache.clear();
    return this.glossary;
  }

  get currentGlossary(): Glossary {
    return this.glossary;
  }

  /** Whether the current glossary lacks a word added to `engine` earlier. */
  private removesWords(engine: SegmenterEngine): boolean {
    const added = this.wordsAdded.get(engine);
    if (!added || added.size === 0) return false;
    const now = new Set(this.glossary.terms().map((t) => (this.converters ? this.converters.toSimplified(t) : t)));
    for (const word of added) if (!now.has(word)) return true;
    return false;
  }

  private addGlossaryWords(segmenter: Segmenter): void {
    const added = this.wordsAdded.get(segmenter.engine) ?? new Set<string>();
    this.wordsAdded.set(segmenter.engine, added);
    const fresh = new Set<string>();
    for (const term of this.glossary.terms()) {
      const simplified = this.converters ? this.converters.toSimplified(term) : term;
      if (!added.has(simplified)) fresh.add(simplified);
    }
    if (fresh.size === 0) return;
    segmenter.addWords(fresh);
    for (const w of fresh) added.add(w);
  }

  /**
   * Segments `text` with `engine` (loaded by `ready`), through the t2s map, or with
   * `folded` through t2s and the Taiwan/Hong Kong variant folds too (衞生 cut like 卫生).
   */
  segment(text: string, engine: SegmenterEngine, folded = false): Token[] {
    const segmenter = this.segmenters.get(engine) ?? this.segmenters.get('jieba-rs');
    if (!segmenter) throw new Error('no segmenter is loaded yet');
    const key = `${segmenter.engine}\u0000${folded ? 'f' : 't'}\u0000${text}`;
    const cached = this.segmentCache.get(key);
    if (cached) return cached;
    const tokens = segment(segmenter, text, folded ? this.converters?.toSimplifiedFolded : this.converters?.toSimplified);
    if (this.segmentCache.size >= SEGMENT_CACHE_SIZE) this.segmentCache.delete(this.segmentCache.keys().next().value!);
    this.segmentCache.set(key, tokens);
    return tokens;
  }

  /** Segments a whole line without caching it; `t2s: false` cuts the text as it is (plain jieba). */
  segmentLine(text: string, engine: SegmenterEngine, t2s = true): Token[] {
    const segmenter = this.segmenters.get(engine) ?? this.segmenters.get('jieba-rs');
    if (!segmenter) throw new Error('no segmenter is loaded yet');
    return segment(segmenter, text, t2s ? this.converters?.toSimplified : undefined);
  }

  /** The sources `lookupAt` reads, bound to `engine`; `folded` segments the variant-folded text. */
  sources(engine: SegmenterEngine, folded = false): LookupSources {
    const fold = folded ? this.converters?.toSimplifiedFolded : this.converters?.toSimplified;
    return {
      glossary: this.glossary,
      dictionary: this.cedict,
      segment: (text) => this.segment(text, engine, folded),
      fold: (word) => this.fold(word),
      foldText: (text) => (fold ? simplifiedAligned(text, fold) : text),
    };
  }

  /** A word's other spellings, for one missing as written: t2s, s2t, then variant folds. */
  private fold(word: string): readonly string[] {
    const c = this.converters;
    return c ? [c.toSimplified(word), c.toTraditional(word), ...c.foldVariants(word)] : [];
  }

  /**
   * Looks up the word at `offset` in `text`; call `ready` first. A word with no entry, or a
   * lone character whose entries all say it is a variant (衞: "variant of 衛"), is looked
   * up again in the text with the Taiwan and Hong Kong variant forms folded (衞生部門 is cut
   * and found like 卫生部门). Only then are those folds built (100-300 ms), so a hover on a
   * word found in t2s costs no more than before.
   */
  lookupAt(text: string, offset: number, engine: SegmenterEngine): LookupResult | undefined {
    const plain = lookupAt(text, offset, this.sources(engine));
    if (!plain || !this.converters || (plain.entries.length > 0 && !onlyAVariant(plain))) return plain;
    const folded = lookupAt(text, offset, this.sources(engine, true));
    if (!folded) return plain;
    // The folded reading wins when it has entries, or when it joins the variant character
    // into a longer word (衞生部門, explained by its parts 衞生部 + 門).
    const longer = folded.match.end - folded.match.start > plain.match.end - plain.match.start;
    return folded.entries.length > 0 || (plain.entries.length > 0 && longer) ? folded : plain;
  }
}
