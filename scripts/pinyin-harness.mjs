// What the pinyin training, evaluation and benchmark scripts share: the core bundled on
// the fly (so that no prior build is needed), the reading sources over the repository's
// CC-CEDICT index, jieba-rs and OpenCC, and the CPP polyphone data reader.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The shared data folder beside the clone (never read by the product); ZHREADER_SHARED overrides it (a worktree). */
export const SHARED = process.env.ZHREADER_SHARED ? path.resolve(process.env.ZHREADER_SHARED) : path.resolve(REPO, '..', 'shared');
export const CPP_DIR = path.join(SHARED, 'peer/cpp');
export const MODEL_FILE = path.join(REPO, 'data/pinyin/model.json');

const ENTRY = `
export { CedictIndex } from './src/core/dict/cedictIndex';
export { createSegmenter } from './src/core/segment/engines';
export { loadScriptConverters } from './src/core/segment/opencc';
export { segment } from './src/core/segment/segmenter';
export { analyse, decide, featuresAt, isOpen, readingsOf } from './src/core/pinyin/readings';
export { PinyinModel } from './src/core/pinyin/model';
export { trainModels } from './src/core/pinyin/train';
`;

/** The core functions the scripts use, bundled into out/pinyin-harness.mjs. */
export async function loadCore() {
  const outfile = path.join(REPO, 'out/pinyin-harness.mjs');
  await esbuild.build({
    absWorkingDir: REPO,
    stdin: { contents: ENTRY, resolveDir: REPO, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Reading sources (no model) over dist/cedict.idx, jieba-rs and OpenCC t2s. */
export async function loadSources(core) {
  const index = path.join(REPO, 'dist/cedict.idx');
  if (!existsSync(index)) throw new Error(`${index} is missing; run "node esbuild.mjs" first`);
  const dictionary = core.CedictIndex.load(index);
  const { toSimplified } = await core.loadScriptConverters();
  const segmenter = core.createSegmenter('jieba-rs');
  return { dictionary, toSimplified, segment: (text) => core.segment(segmenter, text, toSimplified) };
}

/**
 * The CPP split `name` (dev): sentences with the marked polyphone's code-point index and
 * its label, the markers removed. Undefined when ../shared is absent.
 */
export function readCpp(name = 'dev') {
  const sentFile = path.join(CPP_DIR, `${name}.sent`);
  if (!existsSync(sentFile)) return undefined;
  const sentences = readFileSync(sentFile, 'utf8').split('\n');
  const labels = readFileSync(path.join(CPP_DIR, `${name}.lb`), 'utf8').split('\n');
  const items = [];
  sentences.forEach((raw, i) => {
    if (!raw.trim()) return;
    const points = Array.from(raw.replace(/\r$/, ''));
    const at = points.indexOf('\u2581');
    const text = points.filter((c) => c !== '\u2581').join('');
    items.push({ id: i, text, at, char: points[at + 1], label: labels[i].trim().replace(/u:/g, 'v') });
  });
  return items;
}
