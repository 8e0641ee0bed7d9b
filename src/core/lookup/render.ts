/**
 * Presents a LookupResult three ways from the same model: hover markdown, plain text
 * (the CLI) and JSON (the CLI's --json). Everything from dictionary or glossary data is
 * escaped before it enters markdown.
 */
import { formatWordRef } from '../dict/cedictLine';
import { CEDICT_SOURCE, type WordRef } from '../dict/entry';
import { parsePinyin, syllableToZhuyin, toneOfMarked, type Tone } from '../pinyin/pinyin';
import type { LookedUpEntry, LookupResult, SpanWithEntries } from './lookup';
import { english, type Translate } from '../text/messages';

export type ToneColorScheme = 'none' | 'pleco';
export type ScriptFirst = 'hovered' | 'traditional' | 'simplified';

export interface RenderOptions {
  readonly toneColors: ToneColorScheme;
  readonly zhuyin: boolean;
  readonly scriptFirst: ScriptFirst;
  /** Definitions shown per entry; the rest are counted. */
  readonly maxDefinitions: number;
  /** The hover's own words (labels, not dictionary text) in the UI language; English when absent. */
  readonly translate?: Translate;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { toneColors: 'pleco', zhuyin: false, scriptFirst: 'hovered', maxDefinitions: 8 };

/** Pleco's default tone colours: red, green, blue, purple, grey for the neutral tone. */
export const PLECO_TONE_COLORS: Readonly<Record<Tone, string | undefined>> = {
  0: undefined,
  1: '#e30000',
  2: '#02b31c',
  3: '#1510f0',
  4: '#8900bf',
  5: '#777777',
};

/**
 * Escapes CommonMark's punctuation so data renders as text, never as markup or HTML. Every
 * line break (CRLF, a lone CR, LF, U+2028/2029) becomes a space: a break followed by `===`
 * would make a heading. `:` and `@` are escaped too, which keeps GFM's autolinks from
 * turning a bare `https://…`, `www.…` or e-mail address from a glossary into a link:
 * glossary text is shown, never linked (the README says so).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"'$:@]/g, '\\$&');
}

/** One syllable with its marks, tone and, if asked, zhuyin. */
interface ShownSyllable {
  readonly marked: string;
  readonly tone: Tone;
  readonly zhuyin?: string;
}

function syllables(pinyin: string): ShownSyllable[] {
  return parsePinyin(pinyin).map((s) => {
    const tone = s.tone || toneOfMarked(s.marked);
    const zhuyin = syllableToZhuyin(s.raw);
    return { marked: s.marked, tone, ...(zhuyin ? { zhuyin } : {}) };
  });
}

export function pinyinText(pinyin: string): string {
  return syllables(pinyin)
    .map((s) => s.marked)
    .join(' ');
}

function zhuyinText(pinyin: string): string {
  return syllables(pinyin)
    .map((s) => s.zhuyin ?? s.marked)
    .join(' ');
}

function pinyinMarkdown(pinyin: string, options: RenderOptions): string {
  if (!pinyin) return '';
  const shown = syllables(pinyin)
    .map((s) => {
      const color = options.toneColors === 'pleco' ? PLECO_TONE_COLORS[s.tone] : undefined;
      const text = escapeMarkdown(s.marked);
      return color ? `<span style="color:${color};">${text}</span>` : text;
    })
    .join(' ');
  return options.zhuyin ? `${shown} (${escapeMarkdown(zhuyinText(pinyin))})` : shown;
}

/** The headword in the order the options ask, the second form only when it differs. */
function headwordForms(entry: { traditional: string; simplified: string }, hovered: string, first: ScriptFirst): string[] {
  const { traditional, simplified } = entry;
  if (traditional === simplified) return [traditional];
  if (first === 'traditional') return [traditional, simplified];
  if (first === 'simplified') return [simplified, traditional];
  return hovered === simplified ? [simplified, traditional] : [traditional, simplified];
}

/** `glossary:terms.tsv` -> `Glossary terms.tsv, line 3`; CC-CEDICT as itself. */
export function describeSource(entry: { source: string; line?: number }, t: Translate = english): string {
  if (entry.source === CEDICT_SOURCE) return 'CC-CEDICT';
  const name = entry.source.replace(/^glossary:/, '');
  if (name === 'settings') return t('Glossary in settings');
  return entry.line ? t('Glossary {name}, line {line}', { name, line: entry.line }) : t('Glossary {name}', { name });
}

function refText(ref: WordRef): string {
  const forms = ref.traditional === ref.simplified ? ref.traditional : `${ref.traditional}|${ref.simplified}`;
  return ref.pinyin ? `${forms} ${pinyinText(ref.pinyin)}` : forms;
}

function entryMarkdown(entry: LookedUpEntry, hovered: string, options: RenderOptions): string[] {
  const t = options.translate ?? english;
  const forms = headwordForms(entry, hovered, options.scriptFirst);
  const head = [`**${escapeMarkdown(forms[0]!)}**`, ...forms.slice(1).map(escapeMarkdown)].join(' · ');
  const pinyin = pinyinMarkdown(entry.pinyin, options);
  const lines = [`${head}${pinyin ? ` \u2003${pinyin}` : ''}`, ''];
  const shown = entry.definitions.slice(0, Math.max(1, options.maxDefinitions));
  shown.forEach((d, i) => lines.push(`${i + 1}\\. ${escapeMarkdown(d)}  `));
  const hidden = entry.definitions.length - shown.length;
  if (hidden > 0) lines.push(`*${t('…and {count} more', { count: hidden })}*  `);
  for (const reference of entry.resolved) {
    const target = reference.target;
    const meaning = target ? `: ${target.definitions.slice(0, 3).map(escapeMarkdown).join('; ')}` : '';
    lines.push(`→ ${escapeMarkdown(reference.kind)} **${escapeMarkdown(refText(reference))}**${meaning}  `);
  }
  if (entry.classifiers.length > 0)
    lines.push(`${t('Classifier: {classifiers}', { classifiers: entry.classifiers.map((c) => escapeMarkdown(refText(c))).join(', ') })}  `);
  if (entry.note) lines.push(`*${t('Note:')}* ${escapeMarkdown(entry.note)}  `);
  lines.push(`*${escapeMarkdown(describeSource(entry, t))}*`);
  return lines;
}

function spanMarkdown(span: SpanWithEntries, options: RenderOptions, limit: number, written?: string): string[] {
  const t = options.translate ?? english;
  if (span.entries.length === 0) return [notInAnyDictionary(span.text, t)];
  return span.entries.slice(0, limit).flatMap((e, i) => {
    const lines = entryMarkdown(e, span.text, options);
    // The entry is under another spelling than the text's: say how it is written here.
    if (i === 0 && written) lines.splice(1, 0, `*${t('written {form} here', { form: escapeMarkdown(written) })}*  `);
    return [...(i > 0 ? [''] : []), ...lines];
  });
}

/** "**词**: not in any dictionary", the word bold. */
function notInAnyDictionary(text: string, t: Translate): string {
  return t('{word}: not in any dictionary', { word: `**${escapeMarkdown(text)}**` });
}

/** Definitions a part's summary shows (one paragraph: short senses, a line or two). */
const PART_DEFINITIONS = 6;

/**
 * A part of a compound on one line (headword, pinyin, first definitions), so that the
 * entry and its parts fit in the hover without scrolling.
 */
function partLine(part: SpanWithEntries, options: RenderOptions): string {
  const entry = part.entries[0];
  if (!entry) return `${notInAnyDictionary(part.text, options.translate ?? english)}  `;
  const forms = headwordForms(entry, part.text, options.scriptFirst);
  const head = [`**${escapeMarkdown(forms[0]!)}**`, ...forms.slice(1).map(escapeMarkdown)].join(' · ');
  const pinyin = pinyinMarkdown(entry.pinyin, options);
  const definitions = (entry.definitions.length > 0 ? entry.definitions : entry.resolved.flatMap((r) => r.target?.definitions ?? []))
    .slice(0, PART_DEFINITIONS)
    .map(escapeMarkdown)
    .join('; ');
  return `${head}${pinyin ? ` \u2003${pinyin}` : ''}${definitions ? ` — ${definitions}` : ''}  `;
}

/** Entries shown per word in a hover; the CLI's --json has them all. */
const ENTRIES_PER_WORD = 4;

/**
 * Whether the longest dictionary match from the hovered character tells the reader
 * something the hover does not already show: a longer word that runs past the end of the
 * segmented word (a reading the segmenter did not take). A match inside the word (輔 under
 * 相輔相成) or one already listed as a part (基建 under 新基建) repeats what is there.
 */
export function longestAddsAWord(result: LookupResult): boolean {
  const { longest, match, parts } = result;
  if (!longest || longest.entries.length === 0) return false;
  if (longest.end <= match.end) return false;
  return !(parts ?? []).some((p) => p.text === longest.text);
}

/** The hover's markdown (HTML only as `<span style="color:…">` for tone colours). */
export function renderMarkdown(result: LookupResult, options: RenderOptions = DEFAULT_RENDER_OPTIONS): string {
  const t = options.translate ?? english;
  const blocks: string[][] = [];
  const written = result.foundAs !== undefined && result.foundAs !== result.match.text ? result.match.text : undefined;
  if (result.entries.length > 0) {
    blocks.push(spanMarkdown({ ...result.match, entries: result.entries }, options, ENTRIES_PER_WORD, written));
    if (result.parts && result.parts.length > 0) {
      blocks.push([
        t('In CC-CEDICT: {parts}', { parts: result.parts.map((p) => escapeMarkdown(p.text)).join(' + ') }),
        '',
        ...result.parts.map((part) => partLine(part, options)),
      ]);
    }
  } else if (result.parts && result.parts.length > 0) {
    const partList = result.parts.map((p) => escapeMarkdown(p.text)).join(' + ');
    blocks.push([
      t('{word} is not in the dictionary; its parts: {parts}', { word: `**${escapeMarkdown(result.match.text)}**`, parts: partList }),
      '',
      ...result.parts.map((part) => partLine(part, options)),
    ]);
  } else {
    blocks.push([notInAnyDictionary(result.match.text, t)]);
  }
  if (result.longest && longestAddsAWord(result)) {
    blocks.push([t('Also a dictionary word, read on from here:'), '', ...result.longest.entries.slice(0, 1).map((e) => partLine({ ...result.longest!, entries: [e] }, options))]);
  }
  return blocks.map((b) => b.join('\n')).join('\n\n---\n\n');
}

function entryText(entry: LookedUpEntry, hovered: string, options: RenderOptions, indent: string): string[] {
  const forms = headwordForms(entry, hovered, options.scriptFirst).join(' ');
  const pinyin = entry.pinyin ? ` [${pinyinText(entry.pinyin)}${options.zhuyin ? ` ${zhuyinText(entry.pinyin)}` : ''}]` : '';
  const lines = [`${indent}${forms}${pinyin}  (${describeSource(entry)})`];
  const shown = entry.definitions.slice(0, Math.max(1, options.maxDefinitions));
  shown.forEach((d, i) => lines.push(`${indent}  ${i + 1}. ${d}`));
  if (entry.definitions.length > shown.length) lines.push(`${indent}  ...and ${entry.definitions.length - shown.length} more`);
  for (const r of entry.resolved) {
    lines.push(`${indent}  -> ${r.kind} ${refText(r)}${r.target ? `: ${r.target.definitions.slice(0, 3).join('; ')}` : ''}`);
  }
  if (entry.classifiers.length > 0) lines.push(`${indent}  classifier: ${entry.classifiers.map(refText).join(', ')}`);
  if (entry.note) lines.push(`${indent}  note: ${entry.note}`);
  return lines;
}

function spanText(span: SpanWithEntries, options: RenderOptions, indent: string): string[] {
  if (span.entries.length === 0) return [`${indent}${span.text}: not in any dictionary`];
  return span.entries.flatMap((e) => entryText(e, span.text, options, indent));
}

/** Plain text for the terminal: the hover's content without markup. */
export function renderText(result: LookupResult, options: RenderOptions = DEFAULT_RENDER_OPTIONS): string {
  const { match } = result;
  const lines = [`${match.text} (${match.start}-${match.end})${result.foundAs ? ` found as ${result.foundAs}` : ''}`];
  if (result.entries.length > 0) {
    lines.push(...spanText({ ...match, entries: result.entries }, options, '  '));
    if (result.parts && result.parts.length > 0) {
      lines.push(`  in CC-CEDICT: ${result.parts.map((p) => p.text).join(' + ')}`);
      for (const part of result.parts) lines.push(...spanText(part, options, '    '));
    }
  } else if (result.parts && result.parts.length > 0) {
    lines.push(`  not in the dictionary; parts: ${result.parts.map((p) => p.text).join(' + ')}`);
    for (const part of result.parts) lines.push(...spanText(part, options, '    '));
  } else lines.push('  not in any dictionary');
  if (result.longest && longestAddsAWord(result)) {
    lines.push(`longest match: ${result.longest.text} (${result.longest.start}-${result.longest.end})`);
    lines.push(...spanText(result.longest, options, '  '));
  }
  return lines.join('\n');
}

function entryJson(entry: LookedUpEntry) {
  return {
    traditional: entry.traditional,
    simplified: entry.simplified,
    pinyin: pinyinText(entry.pinyin),
    definitions: entry.definitions,
    classifiers: entry.classifiers.map((c) => ({ ...c, pinyin: pinyinText(c.pinyin), text: formatWordRef(c) })),
    references: entry.resolved.map((r) => ({
      kind: r.kind,
      traditional: r.traditional,
      simplified: r.simplified,
      pinyin: pinyinText(r.pinyin),
      definitions: r.target?.definitions ?? [],
    })),
    source: entry.source,
    ...(entry.note ? { note: entry.note } : {}),
  };
}

const spanJson = (span: SpanWithEntries) => ({ text: span.text, start: span.start, end: span.end, entries: span.entries.map(entryJson) });

/** The JSON `zhreader lookup --json` prints. */
export function lookupJson(result: LookupResult): object {
  return {
    match: { text: result.match.text, start: result.match.start, end: result.match.end },
    ...(result.foundAs ? { foundAs: result.foundAs } : {}),
    entries: result.entries.map(entryJson),
    ...(result.parts ? { parts: result.parts.map(spanJson) } : {}),
    ...(result.longest ? { longest: spanJson(result.longest) } : {}),
  };
}
