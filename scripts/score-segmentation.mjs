#!/usr/bin/env node
// Word-level precision, recall and F1 of our segmentation on the SIGHAN 2005 bakeoff
// test sets (AS and CityU are Traditional, PKU and MSR Simplified), read from
// ../shared/peer/icwb2/ and never copied: the data is for research use only.
//
//   npm run score:segmentation            (builds first; all four corpora)
//   node scripts/score-segmentation.mjs [as|cityu|msr|pku ...] [--engine nodejieba]
//
// Each corpus is scored three ways: ours (t2s map, glossary-free), plain jieba on the
// raw text (no t2s map), and, for reference, the other engine with the t2s map.
// Scoring as in the bakeoff's score script: a word counts when its span matches a gold
// word's span exactly; white space is ignored.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ICWB2 = path.resolve(REPO, '../shared/peer/icwb2');
const CORPORA = {
  as: { test: 'testing/as_test.utf8', gold: 'gold/as_testing_gold.utf8', script: 'Traditional' },
  cityu: { test: 'testing/cityu_test.utf8', gold: 'gold/cityu_test_gold.utf8', script: 'Traditional' },
  msr: { test: 'testing/msr_test.utf8', gold: 'gold/msr_test_gold.utf8', script: 'Simplified' },
  pku: { test: 'testing/pku_test.utf8', gold: 'gold/pku_test_gold.utf8', script: 'Simplified' },
};

const args = process.argv.slice(2);
const engineAt = args.indexOf('--engine');
const engine = engineAt >= 0 ? args[engineAt + 1] : 'jieba-rs';
const other = engine === 'jieba-rs' ? 'nodejieba' : 'jieba-rs';
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--engine');
const selected = names.length > 0 ? names : Object.keys(CORPORA);

if (!existsSync(ICWB2)) {
  console.error(`score-segmentation: SKIPPED: the bakeoff data is not at ${ICWB2}`);
  process.exit(0);
}
const bench = path.join(REPO, 'out/bench/segmentEngines.mjs');
if (!existsSync(bench)) {
  console.error('score-segmentation: run "node esbuild.mjs --tests" first (or npm run score:segmentation)');
  process.exit(2);
}
const { loadSegmenter, loadScriptConverters, segment } = await import(bench);
const { toSimplified } = await loadScriptConverters();

const lines = (file) => readFileSync(path.join(ICWB2, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

/** Spans `start:end` (in code points, white space removed) of the words of one line. */
function spans(words) {
  const result = new Set();
  let at = 0;
  for (const word of words) {
    const length = [...word.replace(/\s+/gu, '')].length;
    if (length === 0) continue;
    result.add(`${at}:${at + length}`);
    at += length;
  }
  return { result, length: at };
}

function score(corpus, cut) {
  const test = lines(corpus.test);
  const gold = lines(corpus.gold);
  let correct = 0;
  let predicted = 0;
  let expected = 0;
  let misaligned = 0;
  const started = performance.now();
  for (let i = 0; i < test.length; i++) {
    const goldLine = gold[i] ?? '';
    if (!test[i].trim() && !goldLine.trim()) continue;
    const ours = spans(cut(test[i]));
    const truth = spans(goldLine.split(/\s+/u));
    if (ours.length !== truth.length) misaligned++;
    predicted += ours.result.size;
    expected += truth.result.size;
    for (const s of ours.result) if (truth.result.has(s)) correct++;
  }
  const precision = correct / predicted;
  const recall = correct / expected;
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    misaligned,
    seconds: (performance.now() - started) / 1000,
  };
}

const main = loadSegmenter(engine);
let alternative;
try {
  alternative = loadSegmenter(other);
} catch (error) {
  console.error(`score-segmentation: ${other} could not be loaded (${error.message}); its column is left out`);
}
const words = (tokens) => tokens.map((t) => t.text);
const rows = [];
for (const name of selected) {
  const corpus = CORPORA[name];
  if (!corpus) throw new Error(`unknown corpus ${name}; choose ${Object.keys(CORPORA).join(', ')}`);
  const ours = score(corpus, (line) => words(segment(main, line, toSimplified)));
  const plain = score(corpus, (line) => main.cut(line));
  const alt = alternative ? score(corpus, (line) => words(segment(alternative, line, toSimplified))) : undefined;
  rows.push({ name, corpus, ours, plain, alt });
}
const pct = (x) => (100 * x).toFixed(1);
console.log(`Word-level F1 on the SIGHAN 2005 bakeoff test sets (${engine}, HMM on, no training data used)`);
console.log('');
console.log(`| corpus | script | ours: ${engine} + t2s (P / R / F1) | plain ${engine}, no t2s (F1) |${alternative ? ` ${other} + t2s (F1) |` : ''}`);
console.log(`|---|---|---|---|${alternative ? '---|' : ''}`);
for (const { name, corpus, ours, plain, alt } of rows) {
  console.log(
    `| ${name.toUpperCase()} | ${corpus.script} | ${pct(ours.precision)} / ${pct(ours.recall)} / **${pct(ours.f1)}** | ${pct(plain.f1)} |${alt ? ` ${pct(alt.f1)} |` : ''}`,
  );
}
const misaligned = rows.reduce((n, r) => n + r.ours.misaligned, 0);
if (misaligned > 0) console.log(`\n${misaligned} lines had a different character count from the gold line (scored as they are).`);
process.exit(0);
