/**
 * schemas/glossary.schema.json (package.json `jsonValidation` for glossary JSON files) is
 * generated from the `chineseReader.glossary.entries` setting by
 * scripts/generate-glossary-schema.mjs: the committed file must be what the script writes now,
 * and the schema must say what the glossary parser accepts and refuses.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGlossary, rowFromObject } from '../../src/core/glossary/parse';
import { readRepoFile, repoPath } from './helpers';

interface SchemaLib {
  renderGlossarySchema(this: void, root?: string): string;
}

interface EntrySchema {
  type: string;
  required: string[];
  properties: Record<string, { type: string; description: string }>;
  additionalProperties: boolean;
}

const schema = () => JSON.parse(readRepoFile('schemas/glossary.schema.json')) as { type: string; items: EntrySchema };

test('schemas/glossary.schema.json is what npm run generate:glossary-schema writes from package.json', async () => {
  const { renderGlossarySchema } = (await import(repoPath('scripts/generate-glossary-schema.mjs'))) as SchemaLib;
  assert.ok(readRepoFile('schemas/glossary.schema.json') === renderGlossarySchema(repoPath()), 'the schema is stale: run npm run generate:glossary-schema');
});

test('package.json applies the schema to glossary.json and *.glossary.json, the names the default glossary setting finds', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
  const rule = manifest.contributes.jsonValidation.find((r) => r.url === './schemas/glossary.schema.json');
  assert.ok(rule, 'a jsonValidation rule for the glossary schema');
  assert.deepEqual(rule.fileMatch, ['glossary.json', '*.glossary.json']);
  assert.match(readRepoFile('.vscodeignore'), /^!schemas\/\*\*$/m, 'the schema ships in the .vsix');
});

test('every property of the schema is one the parser reads, and the parser refuses an entry without a required one', () => {
  const entry = schema().items;
  assert.equal(schema().type, 'array');
  assert.equal(entry.additionalProperties, false);
  const values: Record<string, string> = { term: '新基建', other: '新基建', pinyin: 'xīn jī jiàn', english: 'new infrastructure', note: 'a 2020 policy term' };
  const full = Object.fromEntries(Object.keys(entry.properties).map((key) => [key, values[key] ?? 'x']));
  const row = rowFromObject(full, 1);
  assert.ok(!('message' in row), `a full entry is accepted: ${JSON.stringify(row)}`);
  for (const key of Object.keys(entry.properties)) {
    assert.equal(entry.properties[key]!.type, 'string');
    // A wrong type is refused by name: the parser knows the property.
    const wrong = rowFromObject({ ...full, [key]: 1 }, 1);
    assert.ok('message' in wrong && wrong.message.includes(`"${key}"`), `the parser checks "${key}"`);
  }
  for (const key of entry.required) {
    const without = Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));
    assert.ok('message' in rowFromObject(without, 1), `an entry without "${key}" is refused`);
  }
  // A JSON glossary file the schema describes parses.
  const parsed = parseGlossary(JSON.stringify([full]), 'json');
  assert.equal(parsed.problems.length, 0);
  assert.equal(parsed.rows.length, 1);
});
