/**
 * Properties of segmentation, lookup, glossary parsing and the hover's markdown
 * (issue 10 §4).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { Glossary } from '../../src/core/glossary/glossary';
import { parseGlossary, type GlossaryFormat, type GlossaryRow } from '../../src/core/glossary/parse';
import { lookupAt, type LookupSources } from '../../src/core/lookup/lookup';
import { renderMarkdown, DEFAULT_RENDER_OPTIONS } from '../../src/core/lookup/render';
import { createNodeLookupService } from '../../src/node/lookup';
import { createDictionarySegmenter } from '../../src/core/segment/dictionarySegmenter';
import type { ScriptConverters } from '../../src/core/segment/opencc';
import { loadScriptConverters } from '../../src/node/scriptConverters';
import { hanBmp, hanExtB, hostileInput, params, splitsPair } from './properties.arbitraries';
import { markdownIt, repoPath } from './helpers';

/** IDS characters go through OpenCC t2s on the way to the segmenter: see properties.convert.test.ts. */
const SHAPE = { maxIds: 16, maxRun: 100 } as const;

const service = createNodeLookupService(repoPath('dist/cedict.idx'));
let converters: ScriptConverters;

before(async () => {
  await service.ready('jieba-rs');
  converters = await loadScriptConverters();
});

/** A text and an offset in it (or just past it). */
const textAndOffset = hostileInput(SHAPE).chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length })));

test('property: the dictionary segmenter cuts any text into words that rebuild it, never inside a pair', () => {
  const segmenter = createDictionarySegmenter((text, start) => service.cedict.longestMatch(text, start));
  fc.assert(
    fc.property(hostileInput(SHAPE), (text) => {
      const words = segmenter.cut(text);
      assert.equal(words.join(''), text);
      let at = 0;
      for (const w of words) {
        assert.ok(w.length > 0, 'no empty word');
        assert.ok(!splitsPair(text, at), `a word starts inside a pair at ${at}`);
        at += w.length;
      }
    }),
    params(),
  );
});

test('property: segmentation (jieba-rs through t2s) gives tokens that tile the text, never inside a pair', () => {
  fc.assert(
    fc.property(hostileInput(SHAPE), (text) => {
      const tokens = service.segmentLine(text, 'jieba-rs');
      let at = 0;
      for (const t of tokens) {
        assert.equal(t.start, at, 'tokens are contiguous');
        assert.ok(t.end > t.start, 'no empty token');
        assert.equal(t.text, text.slice(t.start, t.end));
        assert.ok(!splitsPair(text, t.start), `a token starts inside a pair at ${t.start}`);
        at = t.end;
      }
      assert.equal(at, text.length, 'tokens cover the text');
    }),
    params(),
  );
});

test('property: a lookup at any offset finds the word under it, or nothing where there is no Han', () => {
  fc.assert(
    fc.property(textAndOffset, ([text, offset]) => {
      const result = service.lookupAt(text, offset, 'jieba-rs');
      if (!result) return;
      const at = splitsPair(text, offset) ? offset - 1 : offset;
      const { match } = result;
      assert.ok(match.start <= at && at < match.end, `the match ${match.start}..${match.end} covers ${at}`);
      assert.equal(match.text, text.slice(match.start, match.end));
      assert.ok(!splitsPair(text, match.start) && !splitsPair(text, match.end), 'the match is whole code points');
      if (result.longest) {
        assert.equal(result.longest.start, at, 'the longest match starts at the hovered character');
        assert.equal(result.longest.text, text.slice(result.longest.start, result.longest.end));
      }
      for (const part of result.parts ?? []) {
        assert.equal(part.text, text.slice(part.start, part.end), 'parts are pieces of the text');
        assert.ok(part.start >= match.start && part.end <= match.end, 'parts lie inside the match');
      }
      assertSafeMarkdown(renderMarkdown(result), []);
    }),
    params(),
  );
});

// ---- glossary rows ----

/** Cell material: markdown and HTML syntax, links of every scheme, line-break remnants, pinyin. */
const CELL_PIECES = [
  'a', 'Z', ' ', '  ', '    ', '\r', '\u3000', '中', '數字', '𠮷', ';', ',', '"', "'", '\\', '`', '```', '*', '**', '_', '~~', '#', '# ', '> ', '- ',
  '+ ', '1. ', '1)', '===', '---', '|', '[', ']', '(', ')', '{', '}', '<', '>', '&', '&amp;', '&#106;', '!', '$', '%', '=',
  'https://example.com/x?a=1', 'http://x.y', 'www.example.com', 'command:chineseReader.convertToSimplified', 'javascript:alert(1)',
  'data:text/html,x', '[click](command:workbench.action.quit)', '[x](javascript:alert(1))', '![i](https://x/y.png)',
  '<a href="command:x">x</a>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<span style="color:red">',
  '</span>', 'shu4', 'zi4', 'lu:4', 'Lü3', 'xīn', 'r5', 'ü',
];
const cell = fc.array(fc.constantFrom(...CELL_PIECES), { maxLength: 12 }).map((p) => p.join(''));
/** A cell with something other than white space in it. */
const filledCell = fc.tuple(fc.constantFrom('a', '中', '#', '[', '<', '`', '&', 'https://x.y'), cell).map(([a, b]) => a + b);
const hanChar = fc.oneof(fc.constantFrom(...'數字政府中文汉漢后後干乾发發'), hanBmp, hanExtB);
const term = fc.array(hanChar, { minLength: 1, maxLength: 4 }).map((c) => c.join(''));

interface RowInput {
  term: string;
  other: string;
  pinyin: string;
  english: string;
  note: string;
}
const rowInput: fc.Arbitrary<RowInput> = fc
  .record({ term, otherChars: fc.option(fc.array(hanChar, { minLength: 4, maxLength: 4 })), pinyin: cell, english: filledCell, note: cell })
  .map(({ term: t, otherChars, pinyin, english, note }) => ({
    term: t,
    other: otherChars ? otherChars.slice(0, [...t].length).join('') : '',
    pinyin,
    english,
    note,
  }));

function serialise(rows: readonly RowInput[], format: GlossaryFormat): string {
  const fields = (r: RowInput) => [r.term, r.other, r.pinyin, r.english, r.note];
  switch (format) {
    case 'tsv':
      return rows.map((r) => fields(r).join('\t')).join('\n');
    case 'csv':
      return rows.map((r) => fields(r).map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    case 'json':
      return JSON.stringify(rows, null, 2);
  }
}

test('property: glossary rows written as TSV, CSV or JSON parse back as written', () => {
  fc.assert(
    fc.property(fc.array(rowInput, { maxLength: 8 }), fc.constantFrom<GlossaryFormat>('tsv', 'csv', 'json'), (rows, format) => {
      const parsed = parseGlossary(serialise(rows, format), format);
      assert.deepEqual(parsed.problems, []);
      const strip = (r: GlossaryRow) => ({ term: r.term, other: r.other, pinyin: r.pinyin, english: r.english, note: r.note });
      const trim = (r: RowInput) => ({ term: r.term, other: r.other, pinyin: r.pinyin.trim(), english: r.english.trim(), note: r.note.trim() });
      assert.deepEqual(parsed.rows.map(strip), rows.map(trim));
      parsed.rows.forEach((r, i) => i > 0 && assert.ok(r.line > parsed.rows[i - 1]!.line, 'row lines increase'));
    }),
    params(),
  );
});

test('property: any text parses as a glossary without throwing, each problem on a line of the file', () => {
  const anyText = fc.oneof(hostileInput(SHAPE), fc.array(rowInput, { maxLength: 5 }).chain((rows) => fc.constantFrom(serialise(rows, 'json'), serialise(rows, 'csv'))), fc.string());
  fc.assert(
    fc.property(anyText, fc.constantFrom<GlossaryFormat>('tsv', 'csv', 'json'), (text, format) => {
      const parsed = parseGlossary(text, format);
      const lines = text.split(format === 'json' ? '\n' : /\r?\n/).length;
      for (const p of parsed.problems) assert.ok(p.line >= 0 && p.line < lines && p.message.length > 0, `problem line ${p.line} of ${lines}`);
      for (const r of parsed.rows) {
        assert.ok(r.line >= 0 && r.line < lines, `row line ${r.line} of ${lines}`);
        assert.ok(/\p{Script=Han}/u.test(r.term) && !/\s/.test(r.term), 'a term is Han without white space');
        assert.ok(r.english.length > 0, 'a gloss');
      }
    }),
    params(),
  );
});

// ---- the hover's markdown ----

/**
 * markdown-it (CommonMark, as VS Code renders hovers), with raw HTML and bare-URL links
 * on: the most a hover could turn into markup. It comes with @vscode/vsce.
 */
const markdown = markdownIt({ html: true, linkify: true });

const BLOCKS = new Set(['paragraph_open', 'paragraph_close', 'inline', 'hr']);
const INLINES = new Set(['text', 'softbreak', 'hardbreak', 'strong_open', 'strong_close', 'em_open', 'em_close']);
/** The only HTML the hover writes: tone colours. */
const TONE_SPAN = /^(?:<span style="color:#[0-9a-f]{6};">|<\/span>)$/;

/**
 * The hover's markdown renders to paragraphs of text, bold, italics, rules and tone
 * spans only (no link of any scheme, no heading, list, quote, code, image or other HTML),
 * and each of `texts` is shown as written (white space aside). `securityOnly` checks
 * only what could act on a click or run: links other than http(s), images, raw HTML.
 */
function assertSafeMarkdown(source: string, texts: readonly string[], securityOnly = false): void {
  const shown: string[] = [];
  const where = ` in ${JSON.stringify(source)}`;
  for (const block of markdown.parse(source, {})) {
    if (block.type === 'html_block') assert.fail(`raw HTML from data${where}`);
    if (!securityOnly) assert.ok(BLOCKS.has(block.type), `data became markup: ${block.type}${where}`);
    for (const token of block.children ?? []) {
      if (token.type === 'html_inline') assert.match(token.content, TONE_SPAN, `raw HTML from data${where}`);
      else if (token.type === 'image') assert.fail(`an image from data${where}`);
      else if (token.type === 'link_open') {
        const href = token.attrs?.find(([name]) => name === 'href')?.[1] ?? '';
        assert.ok(securityOnly && /^https?:\/\//i.test(href), `a link to ${href} from data${where}`);
      } else if (!securityOnly) assert.ok(INLINES.has(token.type), `data became markup: ${token.type}${where}`);
      if (token.type === 'text') shown.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') shown.push(' ');
    }
    shown.push(' ');
  }
  if (securityOnly) return;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = squash(shown.join(''));
  for (const t of texts) assert.ok(text.includes(squash(t)), `${JSON.stringify(t)} is shown as written${where}`);
}

/** A hover for a glossary of `inputs` (TSV), on its first term. */
function hoverFor(inputs: readonly RowInput[], zhuyin: boolean): { markdown: string; shown: string[] } {
  const { rows } = parseGlossary(serialise(inputs, 'tsv'), 'tsv');
  assert.equal(rows.length, inputs.length);
  const glossary = new Glossary([{ source: 'glossary.tsv', rows }], converters);
  const word = rows[0]!.term;
  // The whole text is the word: the hover is about it whatever a segmenter would say.
  const sources: LookupSources = { glossary, dictionary: service.cedict, segment: (t) => [{ text: t, start: 0, end: t.length }] };
  const result = lookupAt(word, 0, sources);
  assert.ok(result && result.entries.length > 0, 'the glossary term is found');
  const entry = result.entries[0]!;
  const shown = [...entry.definitions.slice(0, DEFAULT_RENDER_OPTIONS.maxDefinitions), ...(entry.note ? [entry.note] : [])];
  return { markdown: renderMarkdown(result, { ...DEFAULT_RENDER_OPTIONS, zhuyin }), shown };
}

const glossaryRows = fc.array(rowInput, { minLength: 1, maxLength: 3 });

test('property: the hover has no command:, javascript: or other non-web link, image or HTML from glossary cells', () => {
  fc.assert(
    fc.property(glossaryRows, fc.boolean(), (inputs, zhuyin) => assertSafeMarkdown(hoverFor(inputs, zhuyin).markdown, [], true)),
    params(),
  );
});

test('property: the hover shows glossary cells as text: no links, no markup, nothing lost', () => {
  fc.assert(
    fc.property(glossaryRows, fc.boolean(), (inputs, zhuyin) => {
      const hover = hoverFor(inputs, zhuyin);
      assertSafeMarkdown(hover.markdown, hover.shown);
    }),
    params(),
  );
});
