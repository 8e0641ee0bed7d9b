#!/usr/bin/env node
// `npm run train:spam -- <corpus dir>… [--check] [--out FILE]`
//
// Learns the spam model's weights from spam-train-style corpora (lines.jsonl.gz and
// docs.jsonl.gz in each directory) and writes src/core/spam/model.generated.ts.
// Deterministic: the same corpus gives the same bytes. With --check, fails when the
// committed file differs from a retrain. See docs/spam-model.md.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeOrCheckGenerated } from './generated-file.mjs';
import { buildRows, fit, loadCore, loadCorpus, REPO, renderModel } from './train-spam-lib.mjs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(REPO, 'src/core/spam/model.generated.ts');
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
if (dirs.length === 0) {
  console.error('usage: npm run train:spam -- <corpus dir>… [--check] [--out FILE]   (e.g. ../shared/corpus/spam-train)');
  process.exit(2);
}
const log = (m) => console.error(m);
const started = Date.now();
const core = await loadCore();
const corpus = loadCorpus(dirs);
log(`train:spam: ${corpus.lines.length} lines, ${corpus.docs.length} documents from ${dirs.join(', ')}`);
const rows = buildRows(core, corpus, { log });
const data = fit(core, rows, { log });
const rendered = renderModel(data);
if (outAt >= 0 && !args.includes('--check')) {
  writeFileSync(out, rendered);
  console.log(`wrote ${out}`);
} else {
  writeOrCheckGenerated(out, rendered, `npm run train:spam -- ${dirs.join(' ')}`, `${(rendered.length / 1024).toFixed(0)} KiB`);
}
log(`train:spam: ${((Date.now() - started) / 1000).toFixed(1)} s`);
