/**
 * The checker's model of one document: line signals and line-model margins cached per
 * line, plus the document-level statistics (script counts, bigram counts) kept up to
 * date incrementally. After an edit only the changed lines are re-analysed; the
 * document model then re-derives every verdict from the cached margins and the updated
 * statistics, which is cheap (a small matrix product per line).
 */
import { classifyCounts, DOCUMENT_DOMINANCE, type ScriptKind } from '../script/detect';
import { contextRow, informationMargin, warningMargin } from './context';
import { explainVerdict, type Contribution } from './explain';
import { lineVector } from './features';
import { DOCUMENT_CLASSES, documentProbabilities, lineLogits, lineMargins, shippedModel, type LoadedModel } from './model';
import { foldTerms, resolveOptions, WARNING_PROBABILITY, type SpamOptions } from './options';
import { lineFeatures, type LineFeatures } from './signals';
import { isCommonWord, offTopicScore, type TopicOverlap } from './topic';
import { LABEL_TITLE, type SpamFinding, type SpamLabel, type SpamVerdict } from './types';

/** Hooks for the training script and for tests: a model other than the committed one. */
export interface SpamModelHooks {
  readonly model?: LoadedModel;
  /** Line-model margins to use instead of the model's (training uses out-of-fold margins). */
  readonly lineMargins?: (features: LineFeatures) => Float32Array;
}

/** Distinct content bigrams a paragraph needs before its vocabulary can be compared with its document. */
const MIN_PARAGRAPH_BIGRAMS = 20;
/** A paragraph sharing less than this (chance-corrected) is "weak"; two or more make a loosely connected document. */
const LOOSE_PARAGRAPH_SCORE = 0.2;

/**
 * A paragraph whose vocabulary can be compared with its document: long enough, with
 * sentence punctuation, and not a caption, byline or boilerplate (those share little by nature).
 */
export function isComparableParagraph(features: LineFeatures): boolean {
  return (
    !features.blank &&
    features.bigrams.length >= MIN_PARAGRAPH_BIGRAMS &&
    features.hasSentence &&
    features.caption === undefined &&
    features.metadata === undefined &&
    features.boilerplate === undefined
  );
}

const WARNING_CLASSES: readonly SpamLabel[] = ['seo', 'ad', 'contact', 'offtopic'];
const INFORMATION_CLASSES: readonly SpamLabel[] = ['caption', 'metadata', 'boilerplate'];
const NO_MARGINS = new Float32Array(6).fill(-20);
/**
 * Features that shift the odds but explain nothing on their own ("has 21–40 Han
 * characters", "near the end"): `--explain` lists them, warning messages do not.
 */
const UNSPOKEN = new Set(['han:0', 'han:1-4', 'han:5-10', 'han:11-20', 'han:21-40', 'han:41-80', 'han:81+', 'sentence:end', 'short-sentence', 'top', 'bottom', 'comparable', 'short-document', 'bias']);

/** Thrown by `findings` when `isCancelled` says so. */
export class SpamCheckCancelled extends Error {
  constructor() {
    super('spam check cancelled');
  }
}

/** Splits text into lines the way editors count them (\n, \r\n or \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Share of dialogue lines that makes a document narrative. */
const NARRATIVE_DIALOGUE_SHARE = 0.2;

/** The signals of an empty line, for lines too long to score; built on first use (not at activation). */
let blank: LineFeatures | undefined;

/**
 * `array` with `deleteCount` items from `start` replaced by `items`. `splice(..., ...items)`
 * passes every item as an argument, which overflows the stack past about 120,000 items
 * (a large paste); small edits, the usual case, still splice in place.
 */
function spliced<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): T[] {
  if (items.length < 10_000) {
    array.splice(start, deleteCount, ...items);
    return array;
  }
  return [...array.slice(0, start), ...items, ...array.slice(start + deleteCount)];
}

/** A line's verdict before it is placed: the document class, its probability and the context row. */
interface Decision {
  readonly label: SpamLabel;
  readonly probability: number;
  readonly row: Float32Array;
  readonly denied?: readonly string[];
}

export class SpamDocument {
  private features: LineFeatures[] = [];
  /** Line-model margins of each line (NO_MARGINS for blank lines). */
  private margins: Float32Array[] = [];
  private bigramIds: Int32Array[] = [];
  private readonly intern = new Map<string, number>();
  /** The bigram of each interned id. */
  private readonly bigramOf: string[] = [];
  private counts = new Int32Array(1024);
  /** 1 for interned bigrams that are everyday words (topic.ts isCommonWord). */
  private common = new Uint8Array(1024);
  /** Bigrams occurring on at least one line. */
  private distinct = 0;
  private traditional = 0;
  private simplified = 0;
  /** Lines opening with each numbering style (signals.ts listMarkerOf). */
  private readonly markers = new Map<string, number>();
  private nonBlank = 0;
  private analysed = 0;
  /** Non-blank lines opening with a quotation mark. */
  private dialogue = 0;
  private options: SpamOptions;
  private allow: string[];
  private deny: string[];
  private readonly hooks: SpamModelHooks;
  private modelCache: LoadedModel | undefined;
  /** Each flagged line's last verdict with what it was derived from (keyed by the line's signals object). */
  private verdicts = new WeakMap<LineFeatures, { label: SpamLabel; probability: number; script: ScriptKind; row: Float32Array; verdict: SpamVerdict }>();
  /** The context rows of the last `findings`, for `explain`; cleared by any change. */
  private rowsCache: (Float32Array | undefined)[] | undefined;

  constructor(text: string, options: Partial<SpamOptions> = {}, hooks: SpamModelHooks = {}) {
    this.options = resolveOptions(options);
    this.allow = foldTerms(this.options.allowTerms);
    this.deny = foldTerms(this.options.denyTerms);
    this.hooks = hooks;
    this.replaceLines(0, 0, splitLines(text));
  }

  get lineCount(): number {
    return this.features.length;
  }

  /** The text of line `line` as last given (the adapter applies edits against it). */
  lineText(line: number): string {
    return this.features[line]?.text ?? '';
  }

  /** Lines left unscored because they are longer than `maxLineLength`. */
  longLineCount(): number {
    const max = this.options.maxLineLength;
    return this.features.reduce((n, f) => (f.text.length > max ? n + 1 : n), 0);
  }

  /**
   * Applies an editor change: the text between (startLine, startColumn) and
   * (endLine, endColumn), columns in UTF-16 units, is replaced by `text`.
   */
  applyChange(startLine: number, startColumn: number, endLine: number, endColumn: number, text: string): void {
    const before = this.lineText(startLine).slice(0, startColumn);
    const after = this.lineText(endLine).slice(endColumn);
    this.replaceLines(startLine, endLine - startLine + 1, splitLines(before + text + after));
  }

  setOptions(options: Partial<SpamOptions>): void {
    const previous = this.options.maxLineLength;
    this.options = resolveOptions(options);
    this.allow = foldTerms(this.options.allowTerms);
    this.deny = foldTerms(this.options.denyTerms);
    this.rowsCache = undefined;
    this.verdicts = new WeakMap();
    if (previous !== this.options.maxLineLength) {
      const texts = this.features.map((f) => f.text);
      this.replaceLines(0, texts.length, texts);
    }
  }

  /** Replaces `deleteCount` lines from `start` with `texts`, re-analysing only those. */
  replaceLines(start: number, deleteCount: number, texts: readonly string[]): void {
    const removed = this.features.slice(start, start + deleteCount);
    const removedIds = this.bigramIds.slice(start, start + deleteCount);
    removed.forEach((f, i) => this.account(f, removedIds[i]!, -1));
    const added = texts.map((text) => this.analyse(text));
    const addedIds = added.map((f) => this.idsOf(f));
    const addedMargins = added.map((f) => this.marginsOf(f));
    added.forEach((f, i) => this.account(f, addedIds[i]!, 1));
    this.features = spliced(this.features, start, deleteCount, added);
    this.bigramIds = spliced(this.bigramIds, start, deleteCount, addedIds);
    this.margins = spliced(this.margins, start, deleteCount, addedMargins);
    this.rowsCache = undefined;
  }

  /** The document model's context row of every line (undefined for blank lines): what training sees. */
  contextRows(isCancelled: () => boolean = () => false): (Float32Array | undefined)[] {
    const documentScript = classifyCounts({ traditional: this.traditional, simplified: this.simplified }, DOCUMENT_DOMINANCE);
    const narrative = this.dialogue >= 2 && this.dialogue >= NARRATIVE_DIALOGUE_SHARE * this.nonBlank;
    const topics = this.features.map((f, line) => (isComparableParagraph(f) ? this.topicScore(line) : undefined));
    let weak = 0;
    topics.forEach((t, line) => {
      if (t !== undefined && t <= LOOSE_PARAGRAPH_SCORE && warningMargin(this.margins[line]!) < 0) weak++;
    });
    const rows = new Array<Float32Array | undefined>(this.features.length);
    let rank = 0;
    let previous = -1;
    for (let line = 0; line < this.features.length; line++) {
      if ((line & 255) === 255 && isCancelled()) throw new SpamCheckCancelled();
      const f = this.features[line]!;
      if (f.blank) continue;
      rank++;
      const next = this.neighbour(line, 1);
      let neighbourWarning = -20;
      let neighbourInformation = -20;
      for (const n of [previous, next]) {
        if (n < 0) continue;
        neighbourWarning = Math.max(neighbourWarning, warningMargin(this.margins[n]!));
        neighbourInformation = Math.max(neighbourInformation, informationMargin(this.margins[n]!));
      }
      rows[line] = contextRow({
        margins: this.margins[line]!,
        mismatch: mismatchOf(f, documentScript),
        topic: topics[line],
        isTitle: rank === 1,
        rank,
        rankFromEnd: this.nonBlank - rank + 1,
        nonBlank: this.nonBlank,
        loose: weak >= 2,
        narrative,
        listItem: this.isListItem(line),
        neighbourWarning,
        neighbourInformation,
      });
      previous = line;
    }
    return rows;
  }

  /** Every flagged line, in order. `isCancelled` is polled every few hundred lines. */
  findings(isCancelled: () => boolean = () => false): SpamFinding[] {
    const rows = this.contextRows(isCancelled);
    this.rowsCache = rows;
    const model = this.model();
    const findings: SpamFinding[] = [];
    const probabilities = new Float64Array(DOCUMENT_CLASSES.length);
    for (let line = 0; line < this.features.length; line++) {
      if ((line & 255) === 255 && isCancelled()) throw new SpamCheckCancelled();
      const row = rows[line];
      if (!row) continue;
      const f = this.features[line]!;
      const decision = this.decide(f, row, documentProbabilities(model, row, probabilities));
      if (!decision) continue;
      // The explanation of an unchanged line in an unchanged context is reused: after an
      // edit, most flagged lines are.
      const script = this.documentScript();
      const memo = this.verdicts.get(f);
      const verdict =
        memo && memo.label === decision.label && memo.probability === decision.probability && memo.script === script && sameRow(memo.row, row)
          ? memo.verdict
          : this.verdictOf(line, decision);
      if (verdict !== memo?.verdict) this.verdicts.set(f, { label: decision.label, probability: decision.probability, script, row, verdict });
      findings.push({
        ...verdict,
        line,
        startColumn: f.start,
        endColumn: f.end,
        code: `zh.${verdict.label}`,
        message: `${LABEL_TITLE[verdict.label]}: ${verdict.reasons.join('; ')}`,
      });
    }
    return findings;
  }

  /**
   * Each feature's contribution to line `line`'s verdict (log-odds of its label against
   * clean), largest first; for `zhreader check --explain`. Empty for a clean line.
   */
  explain(line: number): Contribution[] {
    this.rowsCache ??= this.contextRows();
    const row = this.rowsCache[line];
    if (!row) return [];
    const decision = this.decide(this.features[line]!, row, documentProbabilities(this.model(), row));
    if (!decision || decision.denied) return [];
    return explainVerdict(this.model(), this.features[line]!, row, decision.label, this.documentScript());
  }

  /** Lines whose signals were extracted since the model was built (edits add only the lines they touch). */
  get analysedLineCount(): number {
    return this.analysed;
  }

  private model(): LoadedModel {
    this.modelCache ??= this.hooks.model ?? shippedModel();
    return this.modelCache;
  }

  private documentScript(): ScriptKind {
    return classifyCounts({ traditional: this.traditional, simplified: this.simplified }, DOCUMENT_DOMINANCE);
  }

  /** The label a line gets from the document model's probabilities, or undefined for content. */
  private decide(f: LineFeatures, row: Float32Array, p: Float64Array): Decision | undefined {
    if (this.allow.some((term) => f.folded.includes(term))) return undefined;
    const threshold = WARNING_PROBABILITY[this.options.sensitivity];
    // The likeliest label of a group; a label turned off hides the line rather than
    // passing it on to the group's next label.
    const pick = (labels: readonly SpamLabel[]) => {
      let best = labels[0]!;
      let total = 0;
      for (const label of labels) {
        const q = p[DOCUMENT_CLASSES.indexOf(label)]!;
        total += q;
        if (q > p[DOCUMENT_CLASSES.indexOf(best)]!) best = label;
      }
      return { best: this.options.severity[best] === 'off' ? undefined : best, total };
    };
    const warning = pick(WARNING_CLASSES);
    if (warning.total >= threshold) return warning.best ? { label: warning.best, probability: warning.total, row } : undefined;
    const denied = this.deny.filter((term) => f.folded.includes(term));
    if (denied.length > 0 && this.options.severity.ad !== 'off') return { label: 'ad', probability: 1, row, denied };
    const information = pick(INFORMATION_CLASSES);
    if (information.best && information.total >= threshold) return { label: information.best, probability: information.total, row };
    return undefined;
  }

  private verdictOf(line: number, decision: Decision): SpamVerdict {
    const severity = this.options.severity[decision.label];
    const score = Math.round(decision.probability * 100) / 100;
    if (decision.denied) {
      const d = decision.denied;
      return { label: 'ad', severity: severity === 'off' ? 'warning' : severity, score, reasons: [`contains deny-listed ${d.length === 1 ? 'term' : 'terms'} ${d.join(', ')}`], terms: [...d] };
    }
    const f = this.features[line]!;
    const contributions = explainVerdict(this.model(), f, decision.row, decision.label, this.documentScript());
    const seen = new Set<string>();
    const shown = contributions
      .filter((c) => c.value > 0.2 && c.reason && !UNSPOKEN.has(c.feature) && !seen.has(c.reason) && seen.add(c.reason))
      .slice(0, 4);
    const reasons = shown.length > 0 ? shown.map((c) => c.reason!) : [`the model's ${Math.round(decision.probability * 100)}% estimate`];
    // The repeated keyword first: it is what "allow this term" should offer.
    const structural = [f.repetition?.unit, f.sharedWord?.word].filter((t): t is string => t !== undefined && shown.some((c) => c.feature.startsWith('repeat:')));
    const terms = [...new Set([...structural, ...shown.flatMap((c) => c.terms ?? [])])];
    return { label: decision.label, severity: severity === 'off' ? 'information' : severity, score, reasons, terms };
  }

  private marginsOf(f: LineFeatures): Float32Array {
    if (f.blank) return NO_MARGINS;
    if (this.hooks.lineMargins) return this.hooks.lineMargins(f);
    return lineMargins(lineLogits(this.model(), lineVector(f)));
  }

  private analyse(text: string): LineFeatures {
    this.analysed++;
    if (text.length > this.options.maxLineLength) {
      blank ??= lineFeatures('');
      return { ...blank, text, end: 0 };
    }
    return lineFeatures(text);
  }

  /** The line opens with a numbering style that another line of the document shares. */
  private isListItem(line: number): boolean {
    const marker = this.features[line]!.listMarker;
    return marker !== undefined && (this.markers.get(marker) ?? 0) >= 2;
  }

  private neighbour(line: number, step: number): number {
    for (let n = line + step; n >= 0 && n < this.features.length; n += step) if (!this.features[n]!.blank) return n;
    return -1;
  }

  private idsOf(features: LineFeatures): Int32Array {
    const ids = new Int32Array(features.bigrams.length);
    features.bigrams.forEach((bigram, i) => {
      let id = this.intern.get(bigram);
      if (id === undefined) {
        id = this.intern.size;
        this.intern.set(bigram, id);
        this.bigramOf.push(bigram);
        if (id >= this.counts.length) {
          const grown = new Int32Array(this.counts.length * 2);
          grown.set(this.counts);
          this.counts = grown;
          const grownCommon = new Uint8Array(grown.length);
          grownCommon.set(this.common);
          this.common = grownCommon;
        }
        this.common[id] = isCommonWord(bigram) ? 1 : 0;
      }
      ids[i] = id;
    });
    return ids;
  }

  private account(features: LineFeatures, ids: Int32Array, sign: 1 | -1): void {
    this.traditional += sign * features.traditional;
    this.simplified += sign * features.simplified;
    if (!features.blank) this.nonBlank += sign;
    if (features.dialogue) this.dialogue += sign;
    if (features.listMarker !== undefined) this.markers.set(features.listMarker, (this.markers.get(features.listMarker) ?? 0) + sign);
    for (const id of ids) {
      const before = this.counts[id]!;
      const after = before + sign;
      this.counts[id] = after;
      if (before === 0 && after > 0) this.distinct++;
      else if (before > 0 && after === 0) this.distinct--;
    }
  }

  /** Chance-corrected shared vocabulary of line `line`, everyday words counting half (topic.ts). */
  private topicScore(line: number): number | undefined {
    const overlap = this.overlap(line);
    return overlap ? offTopicScore(overlap, true) : undefined;
  }

  private overlap(line: number): TopicOverlap | undefined {
    const ids = this.bigramIds[line]!;
    if (ids.length === 0) return undefined;
    let shared = 0;
    let common = 0;
    for (const id of ids) {
      if (this.counts[id]! > 1) {
        shared++;
        common += this.common[id]!;
      }
    }
    // Bigrams only this line holds are not part of the rest of the document.
    return { shared, total: ids.length, context: this.distinct - (ids.length - shared), common };
  }
}

function sameRow(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The line is written in the other script than its document (two characters or more of it). */
function mismatchOf(features: LineFeatures, documentScript: ScriptKind): boolean {
  if (documentScript !== 'traditional' && documentScript !== 'simplified') return false;
  const opposing = documentScript === 'traditional' ? features.simplified : features.traditional;
  return opposing >= 2 && features.script !== documentScript;
}

/** Checks a whole text once. */
export function checkText(text: string, options: Partial<SpamOptions> = {}, hooks: SpamModelHooks = {}): SpamFinding[] {
  return new SpamDocument(text, options, hooks).findings();
}
