#!/usr/bin/env node
// One-time import (run by a developer, never by the build): copies what the product needs
// of the HSK word lists from ../shared/data/hsk (drkameleon/complete-hsk-vocabulary, MIT)
// into data/hsk/hsk-levels.tsv, with the licence beside it. The build compiles that file
// (scripts/compile-hsk.mjs); nothing reads ../shared at build or run time.
//
//   node scripts/import-hsk.mjs [SHARED_DIR]
//
// Output: a header comment naming the source, then one line per word:
//   simplified <TAB> traditional forms (comma-separated, those that differ) <TAB> levels (n1..n7, o1..o6)
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shared = path.resolve(process.argv[2] ?? process.env.ZHREADER_SHARED ?? path.join(REPO, '..', 'shared'));
const source = path.join(shared, 'data/hsk');
const words = JSON.parse(readFileSync(path.join(source, 'complete.min.json'), 'utf8'));
const lines = [
  '# HSK 2.0 (o1-o6) and HSK 3.0 (n1-n6, n7 = levels 7-9) word levels.',
  '# From drkameleon/complete-hsk-vocabulary, commit 9a032f60b4d54db6a417ff2c2a1a022a0dfd4de4 (complete.min.json),',
  '# MIT licence (LICENSE beside this file). Reduced by scripts/import-hsk.mjs to the forms and levels.',
  '# simplified\ttraditional forms that differ\tlevels',
];
for (const w of [...words].sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0))) {
  const traditional = [...new Set(w.f.map((f) => f.t).filter((t) => t && t !== w.s))];
  lines.push(`${w.s}\t${traditional.join(',')}\t${[...w.l].sort().join(',')}`);
}
writeFileSync(path.join(REPO, 'data/hsk/hsk-levels.tsv'), `${lines.join('\n')}\n`);
copyFileSync(path.join(source, 'LICENSE'), path.join(REPO, 'data/hsk/LICENSE'));
copyFileSync(path.join(source, 'LICENSE'), path.join(REPO, 'licenses/complete-hsk-vocabulary-MIT.txt'));
console.log(`wrote data/hsk/hsk-levels.tsv (${words.length} words) and the licence`);
