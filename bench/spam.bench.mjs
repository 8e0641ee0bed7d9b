// Spam checker throughput, incremental re-check latency and model load, each next to the
// rule scorer it replaced (issue 5's, kept under bench/legacy-spam for this comparison
// only: the extension does not ship it), in the same run on the same text.
//
// Full check: a 5 MB document checked from scratch. Re-check: one character typed into a
// 1 MB document, then the verdicts re-derived (what the editor does after each debounced
// edit). Model load: decoding the committed weights in a fresh process (the rule scorer's
// counterpart is its first-use set-up: term patterns and the fold table).
//
// The text is made of the development corpus (../shared/corpus/spam-dev, read in
// place, never copied) when it is there, and of the seed article otherwise.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, median, time } from './lib.mjs';

export const name = 'spam';

function sourceText() {
  const dev = path.resolve(REPO, '../shared/corpus/spam-dev/docs');
  if (existsSync(dev)) {
    return { label: 'spam-dev corpus', text: readdirSync(dev).sort().map((f) => readFileSync(path.join(dev, f), 'utf8')).join('\n') };
  }
  process.stderr.write('bench spam: ../shared/corpus/spam-dev is absent; using the seed article instead\n');
  return { label: 'seed article', text: readFileSync(path.join(REPO, 'seeds/digital-government-2.0.txt'), 'utf8') };
}

function ofSize(text, megabytes) {
  const target = megabytes * 1024 * 1024;
  let out = text;
  while (Buffer.byteLength(out) < target) out += `\n${text}`;
  return out;
}

async function bundle(dir, name, contents) {
  const outfile = path.join(dir, `${name}.mjs`);
  await esbuild.build({
    absWorkingDir: REPO,
    stdin: { contents, resolveDir: REPO, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Milliseconds `expression` takes in a fresh Node process that has imported `file`. */
function coldMs(file, expression) {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); const t = performance.now(); ${expression}; console.log(performance.now() - t);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

function measure(api, big, medium) {
  api.checkText('預熱。'); // warm up: patterns, fold table, weights
  const full = median(3, () => time(() => api.checkText(big)));
  const model = new api.SpamDocument(medium);
  model.findings();
  const target = Math.floor(model.lineCount / 2);
  let typed = false;
  const edit = median(21, () =>
    time(() => {
      // Alternately type and delete one character in the middle of the document.
      if (typed) model.applyChange(target, 0, target, 1, '');
      else model.applyChange(target, 0, target, 0, '字');
      typed = !typed;
      model.findings();
    }),
  );
  return { full, edit };
}

export async function run() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-spam-'));
  const oursFile = await bundle(dir, 'ours', "export { SpamDocument, checkText } from './src/core/spam/document'; export { shippedModel } from './src/core/spam/model';");
  const rulesFile = await bundle(dir, 'rules', "export { SpamDocument, checkText } from './bench/legacy-spam/document';");
  const ours = await import(pathToFileURL(oursFile).href);
  const rules = await import(pathToFileURL(rulesFile).href);
  const { label, text } = sourceText();
  const big = ofSize(text, 5);
  const bigMB = Buffer.byteLength(big) / (1024 * 1024);
  const medium = ofSize(text, 1);
  const mediumMB = Buffer.byteLength(medium) / (1024 * 1024);
  const a = measure(ours, big, medium);
  const b = measure(rules, big, medium);
  const load = median(3, () => coldMs(oursFile, 'm.shippedModel()'));
  const rulesFirstUse = median(3, () => coldMs(rulesFile, "m.checkText('預熱。')"));
  const importOurs = median(3, () => coldMs(oursFile, 'null'));
  const rate = (ms) => `${(bigMB / (ms / 1000)).toFixed(1)} MB/s`;
  return [
    {
      metric: `full check of ${bigMB.toFixed(1)} MB (${label})`,
      ours: `${a.full.toFixed(0)} ms (${rate(a.full)})`,
      peer: `${b.full.toFixed(0)} ms (${rate(b.full)})`,
      peerName: 'issue 5 rule scorer (bench/legacy-spam)',
    },
    {
      metric: `re-check after a one-character edit in ${mediumMB.toFixed(1)} MB`,
      ours: `${a.edit.toFixed(1)} ms`,
      peer: `${b.edit.toFixed(1)} ms`,
      peerName: 'issue 5 rule scorer (bench/legacy-spam)',
    },
    {
      metric: 'model load on first check (fresh process; lazy, not at import)',
      ours: `${load.toFixed(1)} ms (import alone ${importOurs.toFixed(1)} ms)`,
      peer: `${rulesFirstUse.toFixed(1)} ms`,
      peerName: "rule scorer's first check of one line (patterns, fold table)",
    },
  ];
}
