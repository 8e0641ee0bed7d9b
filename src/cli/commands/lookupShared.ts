/** What `zhreader lookup` and `zhreader segment` share: the index path, the engine option and glossary files. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CEDICT_INDEX_FILE } from '../../core/dict/cedictIndex';
import { glossaryFormatOf, parseGlossary } from '../../core/glossary/parse';
import type { LookupService } from '../../core/lookup/service';
import { createNodeLookupService } from '../../node/lookup';
import type { GlossarySource } from '../../core/glossary/glossary';
import { SEGMENTER_ENGINES, type SegmenterEngine } from '../../core/segment/segmenter';
import { CliError, readTextInput } from '../io';

/** dist/cedict.idx next to the CLI bundle, or the repository's dist/ when run from source (tests). */
export function cedictIndexPath(): string {
  const candidates = [
    ...(typeof __dirname === 'string' ? [path.join(__dirname, CEDICT_INDEX_FILE)] : []),
    path.join(process.cwd(), 'dist', CEDICT_INDEX_FILE),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new CliError(`the compiled CC-CEDICT index (${CEDICT_INDEX_FILE}) is missing; run "npm run build"`);
  return found;
}

export function parseEngine(value: string | undefined): SegmenterEngine {
  if (value === undefined) return 'jieba-rs';
  if (!SEGMENTER_ENGINES.includes(value as SegmenterEngine))
    throw new CliError(`unknown engine "${value}"; choose ${SEGMENTER_ENGINES.join(' or ')}`);
  return value as SegmenterEngine;
}

/** Reads glossary files given with --glossary; malformed rows are reported on stderr, never fatal. */
export async function readGlossaries(files: readonly string[], warn: (line: string) => void): Promise<GlossarySource[]> {
  const sources: GlossarySource[] = [];
  for (const file of files) {
    const format = glossaryFormatOf(file);
    if (!format) throw new CliError(`${file}: a glossary must be a .tsv, .csv or .json file`);
    const parsed = parseGlossary(await readTextInput(file), format);
    for (const p of parsed.problems) warn(`${file}:${p.line + 1}: ${p.message}`);
    sources.push({ source: file, rows: parsed.rows });
  }
  return sources;
}

/**
 * The lookup service for the `--engine` and `--glossary` options: the dictionary and the
 * segmenter loaded, the glossaries set; warnings (a fallback engine, malformed glossary
 * rows) go to stderr. `engine` is the one actually in use.
 */
export async function readyLookupService(
  values: ReadonlyMap<string, readonly string[]>,
): Promise<{ service: LookupService; engine: SegmenterEngine }> {
  const engine = parseEngine(values.get('--engine')?.[0]);
  const service = createNodeLookupService(cedictIndexPath());
  const state = await service.ready(engine);
  if (state.warning) console.error(`zhreader: ${state.warning}`);
  const glossaries = await readGlossaries(values.get('--glossary') ?? [], (l) => console.error(`zhreader: ${l}`));
  if (glossaries.length > 0) service.setGlossary(glossaries);
  return { service, engine: state.engine };
}

/** Splits arguments into options with values (`--at 3`, `--at=3`), flags and positionals. */
export function parseArgs(
  args: readonly string[],
  spec: { values: readonly string[]; flags: readonly string[]; repeatable?: readonly string[] },
  command: string,
): { values: Map<string, string[]>; flags: Set<string>; positionals: string[] } {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags.includes(name)) flags.add(name);
    else if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliError(`${command}: ${name} needs a value`);
      if (values.has(name) && !spec.repeatable?.includes(name)) throw new CliError(`${command}: ${name} given twice`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else throw new CliError(`${command}: unknown option ${name}`);
  }
  return { values, flags, positionals };
}
