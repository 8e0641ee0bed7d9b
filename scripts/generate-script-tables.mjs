#!/usr/bin/env node
// Derives the character sets that tell Traditional from Simplified script out of
// OpenCC's own tables (as shipped by opencc-js) and writes them to
// src/core/script/scriptChars.generated.ts.
//
// Why generate instead of loading opencc-js at run time: detection must be instant and
// must not pull 2 MB of phrase tables into the extension host at activation. The
// derived sets are about 7,000 characters; a unit test regenerates them in memory and
// fails when the committed file drifts from the installed opencc-js.
//
// Usage: node scripts/generate-script-tables.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deriveScriptTables, renderScriptTablesModule } from './script-tables-lib.mjs';

const target = fileURLToPath(new URL('../src/core/script/scriptChars.generated.ts', import.meta.url));
const rendered = renderScriptTablesModule(await deriveScriptTables());

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== rendered) {
    console.error(`${target} is out of date; run: npm run generate:script-tables`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
