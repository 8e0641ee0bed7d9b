/**
 * "No super-linear input" (issue 10 §4): each core function runs on adversarial shapes at
 * n and at 8n, and fails when its work grows more than 16× (linear is 8×; the margin
 * absorbs fixed costs). Work is counted, never timed: this bundle is built with src/core
 * instrumented (test/harness/instrument.mjs), and scaling.work.ts adds the built-ins'
 * share. See scaling.work.ts for what the count cannot see (backtracking inside one regex
 * match, which scripts/check-regexes.mjs covers).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createConverter, type ScriptConverter } from '../../src/core/convert/engine';
import { Glossary } from '../../src/core/glossary/glossary';
import { parseGlossary, type GlossaryRow } from '../../src/core/glossary/parse';
import { lookupAt } from '../../src/core/lookup/lookup';
import { renderMarkdown } from '../../src/core/lookup/render';
import { createNodeLookupService } from '../../src/node/lookup';
import { checkNumbering, compileUserRules, computeOutline } from '../../src/core/outline';
import { detectScript } from '../../src/core/script/detect';
import { createDictionarySegmenter } from '../../src/core/segment/dictionarySegmenter';
import { segment } from '../../src/core/segment/segmenter';
import { checkText, SpamDocument } from '../../src/core/spam/document';
import { decodeUtf8 } from '../../src/core/text/decode';
import { repoPath } from './helpers';
import { countWork } from './scaling.work';

/** Linear work grows 8× from n to 8n; more than this fails. */
const LIMIT = 16;

/** `text` repeated to about `n` UTF-16 units. */
const fill = (unit: string, n: number) => unit.repeat(Math.max(1, Math.round(n / unit.length)));

/**
 * Adversarial shapes, each a function of its size n, with the n it is measured at. Runs
 * of white space start at 100 (800 at 8n): several regexes on the current code are cubic
 * in them (issue 10 §2.3), and the suite must finish to report it.
 */
const SHAPES = {
  'one huge line': [(n: number) => fill('新基建時代，“數字政府2.0建設”如何推進？QQ 微信 abc ', n), 1000],
  // 100,000 lines at 8n.
  'tiny lines': [(n: number) => fill('中\n', n), 25_000],
  'tiny CRLF and CR lines': [(n: number) => fill('a\r\n國\r', n), 1000],
  'a run of ，': [(n: number) => fill('，', n), 1000],
  'a run of 、': [(n: number) => fill('、', n), 1000],
  'a run of .': [(n: number) => fill('.', n), 1000],
  'a run of #': [(n: number) => fill('#', n), 1000],
  'a run of digits': [(n: number) => fill('0', n), 1000],
  // Masks read as digits (learned.ts): a run standing alone, and one inside a word.
  'a run of x': [(n: number) => fill('x', n), 1000],
  // Circled numbers: decorated digits, except one numbering an item (learned.ts).
  'a run of ①': [(n: number) => fill('①', n), 1000],
  'a letter, then a run of x': [(n: number) => `a${'x'.repeat(n)}`, 1000],
  'spaces between two letters': [(n: number) => `a${' '.repeat(n)}b`, 100],
  'ideographic spaces': [(n: number) => `中${'\u3000'.repeat(n)}文`, 100],
  'repeated keywords': [(n: number) => fill('第一章 QQ群 微信 记者 阅读 www. 一、', n), 1000],
  'numbered headings': [(n: number) => fill('第一章 開始\n一、\n（一）\n1.1 標題\n', n), 1000],
  'long Han run': [(n: number) => fill('數', n), 1000],
  // A disguised QQ number (digit groups, homophones) and a phishing request (signals.ts).
  'digit groups joined by + and a homophone': [(n: number) => fill('口12+34 ', n), 1000],
  'phishing requests with links': [(n: number) => fill('您的帳單已逾期，請立即點擊 a-b.cc 繳費', n), 1000],
  'urgent words with no act after them': [(n: number) => `您的帳單已逾期 x.cc ${fill('請立即', n)}`, 1000],
  // Page furniture (furniture.ts): rows of counters, breadcrumbs, a QQ number spelled digit by digit.
  'counter items': [(n: number) => fill('阅读 1.2万 ', n), 1000],
  'breadcrumb separators': [(n: number) => fill('首页 > ', n), 1000],
  'spaced digits after a QQ name': [(n: number) => fill('扣扣 1 2 ', n), 1000],
  'reference carets': [(n: number) => `^ ${fill('[2021-', n)}`, 1000],
  // The repros.
  'QQ + spaces + x (§2.3)': [(n: number) => `QQ${' '.repeat(n)}x`, 100],
  'full-width ＱＱ + ideographic spaces + x (§2.3)': [(n: number) => `ＱＱ${'\u3000'.repeat(n)}x`, 100],
  '3 segments of a long Han run (§2.4)': [(n: number) => [fill('數', n), fill('字', n), fill('政', n)].join(' '), 400],
  '# a + spaces + b (§2.5)': [(n: number) => `# a${' '.repeat(n)}b`, 100],
} satisfies Record<string, [(n: number) => string, number]>;
type Shape = keyof typeof SHAPES;
const ALL = Object.keys(SHAPES) as Shape[];

/** Runs of ⿲ (§2.2): exponential on the current code, so small sizes (4 and 32) already tell. */
const IDS = (n: number) => '⿲'.repeat(n);

/**
 * Fails when `run` on `make(8n)` does more than LIMIT times the work of `make(n)`. A run
 * on a smaller input first loads whatever loads lazily (tables, dictionaries), so that
 * neither measured run pays for it. `measured` says that `run` counts its own work (and
 * returns it), for a check that needs set-up outside the count.
 */
function assertLinear<T extends string | Uint8Array>(make: (n: number) => T, n: number, run: (input: T) => unknown, measured = false): void {
  const work = (input: T) => (measured ? (run(input) as number) : countWork(() => void run(input)));
  void work(make(Math.max(1, n >> 3)));
  const small = work(make(n));
  const large = work(make(8 * n));
  assert.ok(small > 0, 'the work counter sees the function');
  const growth = large / small;
  assert.ok(growth <= LIMIT, `work grew ${growth.toFixed(1)}× from n=${n} to 8n (${small} → ${large} units); linear is 8×, the limit ${LIMIT}×`);
}

/** One test per function and shape, so that a failure names both; `ids` adds runs of ⿲. */
function scaling(fn: string, shapes: readonly Shape[], run: (text: string) => unknown, ids = false, measured = false): void {
  for (const shape of shapes) {
    const [make, n] = SHAPES[shape];
    test(`scaling: ${fn} on ${shape}`, () => assertLinear(make, n, run, measured));
  }
  if (ids) test(`scaling: ${fn} on a run of ⿲ (§2.2)`, () => assertLinear(IDS, 4, run, measured));
}

// Spam lines longer than maxLineLength (10,000) are not scored: every 8n stays below it.
scaling('spam document check', ALL, (text) => checkText(text));
scaling('spam document check, hybrid scorer (rules + learned model)', ALL, (text) => checkText(text, { scorer: 'hybrid' }));
// The learned model's full view of a line (zhreader check --explain): every feature, every n-gram.
scaling('spam learned-model explanation of the longest line', ALL, (text) => {
  const document = new SpamDocument(text);
  let longest = 0;
  for (let line = 1; line < document.lineCount; line++) if (document.lineText(line).length > document.lineText(longest).length) longest = line;
  return document.explain(longest);
});

scaling(
  'spam incremental re-check (an edit mid-document)',
  ALL,
  (text) => {
    const document = new SpamDocument(text);
    document.findings();
    const line = Math.floor(document.lineCount / 2);
    const column = Math.floor(document.lineText(line).length / 2);
    // Only the edit and the re-check count: that is what runs on every keystroke.
    return countWork(() => {
      document.applyChange(line, column, line, column, '微');
      document.findings();
    });
  },
  false,
  true,
);

scaling('outline (built-in rules)', ALL, (text) => computeOutline(text));

const userRules = compileUserRules([{ pattern: '^第(?<num>[0-9０-９]+)回', level: 2 }, { pattern: '^(?:序章|尾聲)$', level: 2 }]);
scaling('outline with user rules', ALL, (text) => computeOutline(text, { userRules }));

scaling('numbering checks', ['numbered headings', 'repeated keywords', 'tiny lines'], (text) => {
  const { headings } = computeOutline(text);
  checkNumbering(headings);
});

scaling('script detection', ALL, (text) => detectScript(text), true);

let toSimplified: ScriptConverter;
let toTaiwan: ScriptConverter;
before(() => {
  toSimplified = createConverter('t', 'cn');
  toTaiwan = createConverter('cn', 'twp');
});
scaling('conversion t→cn', ALL, (text) => toSimplified.convert(text), true);
scaling('conversion cn→twp (phrases)', ALL, (text) => toTaiwan.convert(text), true);
scaling('chunked conversion t→cn', ALL, (text) => {
  const steps = toSimplified.convertSteps(text, 256);
  while (!steps.next().done);
}, true);

const service = createNodeLookupService(repoPath('dist/cedict.idx'));
before(async () => {
  await service.ready('jieba-rs');
});
// jieba-rs is native and opencc-js's t2s is outside src/core: only our side counts here.
scaling('segmentation (jieba-rs through t2s, our side)', ALL, (text) => service.segmentLine(text, 'jieba-rs'), true);
scaling('dictionary segmentation through our t2s', ALL, (text) => {
  const segmenter = createDictionarySegmenter((t, start) => service.cedict.longestMatch(t, start));
  segment(segmenter, text, (t) => toSimplified.convert(t).text);
}, true);

const LINE_SHAPES = ALL.filter((s) => !/lines|headings/.test(s));
scaling('lookup and hover markdown at the middle of a line', LINE_SHAPES, (text) => {
  // The first Han character from the middle on, so that n and 8n look up the same kind of place.
  const middle = Math.floor(text.length / 2);
  const han = text.slice(middle).search(/\p{Script=Han}/u);
  const result = service.lookupAt(text, han < 0 ? middle : middle + han, 'jieba-rs');
  if (result) renderMarkdown(result);
});

test('scaling: lookup on a long Han line with a glossary term as long as the line (§3)', () => {
  assertLinear((n) => fill('數', n), 2000, (text) => {
    const glossary = new Glossary([{ source: 'g.tsv', rows: [row(text, 0)] }]);
    const sources = { glossary, dictionary: service.cedict, segment: (t: string) => [{ text: t, start: 0, end: t.length }] };
    for (let offset = 0; offset < text.length; offset += Math.ceil(text.length / 8)) {
      const result = lookupAt(text, offset, sources);
      if (result) renderMarkdown(result);
    }
  });
});

function row(term: string, line: number): GlossaryRow {
  return { term, other: '', pinyin: 'shu4', english: 'number; figure', note: '', line };
}

test('scaling: glossary parse (TSV, CSV, JSON) of many rows', () => {
  for (const format of ['tsv', 'csv', 'json'] as const) {
    const make = (n: number) => {
      const rows = Array.from({ length: Math.max(1, Math.round(n / 20)) }, (_, i) => ({ term: `數字${i}`, english: `digital ${i}; number`, note: 'n' }));
      if (format === 'json') return JSON.stringify(rows, null, 1);
      const sep = format === 'tsv' ? '\t' : ',';
      return rows.map((r) => [r.term, '', '', r.english.replace(/;/g, ' '), r.note].join(sep)).join('\n');
    };
    assertLinear(make, 4000, (text) => parseGlossary(text, format));
  }
});

test('scaling: glossary parse of one row with a huge cell, and of hostile shapes', () => {
  for (const format of ['tsv', 'csv', 'json'] as const) {
    assertLinear((n) => `數\t${fill('a ; b ', n)}\t`, 4000, (text) => parseGlossary(text, format));
    for (const [make, n] of Object.values(SHAPES)) assertLinear(make, n, (text) => parseGlossary(text, format));
  }
});

test('scaling: UTF-8 decode of valid text, and of text that breaks at its end', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  for (const [make, n] of Object.values(SHAPES)) {
    assertLinear((k) => encode(make(k)), n, decodeUtf8);
    assertLinear((k) => new Uint8Array([...encode(make(k)), 0xe0, 0x80]), n, decodeUtf8);
  }
});
