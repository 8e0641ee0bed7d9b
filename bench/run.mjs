#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs and prints its figures next to the
// named peer. Pass names to run only some: npm run bench -- activation
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './lib.mjs';

const only = process.argv.slice(2);
const files = readdirSync(path.join(REPO, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
const rows = [];
for (const file of files) {
  const bench = await import(path.join(REPO, 'bench', file));
  if (only.length && !only.includes(bench.name)) continue;
  process.stderr.write(`bench: ${bench.name}...\n`);
  for (const row of await bench.run()) rows.push({ bench: bench.name, ...row });
}
const header = { bench: 'bench', metric: 'metric', ours: 'Chinese Reader', peer: 'peer', peerName: 'peer is' };
const widths = Object.fromEntries(Object.keys(header).map((k) => [k, Math.max(...[header, ...rows].map((r) => String(r[k]).length))]));
const line = (r) => Object.keys(header).map((k) => String(r[k]).padEnd(widths[k])).join(' | ');
console.log(`\nNode ${process.version}, ${new Date().toISOString()}`);
console.log(line(header));
console.log(Object.keys(header).map((k) => '-'.repeat(widths[k])).join('-|-'));
for (const row of rows) console.log(line(row));
// Exit explicitly: a benchmark must not keep the process alive with a stray handle.
process.exit(0);
