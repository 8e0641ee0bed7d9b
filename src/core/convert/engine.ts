/**
 * OpenCC conversion that knows what it changed. It runs the same dictionaries, in the
 * same order and with the same maximum-match segmentation, as opencc-js's own
 * converters (`opencc-js/preset` configs), but each pass records the stretches it
 * replaced, so that an editor can apply only those and keep cursors where they were.
 *
 * Loading the dictionaries is the expensive part (up to about 150 ms per config): each
 * config's tries are built on first use and kept.
 */
import { Trie } from 'opencc-js/core';
import * as OPENCC_PRESET from 'opencc-js/preset';
import { appendShifted, composeUnits, unitsToEdits, type TextEdit, type Units } from './alignment';
import { codePointLength, countCodePoints } from '../text/codePoints';
import { IdsScanner, isIdsUnit } from '../text/ids';
import { alternativesFor, mayBeAmbiguous } from './ambiguity';
import { configName, type Variant } from './variants';

const PRESET_CONFIGS = OPENCC_PRESET.configs;


type DictLike = string | readonly (readonly [string, string])[];
interface PresetConfig {
  readonly normalizationChain?: readonly (readonly DictLike[])[];
  readonly segmentation?: DictLike | readonly DictLike[];
  readonly conversionChain: readonly (readonly DictLike[])[];
}

/** A conversion choice the converter could not make from context (e.g. 干 → 幹, 乾 or 干). */
export interface Ambiguity {
  /** Range of the chosen character in the converted text. */
  readonly start: number;
  readonly end: number;
  /** The character that was converted. */
  readonly source: string;
  readonly chosen: string;
  /** Every reading, the chosen one first. */
  readonly alternatives: readonly string[];
}

export interface ConversionResult {
  readonly text: string;
  /** Minimal edits on the input, sorted; empty when nothing changes. */
  readonly edits: readonly TextEdit[];
  readonly ambiguities: readonly Ambiguity[];
}

/**
 * Longest protected or glossary term (UTF-16 units) conversion honours. The term trie is
 * walked from every character as far as the text follows a term, so a term of 100,000
 * characters over a line of the same characters would cost 100,000 steps per character;
 * 64 holds the longest official titles and keeps that walk bounded (longer ones are ignored).
 */
export const MAX_TERM_LENGTH = 64;

export interface ConvertOptions {
  /** Terms copied unchanged wherever they occur (longest match first; at most MAX_TERM_LENGTH units). */
  readonly protectedTerms?: readonly string[];
  /**
   * Terms with a fixed conversion, `[term, replacement]`, that the OpenCC tables never see:
   * a project glossary's own form of a term in the target script (数字政府 → 數字政府).
   * Protected terms win where both list a term.
   */
  readonly fixedTerms?: readonly (readonly [string, string])[];
  /** Record character choices made without context (Simplified → Traditional only). */
  readonly markAmbiguities?: boolean;
}

export interface ScriptConverter {
  readonly from: Variant;
  readonly to: Variant;
  convert(text: string): ConversionResult;
  /** The converted text alone: `convert(text).text` without working out the edits. */
  convertText(text: string): string;
  /**
   * The same conversion in pieces of about `chunkChars` ending at line breaks (no OpenCC
   * phrase spans a line break, and a piece never ends inside an ideographic description
   * sequence, so the result is identical). It yields the number of input characters done
   * after each piece, so that a caller can report progress and stop.
   */
  convertSteps(text: string, chunkChars?: number): Generator<number, ConversionResult, void>;
}

/** A pass over a piece of text: its output and the units it changed. */
interface PassResult {
  readonly text: string;
  readonly units: Units;
}

interface AmbiguitySink {
  readonly list: Ambiguity[];
  /** Offset of the piece's output within the whole output. */
  base: number;
}

type Pass = (text: string, sink: AmbiguitySink | undefined) => PassResult;

/**
 * Length of the text that no dictionary entry starts at i: one code point, or a whole
 * description sequence such as ⿰氵青, whose components OpenCC leaves alone.
 */
function unmatchedLength(text: string, i: number, ids: IdsScanner): number {
  const code = text.charCodeAt(i);
  if (isIdsUnit(code)) {
    const end = ids.end(i);
    return end > i ? end - i : 1;
  }
  return code >= 0xd800 && code <= 0xdbff ? codePointLength(text, i) : 1;
}

/** opencc-js's trie node: children by code point, `trie_val` where an entry ends. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string };

/** The value of the last `longestMatch`; a module variable spares an object per character. */
let matchedValue = '';

/**
 * End of the longest entry of `trie` starting at i, or -1; its value goes to
 * `matchedValue`. The same walk as opencc-js's `Trie.matchPrefix`, without allocating.
 */
function longestMatch(trie: Trie, text: string, i: number): number {
  let node = (trie as unknown as { map: TrieNode }).map;
  let end = -1;
  for (let j = i; j < text.length; ) {
    let cp = text.charCodeAt(j);
    if (cp >= 0xd800 && cp <= 0xdbff && codePointLength(text, j) === 2) {
      cp = text.codePointAt(j)!;
      j += 2;
    } else {
      // A lone surrogate is a code point of its own, as in opencc-js.
      j += 1;
    }
    const next = node.get(cp);
    if (next === undefined) break;
    node = next;
    if (node.trie_val !== undefined) {
      end = j;
      matchedValue = node.trie_val;
    }
  }
  return end;
}

/**
 * `trie.convert(text)` of opencc-js, for the short segments of the segmented configs:
 * the same maximum-match replacement, built by string concatenation instead of an array
 * joined for each segment.
 */
function trieConvert(trie: Trie, text: string): string {
  let out = '';
  let pending = 0;
  const ids = new IdsScanner(text);
  for (let i = 0; i < text.length; ) {
    const end = longestMatch(trie, text, i);
    if (end < 0) {
      i += unmatchedLength(text, i, ids);
      continue;
    }
    if (pending < i) out += text.slice(pending, i);
    out += matchedValue;
    pending = i = end;
  }
  if (pending === 0) return text;
  return pending < text.length ? out + text.slice(pending) : out;
}

function buildTrie(dicts: readonly DictLike[]): Trie {
  const trie = new Trie();
  trie.loadDictGroup(dicts);
  return trie;
}

/**
 * One maximum-match pass of `trie` over the text. Single-character matches of characters
 * with several readings are reported to `sink` when given.
 */
function triePass(trie: Trie, text: string, sink: AmbiguitySink | undefined, regional: readonly Trie[]): PassResult {
  const parts: string[] = [];
  const units: Units = [];
  let pending = 0;
  let out = 0;
  const ids = new IdsScanner(text);
  for (let i = 0; i < text.length; ) {
    const end = longestMatch(trie, text, i);
    if (end < 0) {
      i += unmatchedLength(text, i, ids);
      continue;
    }
    const value = matchedValue;
    if (value.length !== end - i || !text.startsWith(value, i)) {
      if (pending < i) {
        parts.push(text.slice(pending, i));
        out += i - pending;
      }
      if (sink && end - i === codePointLength(text, i)) noteAmbiguity(sink, text.slice(i, end), value, out, regional);
      units.push(i, end, out, out + value.length);
      parts.push(value);
      out += value.length;
      pending = end;
    }
    i = end;
  }
  if (pending === 0) return { text, units };
  if (pending < text.length) parts.push(text.slice(pending));
  return { text: parts.join(''), units };
}

const NO_TRIES: readonly Trie[] = [];

/** Alternatives after the regional tables, per regional chain and character: computed once. */
const regionalReadings = new WeakMap<readonly Trie[], Map<string, readonly string[]>>();

function noteAmbiguity(sink: AmbiguitySink, source: string, chosen: string, out: number, regional: readonly Trie[]): void {
  if (!mayBeAmbiguous(source.codePointAt(0)!)) return;
  const readings = alternativesFor(source);
  if (!readings) return;
  let cache = regionalReadings.get(regional);
  if (!cache) regionalReadings.set(regional, (cache = new Map<string, readonly string[]>()));
  let regionalised = cache.get(source);
  if (!regionalised) {
    regionalised = readings.map((r) => regional.reduce((acc, t) => t.convert(acc), r));
    cache.set(source, regionalised);
  }
  const alternatives = [...new Set([chosen, ...regionalised])];
  if (alternatives.length < 2) return;
  sink.list.push({ start: sink.base + out, end: sink.base + out + chosen.length, source, chosen, alternatives });
}

/**
 * Segments repeat (a text uses a few thousand words), and a segment's conversion through
 * the chain never changes: each config remembers the short ones, up to a bound on memory.
 */
const MEMO_SEGMENT_LENGTH = 8;
const MEMO_SIZE = 100_000;

/**
 * The segmented pass of opencc-js's phrase configs: cut the text at the longest
 * segmentation-dictionary matches, then run each segment through the chain on its own.
 */
function segmentedPass(
  segmentation: Trie,
  chain: Trie[],
  regional: readonly Trie[],
  text: string,
  sink: AmbiguitySink | undefined,
  memo: Map<string, string>,
): PassResult {
  const parts: string[] = [];
  const units: Units = [];
  let pending = 0;
  let out = 0;
  const emit = (start: number, end: number, phrase: boolean) => {
    const segment = text.slice(start, end);
    let converted = memo.get(segment);
    if (converted === undefined) {
      converted = segment;
      for (const trie of chain) converted = trieConvert(trie, converted);
      if (segment.length <= MEMO_SEGMENT_LENGTH && memo.size < MEMO_SIZE) memo.set(segment, converted);
    }
    if (converted === segment) return;
    if (pending < start) {
      parts.push(text.slice(pending, start));
      out += start - pending;
    }
    const sameCount = sameCodePointCount(segment, converted);
    if (sink && !phrase && sameCount) noteSegmentAmbiguities(sink, segment, converted, out, regional);
    if (sameCount) {
      units.push(start, end, out, out + converted.length);
    } else {
      // A long unmatched run whose length changed: align it pass by pass, so that the
      // edits stay as small as the dictionary matches.
      appendShifted(units, chainUnits(chain, segment), start, out);
    }
    parts.push(converted);
    out += converted.length;
    pending = end;
  };
  let runStart = -1;
  const ids = new IdsScanner(text);
  for (let i = 0; i < text.length; ) {
    const end = longestMatch(segmentation, text, i);
    if (end >= 0) {
      if (runStart >= 0) emit(runStart, i, false);
      runStart = -1;
      emit(i, end, end - i > codePointLength(text, i));
      i = end;
    } else {
      if (runStart < 0) runStart = i;
      i += unmatchedLength(text, i, ids);
    }
  }
  if (runStart >= 0) emit(runStart, text.length, false);
  if (pending === 0) return { text, units };
  if (pending < text.length) parts.push(text.slice(pending));
  return { text: parts.join(''), units };
}

/** Whether two strings have as many code points; quick when neither holds a surrogate. */
function sameCodePointCount(a: string, b: string): boolean {
  if (a.length === b.length && !hasSurrogate(a) && !hasSurrogate(b)) return true;
  return countCodePoints(a) === countCodePoints(b);
}

function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** Units of a chain of tries run one after the other over a piece of text. */
function chainUnits(chain: readonly Trie[], text: string): Units {
  let current = text;
  let units: Units | undefined;
  for (const trie of chain) {
    const pass = triePass(trie, current, undefined, NO_TRIES);
    units = units ? composeUnits(units, pass.units) : pass.units;
    current = pass.text;
  }
  return units ?? [];
}

/** Ambiguous characters of a segment converted character by character (same code point count). */
function noteSegmentAmbiguities(
  sink: AmbiguitySink,
  segment: string,
  converted: string,
  out: number,
  regional: readonly Trie[],
): void {
  let j = 0;
  for (let i = 0; i < segment.length; ) {
    const li = codePointLength(segment, i);
    const lj = codePointLength(converted, j);
    if (mayBeAmbiguous(segment.codePointAt(i)!)) {
      noteAmbiguity(sink, segment.slice(i, i + li), converted.slice(j, j + lj), out + j, regional);
    }
    i += li;
    j += lj;
  }
}

interface Pipeline {
  readonly passes: readonly Pass[];
}

const pipelines = new Map<string, Pipeline>();

function presetConfig(name: string): PresetConfig | undefined {
  return (PRESET_CONFIGS as unknown as Record<string, PresetConfig | undefined>)[name];
}

/** The passes of one opencc-js config, built once. */
function configPipeline(name: string): Pipeline {
  const cached = pipelines.get(name);
  if (cached) return cached;
  const config = presetConfig(name);
  if (!config) throw new Error(`opencc-js has no config ${name}`);
  const passes: Pass[] = [];
  // Ambiguity is about Simplified → Traditional: one Simplified character, several Traditional ones.
  const marksAmbiguity = name.startsWith('s2');
  for (const group of config.normalizationChain ?? []) {
    const trie = buildTrie(group);
    passes.push((text) => triePass(trie, text, undefined, NO_TRIES));
  }
  const chain = config.conversionChain.map(buildTrie);
  if (config.segmentation) {
    const seg = config.segmentation;
    const segmentation = buildTrie(typeof seg === 'string' || isPairList(seg) ? [seg as DictLike] : (seg as DictLike[]));
    const regional = chain.slice(1);
    const memo = new Map<string, string>();
    passes.push((text, sink) => segmentedPass(segmentation, chain, regional, text, marksAmbiguity ? sink : undefined, memo));
  } else {
    chain.forEach((trie, k) => {
      const regional = chain.slice(k + 1);
      passes.push((text, sink) => triePass(trie, text, marksAmbiguity && k === 0 ? sink : undefined, regional));
    });
  }
  const pipeline = { passes };
  pipelines.set(name, pipeline);
  return pipeline;
}

function isPairList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

/**
 * The configs that convert `from` to `to`: opencc-js's own config when it has one,
 * otherwise through OpenCC standard Traditional (hk → tw is hk2t then t2tw), as
 * opencc-js's generic converter does.
 */
export function configsFor(from: Variant, to: Variant): string[] {
  if (from === to) return [];
  const direct = configName(from, to);
  if (presetConfig(direct)) return [direct];
  const names = [from === 't' ? undefined : configName(from, 't'), to === 't' ? undefined : configName('t', to)];
  const resolved = names.filter((n): n is string => n !== undefined);
  for (const n of resolved) if (!presetConfig(n)) throw new Error(`cannot convert ${from} to ${to}`);
  return resolved;
}

function runPasses(passes: readonly Pass[], text: string, sink: AmbiguitySink | undefined): PassResult {
  let current: PassResult = { text, units: [] };
  passes.forEach((pass, k) => {
    // Ambiguity offsets are output offsets: only the last pass may report them.
    const next = pass(current.text, k === passes.length - 1 ? sink : undefined);
    current = { text: next.text, units: k === 0 ? next.units : composeUnits(current.units, next.units) };
  });
  return current;
}

/** Creates a converter from one variant to another. The dictionaries load on first use. */
export function createConverter(from: Variant, to: Variant, options: ConvertOptions = {}): ScriptConverter {
  let passes: Pass[] | undefined;
  const getPasses = () => (passes ??= configsFor(from, to).flatMap((name) => configPipeline(name).passes));
  const usable = (term: string) => term.length > 0 && term.length <= MAX_TERM_LENGTH;
  const terms = (options.protectedTerms ?? []).filter(usable);
  const fixed = (options.fixedTerms ?? []).filter(([t]) => usable(t));
  // Protected terms are identity pairs (term → term), and fixed terms pairs of their own, in
  // an opencc-js trie consulted before the OpenCC tables: where one matches, the tables
  // never see the term. The first dictionary of a group wins, so protected terms go first.
  const protect =
    terms.length + fixed.length > 0 ? buildTrie([terms.map((t) => [t, t] as const), fixed]) : undefined;

  /** Converts text[start, end) into the accumulators, skipping protected terms. */
  const convertPiece = (text: string, start: number, end: number, acc: Accumulator) => {
    let gapStart = start;
    if (protect) {
      for (let i = start; i < end; ) {
        const matchEnd = longestMatch(protect, text, i);
        if (matchEnd >= 0 && matchEnd <= end) {
          const replacement = matchedValue;
          convertGap(text, gapStart, i, acc);
          if (replacement !== text.slice(i, matchEnd)) acc.units.push(i, matchEnd, acc.out, acc.out + replacement.length);
          acc.parts.push(replacement);
          acc.out += replacement.length;
          gapStart = i = matchEnd;
        } else {
          i += codePointLength(text, i);
        }
      }
    }
    convertGap(text, gapStart, end, acc);
  };

  const convertGap = (text: string, start: number, end: number, acc: Accumulator) => {
    if (start >= end) return;
    const piece = text.slice(start, end);
    const sink = acc.ambiguities ? { list: acc.ambiguities, base: acc.out } : undefined;
    const result = runPasses(getPasses(), piece, sink);
    // The whole text in one piece (the usual case): adopt its units instead of copying them.
    if (acc.units.length === 0 && start === 0 && acc.out === 0) acc.units = result.units;
    else appendShifted(acc.units, result.units, start, acc.out);
    acc.parts.push(result.text);
    acc.out += result.text.length;
  };

  const finish = (text: string, acc: Accumulator): ConversionResult => {
    const output = acc.parts.join('');
    return { text: output, edits: unitsToEdits(text, output, acc.units), ambiguities: acc.ambiguities ?? [] };
  };

  const newAccumulator = (): Accumulator => ({
    parts: [],
    units: [],
    out: 0,
    ambiguities: options.markAmbiguities ? [] : undefined,
  });

  return {
    from,
    to,
    convert(text) {
      const acc = newAccumulator();
      convertPiece(text, 0, text.length, acc);
      return finish(text, acc);
    },
    convertText(text) {
      const acc: Accumulator = { parts: [], units: [], out: 0, ambiguities: undefined };
      convertPiece(text, 0, text.length, acc);
      return acc.parts.join('');
    },
    *convertSteps(text, chunkChars = 256 * 1024) {
      const acc = newAccumulator();
      const ids = new IdsScanner(text);
      let start = 0;
      while (start < text.length) {
        const end = pieceEnd(text, start, start + chunkChars, ids);
        convertPiece(text, start, end, acc);
        start = end;
        if (start < text.length) yield start;
      }
      return finish(text, acc);
    },
  };
}

/** Just after the first line break at or after `from`, or the end of the text. */
function afterLineBreak(text: string, from: number): number {
  if (from >= text.length) return text.length;
  const lineBreak = text.indexOf('\n', from);
  return lineBreak < 0 ? text.length : lineBreak + 1;
}

/**
 * Where a piece of `convertSteps` that starts at `start` ends: after a line break at or
 * after `from`, where converting the pieces apart gives the whole text's result. No
 * dictionary entry holds a line break, but a description sequence may take one, and the
 * characters after it, as components (⿰ at a line's end). So the piece ends only where
 * every description character in it ends its sequence inside the piece, as parsed in the
 * whole text: then each pass parses the piece exactly as it parses the whole.
 */
function pieceEnd(text: string, start: number, from: number, ids: IdsScanner): number {
  let end = afterLineBreak(text, from);
  // The last piece needs no check (and a whole text converted as one piece no scan).
  for (let k = start; k < end && end < text.length; k++) {
    if (!isIdsUnit(text.charCodeAt(k))) continue;
    const sequenceEnd = ids.end(k);
    // Running out of text: only the end of the text is a safe place to stop.
    if (sequenceEnd === 0) return text.length;
    if (sequenceEnd > end) end = afterLineBreak(text, sequenceEnd - 1);
  }
  return end;
}

interface Accumulator {
  readonly parts: string[];
  units: Units;
  out: number;
  readonly ambiguities: Ambiguity[] | undefined;
}

/** Converts with opencc-js's plain converter semantics; a convenience for one-off calls. */
export function convertText(text: string, from: Variant, to: Variant, options?: ConvertOptions): string {
  return createConverter(from, to, options).convert(text).text;
}

/**
 * A text-only converter (no edits, no marks), for the hover: t2s for segmentation and the
 * other-script form of glossary terms (src/core/segment/opencc.ts loads it from this
 * bundle, so that the package carries opencc-js once). It is this engine rather than
 * opencc-js's own `Converter`, whose ideographic description parse is exponential.
 */
export function textConverter(from: Variant, to: Variant): (text: string) => string {
  const converter = createConverter(from, to);
  return (text) => converter.convertText(text);
}
