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
import { fileURLToPath } from 'node:url';
import { writeOrCheckGenerated } from './generated-file.mjs';
import { deriveScriptTables, renderScriptTablesModule } from './script-tables-lib.mjs';

const target = fileURLToPath(new URL('../src/core/script/scriptChars.generated.ts', import.meta.url));
const rendered = renderScriptTablesModule(await deriveScriptTables());
writeOrCheckGenerated(target, rendered, 'npm run generate:script-tables');
