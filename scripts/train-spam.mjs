#!/usr/bin/env node
// `npm run train:spam -- <corpus dir>… [--check]`
//
// Trains the spam model on the given corpus directories (each laid out like
// ../shared/corpus/spam-train: lines.jsonl.gz and docs.jsonl.gz) and writes the weights to
// src/core/spam/model.generated.ts. With --check, fails when the committed file differs
// from a fresh training (the unit test runs this). `--out FILE` writes elsewhere (to compare
// two runs). Deterministic: same corpus, same bytes.
import path from 'node:path';
import { writeOrCheckGenerated } from './generated-file.mjs';
import { REPO, renderModel, train } from './train-spam-lib.mjs';

const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? process.argv[outAt + 1] : undefined;
const dirs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
if (dirs.length === 0) {
  console.error('usage: npm run train:spam -- <corpus dir>… [--check]   (e.g. ../shared/corpus/spam-train)');
  process.exit(2);
}
const quiet = process.argv.includes('--check');
const { data } = await train({ dirs, log: (m) => quiet || console.log(`train:spam: ${m}`) });
const target = out ? path.resolve(out) : path.join(REPO, 'src/core/spam/model.generated.ts');
const rendered = renderModel(data, dirs);
writeOrCheckGenerated(target, rendered, `npm run train:spam -- ${dirs.join(' ')}`, `${(Buffer.byteLength(rendered) / 1024).toFixed(0)} KiB`);
