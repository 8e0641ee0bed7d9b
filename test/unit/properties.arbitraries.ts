/**
 * Shared pieces of the property-based tests (test/unit/properties.*.test.ts): the run
 * budget, the fixed seed, and arbitraries that generate the hostile material issue 10
 * found bugs with — Han in both planes, Traditional/Simplified mixes, ideographic
 * description characters, lone surrogates, mixed line breaks, separators, full-width
 * forms, spam keywords and long runs of any of them.
 *
 * `npm test` runs each property about 1,000 times with a fixed seed, so a failure is
 * reproducible; `npm run fuzz` sets FUZZ_RUNS=100000 (FUZZ_SEED picks another seed).
 */
import fc from 'fast-check';

/** Runs per property in `npm test`; `npm run fuzz` raises it. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

/**
 * fast-check parameters for one property. `share` scales the budget down for properties
 * whose single run is expensive (each says why where it uses it), so that the whole
 * property set stays well inside the unit tier's time.
 */
export function params(share = 1): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(10, Math.round(RUNS * share)) };
}

/** Characters that differ between the scripts, both ways, and some that do not. */
const HAN_MIXED = '中文汉漢字數数字政府國国發发干乾幹後后里裡裏著着為为台臺颱鐵铁面麵體体說说資資讯訊憂忧鬱郁頭头髮发乾了衆众記记憶忆軟软件鼠標标';
const HAN_MIXED_CHARS = [...HAN_MIXED];

/** Ideographic description characters ⿰…⿻ (U+2FF0–U+2FFB). */
export const IDS_CHARS = Array.from({ length: 12 }, (_, i) => String.fromCodePoint(0x2ff0 + i));

const SEPARATORS = [' ', '\t', '\u3000', '\u00a0', '\ufeff', '，', '。', '、', '：', ':', ';', '；', '#', '.', '-', '|', '/', '(', ')', '（', '）', '【', '】', '「', '」', '“', '”', '!', '？', '…'];
const FULL_WIDTH = ['Ｑ', 'ｑ', '０', '１', '９', 'ａ', 'ｂ', 'ｘ', '．', '：', '＃'];
const ASCII = ['a', 'b', 'x', 'Q', 'q', 'v', '0', '1', '5', '9', '@', '+', '_', '*', '[', ']', '<', '>', '&', '`', '\\', '"', "'"];
const LINE_BREAKS = ['\n', '\r', '\r\n'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Heading markers, spam cues and other keywords the core looks for. */
export const KEYWORDS = [
  'QQ', 'ＱＱ', 'qq群', '微信', '加v', 'vx', 'wx', '扣扣', '赖id', 'whatsapp', 'http://', 'https://', 'www.', '.com', '.cn',
  '记者', '摄', '阅读', '点击', '元', '%', '万', '来源：', '责任编辑：', '版权所有', '图为', '第一章', '第二章', '第五章',
  '第十卷', '一、', '二、', '（一）', '（三）', '1.', '1.1', '2、', '(1)', '# ', '## ', '###### ', '序章', '目录',
  'command:', 'javascript:', '](', '<script>', '===', '---', '***',
];

const pick = (chars: readonly string[]) => fc.constantFrom(...chars);

/** Any BMP Han character (CJK Unified Ideographs). */
export const hanBmp = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));
/** Extension B: two UTF-16 units each. */
export const hanExtB = fc.integer({ min: 0x20000, max: 0x2a6df }).map((cp) => String.fromCodePoint(cp));

/** One well-formed piece: a character or a keyword. */
const wellFormedPiece = fc.oneof(
  { weight: 6, arbitrary: pick(HAN_MIXED_CHARS) },
  { weight: 3, arbitrary: hanBmp },
  { weight: 2, arbitrary: hanExtB },
  { weight: 2, arbitrary: pick(IDS_CHARS) },
  { weight: 3, arbitrary: pick(SEPARATORS) },
  { weight: 1, arbitrary: pick(FULL_WIDTH) },
  { weight: 2, arbitrary: pick(ASCII) },
  { weight: 2, arbitrary: pick(LINE_BREAKS) },
  { weight: 2, arbitrary: pick(KEYWORDS) },
);

const hostilePiece = fc.oneof({ weight: 12, arbitrary: wellFormedPiece }, { weight: 1, arbitrary: pick(LONE_SURROGATES) });

/** A run of one piece, 2 to `maxLength` times. */
function run(piece: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc.tuple(piece, fc.integer({ min: 2, max: maxLength })).map(([p, n]) => p.repeat(n));
}

export interface TextShape {
  /** Include lone surrogates. */
  readonly loneSurrogates?: boolean;
  /** Longest run of a repeated piece. */
  readonly maxRun?: number;
  /** Most ideographic description characters in one text. */
  readonly maxIds?: number;
  /** Pieces per text. */
  readonly maxPieces?: number;
}

/** Hostile text: a mix of pieces, runs of one piece, and runs of IDS characters. */
export function hostileText(shape: TextShape = {}): fc.Arbitrary<string> {
  const piece = shape.loneSurrogates === false ? wellFormedPiece : hostilePiece;
  const maxRun = shape.maxRun ?? 200;
  const maxIds = shape.maxIds ?? 40;
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 10, arbitrary: piece },
    { weight: 2, arbitrary: run(piece, maxRun) },
  ];
  if (maxIds >= 2) {
    options.push(
      { weight: 1, arbitrary: run(pick(IDS_CHARS), maxIds) },
      { weight: 1, arbitrary: fc.array(pick(IDS_CHARS), { minLength: 2, maxLength: maxIds }).map((a) => a.join('')) },
    );
  }
  return fc
    .array(fc.oneof(...options), { maxLength: shape.maxPieces ?? 60, size: 'medium' })
    .map((parts) => capIdsRuns(parts.join(''), maxIds));
}

const IDS_CHAR = /[\u2ff0-\u2fff]/g;

/**
 * Keeps the first `max` IDS characters of `text` and turns the rest into 。: adjacent
 * pieces join into longer runs, and a character between two runs does not stop an
 * exponential IDS parser, which consumes it as a component.
 */
function capIdsRuns(text: string, max: number): string {
  let seen = 0;
  return text.replace(IDS_CHAR, (c) => (++seen <= max ? c : '。'));
}

/** What opens a heading, a list item or a spam line; most lines get none. */
const LINE_OPENERS = [
  '# ', '## ', '### ', '###### ', '#', '第一章 ', '第二章', '第3章 ', '第十卷 ', '第五節', '第二部分 ', '一、', '二、', '十一、',
  '（一）', '（二）', '(1)', '(3)', '1.', '2.', '1.1 ', '1.2.3 ', '2、', '序章', '  ', '\u3000\u3000', '```', '来源：', 'QQ', '微信',
];

/**
 * A document: lines that often open like headings, list items or spam, with hostile
 * content, joined by a mix of LF, CRLF and lone CR.
 */
export function hostileDocument(shape: TextShape = {}): fc.Arbitrary<string> {
  const content = hostileText({ ...shape, maxPieces: shape.maxPieces ?? 12 }).map((t) => t.replace(/\r\n|\r|\n/g, ''));
  const line = fc.tuple(fc.option(pick(LINE_OPENERS), { freq: 2 }), content).map(([opener, rest]) => (opener ?? '') + rest);
  return fc
    .array(fc.tuple(line, pick(LINE_BREAKS)), { maxLength: 40, size: 'medium' })
    .map((lines) => capIdsRuns(lines.map(([l, eol]) => l + eol).join(''), shape.maxIds ?? 40));
}

/** Either shape: free text or a document of lines. */
export function hostileInput(shape: TextShape = {}): fc.Arbitrary<string> {
  return fc.oneof(hostileText(shape), hostileDocument(shape));
}

/** Text without lone surrogates (what a reference converter is defined on). */
export function wellFormedText(shape: Omit<TextShape, 'loneSurrogates'> = {}): fc.Arbitrary<string> {
  return hostileText({ ...shape, loneSurrogates: false });
}

/** Whether `text` holds a lone surrogate (String.prototype.isWellFormed, which ES2022's lib lacks). */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Whether offset `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Lines as editors count them: LF, CRLF and a lone CR each end a line. */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
