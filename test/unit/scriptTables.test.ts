import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRepoFile, repoPath } from './helpers';

test('the committed script tables match the installed opencc-js', async () => {
  const lib = (await import(repoPath('scripts/script-tables-lib.mjs'))) as {
    deriveScriptTables(): Promise<unknown>;
    renderScriptTablesModule(tables: unknown): string;
  };
  const expected = lib.renderScriptTablesModule(await lib.deriveScriptTables());
  const actual = readRepoFile('src/core/script/scriptChars.generated.ts');
  assert.ok(actual === expected, 'src/core/script/scriptChars.generated.ts is stale: run npm run generate:script-tables');
});
