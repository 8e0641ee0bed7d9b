#!/usr/bin/env node
// `npm run eval:pinyin [-- --verbose]`: accuracy of the contextual readings on the CPP dev
// split (../shared/peer/cpp, or ZHREADER_SHARED), next to pinyin-pro's, in one run:
//
// - our model by 5-fold cross-validation (sentence i is in fold i mod 5; each fold is read
//   by a model trained on the other four folds plus the auto-labelled corpus positions,
//   which hold no CPP sentence, and self-trained on the open positions of those four
//   folds' sentences and of the corpus), so no sentence is read by a model that saw it; and by
//   10-fold cross-validation, to show what more labelled data buys;
// - the dictionary alone (no model), and the committed model (in-sample: it was trained on
//   these sentences, so that figure is NOT an estimate of held-out accuracy);
// - pinyin-pro (the most used npm pinyin library), on the same sentences;
// - per character class and per decision path, and the time per sentence, warm.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { analyseCpp, autoExamples, CPP_DIR, loadCore, loadSources, MODEL_FILE, readCpp, REPO, trainFrom } from './pinyin-harness.mjs';

const verbose = process.argv.includes('--verbose');
const FOLDS = 5;

/** The classes the report groups the CPP characters into. */
const CHARACTER_CLASSES = [
  ['particles and complements (了着地得的过吧啊)', new Set('了着地得的过吧啊呢么')],
  ['frequent polyphones (为还行长重都和要应更好种调数少差便教发传干当)', new Set('为还行长重都和要应更好种调数少差便教发传干当')],
];

function classOf(char) {
  for (const [name, set] of CHARACTER_CLASSES) if (set.has(char)) return name;
  return 'other polyphones (the rest of CPP\'s 623)';
}

/** pinyin-pro's reading per code point, in our notation (neutral tone 5, ü as v). */
function pinyinProReader() {
  const { pinyin } = createRequire(`${REPO}/package.json`)('pinyin-pro');
  const version = JSON.parse(readFileSync(createRequire(`${REPO}/package.json`).resolve('pinyin-pro/package.json'), 'utf8')).version;
  const read = (text) => pinyin(text, { type: 'all', toneType: 'num', v: true }).map((x) => (x.pinyin ? x.pinyin.replace(/0$/, '5') : null));
  return { read, version };
}

/** Milliseconds per sentence of `read` over `texts`, after one warm-up pass. */
function timePerSentence(texts, read) {
  for (const t of texts) read(t);
  const started = performance.now();
  for (const t of texts) read(t);
  return (performance.now() - started) / texts.length;
}

const pct = (ok, n) => (n === 0 ? '-' : `${((100 * ok) / n).toFixed(2)}%`);

const items = readCpp('dev');
if (!items) {
  console.error(`eval:pinyin: ${CPP_DIR} not found (set ZHREADER_SHARED to the shared data folder)`);
  process.exit(2);
}
const core = await loadCore();
const sources = await loadSources(core);
const rows = analyseCpp(core, sources, items);
const targets = new Set(items.map((i) => i.char));
const auto = autoExamples(core, sources, targets);
if (!auto) console.error('eval:pinyin: the spam-train documents are missing; cross-validating without auto-labelled examples');

/** Cross-validated predictions with `folds` folds: sentence i is in fold i mod folds. */
function crossValidate(folds) {
  const predictions = new Array(rows.length);
  for (let k = 0; k < folds; k++) {
    const train = rows.filter((_, i) => i % folds !== k);
    const model = new core.PinyinModel(trainFrom(core, train, auto?.examples ?? [], '', auto?.open ?? []));
    rows.forEach((r, i) => {
      if (i % folds === k) predictions[i] = core.decide(r.analysis, model)[r.item.at];
    });
  }
  return predictions;
}
const cv = crossValidate(FOLDS);
// Ten folds train on 90% instead of 80%: the trend says what more labelled data buys.
const cv10 = crossValidate(10);
const committed = new core.PinyinModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
const pp = pinyinProReader();
const results = rows.map((r, i) => {
  const word = r.analysis.words[r.analysis.wordOf[r.item.at]];
  const inWord = word.end - word.start > 1;
  const path = !inWord ? (r.features.some((f) => f.startsWith('o')) ? 'single character in an unknown word (names)' : 'single-character word') : r.open ? 'open position in a word (neutral tone)' : 'settled by a dictionary word';
  return {
    ...r,
    path,
    cls: classOf(r.item.char),
    cv: cv[i],
    dict: core.decide(r.analysis, undefined)[r.item.at],
    committed: core.decide(r.analysis, committed)[r.item.at],
    pinyinPro: pp.read(r.item.text)[r.item.at],
  };
});

function table(title, keyOf) {
  const groups = new Map();
  for (const r of results) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { n: 0, cv: 0, dict: 0, pp: 0 };
    g.n++;
    if (r.cv === r.item.label) g.cv++;
    if (r.dict === r.item.label) g.dict++;
    if (r.pinyinPro === r.item.label) g.pp++;
    groups.set(key, g);
  }
  console.log(`\n${title}`);
  console.log(`${'group'.padEnd(60)} ${'sentences'.padStart(9)} ${'ours (CV)'.padStart(10)} ${'dict only'.padStart(10)} ${'pinyin-pro'.padStart(10)}`);
  for (const [key, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) {
    console.log(`${key.padEnd(60)} ${String(g.n).padStart(9)} ${pct(g.cv, g.n).padStart(10)} ${pct(g.dict, g.n).padStart(10)} ${pct(g.pp, g.n).padStart(10)}`);
  }
}

const n = results.length;
const count = (f) => results.filter(f).length;
console.log(`CPP dev split: ${n} sentences, ${targets.size} polyphonic characters`);
console.log(`auto-labelled corpus positions: ${auto ? `${auto.examples.length} from ${auto.sentences} sentences` : 'none'}`);
console.log('');
console.log(`ours, ${FOLDS}-fold cross-validation:          ${pct(count((r) => r.cv === r.item.label), n)}`);
console.log(`ours, 10-fold cross-validation:         ${pct(cv10.filter((p, i) => p === rows[i].item.label).length, n)}`);
console.log(`ours, dictionary only (no model):          ${pct(count((r) => r.dict === r.item.label), n)}`);
console.log(`ours, committed model (in-sample, not an estimate): ${pct(count((r) => r.committed === r.item.label), n)}`);
console.log(`pinyin-pro ${pp.version}:                         ${pct(count((r) => r.pinyinPro === r.item.label), n)}`);
table('By character class', (r) => r.cls);
table('By how the reading is decided', (r) => r.path);

const texts = items.map((i) => i.text);
const sourcesWithModel = { ...sources, model: committed };
const ours = timePerSentence(texts, (t) => core.readingsOf(t, sourcesWithModel));
const theirs = timePerSentence(texts, pp.read);
console.log(`\nTime per sentence, warm (mean over ${n} sentences, mean length ${(texts.reduce((s, t) => s + t.length, 0) / n).toFixed(0)} characters):`);
console.log(`  ours (segmentation + dictionary + model): ${ours.toFixed(3)} ms`);
console.log(`  pinyin-pro ${pp.version}:                      ${theirs.toFixed(3)} ms`);

if (verbose) {
  console.log('\nCross-validation misses:');
  for (const r of results) if (r.cv !== r.item.label) console.log(`  ${r.item.char} ${r.item.label} -> ${r.cv}  [${r.path}]  ${r.item.text}`);
}
