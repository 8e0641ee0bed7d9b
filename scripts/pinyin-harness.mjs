// What the pinyin training, evaluation and benchmark scripts share: the core bundled on
// the fly (so that no prior build is needed), the reading sources over the repository's
// CC-CEDICT index, jieba-rs and OpenCC, and the CPP polyphone data reader.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The shared data folder beside the clone (never read by the product); ZHREADER_SHARED overrides it (a worktree). */
export const SHARED = process.env.ZHREADER_SHARED ? path.resolve(process.env.ZHREADER_SHARED) : path.resolve(REPO, '..', 'shared');
export const CPP_DIR = path.join(SHARED, 'peer/cpp');
export const MODEL_FILE = path.join(REPO, 'data/pinyin/model.json');

const ENTRY = `
export { CedictIndex } from './src/core/dict/cedictIndex';
export { createSegmenter } from './src/node/engines';
export { loadCedictIndex } from './src/node/lookup';
export { loadScriptConverters } from './src/node/scriptConverters';
export { segment } from './src/core/segment/segmenter';
export { analyse, decide, featuresAt, isOpen, overrideKey, readingsOf } from './src/core/pinyin/readings';
export { PinyinModel } from './src/core/pinyin/model';
export { learnOverrides, pseudoLabels, trainModels } from './src/core/pinyin/train';
`;

/** The core functions the scripts use, bundled into a file of this process's own under out/ (removed once loaded). */
export async function loadCore() {
  const outfile = path.join(REPO, `out/pinyin-harness/core-${process.pid}.mjs`);
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
  try {
    return await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Reading sources (no model) over dist/cedict.idx, jieba-rs and OpenCC t2s. */
export async function loadSources(core) {
  const index = path.join(REPO, 'dist/cedict.idx');
  if (!existsSync(index)) throw new Error(`${index} is missing; run "node esbuild.mjs" first`);
  const dictionary = core.loadCedictIndex(index);
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

/** The unlabelled corpus the auto-labelled examples come from (spam-train's clean documents: ham only). */
export const CORPUS_FILE = path.join(SHARED, 'corpus/spam-train/docs.jsonl.gz');

/** Each CPP item analysed once: the analysis, whether the dictionary leaves it open, its features. */
export function analyseCpp(core, sources, items) {
  return items.map((item) => {
    const analysis = core.analyse(item.text, sources);
    return { item, analysis, open: core.isOpen(analysis, item.at), features: core.featuresAt(analysis, item.at) };
  });
}

/** Training settings; the model card quotes them. */
export const TRAINING = {
  epochs: 4,
  seed: 13,
  runs: 5,
  minCount: 1,
  scale: 100,
  autoWeight: 0.05,
  autoCapPerReading: 200,
  // At most this many auto-labels per word position (行 in 银行), so that a reading's quota
  // holds many words rather than the corpus's most frequent one.
  autoCapPerWord: 5,
  // Self-training (src/core/pinyin/train.ts pseudoLabels).
  self: { margin: 3, capPerReading: 300, weight: 0.2 },
};

/**
 * Auto-labelled examples, g2pM-style: in unlabelled text, a polyphone of `targets` inside a
 * dictionary word of two or more characters whose entries agree on its reading is labelled
 * with that reading. At most TRAINING.autoCapPerReading per character and reading and
 * TRAINING.autoCapPerWord per word position, in corpus order, so that frequent words do
 * not swamp the rest. The positions of `targets` the dictionary leaves open are returned
 * too (`open`), for self-training. With `only`, just the
 * sentences holding one of those characters are analysed (the same examples for them,
 * sooner: the retrain check).
 */
export function autoExamples(core, sources, targets, only) {
  if (!existsSync(CORPUS_FILE)) return undefined;
  const docs = zlib.gunzipSync(readFileSync(CORPUS_FILE)).toString('utf8').split('\n').filter(Boolean);
  const examples = [];
  const open = [];
  const taken = new Map();
  const takenInWord = new Map();
  let sentences = 0;
  for (const raw of docs) {
    for (const line of JSON.parse(raw).lines) {
      for (const sentence of line.split(/(?<=[。！？；])/)) {
        if (sentence.length < 4 || sentence.length > 300) continue;
        sentences++;
        if (only && !Array.from(sentence).some((c) => only.has(c) || only.has(sources.toSimplified(c)))) continue;
        const a = core.analyse(sentence, sources);
        for (let i = 0; i < a.chars.length; i++) {
          const char = a.chars[i];
          if (!targets.has(char) || (only && !only.has(char))) continue;
          if (a.candidates[i].length > 1) {
            open.push({ char, features: core.featuresAt(a, i), candidates: a.candidates[i] });
            continue;
          }
          const word = a.words[a.wordOf[i]];
          if (word.end - word.start < 2 || a.candidates[i].length !== 1) continue;
          const key = `${char}${a.candidates[i][0]}`;
          const n = taken.get(key) ?? 0;
          if (n >= TRAINING.autoCapPerReading) continue;
          const wordKey = core.overrideKey(a, i);
          const inWord = takenInWord.get(wordKey) ?? 0;
          if (inWord >= TRAINING.autoCapPerWord) continue;
          taken.set(key, n + 1);
          takenInWord.set(wordKey, inWord + 1);
          examples.push({ char, features: core.featuresAt(a, i), label: a.candidates[i][0], weight: TRAINING.autoWeight });
        }
      }
    }
  }
  return { examples, open, sentences };
}

/**
 * The open positions of analysed CPP sentences other than their labelled one: unlabelled
 * text of the benchmark's own register (Wikipedia), for self-training.
 */
export function cppOpenPositions(core, rows) {
  const open = [];
  for (const r of rows) {
    const a = r.analysis;
    for (let i = 0; i < a.chars.length; i++) {
      if (i !== r.item.at && core.isOpen(a, i)) open.push({ char: a.chars[i], features: core.featuresAt(a, i), candidates: a.candidates[i] });
    }
  }
  return open;
}

/**
 * Trains the model data from analysed CPP rows (the open ones teach the classifiers, all of
 * them the overrides) and auto-labelled examples. Given the corpus's `open` positions, it
 * self-trains: a first model pseudo-labels the open positions it reads with a clear lead,
 * those of the CPP sentences of `textRows` (the training sentences only, never a held-out
 * one; by default `rows`) before the corpus's, and a second training adds them.
 */
export function trainFrom(core, rows, auto, trainedOn = '', open = [], textRows = rows) {
  const labelled = rows.filter((r) => r.open).map((r) => ({ char: r.analysis.chars[r.item.at], features: r.features, label: r.item.label }));
  let data = core.trainModels([...labelled, ...auto], { ...TRAINING, trainedOn });
  if (open.length > 0) {
    const positions = [...cppOpenPositions(core, textRows), ...open];
    data = core.trainModels([...labelled, ...auto, ...core.pseudoLabels(data, positions, TRAINING.self)], { ...TRAINING, trainedOn });
  }
  const wordLabels = [];
  for (const r of rows) {
    const key = core.overrideKey(r.analysis, r.item.at);
    if (key) wordLabels.push({ key, dictionary: r.analysis.candidates[r.item.at][0] ?? '', open: r.open, label: r.item.label });
  }
  return { ...data, overrides: core.learnOverrides(wordLabels) };
}

/** The model file's text: one character per line, so that a retrain's diff is readable. */
export function renderModel(data) {
  const chars = Object.keys(data.chars).sort();
  const body = chars.map((c) => `${JSON.stringify(c)}:${JSON.stringify(data.chars[c])}`).join(',\n');
  const overrides = Object.keys(data.overrides).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(data.overrides[k])}`).join(',\n');
  return `{"format":${data.format},"trainedOn":${JSON.stringify(data.trainedOn)},"scale":${data.scale},"chars":{\n${body}\n},"overrides":{\n${overrides}\n}}\n`;
}
