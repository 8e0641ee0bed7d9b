/**
 * The study tools' part of the hover, as markdown sections the hover appends under the
 * dictionary entries: HSK levels and frequency rank, a single character's radical and
 * components, and command links (Add to Word List, Mark as Known / Unknown).
 *
 * Everything from data is escaped; the links name only the commands in
 * STUDY_HOVER_COMMANDS, and their one argument is validated by `parseStudyLinkArgs`
 * before a handler acts on it (a command link's argument can be forged by anyone who can
 * put markdown in front of the user).
 */
import type { HskLevels } from '../hsk/levels';
import { escapeMarkdown } from '../lookup/render';
import { isHanCodePoint } from '../text/han';
import type { CharacterComponents } from './components';
import { english, type Translate } from '../text/messages';

/** The commands study hover links run; the hover's MarkdownString enables exactly these. */
export const STUDY_HOVER_COMMANDS = {
  addToWordList: 'chineseReader.study.addToWordList',
  markKnown: 'chineseReader.study.markKnown',
  markUnknown: 'chineseReader.study.markUnknown',
} as const;

export const STUDY_LINKABLE_COMMANDS: readonly string[] = Object.values(STUDY_HOVER_COMMANDS);

/** The argument of a study hover link: the word, and where it was hovered (for the sentence). */
export interface StudyLinkArgs {
  readonly word: string;
  /** The document's URI, as a string. */
  readonly uri?: string;
  /** 0-based line and UTF-16 character of the word's start. */
  readonly line?: number;
  readonly character?: number;
}

/** Longest word a link may carry: longer is not a word someone hovered. */
export const MAX_LINK_WORD = 32;

/** Whether `word` is a word we would save: 1-32 code points, Han characters (and a middle dot in names). */
export function isStudyWord(word: string): boolean {
  const points = Array.from(word);
  if (points.length === 0 || points.length > MAX_LINK_WORD) return false;
  return points.every((ch) => isHanCodePoint(ch.codePointAt(0)!) || ch === '·' || ch === '〇');
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e8;

/**
 * Validates a link's argument (or a command's first argument): an object with a Han
 * `word`, and optionally a `uri` string and a `line` and `character`. Anything else is
 * undefined, and the command does nothing with it.
 */
export function parseStudyLinkArgs(value: unknown): StudyLinkArgs | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.word !== 'string' || !isStudyWord(v.word)) return undefined;
  if (v.uri !== undefined && (typeof v.uri !== 'string' || v.uri.length > 4096)) return undefined;
  if (v.line !== undefined && !isIndex(v.line)) return undefined;
  if (v.character !== undefined && !isIndex(v.character)) return undefined;
  return {
    word: v.word,
    ...(typeof v.uri === 'string' ? { uri: v.uri } : {}),
    ...(isIndex(v.line) ? { line: v.line } : {}),
    ...(isIndex(v.character) ? { character: v.character } : {}),
  };
}

/** A command URI for a study link. */
export function studyCommandLink(command: (typeof STUDY_HOVER_COMMANDS)[keyof typeof STUDY_HOVER_COMMANDS], args: StudyLinkArgs): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** "HSK 3.0 level 4 · HSK 2.0 level 5", the 7-9 band as "7–9"; '' when in neither list. */
export function describeLevels(levels: HskLevels, t: Translate = english): string {
  const parts = [];
  if (levels.hsk3) parts.push(t('HSK 3.0 level {level}', { level: levels.hsk3 === 7 ? '7–9' : levels.hsk3 }));
  if (levels.hsk2) parts.push(t('HSK 2.0 level {level}', { level: levels.hsk2 }));
  return parts.join(' · ');
}

export interface StudyHoverInput {
  /** The hovered word as written. */
  readonly word: string;
  readonly levels: HskLevels;
  /** 1 = most frequent; undefined when the word has no frequency. */
  readonly frequencyRank?: number;
  readonly known: boolean;
  /** Where the word is, so that Add to Word List can save its sentence. */
  readonly at?: { readonly uri: string; readonly line: number; readonly character: number };
  /** For a single character. */
  readonly components?: CharacterComponents;
}

/**
 * The sections, each a markdown paragraph, in the order the hover shows them. The levels,
 * rank and links share one paragraph (a line break, not a new paragraph, between them):
 * VS Code caps a hover's height at about a quarter of the editor, and the dictionary entry
 * above must still fit without scrolling.
 */
export function studyHoverSections(input: StudyHoverInput, t: Translate = english): string[] {
  const sections: string[] = [];
  const rank = input.frequencyRank ? t('frequency rank {rank}', { rank: input.frequencyRank.toLocaleString('en-US') }) : '';
  const facts = [describeLevels(input.levels, t), rank, input.known ? t('known') : '']
    .filter(Boolean)
    .map(escapeMarkdown);
  const factsAndLinks = facts.length > 0 ? [facts.join(' · ')] : [];
  if (isStudyWord(input.word)) {
    const args: StudyLinkArgs = { word: input.word, ...(input.at ?? {}) };
    const links = [`[${t('Add to Word List')}](${studyCommandLink(STUDY_HOVER_COMMANDS.addToWordList, args)})`];
    links.push(
      input.known
        ? `[${t('Mark as Unknown')}](${studyCommandLink(STUDY_HOVER_COMMANDS.markUnknown, args)})`
        : `[${t('Mark as Known')}](${studyCommandLink(STUDY_HOVER_COMMANDS.markKnown, args)})`,
    );
    factsAndLinks.push(links.join(' · '));
  }
  const c = input.components;
  if (c) {
    const lines = [];
    if (c.radical) lines.push(t('Radical {form} {meaning}', { form: escapeMarkdown(c.radical.form), meaning: `*${escapeMarkdown(c.radical.meaning)}*` }));
    if (c.components.length > 0) {
      const parts = c.components
        .map((form) => {
          const meaning = c.meanings.find((m) => m.form === form)?.meaning;
          return meaning ? `${escapeMarkdown(form)} (${escapeMarkdown(meaning)})` : escapeMarkdown(form);
        })
        .join(' \\+ ');
      lines.push(`${t('Components {parts}', { parts })}${c.layout ? ` · ${escapeMarkdown(c.layout)}` : ''}`);
    }
    if (lines.length > 0) sections.push(lines.join('  \n'));
  }
  if (factsAndLinks.length > 0) sections.push(factsAndLinks.join('  \n'));
  return sections;
}

/** The sections as one markdown block after the entry; '' when there is nothing to add. */
export function studyHoverMarkdown(input: StudyHoverInput, t: Translate = english): string {
  const sections = studyHoverSections(input, t);
  return sections.length ? `\n\n${sections.join('\n\n')}` : '';
}
