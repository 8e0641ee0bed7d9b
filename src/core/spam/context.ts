/**
 * The document model's inputs for one line: the line model's margins plus what only the
 * document can tell (script mismatch, shared vocabulary, position, neighbours). One
 * pure function builds them, for the checker and for the training script alike, so
 * the model is trained on exactly what it sees at run time.
 */

/** Context features, in weight order, each with plain words for explanations. */
export const CONTEXT_FEATURE_TABLE = [
  ['line:seo', 'wording and shape of keyword-stuffing lines'],
  ['line:ad', 'wording of advertisements'],
  ['line:contact', 'wording of contact solicitations'],
  ['line:caption', 'wording of photo captions'],
  ['line:metadata', 'wording of bylines and source lines'],
  ['line:boilerplate', 'wording of site boilerplate'],
  ['mismatch', 'written in the other script than its document'],
  ['mismatch×pitch', 'a pitch in the other script than its document'],
  ['comparable', 'a full paragraph that can be compared with its document'],
  ['topic:none', 'shares almost no vocabulary with the rest of the document'],
  ['topic:little', 'shares little vocabulary with the rest of the document'],
  ['topic:some', 'shares some vocabulary with the rest of the document'],
  ['topic:unrelated', 'unrelated to the rest of the document'],
  ['topic×pitch', 'a pitch unrelated to the rest of the document'],
  ['loose', 'in a loosely connected document (several unrelated paragraphs)'],
  ['narrative', 'in narrative text with dialogue'],
  ['list-item', 'an item of the document\'s own numbered list'],
  ['title', 'the title line'],
  ['top', 'near the top of the document'],
  ['bottom', 'near the end of the document'],
  ['short-document', 'in a document of a few lines'],
  ['neighbour:warning', 'next to a line that reads like spam'],
  ['neighbour:information', 'next to a caption, byline or boilerplate line'],
  ['line:warning', 'reads like spam of any kind'],
  ['line:information', 'reads like a caption, byline or boilerplate of any kind'],
] as const;

/** Indices of the two pooled margins (log-sum-exp over the warning and the information classes). */
export const POOLED_WARNING = 23;
export const POOLED_INFORMATION = 24;

/** log(sum(exp(margins[from..to]))): the line's odds of any of those classes against clean. */
export function pooledMargin(margins: Float32Array, from: number, to: number): number {
  let max = -Infinity;
  for (let i = from; i <= to; i++) max = Math.max(max, margins[i]!);
  let sum = 0;
  for (let i = from; i <= to; i++) sum += Math.exp(margins[i]! - max);
  return max + Math.log(sum);
}

export const CONTEXT_FEATURES: readonly string[] = CONTEXT_FEATURE_TABLE.map(([id]) => id);
export const CONTEXT_COUNT = CONTEXT_FEATURES.length;

/** What the document knows about one non-blank line. */
export interface LineContextInput {
  /** Line-model margins against clean (seo, ad, contact, caption, metadata, boilerplate). */
  readonly margins: Float32Array;
  readonly mismatch: boolean;
  /** Chance-corrected shared vocabulary (topic.ts, everyday words at half); undefined when not comparable. */
  readonly topic: number | undefined;
  readonly isTitle: boolean;
  /** 1-based rank among non-blank lines, from the top and from the end. */
  readonly rank: number;
  readonly rankFromEnd: number;
  readonly nonBlank: number;
  readonly loose: boolean;
  readonly narrative: boolean;
  readonly listItem: boolean;
  /** Largest warning margin (seo, ad, contact) of the non-blank lines before and after. */
  readonly neighbourWarning: number;
  /** Largest information margin (caption, metadata, boilerplate) of the lines before and after. */
  readonly neighbourInformation: number;
}

/** Margins are clipped to ±MARGIN_CLIP and divided by MARGIN_SCALE before the document model. */
export const MARGIN_CLIP = 12;
export const MARGIN_SCALE = 4;

const clip = (x: number) => Math.max(-MARGIN_CLIP, Math.min(MARGIN_CLIP, x)) / MARGIN_SCALE;

/** Largest of the warning margins (seo, ad, contact). */
export function warningMargin(margins: Float32Array): number {
  return Math.max(margins[0]!, margins[1]!, margins[2]!);
}

/** Largest of the information margins (caption, metadata, boilerplate). */
export function informationMargin(margins: Float32Array): number {
  return Math.max(margins[3]!, margins[4]!, margins[5]!);
}

/** The context row of one line (CONTEXT_COUNT values). */
export function contextRow(input: LineContextInput): Float32Array {
  const row = new Float32Array(CONTEXT_COUNT);
  for (let i = 0; i < 6; i++) row[i] = clip(input.margins[i]!);
  const pitch = Math.max(0, clip(warningMargin(input.margins)));
  row[6] = input.mismatch ? 1 : 0;
  row[7] = input.mismatch ? pitch : 0;
  const comparable = input.topic !== undefined;
  const topic = input.topic ?? 1;
  row[8] = comparable ? 1 : 0;
  row[9] = comparable && topic <= 0.05 ? 1 : 0;
  row[10] = comparable && topic <= 0.11 ? 1 : 0;
  row[11] = comparable && topic <= 0.2 ? 1 : 0;
  row[12] = comparable ? Math.max(0, 1 - Math.min(1, topic / 0.3)) : 0;
  row[13] = comparable && topic <= 0.2 ? Math.max(0, clip(input.margins[1]!)) : 0;
  row[14] = input.loose && comparable && topic <= 0.2 ? 1 : 0;
  row[15] = input.narrative ? 1 : 0;
  row[16] = input.listItem ? 1 : 0;
  row[17] = input.isTitle ? 1 : 0;
  row[18] = input.rank <= 4 && !input.isTitle ? 1 : 0;
  row[19] = input.rankFromEnd <= 3 ? 1 : 0;
  row[20] = input.nonBlank <= 4 ? 1 : 0;
  row[21] = Math.max(0, clip(input.neighbourWarning));
  row[22] = Math.max(0, clip(input.neighbourInformation));
  row[POOLED_WARNING] = clip(pooledMargin(input.margins, 0, 2));
  row[POOLED_INFORMATION] = clip(pooledMargin(input.margins, 3, 5));
  return row;
}

/** Plain words for a context feature id. */
export function describeContext(id: string): string {
  return CONTEXT_FEATURE_TABLE.find(([name]) => name === id)?.[1] ?? id;
}
