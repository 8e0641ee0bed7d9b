#!/usr/bin/env node
// `npm run eval:spam -- DIR [--verbose] [--sensitivity low|medium|high] [--scorer hybrid|rules] [--json]`
//
// Runs the spam checker over every file that DIR/labels.jsonl names (and every other
// .txt file under DIR/docs, whose lines are then all clean) and prints per-label
// precision, recall and F1, warning-level precision and recall, and false warnings
// per 1,000 clean lines. labels.jsonl holds one {"file", "line", "label"} object per
// labelled line (line is 1-based); unlisted lines are clean content.
// --verbose lists every miss and false alarm with the checker's message. --scorer defaults
// to hybrid, the product's default (rules: the rule detectors alone).
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LABELS = ['seo', 'ad', 'contact', 'offtopic', 'caption', 'metadata', 'boilerplate'];
const WARNING_LABELS = new Set(['seo', 'ad', 'contact', 'offtopic']);

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const json = args.includes('--json');
const sensitivityAt = args.indexOf('--sensitivity');
const sensitivity = sensitivityAt >= 0 ? args[sensitivityAt + 1] : 'medium';
const scorerAt = args.indexOf('--scorer');
const scorer = scorerAt >= 0 ? args[scorerAt + 1] : 'hybrid';
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--sensitivity' && args[i - 1] !== '--scorer' && args[i - 1] !== '--only');
if (!dir) {
  console.error('usage: npm run eval:spam -- DIR [--verbose] [--sensitivity low|medium|high] [--scorer rules|hybrid] [--json]\n  DIR with labels.jsonl: a labelled test set; DIR with lines.jsonl.gz: leave-one-source-out and the real-text proxy [--only src,…]');
  process.exit(2);
}
// A training corpus (lines.jsonl.gz): leave-one-source-out and the real-text proxy.
if (existsSync(path.join(dir, 'lines.jsonl.gz'))) {
  const { evaluateCrossSource } = await import('./eval-spam-loso.mjs');
  const onlyAt = args.indexOf('--only');
  await evaluateCrossSource([dir], { only: onlyAt >= 0 ? args[onlyAt + 1].split(',') : undefined });
  process.exit(0);
}
const labelsPath = path.join(dir, 'labels.jsonl');
if (!existsSync(labelsPath)) {
  console.error(`eval:spam: ${labelsPath} not found (DIR must hold a labels.jsonl)`);
  process.exit(2);
}

// Bundle the core checker on the fly, so the script needs no prior build.
const scratch = mkdtempSync(path.join(tmpdir(), 'eval-spam-'));
const bundle = path.join(scratch, 'spam.mjs');
await esbuild.build({
  absWorkingDir: REPO,
  entryPoints: ['src/core/spam/document.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});
const { checkText } = await import(pathToFileURL(bundle).href);
rmSync(scratch, { recursive: true, force: true });

const gold = new Map(); // file -> Map(line -> label)
for (const [i, raw] of readFileSync(labelsPath, 'utf8').split('\n').entries()) {
  if (!raw.trim()) continue;
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    console.error(`eval:spam: ${labelsPath}:${i + 1}: not JSON`);
    process.exit(2);
  }
  if (!LABELS.includes(record.label)) {
    console.error(`eval:spam: ${labelsPath}:${i + 1}: unknown label ${record.label}`);
    process.exit(2);
  }
  if (!gold.has(record.file)) gold.set(record.file, new Map());
  gold.get(record.file).set(record.line, record.label);
}
const files = new Set(gold.keys());
const docs = path.join(dir, 'docs');
if (existsSync(docs) && statSync(docs).isDirectory()) {
  for (const name of readdirSync(docs)) if (name.endsWith('.txt')) files.add(`docs/${name}`);
}

const count = () => Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
const perLabel = count();
const warning = { tp: 0, fp: 0, fn: 0 };
let cleanLines = 0;
let falseOnClean = 0;
let warningsOnInformation = 0;
const errors = [];
let totalLines = 0;
let bytes = 0;
const started = performance.now();

for (const file of [...files].sort()) {
  const text = readFileSync(path.join(dir, file), 'utf8');
  bytes += Buffer.byteLength(text);
  const lines = text.split(/\r\n|\r|\n/);
  const labels = gold.get(file) ?? new Map();
  const predicted = new Map(checkText(text, { sensitivity, scorer }).map((f) => [f.line + 1, f]));
  for (let n = 1; n <= lines.length; n++) {
    if (!lines[n - 1].trim()) continue;
    totalLines++;
    const want = labels.get(n);
    const got = predicted.get(n);
    if (want) {
      if (got?.label === want) perLabel[want].tp++;
      else perLabel[want].fn++;
    }
    if (got && got.label !== want) perLabel[got.label].fp++;
    const wantWarning = want !== undefined && WARNING_LABELS.has(want);
    const gotWarning = got !== undefined && (got.severity === 'warning' || got.severity === 'error');
    if (wantWarning && gotWarning) warning.tp++;
    if (!wantWarning && gotWarning) warning.fp++;
    if (wantWarning && !gotWarning) warning.fn++;
    if (!want) {
      cleanLines++;
      if (gotWarning) falseOnClean++;
    } else if (!wantWarning && gotWarning) warningsOnInformation++;
    if ((got?.label ?? 'clean') !== (want ?? 'clean')) {
      errors.push(`${file}:${n}: want ${want ?? 'clean'}, got ${got?.label ?? 'clean'}${got ? ` (${got.message})` : ''}\n    ${lines[n - 1].slice(0, 120)}`);
    }
  }
}
const seconds = (performance.now() - started) / 1000;

const ratio = (a, b) => (b === 0 ? NaN : a / b);
const prf = ({ tp, fp, fn }) => {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: tp + fn, tp, fp, fn };
};
const report = {
  dir,
  sensitivity,
  files: files.size,
  lines: totalLines,
  labels: Object.fromEntries(LABELS.map((l) => [l, prf(perLabel[l])])),
  warning: prf(warning),
  cleanLines,
  falseWarningsOnClean: falseOnClean,
  falseWarningsPer1000Clean: (1000 * falseOnClean) / Math.max(1, cleanLines),
  warningsOnInformationLines: warningsOnInformation,
  seconds,
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f = (x) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
  console.log(`eval:spam ${dir} (sensitivity ${sensitivity}, scorer ${scorer}): ${files.size} files, ${totalLines} non-blank lines, ${(bytes / 1024).toFixed(0)} KiB in ${seconds.toFixed(2)} s`);
  console.log('');
  console.log('label        precision  recall     F1  support   tp   fp   fn');
  for (const l of LABELS) {
    const r = report.labels[l];
    console.log(`${l.padEnd(12)} ${f(r.precision).padStart(9)} ${f(r.recall).padStart(7)} ${f(r.f1).padStart(6)} ${String(r.support).padStart(8)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}`);
  }
  const w = report.warning;
  console.log('');
  console.log(`warning level: precision ${f(w.precision)}, recall ${f(w.recall)} (tp ${w.tp}, fp ${w.fp}, fn ${w.fn})`);
  console.log(`false warnings on clean lines: ${falseOnClean} of ${cleanLines} = ${report.falseWarningsPer1000Clean.toFixed(2)} per 1,000 (plus ${warningsOnInformation} warnings on information lines)`);
  if (verbose && errors.length) {
    console.log('');
    console.log(`${errors.length} disagreements:`);
    for (const e of errors) console.log(e);
  }
}
