import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parseGlossary } from '../../src/core/glossary/parse';
import type { LookupResult } from '../../src/core/lookup/lookup';
import { escapeMarkdown, longestAddsAWord, lookupJson, renderMarkdown, renderText, DEFAULT_RENDER_OPTIONS } from '../../src/core/lookup/render';
import { createNodeLookupService } from '../../src/node/lookup';
import { createSegmenter } from '../../src/node/engines';
import { readRepoFile, repoPath } from './helpers';

const service = createNodeLookupService(repoPath('dist/cedict.idx'));
const LINE = '新基建時代,“數字政府2.0建設”如何推進?公共服務';

before(async () => {
  await service.ready('jieba-rs');
  service.setGlossary([{ source: 'glossary.tsv', rows: parseGlossary(readRepoFile('seeds/glossary.tsv'), 'tsv').rows }]);
});

const at = (text: string, offset: number): LookupResult => {
  const result = service.lookupAt(text, offset, 'jieba-rs');
  assert.ok(result, `a result at ${offset}`);
  return result;
};

test('a CC-CEDICT word: both scripts, pinyin with marks, definitions and classifier', () => {
  const result = at('以數字化', 1);
  const json = lookupJson(at('看數字', 1)) as { match: unknown; entries: { traditional: string; simplified: string; pinyin: string; definitions: string[]; classifiers: { text: string }[]; source: string }[] };
  assert.deepEqual(json.match, { text: '數字', start: 1, end: 3 });
  assert.equal(json.entries[0]!.simplified, '数字');
  assert.equal(json.entries[0]!.pinyin, 'shù zì');
  assert.ok(json.entries[0]!.definitions.some((d) => /digital/.test(d)));
  assert.equal(json.entries[0]!.classifiers[0]!.text, '個|个[ge4]');
  assert.equal(json.entries[0]!.source, 'cc-cedict');
  assert.ok(result.entries.length > 0);
});

test('glossary terms are one word and rank above CC-CEDICT with their source', () => {
  const result = at(LINE, 1);
  assert.deepEqual([result.match.text, result.match.start, result.match.end], ['新基建', 0, 3]);
  assert.equal(result.entries[0]!.source, 'glossary:glossary.tsv');
  assert.match(result.entries[0]!.definitions[0]!, /new infrastructure/);
  const government = at(LINE, 8);
  assert.equal(government.match.text, '數字政府');
  assert.equal(government.entries[0]!.source, 'glossary:glossary.tsv');
  // A glossary compound CC-CEDICT lacks is also explained by its dictionary words.
  assert.deepEqual(government.parts?.map((p) => p.text), ['數字', '政府']);
  assert.equal(government.parts?.[0]!.entries[0]!.simplified, '数字');
  assert.match(renderMarkdown(government), /In CC-CEDICT: 數字 \+ 政府/);
  assert.equal(at(LINE, LINE.indexOf('建設')).parts, undefined, 'a CC-CEDICT word has no breakdown');
});

test("Zhongwen's rule: the longest match from the hovered character is shown only when it adds a word", () => {
  const result = at(LINE, 8);
  assert.equal(result.match.text, '數字政府');
  assert.deepEqual([result.longest?.text, result.longest?.start, result.longest?.end], ['字', 8, 9]);
  assert.equal(at(LINE, 7).longest, undefined, 'no longest when it equals the word');
  // 字 lies inside 數字政府, whose parts the hover shows already: nothing more to say.
  assert.equal(longestAddsAWord(result), false);
  assert.doesNotMatch(renderMarkdown(result), /Also a dictionary word|Longest match/);
  // 輔 under 相輔相成 is one character shorter than the word: not shown either.
  const idiom = at('與之相輔相成的', 3);
  assert.equal(idiom.match.text, '相輔相成');
  assert.doesNotMatch(renderMarkdown(idiom), /Also a dictionary word/);
  // 的確 runs past the segmented word 的 (的 / 確定): a reading the segmenter did not take.
  const reading = at('他的確定了', 1);
  assert.equal(reading.match.text, '的');
  assert.equal(reading.longest?.text, '的確');
  assert.equal(longestAddsAWord(reading), true);
  const md = renderMarkdown(reading);
  assert.match(md, /Also a dictionary word, read on from here:\n\n\*\*的確\*\* · 的确 \u2003/);
  // The extra word is one line, after the entry.
  assert.ok(md.indexOf('Also a dictionary word') > md.indexOf('**的**'));
});

test('mixed scripts and variant forms: 對于, 關于, 雜志, 后臺 and 衞生 are found under the form the dictionary has', () => {
  const duiyu = at('對于技術戰疫', 0);
  assert.equal(duiyu.match.text, '對于');
  assert.equal(duiyu.foundAs, '对于');
  assert.equal(duiyu.entries[0]!.traditional, '對於');
  assert.equal(duiyu.parts, undefined, 'no breakdown: the word has its entry');
  const md = renderMarkdown(duiyu);
  assert.match(md, /^\*\*對於\*\* · 对于 \u2003/);
  assert.match(md, /\*written 對于 here\*/);
  assert.doesNotMatch(md, /not in the dictionary/);
  assert.equal((lookupJson(duiyu) as { foundAs?: string }).foundAs, '对于');
  assert.match(renderText(duiyu), /^對于 \(0-2\) found as 对于/);

  const guanyu = at('關于這一點', 0);
  assert.deepEqual([guanyu.match.text, guanyu.foundAs, guanyu.entries[0]!.traditional], ['關于', '关于', '關於']);
  const zazhi = at('網絡傳播雜志', 4);
  assert.deepEqual([zazhi.match.text, zazhi.foundAs, zazhi.entries[0]!.traditional], ['雜志', '杂志', '雜誌']);
  const houtai = at('進入后臺管理', 2);
  assert.equal(houtai.match.text, '后臺');
  assert.ok(houtai.entries.length > 0 && houtai.foundAs !== undefined, `后臺 found as ${houtai.foundAs}`);
  // A Hong Kong variant form t2s keeps (衞) is folded for the segmenter and the breakdown too.
  const weisheng = at('衞生部門', 0);
  assert.ok(weisheng.match.text.startsWith('衞生'), weisheng.match.text);
  const found = weisheng.entries.length > 0 ? weisheng.entries : (weisheng.parts?.[0]?.entries ?? []);
  assert.ok(found.some((e) => e.simplified.startsWith('卫生')), 'an entry for 卫生…');
  // Text written as the dictionary has it is found as written, with no note.
  assert.equal(at('對於技術', 0).foundAs, undefined);
  assert.doesNotMatch(renderMarkdown(at('對於技術', 0)), /written/);
});

test('an unknown compound is broken into its known parts', () => {
  const offset = LINE.indexOf('公共服務');
  const result = at(LINE, offset + 1);
  assert.equal(result.match.text, '公共服務');
  assert.deepEqual(result.entries, []);
  assert.deepEqual(result.parts?.map((p) => [p.text, p.start, p.end, p.entries.length > 0]), [
    ['公共', offset, offset + 2, true],
    ['服務', offset + 2, offset + 4, true],
  ]);
  assert.match(renderMarkdown(result), /its parts: 公共 \+ 服務/);
});

test('cross-references resolve one hop to the meaning of their target', () => {
  const result = at('着', 0);
  const variant = result.entries.find((e) => e.traditional === '着' && e.resolved.length > 0);
  assert.ok(variant, 'the variant entry of 着');
  assert.equal(variant.resolved[0]!.kind, 'variant of');
  assert.ok(variant.resolved[0]!.target!.definitions.length > 0);
  assert.match(renderText(result), /-> variant of 著\|着 /);
});

test('a term removed from the glossary is no longer one word for the segmenter', async () => {
  const local = createNodeLookupService(repoPath('dist/cedict.idx'));
  await local.ready('jieba-rs');
  assert.equal(local.lookupAt('的數字政府', 1, 'jieba-rs')!.match.text, '數字', 'jieba alone cuts 數字 / 政府');
  local.setGlossary([{ source: 'a.tsv', rows: parseGlossary('數字政府\tdigital government\n', 'tsv').rows }]);
  assert.equal(local.lookupAt('的數字政府', 1, 'jieba-rs')!.match.text, '數字政府');
  local.setGlossary([{ source: 'a.tsv', rows: parseGlossary('新基建\tnew infrastructure\n', 'tsv').rows }]);
  assert.equal(local.lookupAt('的數字政府', 1, 'jieba-rs')!.match.text, '數字', 'the removed term is cut again');
  assert.equal(local.lookupAt('新基建時代', 0, 'jieba-rs')!.match.text, '新基建', 'the remaining term is still one word');
});

test('nodejieba that cannot load falls back to jieba-rs with a message saying why', async () => {
  const local = createNodeLookupService(repoPath('dist/cedict.idx'), (engine) => {
    if (engine === 'nodejieba') throw new Error('nodejieba native binding was not found');
    return createSegmenter(engine);
  });
  const state = await local.ready('nodejieba');
  assert.equal(state.engine, 'jieba-rs');
  assert.equal(state.warning, 'the nodejieba segmenter could not be loaded; using jieba-rs');
  assert.equal(state.detail, 'nodejieba native binding was not found', "the loader's text is kept for the log");
  assert.equal(local.lookupAt('看數字', 1, state.engine)!.match.text, '數字');
});

test('no result off Chinese text or out of range', () => {
  assert.equal(service.lookupAt('abc 數字', 1, 'jieba-rs'), undefined);
  assert.equal(service.lookupAt('數字', 5, 'jieba-rs'), undefined);
});

test('a 10,000-character line: the word is found around the position, offsets into the whole line', () => {
  const long = '數字政府'.repeat(2500);
  const result = at(long, 5001);
  assert.equal(result.match.text, '數字政府');
  assert.equal(result.match.start, 5000);
});

test('hover markdown: tone colours, zhuyin, order of scripts, maximum definitions', () => {
  const result = at('看數字', 1);
  const plain = renderMarkdown(result, { ...DEFAULT_RENDER_OPTIONS, toneColors: 'none' });
  assert.match(plain, /\*\*數字\*\* · 数字 \u2003shù zì/);
  assert.doesNotMatch(plain, /<span/);
  const coloured = renderMarkdown(result, DEFAULT_RENDER_OPTIONS);
  assert.match(coloured, /<span style="color:#8900bf;">shù<\/span>/);
  assert.match(renderMarkdown(result, { ...DEFAULT_RENDER_OPTIONS, zhuyin: true }), /ㄕㄨˋ ㄗˋ/);
  assert.match(renderMarkdown(result, { ...DEFAULT_RENDER_OPTIONS, scriptFirst: 'simplified' }), /\*\*数字\*\* · 數字/);
  const two = renderMarkdown(result, { ...DEFAULT_RENDER_OPTIONS, maxDefinitions: 2 });
  assert.match(two, /…and 4 more/);
  assert.match(renderMarkdown(result), /\*CC\\-CEDICT\*/);
});

test('glossary text is escaped: no markdown, HTML or links get through', () => {
  const hostile = parseGlossary('惡意\t\t\t**bold** <img src=x onerror=alert(1)> [link](command:workbench.action.quit)\t`code`', 'tsv');
  const local = createNodeLookupService(repoPath('dist/cedict.idx'));
  return local.ready('jieba-rs').then(() => {
    local.setGlossary([{ source: 'evil.tsv', rows: hostile.rows }]);
    const md = renderMarkdown(local.lookupAt('惡意', 0, 'jieba-rs')!);
    assert.doesNotMatch(md, /(?<!\\)<img/);
    assert.doesNotMatch(md, /(?<!\\)\]\(command:/);
    assert.match(md, /\\\*\\\*bold\\\*\\\*/);
    assert.match(md, /\\`code\\`/);
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });
});

test('without a token from the segmenter, the match is the whole hovered character, Extension B included', async () => {
  const { lookupAt } = await import('../../src/core/lookup/lookup');
  const none = { lookup: () => [], longestMatch: () => 0 };
  const sources = { glossary: none, dictionary: none, segment: () => [] };
  const text = '甲𠀀乙';
  const match = lookupAt(text, 1, sources)!.match;
  assert.deepEqual(match, { text: '𠀀', start: 1, end: 3 });
  assert.deepEqual(lookupAt(text, 3, sources)!.match, { text: '乙', start: 3, end: 4 });
});

test('jieba-rs that cannot load (no binary for the platform) gives way to longest dictionary matching, with a message', async () => {
  const local = createNodeLookupService(repoPath('dist/cedict.idx'), () => {
    throw new Error('Cannot find native binding');
  });
  const state = await local.ready('jieba-rs');
  assert.equal(state.engine, 'jieba-rs');
  // Our words for the reader (the native loader's text tells them to run npm); its text goes to the log.
  assert.match(state.warning ?? '', /^the word segmenter \(jieba-rs\) is not available on this platform; words are found by longest dictionary match instead/);
  assert.doesNotMatch(state.warning ?? '', /native binding|npm/);
  assert.equal(state.detail, 'Cannot find native binding');
  assert.equal(local.lookupAt('看數字政府', 2, state.engine)!.match.text, '數字');
  assert.match(local.lookupAt('看數字政府', 3, state.engine)!.entries[0]!.definitions.join(';'), /government/);
  // Glossary terms are words for it too, as for jieba.
  local.setGlossary([{ source: 'a.tsv', rows: parseGlossary('新基建\tnew infrastructure\n', 'tsv').rows }]);
  assert.equal(local.lookupAt('新基建時代', 1, state.engine)!.match.text, '新基建');
  // Asking for nodejieba when neither native engine loads still ends on the fallback.
  assert.equal((await local.ready('nodejieba')).engine, 'jieba-rs');
});

test('the service reports each piece it loads, once, for the log', async () => {
  const events: string[] = [];
  const local = createNodeLookupService(repoPath('dist/cedict.idx'), undefined, ({ what, ms }) => {
    assert.ok(ms >= 0);
    events.push(what);
  });
  await local.ready('jieba-rs');
  await local.ready('jieba-rs');
  assert.deepEqual(events, ['OpenCC script converters', 'the CC-CEDICT index', 'the jieba-rs segmenter']);
});
