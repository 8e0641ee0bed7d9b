/**
 * The checker's model of one document: line signals cached per line, plus the
 * document-level statistics (script counts, bigram counts) kept up to date
 * incrementally. After an edit only the changed lines are re-analysed; verdicts are
 * then re-derived from the cached signals and the updated statistics, which is cheap
 * (a few array look-ups per line).
 */
import { classifyCounts, DOCUMENT_DOMINANCE } from '../script/detect';
import { combine, isComparableParagraph, type LineContext } from './combine';
import { isCommonWord, offTopicScore } from './topic';
import { LOOSE_PARAGRAPH_SCORE, OFFTOPIC_THRESHOLD } from './options';
import { foldTerms, resolveOptions, type SpamOptions } from './options';
import type { Contribution } from './learned';
import { learnedScore, learnedVerdict } from './model';
import { lineFeatures, type LineFeatures } from './signals';
import type { TopicOverlap } from './topic';
import { LABEL_TITLE, type SpamFinding, type SpamVerdict } from './types';
import { english, type Translate } from '../text/messages';

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

/**
 * Han characters up to which a line with site wording next to boilerplate is boilerplate
 * too: a forum's posting rule is a sentence or two (63 in the dev set), a news paragraph
 * that names a 公众号 above the related-reading block is longer (103 and 121 in the corpus).
 */
const SITE_WORDING_MAX_HAN = 80;

/** Share of dialogue lines that makes a document narrative (see `findings`). */
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

export class SpamDocument {
  private features: LineFeatures[] = [];
  /**
   * The last verdict of each line with the signature of the context it was derived
   * from; an edit elsewhere that leaves the signature alone reuses it.
   */
  private memo: ({ signature: string; verdict: SpamVerdict | undefined } | undefined)[] = [];
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
  /** The reasons' translator (English unless the options give one). */
  private get t(): Translate {
    return this.options.translate ?? english;
  }
  private allow: string[];
  private deny: string[];

  constructor(text: string, options: Partial<SpamOptions> = {}) {
    this.options = resolveOptions(options);
    this.allow = foldTerms(this.options.allowTerms);
    this.deny = foldTerms(this.options.denyTerms);
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
    this.memo = [];
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
    added.forEach((f, i) => this.account(f, addedIds[i]!, 1));
    this.features = spliced(this.features, start, deleteCount, added);
    this.bigramIds = spliced(this.bigramIds, start, deleteCount, addedIds);
    this.memo = spliced(this.memo, start, deleteCount, new Array<undefined>(added.length));
  }

  /** Every flagged line, in order. `isCancelled` is polled every few hundred lines. */
  findings(isCancelled: () => boolean = () => false): SpamFinding[] {
    const title = this.features.findIndex((f) => !f.blank);
    const contextOf = this.contexts();
    const verdicts = new Array<SpamVerdict | undefined>(this.features.length);
    for (let line = 0; line < this.features.length; line++) {
      if ((line & 255) === 255 && isCancelled()) throw new SpamCheckCancelled();
      const f = this.features[line]!;
      if (f.blank) continue;
      const context = contextOf(line);
      const signature = this.signature(context);
      const memo = this.memo[line];
      if (memo && memo.signature === signature) {
        verdicts[line] = memo.verdict;
      } else {
        verdicts[line] = this.verdictOf(f, context);
        this.memo[line] = { signature, verdict: verdicts[line] };
      }
    }
    // One foreign paragraph stands out; several weakly connected ones mean a loosely
    // connected document, where none is singled out (a digest of short items, a chapter
    // that changes scene). The rules then judge the line again without the off-topic
    // label, and where they find nothing the learned model judges it in its own context,
    // as it judges any line the rules leave alone (until 2026-11-30 such a line was left
    // unjudged: a pitch pasted into a blog post of loosely connected sections went through).
    const offTopic = verdicts.flatMap((v, line) => (v?.label === 'offtopic' ? [line] : []));
    if (offTopic.length > 0 && this.weakParagraphs(verdicts, title) > 1) {
      for (const line of offTopic) {
        const own = contextOf(line);
        const context = { ...own, offTopicAllowed: false };
        const signature = `${this.signature(context)}|loose`;
        const memo = this.memo[line];
        if (memo && memo.signature === signature) verdicts[line] = memo.verdict;
        else {
          const f = this.features[line]!;
          verdicts[line] = combine(f, context, this.options) ?? this.learnedVerdictOf(f, own);
          this.memo[line] = { signature, verdict: verdicts[line] };
        }
      }
    }
    // Smoothing, as jusText does: neighbours of flagged lines need less evidence.
    const isWarning = (v: SpamVerdict | undefined) => v !== undefined && ['seo', 'ad', 'contact'].includes(v.label);
    for (let line = 0; line < this.features.length; line++) {
      const f = this.features[line]!;
      if (f.blank || isWarning(verdicts[line])) continue;
      const [before, after] = [this.neighbour(line, -1), this.neighbour(line, 1)];
      const near = [before, after].some((n) => n >= 0 && isWarning(verdicts[n]));
      if (near) {
        const smoothed = combine(f, contextOf(line), this.options, true);
        if (isWarning(smoothed)) verdicts[line] = smoothed;
      }
      // A link title next to boilerplate is boilerplate: a 【…】 title, or an item of a
      // bulleted list under 相關新聞 / 延伸閱讀 (the pass runs forward, so a list follows its header).
      if (!verdicts[line] && (f.bracketOnly || f.listedLink) && this.options.severity.boilerplate !== 'off') {
        const beside = [before, after].find((n) => n >= 0 && verdicts[n]?.label === 'boilerplate');
        if (beside !== undefined) {
          verdicts[line] = {
            label: 'boilerplate',
            severity: this.options.severity.boilerplate,
            score: 0.5,
            reasons: [f.bracketOnly ? this.t('a bracketed link title next to site boilerplate') : this.t('a listed link title next to site boilerplate')],
            terms: [],
          };
        }
      }
    }
    this.smoothInformation(verdicts, title);
    const findings: SpamFinding[] = [];
    verdicts.forEach((v, line) => {
      if (!v) return;
      const f = this.features[line]!;
      findings.push({
        ...v,
        line,
        startColumn: f.start,
        endColumn: f.end,
        code: `zh.${v.label}`,
        message: this.t('{label}: {reasons}', { label: this.t(LABEL_TITLE[v.label]), reasons: v.reasons.join('; ') }),
      });
    });
    return findings;
  }

  /**
   * Information labels by position and neighbours: photo pages open with the picture's
   * title (a repeat of the page title), a dated one-sentence description and its
   * credit; boilerplate comes in blocks.
   */
  private smoothInformation(verdicts: (SpamVerdict | undefined)[], title: number): void {
    const info = (label: 'caption' | 'boilerplate', reason: string): SpamVerdict | undefined => {
      const severity = this.options.severity[label];
      return severity === 'off' ? undefined : { label, severity, score: 0.5, reasons: [reason], terms: [] };
    };
    const titleText = title >= 0 ? this.features[title]!.text.trim() : '';
    let rank = 0;
    for (let line = 0; line < this.features.length; line++) {
      const f = this.features[line]!;
      if (f.blank) continue;
      rank++;
      if (verdicts[line] || line === title) continue;
      const before = this.neighbour(line, -1);
      const after = this.neighbour(line, 1);
      const beside = (label: string) => [before, after].some((n) => n >= 0 && verdicts[n]?.label === label);
      if (rank <= 4) {
        const text = f.text.trim();
        if (text.length >= 4 && titleText.length > text.length && titleText.endsWith(text)) {
          verdicts[line] = info('caption', this.t('repeats the page title under the picture'));
          continue;
        }
        if (f.picturePhrase) {
          verdicts[line] = info('caption', this.t('a short phrase naming a picture near the top of the page'));
          continue;
        }
        const afterInfo = before >= 0 && ['caption', 'metadata'].includes(verdicts[before]?.label ?? '');
        if (f.datedSentence && (rank <= 3 || afterInfo)) {
          verdicts[line] = info('caption', this.t('a dated one-sentence description near the top, as under a photo'));
          continue;
        }
        if (f.shortSentence && f.sentenceEnd && before >= 0 && verdicts[before]?.label === 'caption') {
          verdicts[line] = info('caption', this.t('a short sentence following a caption'));
          continue;
        }
      }
      // Not a long paragraph: a report may name a 公众号 right above the related-reading block.
      if ((f.terms.boilerplate?.length ?? 0) > 0 && f.han <= SITE_WORDING_MAX_HAN && beside('boilerplate')) {
        verdicts[line] = info('boilerplate', this.t('site wording ({terms}) next to site boilerplate', { terms: f.terms.boilerplate!.join(', ') }));
      }
    }
  }

  /**
   * Paragraphs that share less than LOOSE_PARAGRAPH_SCORE of their vocabulary with the
   * document (chance-corrected), leaving out lines already flagged as something else.
   */
  private weakParagraphs(verdicts: readonly (SpamVerdict | undefined)[], title: number): number {
    let weak = 0;
    for (let line = 0; line < this.features.length; line++) {
      const verdict = verdicts[line];
      if (line === title || (verdict && verdict.label !== 'offtopic')) continue;
      if (!isComparableParagraph(this.features[line]!)) continue;
      const topic = this.overlap(line);
      // The same measure as the off-topic label's, everyday words counting half.
      const score = topic ? offTopicScore(topic, true) : undefined;
      if (score !== undefined && score <= LOOSE_PARAGRAPH_SCORE) weak++;
    }
    return weak;
  }

  /** The context of each line in the document as it stands. */
  private contexts(): (line: number) => LineContext {
    const documentScript = classifyCounts({ traditional: this.traditional, simplified: this.simplified }, DOCUMENT_DOMINANCE);
    const title = this.features.findIndex((f) => !f.blank);
    // Narrative (a fifth of the lines or more are dialogue) changes scene from paragraph
    // to paragraph: there, sharing no vocabulary says nothing about where a line came from.
    const narrative = this.dialogue >= 2 && this.dialogue >= NARRATIVE_DIALOGUE_SHARE * this.nonBlank;
    return (line: number): LineContext => {
      // An item of the document's own numbered list ((三) after (一) and (二)) belongs to
      // it: reports and plans give each item its own topic.
      const listItem = this.isListItem(line);
      return {
        documentScript,
        topic: this.overlap(line),
        isTitle: line === title,
        offTopicAllowed: !narrative && !listItem,
        listItem,
        allow: this.allow,
        deny: this.deny,
      };
    };
  }

  /**
   * The learned model's view of one line (0-based): its spam probability, the
   * sensitivity's threshold and every feature's contribution to the margin (for
   * `zhreader check --explain`), whichever scorer is in use; undefined for a blank line.
   */
  explain(line: number): { probability: number; threshold: number; contributions: Contribution[] } | undefined {
    const f = this.features[line];
    if (!f || f.blank) return undefined;
    const scored = learnedScore(f, this.contexts()(line), this.options);
    return scored && { probability: scored.probability, threshold: scored.threshold, contributions: scored.contributions() };
  }

  /** The rule detectors' verdict; on a line they leave alone, the learned model's. */
  private verdictOf(features: LineFeatures, context: LineContext): SpamVerdict | undefined {
    return combine(features, context, this.options) ?? this.learnedVerdictOf(features, context);
  }

  /** The learned model's verdict (model.ts), with the hybrid scorer and no allow-listed term. */
  private learnedVerdictOf(features: LineFeatures, context: LineContext): SpamVerdict | undefined {
    if (this.options.scorer !== 'hybrid') return undefined;
    if (context.allow.some((term) => features.folded.includes(term))) return undefined;
    return learnedVerdict(features, context, this.options);
  }

  /** What of a line's context its verdict depends on (see combine.ts). */
  private signature(context: LineContext): string {
    const topic = context.topic;
    const threshold = OFFTOPIC_THRESHOLD[this.options.sensitivity];
    // Within the off-topic threshold a score and the shared counts show in the verdict;
    // above it only which side of 0.2 it falls on matters. Both measures count.
    const band = (score: number | undefined) =>
      score === undefined ? 'u' : score <= threshold ? `o${score.toFixed(4)}/${topic!.shared}/${topic!.common ?? 0}` : score <= 0.2 ? 'r' : 'n';
    const bands = topic ? `${band(offTopicScore(topic))}|${band(offTopicScore(topic, true))}` : 'u';
    // A list item and a line of narrative are both spared as off-topic, but the learned
    // model reads them apart (context:list-item, context:narrative).
    const spared = context.offTopicAllowed === false ? (context.listItem ? 'l' : 'n') : 'a';
    return `${context.documentScript}|${context.isTitle ? 1 : 0}|${spared}|${bands}`;
  }

  /** Lines whose signals were extracted since the model was built (edits add only the lines they touch). */
  get analysedLineCount(): number {
    return this.analysed;
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
    const commonWords = () => [...ids].filter((id) => this.counts[id]! > 1 && this.common[id] === 1).map((id) => this.bigramOf[id]!);
    return { shared, total: ids.length, context: this.distinct - (ids.length - shared), common, commonWords };
  }
}

export { spamModel } from './model';

/** Checks a whole text once. */
export function checkText(text: string, options: Partial<SpamOptions> = {}): SpamFinding[] {
  return new SpamDocument(text, options).findings();
}
