#!/usr/bin/env node
// Compiles data/hsk/hsk-levels.tsv (the project's copy of the HSK lists, MIT) into the
// compact index the product loads: dist/hsk-levels.json (word -> levels). Run by
// esbuild.mjs on every product build.
//
//   node scripts/compile-hsk.mjs [OUT_FILE]
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SOURCE = path.join(root, 'data/hsk/hsk-levels.tsv');

/** Builds the index into `outFile`; returns a one-line summary. Throws on a malformed source line. */
export async function compileHskIndex(outFile = path.join(root, 'dist/hsk-levels.json')) {
  const bundle = await esbuild.build({
    entryPoints: [path.join(root, 'src/core/hsk/levels.ts')],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const { compileHskLevels } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
  const { data, problems } = compileHskLevels(readFileSync(SOURCE, 'utf8'));
  if (problems.length > 0) throw new Error(problems.map((p) => `${SOURCE}:${p.line}: ${p.message}`).join('\n'));
  const text = JSON.stringify(data);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  return `${path.relative(root, outFile)} ${Object.keys(data.words).length} forms, ${(text.length / 1024).toFixed(0)} KiB`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(await compileHskIndex(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
