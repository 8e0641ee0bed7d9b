/**
 * Parses CC-CEDICT's line format:
 *   `數字 数字 [shu4 zi4] /numeral; digit; number; figure; amount/digital (electronics etc)/`
 * Classifiers (`CL:個|个[ge4]`) and cross-references (`variant of 數|数[shu4]`) are pulled
 * into fields of their own.
 */
import type { CrossReference, ReferenceKind, WordRef } from './entry';

export interface CedictLine {
  readonly traditional: string;
  readonly simplified: string;
  readonly pinyin: string;
  readonly definitions: string[];
  readonly classifiers: WordRef[];
  readonly references: CrossReference[];
}

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
/** `繁|简[pin1 yin1]`, `同[tong2]` or a bare `繁|简`. */
const WORD_REF_SOURCE = String.raw`([^\s|\[\],;/]+)(?:\|([^\s\[\],;/]+))?(?:\[([^\]]*)\])?`;
const WORD_REF = new RegExp(`^${WORD_REF_SOURCE}`);
const KINDS: readonly ReferenceKind[] = [
  'old variant of',
  'erhua variant of',
  'Japanese variant of',
  'archaic variant of',
  'variant of',
  'see also',
  'see',
  'abbr. for',
  'used in',
];
const REFERENCE = new RegExp(
  `^(?:\\(.*?\\) )?(${KINDS.map((k) => k.replace(/\./g, '\\.')).join('|')}) ${WORD_REF_SOURCE}`,
);

/** Parses `繁|简[pin1]` (or `同[tong2]`) into a WordRef; undefined if `text` is not one. */
export function parseWordRef(text: string): WordRef | undefined {
  const match = WORD_REF.exec(text.trim());
  if (!match) return undefined;
  const traditional = match[1]!;
  return { traditional, simplified: match[2] ?? traditional, pinyin: (match[3] ?? '').trim() };
}

/** The cross-reference a definition makes, if it starts with one ("variant of X", "see X"). */
export function parseReference(definition: string): { reference: CrossReference; rest: string } | undefined {
  const match = REFERENCE.exec(definition);
  if (!match || !/\p{Script=Han}/u.test(match[2]!)) return undefined;
  const traditional = match[2]!;
  const reference: CrossReference = {
    kind: match[1] as ReferenceKind,
    traditional,
    simplified: match[3] ?? traditional,
    pinyin: (match[4] ?? '').trim(),
  };
  return { reference, rest: definition.slice(match[0].length).trim() };
}

/** Parses one line; undefined for comments, blank and malformed lines. */
export function parseCedictLine(line: string): CedictLine | undefined {
  if (line.startsWith('#')) return undefined;
  const match = LINE.exec(line);
  if (!match) return undefined;
  const definitions: string[] = [];
  const classifiers: WordRef[] = [];
  const references: CrossReference[] = [];
  for (const raw of match[4]!.split('/')) {
    const definition = raw.trim();
    if (!definition) continue;
    if (definition.startsWith('CL:')) {
      for (const part of definition.slice(3).split(',')) {
        const ref = parseWordRef(part);
        if (ref) classifiers.push(ref);
      }
      continue;
    }
    const reference = parseReference(definition);
    if (reference) {
      references.push(reference.reference);
      // "variant of X" alone says nothing more; "see X, a kind of Y" keeps its own words.
      if (reference.rest && !/^[,;(]?\s*$/.test(reference.rest)) definitions.push(definition);
      continue;
    }
    definitions.push(definition);
  }
  return { traditional: match[1]!, simplified: match[2]!, pinyin: match[3]!.trim(), definitions, classifiers, references };
}

/** `個|个[ge4]`, the form the compiled index stores references in. */
export function formatWordRef(ref: WordRef): string {
  const forms = ref.traditional === ref.simplified ? ref.traditional : `${ref.traditional}|${ref.simplified}`;
  return ref.pinyin ? `${forms}[${ref.pinyin}]` : forms;
}
