#!/usr/bin/env node
// `npm run train:spam -- <corpus dir>… [--check]`
//
// Trains the spam model on the given corpus directories (each laid out like
// ../shared/corpus/spam-train: lines.jsonl.gz and docs.jsonl.gz) and writes the weights to
// src/core/spam/model.generated.ts. With --check, fails when the committed file differs
// from a fresh training (the unit test runs this). Deterministic: same corpus, same bytes.
import path from 'node:path';
import { writeOrCheckGenerated } from './generated-file.mjs';
import { REPO, renderModel, train } from './train-spam-lib.mjs';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: npm run train:spam -- <corpus dir>… [--check]   (e.g. ../shared/corpus/spam-train)');
  process.exit(2);
}
const quiet = process.argv.includes('--check');
const { data } = await train({ dirs, log: (m) => quiet || console.log(`train:spam: ${m}`) });
const target = path.join(REPO, 'src/core/spam/model.generated.ts');
const rendered = renderModel(data, dirs);
writeOrCheckGenerated(target, rendered, `npm run train:spam -- ${dirs.join(' ')}`, `${(Buffer.byteLength(rendered) / 1024).toFixed(0)} KiB`);
