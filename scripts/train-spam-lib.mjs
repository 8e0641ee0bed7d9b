// The spam model's training, shared by scripts/train-spam.mjs (writes the weights) and
// scripts/eval-spam.mjs (leave-one-source-out validation). Deterministic: fixed seeds,
// fixed orders, no threads; the same corpus gives byte-identical weights.
//
// Why our own logistic regression: the model is a softmax over sparse features (hashed
// n-grams plus ~70 named features), trained with Adagrad SGD in ~150 lines. The npm
// options (ml-logistic-regression, which is dense and binary; TensorFlow.js, ~100 MB with
// native builds) are either the wrong shape or far heavier than the problem; none gives
// bit-reproducible sparse training out of the box.
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { informationLines, legitimateContactLines, longCaptions, rng, seoLine } from './generate-spam-synthetic.mjs';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);

/** Sources of spam-train by repository, with the short keys the model card uses. */
export const SOURCES = {
  'MarkIvory2973/tg-spam': 'tgspam',
  'shaonianruntu/Spam-Message-Classification': 'mudou',
  'shijing888/BayesSpam': 'trec',
  'hkarchivist/hkcnews-article-archive': 'hkc',
  'LawRefBook/Laws': 'law',
  'SophonPlus/ChineseNlpCorpus': 'review',
  'cofacts/opendata': 'cofacts',
  'Anduin2017/HowToCook': 'cook',
  'tennessine/corpus': 'novel',
};
export const sourceOf = (record) => SOURCES[record.source.split(':')[0]] ?? 'other';

const KIND_TO_CLASS = { seo: 'seo', gambling: 'ad', porn: 'ad', loan: 'ad', invoice: 'ad', ad: 'ad', contact: 'contact' };

/** Bundles the core spam modules once and imports them. */
export async function loadCore() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'train-spam-'));
  const outfile = path.join(scratch, 'core.mjs');
  await esbuild.build({
    absWorkingDir: REPO,
    stdin: {
      contents: [
        "export * from './src/core/spam/features';",
        "export * from './src/core/spam/context';",
        "export * from './src/core/spam/model';",
        "export { lineFeatures } from './src/core/spam/signals';",
        "export { SpamDocument, splitLines, checkText } from './src/core/spam/document';",
      ].join('\n'),
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const core = await import(pathToFileURL(outfile).href);
  rmSync(scratch, { recursive: true, force: true });
  return core;
}

function readJsonl(file) {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** FNV-1a of a string, for fold assignment that does not depend on order. */
export function hashText(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

let converters;
/** opencc-js converters: s2t variants for augmentation, and both directions for injections. */
export function opencc() {
  if (!converters) {
    const OpenCC = require('opencc-js');
    converters = {
      tw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
      twp: OpenCC.Converter({ from: 'cn', to: 'twp' }),
      hk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
      cn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    };
  }
  return converters;
}

/**
 * Reads the corpus directories (each like spam-train: lines.jsonl.gz, docs.jsonl.gz) and
 * builds the line pool: real lines, Traditional conversions of Simplified spam, and the
 * synthetic information and keyword-stuffing lines.
 */
export function readCorpus(dirs) {
  const lines = [];
  const docs = [];
  for (const dir of dirs) {
    for (const record of readJsonl(path.join(dir, 'lines.jsonl.gz'))) {
      lines.push({
        text: record.text,
        cls: record.label === 'spam' ? KIND_TO_CLASS[record.kind] ?? 'ad' : 'clean',
        source: sourceOf(record),
        kind: record.kind,
        script: record.script,
        group: `${sourceOf(record)}/${record.kind}/${record.category ?? record.topic ?? record.book ?? ''}`,
        hardNegative: record.hard_negative === true,
      });
    }
    for (const doc of readJsonl(path.join(dir, 'docs.jsonl.gz'))) docs.push({ ...doc, src: sourceOf(doc) });
  }
  return { lines, docs };
}

/** Synthetic lines (both scripts): information labels and keyword stuffing. */
export function syntheticLines(pool, sentences) {
  const cc = opencc();
  const out = [];
  longCaptions(1500, 16, sentences).forEach((text, i) => out.push({ text: i % 2 ? cc.tw(text) : cc.cn(text), cls: 'caption', source: 'synthetic', kind: 'caption' }));
  for (const [cls, count, seed] of [['caption', 3000, 11], ['metadata', 3000, 12], ['boilerplate', 3000, 13]]) {
    informationLines(cls, count, seed).forEach((text, i) => out.push({ text: i % 2 ? cc.tw(text) : text, cls, source: 'synthetic', kind: cls }));
  }
  legitimateContactLines(2000, 15).forEach((text, i) => out.push({ text: i % 2 ? cc.tw(text) : text, cls: 'clean', source: 'synthetic', kind: 'contact-notice' }));
  const r = rng(14);
  for (let i = 0; i < 2500; i++) {
    const text = seoLine(r, pool);
    out.push({ text: i % 3 === 0 ? cc.tw(text) : text, cls: 'seo', source: 'synthetic', kind: 'seo' });
  }
  return out;
}

/** Traditional copies of Simplified spam (opencc-js tw, twp, hk in turn); kept only where the text changes. */
export function traditionalSpam(lines) {
  const cc = opencc();
  const variants = ['tw', 'twp', 'hk'];
  const out = [];
  let i = 0;
  for (const line of lines) {
    if (line.cls === 'clean' || line.script !== 'hans') continue;
    const variant = variants[i++ % 3];
    const text = cc[variant](line.text);
    if (text !== line.text) out.push({ ...line, text, script: 'hant', augmented: variant, original: line.text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Softmax regression with Adagrad.

function shuffled(n, seed) {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const r = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * Line model: examples are {vector, y, weight}; returns float weights
 * {named, grams, bias} for K = LINE_CLASS_COUNT classes.
 */
export function trainLineModel(core, examples, { epochs = 3, rate = 0.2, seed = 1 } = {}) {
  const K = core.LINE_CLASS_COUNT;
  const named = new Float32Array(core.NAMED_COUNT * K);
  const namedG = new Float32Array(named.length);
  const grams = new Float32Array((1 << core.HASH_BITS) * K);
  const gramsG = new Float32Array(grams.length);
  const bias = new Float32Array(K);
  const biasG = new Float32Array(K);
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  const update = (w, G, at, x) => {
    for (let c = 0; c < K; c++) {
      const grad = g[c] * x;
      if (grad === 0) continue;
      G[at + c] += grad * grad;
      w[at + c] -= (rate * grad) / (Math.sqrt(G[at + c]) + 1e-6);
    }
  };
  const drop = rng(seed + 1000);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffled(examples.length, seed + epoch)) {
      const { vector, y, weight, synthetic } = examples[i];
      for (let c = 0; c < K; c++) z[c] = bias[c];
      for (const j of vector.named) for (let c = 0; c < K; c++) z[c] += named[j * K + c];
      // Synthetic lines lose their n-grams half of the time, so that the named features
      // (structure, wording patterns, lexicons) carry the label rather than the templates' words.
      const v = synthetic && drop() < 0.5 ? 0 : vector.gramValue;
      for (const b of vector.grams) for (let c = 0; c < K; c++) z[c] += v * grams[b * K + c];
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += (z[c] = Math.exp(z[c] - max));
      for (let c = 0; c < K; c++) g[c] = weight * (z[c] / sum - (c === y ? 1 : 0));
      update(bias, biasG, 0, 1);
      for (const j of vector.named) update(named, namedG, j * K, 1);
      if (v !== 0) for (const b of vector.grams) update(grams, gramsG, b * K, v);
    }
  }
  return { named, grams, bias };
}

/** Document model over context rows: {row, y, weight}; small L2 keeps the weights readable. */
export function trainDocumentModel(core, examples, { epochs = 4, rate = 0.05, l2 = 1e-5, seed = 2 } = {}) {
  const K = core.DOCUMENT_CLASSES.length;
  const D = core.CONTEXT_COUNT;
  const w = new Float64Array(D * K);
  const G = new Float64Array(D * K);
  const bias = new Float64Array(K);
  const biasG = new Float64Array(K);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffled(examples.length, seed + epoch)) {
      const { row, y, weight } = examples[i];
      for (let c = 0; c < K; c++) z[c] = bias[c];
      for (let d = 0; d < D; d++) if (row[d] !== 0) for (let c = 0; c < K; c++) z[c] += row[d] * w[d * K + c];
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += (z[c] = Math.exp(z[c] - max));
      for (let c = 0; c < K; c++) {
        const g = weight * (z[c] / sum - (c === y ? 1 : 0));
        biasG[c] += g * g;
        bias[c] -= (rate * g) / (Math.sqrt(biasG[c]) + 1e-6);
        for (let d = 0; d < D; d++) {
          if (row[d] === 0) continue;
          const grad = g * row[d] + l2 * w[d * K + c];
          G[d * K + c] += grad * grad;
          w[d * K + c] -= (rate * grad) / (Math.sqrt(G[d * K + c]) + 1e-6);
        }
      }
    }
  }
  return { w, bias };
}

const round = (x, digits = 4) => {
  const r = Number(x.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
};

/** Quantises the line model's n-gram weights to int8 per class, as the shipped file stores them. */
export function quantise(core, line) {
  const K = core.LINE_CLASS_COUNT;
  const scale = new Array(K).fill(0);
  for (let i = 0; i < line.grams.length; i++) scale[i % K] = Math.max(scale[i % K], Math.abs(line.grams[i]));
  const gramScale = scale.map((s) => round(s / 127, 7) || 1e-7);
  const bytes = new Int8Array(line.grams.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(line.grams[i] / gramScale[i % K])));
  return {
    namedWeights: [...line.named].map((x) => round(x)),
    lineBias: [...line.bias].map((x) => round(x)),
    gramScale,
    grams: Buffer.from(bytes.buffer).toString('base64'),
  };
}

/** Model data (the generated file's shape) from a quantised line model and a document model. */
export function modelData(core, quantised, document) {
  return {
    version: 1,
    hashBits: core.HASH_BITS,
    lineClasses: [...core.LINE_CLASSES],
    documentClasses: [...core.DOCUMENT_CLASSES],
    named: [...core.NAMED_IDS],
    ...quantised,
    contextFeatures: [...core.CONTEXT_FEATURES],
    contextWeights: document ? [...document.w].map((x) => round(x)) : new Array(core.CONTEXT_COUNT * core.DOCUMENT_CLASSES.length).fill(0),
    contextBias: document ? [...document.bias].map((x) => round(x)) : new Array(core.DOCUMENT_CLASSES.length).fill(0),
  };
}

// ---------------------------------------------------------------------------------------
// Synthetic documents for the document model.

const HARD_NEGATIVE_WEIGHT = 3;
const LINE_CLASS_WEIGHT = { clean: 1, seo: 1, ad: 1, contact: 1, caption: 1, metadata: 1, boilerplate: 1 };

/** Line vectors by text, kept across trainings in one process (leave-one-source-out trains nine times). */
const VECTORS = new Map();

/** Line-model examples from line records (features extracted once per text). */
export function lineExamples(core, records) {
  return records.map((r) => {
    let vector = VECTORS.get(r.text);
    if (!vector) VECTORS.set(r.text, (vector = core.lineVector(core.lineFeatures(r.text))));
    r.vector = vector;
    // Hard negatives (ham naming money, phones, URLs, lotteries, loans…) count three times:
    // in articles, which is where the checker runs, they are far commoner than in SMS and chat.
    const weight = LINE_CLASS_WEIGHT[r.cls] * (r.hardNegative ? HARD_NEGATIVE_WEIGHT : 1);
    return { vector, y: core.LINE_CLASSES.indexOf(r.cls), weight, synthetic: r.source === 'synthetic' };
  });
}

/**
 * Builds synthetic documents: real documents (docs.jsonl) and pseudo-documents of ham lines
 * of one source and genre, with spam lines, off-topic paragraphs from another category,
 * information lines and on-topic lines in the other script injected at seeded positions.
 * Returns [{lines: [{text, cls}]}].
 */
export function syntheticDocuments({ docs, hamLines, spamLines, infoLines, contactLines = [], seed }) {
  const r = rng(seed);
  const cc = opencc();
  const pick = (list) => list[Math.floor(r() * list.length)];
  const hosts = [];
  // Real documents twice (different injections each time); pseudo-documents are sampled,
  // so that loosely connected line groups do not outnumber articles.
  // In the second pass the Traditional news is converted to Simplified: spam-train has no
  // Simplified news, and without it "Simplified article" would never be seen clean.
  for (let pass = 0; pass < 2; pass++) {
    for (const doc of docs) {
      if (pass === 1 && doc.script === 'hant') hosts.push({ lines: doc.lines.map((l) => cc.cn(l)), category: doc.category, script: 'hans' });
      else hosts.push({ lines: doc.lines, category: doc.category, script: doc.script });
    }
  }
  // Pseudo-documents: 8 to 20 consecutive ham lines of one group (source, genre, category).
  const groups = new Map();
  for (const line of hamLines) {
    const key = `${line.group}/${line.script}`;
    if (!groups.has(key)) groups.set(key, { script: line.script, texts: [] });
    groups.get(key).texts.push(line.text);
  }
  for (const [group, { script, texts }] of groups) {
    for (let at = 0; at < texts.length; ) {
      const n = 8 + Math.floor(r() * 13);
      const lines = texts.slice(at, at + n);
      at += n;
      if (lines.length >= 4 && r() < 0.35) hosts.push({ lines, category: group, script, pseudo: true });
    }
  }
  const paragraphs = docs.flatMap((doc) =>
    doc.lines.slice(1).filter((l) => l.length >= 30 && /[。！？]$/.test(l)).map((text) => ({ text, category: doc.category, script: doc.script })),
  );
  const out = [];
  for (const host of hosts) {
    const lines = host.lines.map((text) => ({ text, cls: 'clean' }));
    const traditional = host.script === 'hant';
    const insert = (item, where) => {
      const n = lines.length;
      const at = where === 'start' ? 1 : where === 'end' ? n : 1 + Math.floor(r() * Math.max(1, n - 1));
      lines.splice(Math.min(at, n), 0, item);
    };
    const injections = r() < 0.4 ? 0 : 1 + Math.floor(r() * 2);
    for (let k = 0; k < injections; k++) {
      const roll = r();
      const where = r() < 0.35 ? 'end' : r() < 0.7 ? 'middle' : 'start';
      if (roll < 0.55 || host.pseudo) {
        const spam = pick(spamLines);
        // A spam line keeps its script, or takes the host's.
        const text = traditional && r() < 0.5 ? cc.tw(spam.text) : !traditional && spam.script === 'hant' && r() < 0.5 ? cc.cn(spam.text) : spam.text;
        insert({ text, cls: spam.cls, origin: spam.text }, where);
      } else if (roll < 0.85) {
        const category = host.category;
        let paragraph;
        for (let tries = 0; tries < 10 && !paragraph; tries++) {
          const p = pick(paragraphs);
          if (category !== p.category) paragraph = p;
        }
        if (paragraph) {
          const text = traditional ? (paragraph.script === 'hant' ? paragraph.text : cc.tw(paragraph.text)) : paragraph.script === 'hans' ? paragraph.text : cc.cn(paragraph.text);
          insert({ text, cls: 'offtopic', origin: paragraph.text }, where === 'start' ? 'middle' : where);
        }
      } else if (roll < 0.93 && contactLines.length > 0) {
        // A notice's own contact line (synthetic, clean): phones and sites are not spam by themselves.
        const line = pick(contactLines);
        insert({ text: traditional ? cc.tw(line.text) : cc.cn(line.text), cls: 'clean', origin: line.text }, where);
      } else {
        // One of the host's own lines in the other script: a mismatch that is not spam.
        const own = 1 + Math.floor(r() * Math.max(1, lines.length - 1));
        const line = lines[Math.min(own, lines.length - 1)];
        if (line && line.cls === 'clean') {
          const text = traditional ? cc.cn(line.text) : cc.tw(line.text);
          lines[Math.min(own, lines.length - 1)] = { text, cls: 'clean', origin: line.origin ?? line.text };
        }
      }
    }
    // Information lines: a caption near the top, a byline at either end, boilerplate at the end.
    if (!host.pseudo || r() < 0.2) {
      if (r() < 0.35) for (let n = 1 + Math.floor(r() * 2); n > 0; n--) insert(infoOf('caption'), r() < 0.6 ? 'start' : 'middle');
      if (r() < 0.4) insert(infoOf('metadata'), r() < 0.5 ? 'start' : 'end');
      if (r() < 0.3) for (let n = 1 + Math.floor(r() * 3); n > 0; n--) insert(infoOf('boilerplate'), 'end');
    }
    out.push({ lines });
    function infoOf(cls) {
      const candidates = infoLines[cls];
      const line = pick(candidates);
      const text = traditional ? cc.tw(line.text) : cc.cn(line.text);
      return { text, cls, origin: line.text };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The whole training run.

/**
 * Trains the line model (twice on halves for out-of-fold margins, once on everything) and
 * the document model on synthetic documents. `excludeSource` leaves one spam-train source
 * out entirely (leave-one-source-out validation).
 */
export async function train({ dirs, excludeSource, log = () => {}, core: given, corpus }) {
  const core = given ?? (await loadCore());
  const started = Date.now();
  const { lines, docs } = corpus ?? readCorpus(dirs);
  const real = lines.filter((l) => l.source !== excludeSource);
  const hostDocs = docs.filter((d) => d.src !== excludeSource);
  const docLines = hostDocs.flatMap((d) => d.lines.map((text) => ({ text, cls: 'clean', source: d.src })));
  // Sentences for long captions: the first sentence of document paragraphs (30 to 90 characters).
  const sentences = docLines.map((l) => l.text.split(/(?<=[。！？])/)[0]).filter((t) => t.length >= 30 && t.length <= 90 && /[。！？]$/.test(t));
  const synthetic = syntheticLines(real.map((l) => l.text), sentences);
  const augmented = traditionalSpam(real);
  const all = [...real, ...augmented, ...docLines, ...synthetic];
  // The original text of each line: a conversion shares its fold with its source line.
  const originOf = new Map();
  for (const a of augmented) originOf.set(a.text, a.original);
  log(`corpus: ${real.length} lines, ${augmented.length} Traditional conversions, ${docLines.length} document lines, ${synthetic.length} synthetic lines`);
  const examples = lineExamples(core, all);
  const foldOf = (text) => hashText(originOf.get(text) ?? text) & 1;
  const folds = [[], []];
  all.forEach((line, i) => folds[foldOf(line.text)].push(examples[i]));
  const loaded = (line) => core.loadModel(modelData(core, quantise(core, line), undefined));
  const half = [loaded(trainLineModel(core, folds[0])), loaded(trainLineModel(core, folds[1]))];
  log(`line models on halves: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const fullLine = quantise(core, trainLineModel(core, examples));
  log(`line model on everything: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Out-of-fold margins: each text is scored by the half model that did not see it.
  const marginsOf = (features) => {
    const vector = VECTORS.get(features.text) ?? core.lineVector(features);
    const model = half[1 - foldOf(features.text)];
    return core.lineMargins(core.lineLogits(model, vector));
  };
  const spamLines = [...real, ...augmented, ...synthetic.filter((l) => l.cls === 'seo')].filter((l) => l.cls !== 'clean');
  const infoLines = { caption: [], metadata: [], boilerplate: [] };
  for (const line of synthetic) if (infoLines[line.cls]) infoLines[line.cls].push(line);
  const contactLines = synthetic.filter((l) => l.kind === 'contact-notice');
  const documents = syntheticDocuments({ docs: hostDocs, hamLines: real.filter((l) => l.cls === 'clean'), spamLines, infoLines, contactLines, seed: 3 });
  const rows = [];
  for (const doc of documents) {
    for (const line of doc.lines) if (line.origin && line.origin !== line.text) originOf.set(line.text, originOf.get(line.origin) ?? line.origin);
    const document = new core.SpamDocument(doc.lines.map((l) => l.text).join('\n'), {}, { lineMargins: marginsOf });
    const contextRows = document.contextRows();
    doc.lines.forEach((line, i) => {
      const row = contextRows[i];
      if (row) rows.push({ row, y: core.DOCUMENT_CLASSES.indexOf(line.cls), weight: 1 });
    });
  }
  log(`document model: ${documents.length} synthetic documents, ${rows.length} lines: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const documentModel = trainDocumentModel(core, rows);
  log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { core, data: modelData(core, fullLine, documentModel) };
}

/** The generated file's text. */
export function renderModel(data, dirs) {
  const names = dirs.map((d) => path.basename(path.resolve(d))).join(', ');
  return [
    `// GENERATED by scripts/train-spam.mjs from ${names} (npm run train:spam -- <corpus dir>); do not edit.`,
    '// Learned weights of the spam model (see docs/spam-model.md). No corpus text is stored here.',
    '',
    '/* eslint-disable */',
    `export const SPAM_MODEL = ${JSON.stringify(data)};`,
    '',
  ].join('\n');
}
