#!/usr/bin/env node
// `npm run train:pinyin`: trains the contextual pinyin models (src/core/pinyin/) and writes
// data/pinyin/model.json, the generated, committed weights the product ships.
//
//   node scripts/train-pinyin.mjs            train on all the data and write the model
//   node scripts/train-pinyin.mjs --check    fail when the committed model differs from a retrain
//
// Data (read from ../shared, or ZHREADER_SHARED; never shipped): the CPP dev split
// (peer/cpp, labelled) and spam-train's clean documents (corpus/spam-train/docs.jsonl.gz,
// auto-labelled where a polyphone sits inside a dictionary word; the open positions of both
// are self-training text). Deterministic: the same
// data, dictionary and segmenter give the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyseCpp, autoExamples, TRAINING, CPP_DIR, CORPUS_FILE, loadCore, loadSources, MODEL_FILE, readCpp, renderModel, trainFrom } from './pinyin-harness.mjs';

/** Trains on everything; `only` (a Set of Simplified characters) limits the classifiers to those characters. */
export async function trainModel({ only } = {}) {
  const core = await loadCore();
  const sources = await loadSources(core);
  const items = readCpp('dev');
  if (!items) throw new Error(`${CPP_DIR} is missing: training needs the CPP dev split`);
  const targets = new Set(items.map((i) => i.char));
  // With `only`, the labels of the other characters teach nothing the subset needs (the
  // marked character is compared through t2s as the analysis sees it: CPP has 著 and 乾),
  // but all the sentences stay as unlabelled text for self-training.
  const analysed = analyseCpp(core, sources, items);
  const rows = only ? analysed.filter((r) => only.has(r.analysis.chars[r.item.at])) : analysed;
  const auto = autoExamples(core, sources, targets, only);
  if (!auto) throw new Error(`${CORPUS_FILE} is missing: training needs the spam-train documents`);
  const trainedOn =
    `CPP dev split (${items.length} labelled sentences) + ${auto.examples.length} positions auto-labelled ` +
    `from ${auto.sentences} sentences of spam-train docs (weight ${TRAINING.autoWeight}), ` +
    `self-trained on the open positions of both (weight ${TRAINING.self.weight})`;
  const data = trainFrom(core, rows, auto.examples, trainedOn, auto.open, analysed);
  return { data, rows, auto };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const started = performance.now();
  const { data } = await trainModel();
  const text = renderModel(data);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (process.argv.includes('--check')) {
    if (readFileSync(MODEL_FILE, 'utf8') !== text) {
      console.error(`${MODEL_FILE} differs from a retrain; run: npm run train:pinyin`);
      process.exit(1);
    }
    console.log(`${MODEL_FILE} equals a retrain (${seconds} s)`);
  } else {
    mkdirSync(path.dirname(MODEL_FILE), { recursive: true });
    writeFileSync(MODEL_FILE, text);
    console.log(`wrote ${MODEL_FILE}: ${Object.keys(data.chars).length} characters, ${Object.keys(data.overrides).length} overrides, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, in ${seconds} s`);
    console.log(`trained on: ${data.trainedOn}`);
  }
}
