import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildLine, shortGloss, type WordFacts } from '../../src/core/reading/model';
import { bodyClasses, contentSecurityPolicy, renderCard, renderExport, renderShell } from '../../src/core/reading/page';
import { escapeHtml, renderLine, renderPending, renderRuby, type LineRenderOptions } from '../../src/core/reading/render';
import { FIRST_BEFORE, FIRST_CHARS, FIRST_ROW, firstScreen } from '../../src/core/reading/firstScreen';
import type { WordReading } from '../../src/core/pinyin/readings';

const ALL: LineRenderOptions = { pinyin: 'all', hskLevel: 3 };

/** Facts from a fixed table: words cut as listed, readings per code point. */
function factsFrom(table: Record<string, { readings: (string | null)[]; def?: string; level?: number }>, options: { known?: string[]; saved?: string[]; convert?: (w: string) => string } = {}): WordFacts {
  const words = Object.keys(table).sort((a, b) => b.length - a.length);
  return {
    wordReadings(text: string): WordReading[] {
      const out: WordReading[] = [];
      let at = 0;
      while (at < text.length) {
        const word = words.find((w) => text.startsWith(w, at)) ?? String.fromCodePoint(text.codePointAt(at)!);
        out.push({ text: word, start: at, end: at + word.length, readings: table[word]?.readings ?? Array.from(word).map(() => null) });
        at += word.length;
      }
      return out;
    },
    definition: (w) => table[w]?.def,
    level: (w) => table[w]?.level,
    isKnown: (w) => options.known?.includes(w) ?? false,
    isSaved: (w) => options.saved?.includes(w) ?? false,
    ...(options.convert ? { convert: options.convert } : {}),
  };
}

const SEED_WORDS = {
  數字: { readings: ['shu4', 'zi4'], def: 'number; figure; digital', level: 2 },
  政府: { readings: ['zheng4', 'fu3'], def: 'government', level: 3 },
  的: { readings: ['de5'], def: 'of; ~\'s (possessive particle)', level: 1 },
};

/** The ruby text of a rendered line, syllable by syllable. */
const rubyTexts = (html: string) => [...html.matchAll(/<rt[^>]*>([^<]*)<\/rt>/g)].map((m) => m[1]);

test('Traditional text: each character carries its own reading, 數字政府 -> shù zì zhèng fǔ, tone classes from the readings', () => {
  const html = renderLine(buildLine('數字政府', 0, factsFrom(SEED_WORDS)), ALL);
  assert.deepEqual(rubyTexts(html), ['shù', 'zì', 'zhèng', 'fǔ']);
  assert.match(html, /<ruby>數<rt class="t4">shù<\/rt>字<rt class="t4">zì<\/rt><\/ruby>/);
  assert.match(html, /政<rt class="t4">zhèng<\/rt>府<rt class="t3">fǔ<\/rt>/);
  // Words keep their offsets in the line, for the card and the study commands.
  assert.match(html, /class="w u l2" data-s="0" data-e="2"/);
  assert.match(html, /class="w u l3" data-s="2" data-e="4"/);
  assert.match(html, /^<p class="ln">/);
});

test('Extension B characters are one ruby base each, never split into surrogate halves', () => {
  // 𠮷 (U+20BB7) is two UTF-16 units; its reading must sit over the whole character.
  const facts = factsFrom({ '𠮷野家': { readings: ['ji2', 'ye3', 'jia1'], def: 'Yoshinoya' } });
  const line = buildLine('𠮷野家', 0, facts);
  const html = renderLine(line, ALL);
  assert.match(html, /<ruby>𠮷<rt class="t2">jí<\/rt>野<rt class="t3">yě<\/rt>家<rt class="t1">jiā<\/rt><\/ruby>/);
  assert.match(html, /data-s="0" data-e="4"/);
  // A character without a reading gets an empty rt so the following readings stay aligned.
  assert.equal(renderRuby('𠀀字', [null, 'zi4']), '<ruby>𠀀<rt></rt>字<rt class="t4">zì</rt></ruby>');
});

test('ruby alignment property: one rt per code point, in order, for any mix of BMP and astral characters', () => {
  const han = fc.constantFrom('數', '字', '政', '府', '𠮷', '𡈽', '𪚥', 'A', '1');
  fc.assert(
    fc.property(fc.array(han, { minLength: 1, maxLength: 12 }), (chars) => {
      const text = chars.join('');
      const readings = chars.map((c, i) => (/[A1]/.test(c) ? null : `zi${(i % 5) + 1}`));
      const html = renderRuby(text, readings);
      const bases = [...html.matchAll(/(?:<ruby>|<\/rt>)([^<]+)<rt/g)].map((m) => m[1]);
      assert.deepEqual(bases, chars);
      assert.equal([...html.matchAll(/<rt/g)].length, chars.length);
    }),
  );
});

test('everything from the document and the dictionary is escaped', () => {
  const text = '<img src=x onerror=alert(1)>"政府\'&';
  const facts = factsFrom({ 政府: { readings: ['zheng4', 'fu3'], def: '<script>alert(1)</script> & "gov"' } });
  const html = renderLine(buildLine(text, 0, facts, { note: '<b>spam</b>', label: 'ad', mark: 'spam' }), ALL);
  assert.doesNotMatch(html, /<img|<script|<b>/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;/);
  assert.match(html, /&#39;&amp;/);
  assert.match(html, /title="&lt;b&gt;spam&lt;\/b&gt;"/);
  assert.equal(renderPending('<a href="x">'), '<p class="ln pending">&lt;a href=&quot;x&quot;&gt;</p>');
  const card = renderCard({
    word: '政府',
    readings: ['zheng4', 'fu3'],
    entries: [{ traditional: '政府', simplified: '政府', pinyin: 'zheng4 fu3', definitions: ['<i>government</i>'], source: 'glossary:<evil>.tsv' }],
    levels: { hsk3: 3 },
    known: false,
    saved: false,
    maxDefinitions: 8,
  });
  assert.doesNotMatch(card, /<i>|<evil>/);
  fc.assert(fc.property(fc.string(), (s) => assert.doesNotMatch(escapeHtml(s), /[<>"']|&(?!amp;|lt;|gt;|quot;|#39;)/)));
});

test('pinyin modes: all, unknown only, above an HSK level, none', () => {
  const facts = factsFrom(SEED_WORDS, { known: ['的'] });
  const line = buildLine('數字的政府', 0, facts);
  assert.deepEqual(rubyTexts(renderLine(line, ALL)), ['shù', 'zì', 'de', 'zhèng', 'fǔ']);
  assert.deepEqual(rubyTexts(renderLine(line, { pinyin: 'unknown', hskLevel: 3 })), ['shù', 'zì', 'zhèng', 'fǔ']);
  assert.deepEqual(rubyTexts(renderLine(line, { pinyin: 'aboveLevel', hskLevel: 2 })), ['zhèng', 'fǔ']);
  assert.deepEqual(rubyTexts(renderLine(line, { pinyin: 'none', hskLevel: 3 })), []);
  // Known and saved words are marked differently.
  const saved = renderLine(buildLine('政府的', 0, factsFrom(SEED_WORDS, { known: ['的'], saved: ['政府'] })), ALL);
  assert.match(saved, /class="w u s l3"/);
  assert.match(saved, /class="w k l1"/);
});

test('interlinear gloss: each word carries its own short gloss, in word order, so it stands under the word', () => {
  const html = renderLine(buildLine('數字政府的', 0, factsFrom(SEED_WORDS)), ALL);
  const words = [...html.matchAll(/<span class="w[^"]*" data-s="(\d+)"[^>]*>.*?<span class="g">([^<]*)<\/span><\/span>/g)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(words, [
    [0, 'number'],
    [2, 'government'],
    [4, 'of'],
  ]);
  // A word no dictionary has keeps an empty gloss cell, so the next gloss does not slide under it.
  assert.match(renderLine(buildLine('龘', 0, factsFrom({})), ALL), /<span class="g">&nbsp;<\/span>/);
  assert.equal(shortGloss('(of a company) to go public; to list'), 'to go public');
  assert.equal(shortGloss('(possessive particle, literary equivalent of 的[de5])'), 'possessive particle,…');
  assert.equal(shortGloss('an extremely long definition that goes on and on about the word'), 'an extremely long…');
});

test('script toggle: the converted word takes the ruby when the count of characters is kept', () => {
  const t2s: Record<string, string> = { 數字: '数字', 政府: '政府' };
  const html = renderLine(buildLine('數字政府', 0, factsFrom(SEED_WORDS, { convert: (w) => t2s[w] ?? w })), ALL);
  assert.match(html, /<ruby>数<rt class="t4">shù<\/rt>字<rt class="t4">zì<\/rt><\/ruby>/);
  // A conversion that changes the length is not used: the ruby would no longer pair up.
  const kept = renderLine(buildLine('數字', 0, factsFrom(SEED_WORDS, { convert: () => '数字化' })), ALL);
  assert.match(kept, /<ruby>數<rt/);
});

test('headings become heading elements; blank lines are spacers; captions and spam lines are marked', () => {
  const facts = factsFrom(SEED_WORDS);
  assert.match(renderLine(buildLine('數字政府', 3, facts, { heading: 2 }), ALL), /^<h2 class="ln">.*<\/h2>$/);
  assert.equal(renderLine(buildLine('   ', 4, facts), ALL), '<div class="ln blank"></div>');
  assert.match(renderLine(buildLine('政府', 5, facts, { label: 'caption', mark: 'small' }), ALL), /^<p class="ln small z-caption">/);
  assert.match(renderLine(buildLine('政府', 6, facts, { label: 'ad', mark: 'spam' }), ALL), /^<p class="ln spam z-ad">/);
});

test('the shell: strict CSP with a nonce, no inline script, the script and stylesheet from the given URIs', () => {
  const html = renderShell({ title: 'Reading: a<b>.txt', nonce: 'abc123', cspSource: 'https://x.vscode-resource', scriptUri: 'https://x/r.js', styleUri: 'https://x/r.css', look: { toneColors: 'pleco', spamLines: 'strike', gloss: false } });
  assert.match(html, /default-src &#39;none&#39;/);
  assert.match(html, /script-src &#39;nonce-abc123&#39;/);
  assert.doesNotMatch(contentSecurityPolicy('https://x', 'n'), /unsafe|\*/);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0]![1]!, /nonce="abc123" src="https:\/\/x\/r.js"/);
  assert.equal(scripts[0]![2], '');
  assert.match(html, /<title>Reading: a&lt;b&gt;.txt<\/title>/);
  assert.doesNotMatch(html, /style="/);
  assert.equal(bodyClasses({ toneColors: 'mdbg', spamLines: 'hide', gloss: true }), 'tones-mdbg spam-hide gloss');
});

test('the export: one file, styles inline, no script, nothing fetched', () => {
  const look = { toneColors: 'pleco', spamLines: 'strike', gloss: true } as const;
  const html = renderExport({ title: 'seed', css: 'p{color:red}', lines: ['<p class="ln">x</p>'], look, theme: 'vscode-dark', fontSize: 18 });
  assert.match(html, /--rv-font-size: 18px/);
  assert.doesNotMatch(html, /<script/i);
  // The stylesheet cannot end its own <style> element early.
  const hostile = renderExport({ title: 'seed', css: 'p{color:red}</STYLE><p>x', lines: [], look, theme: 'vscode-dark', fontSize: 18 });
  assert.equal(hostile.match(/<\/style/gi)?.length, 1);
  assert.doesNotMatch(html, /\b(src|href)=/);
  assert.match(html, /default-src 'none'; style-src 'unsafe-inline'/);
  assert.match(html, /<body class="vscode-dark export tones-pleco spam-strike gloss">/);
});

test('building a line is linear: 8 times the text costs 8 times the words, not more', () => {
  let calls = 0;
  const facts = factsFrom(SEED_WORDS);
  const counting: WordFacts = { ...facts, definition: (w) => (calls++, facts.definition(w)) };
  buildLine('數字政府的'.repeat(100), 0, counting);
  const small = calls;
  calls = 0;
  buildLine('數字政府的'.repeat(800), 0, counting);
  assert.equal(calls, small * 8);
});

/** What the lines [from, to] of `lengths` count against the first screen's budget. */
const budget = (lengths: readonly number[], from: number, to: number) => lengths.slice(from, to + 1).reduce((sum, n) => sum + Math.max(FIRST_ROW, n), 0);

test('the first screen of a novel: ten lines above the top, then the top lines up to the character budget', () => {
  // Paragraphs of 200 characters with a blank line between them, like the e2e test's novel.
  const lengths = Array.from({ length: 57_000 }, (_, i) => (i % 2 ? 0 : 200));
  const top = 28_556;
  const { from, to } = firstScreen(lengths, top);
  assert.equal(from, top - FIRST_BEFORE);
  // The last line is the one that reaches the budget: without it the lines fall short.
  assert.ok(budget(lengths, top, to) >= FIRST_CHARS);
  assert.ok(budget(lengths, top, to - 1) < FIRST_CHARS);
  // Far fewer lines than the 151 the view opened with before (30 above, 120 below).
  assert.ok(to - from + 1 < 60, `${to - from + 1} lines`);
});

test('the first screen: short lines count a row each; one huge line is the screen; the ends clamp', () => {
  const short = Array.from({ length: 1000 }, () => 1);
  const rows = FIRST_CHARS / FIRST_ROW;
  assert.deepEqual(firstScreen(short, 500), { from: 500 - FIRST_BEFORE, to: 500 + rows - 1 });
  const huge = [10, 5_000_000, 10, 10];
  assert.deepEqual(firstScreen(huge, 1), { from: 0, to: 1 });
  assert.deepEqual(firstScreen(short, 3), { from: 0, to: 3 + rows - 1 });
  // A top line past the end (lines were deleted): the last line, and the ten above it.
  assert.deepEqual(firstScreen(short, 5000), { from: 999 - FIRST_BEFORE, to: 999 });
  assert.deepEqual(firstScreen([7], 0), { from: 0, to: 0 });
  assert.deepEqual(firstScreen([], 0), { from: 0, to: -1 });
});

test('first screen property: it holds the top line, stays in the document, and stops at the line that reaches the budget', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 3000 }), { minLength: 1, maxLength: 400 }), fc.nat({ max: 500 }), (lengths, top) => {
      const { from, to } = firstScreen(lengths, top);
      const start = Math.min(top, lengths.length - 1);
      assert.ok(from >= 0 && from <= start && start <= to && to < lengths.length);
      assert.equal(from, Math.max(0, start - FIRST_BEFORE));
      assert.ok(to - start < FIRST_CHARS / FIRST_ROW);
      // Every line before the last one left the budget unreached; the last one is there
      // because it reached it, or because the document ends.
      assert.ok(budget(lengths, start, to - 1) < FIRST_CHARS);
      assert.ok(to === lengths.length - 1 || budget(lengths, start, to) >= FIRST_CHARS);
    }),
  );
});
