#!/usr/bin/env node
// Writes schemas/glossary.schema.json, the JSON schema VS Code applies to glossary JSON files
// (package.json `jsonValidation`), from the items of the `chineseReader.glossary.entries`
// setting: a glossary file's entries and the settings' inline entries are one definition, so
// the editor's completion and checks in both places cannot drift apart.
// test/unit/glossarySchema.test.ts fails when the committed file differs (`--check` does too).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeOrCheckGenerated } from './generated-file.mjs';
import { readManifest } from './generate-settings-doc.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TARGET = 'schemas/glossary.schema.json';

/** The schema text for the manifest under `root` (its `%key%` strings resolved to English). */
export function renderGlossarySchema(root = ROOT) {
  const manifest = readManifest(root);
  const sections = [manifest.contributes.configuration].flat();
  const entries = sections.map((s) => s.properties?.['chineseReader.glossary.entries']).find(Boolean);
  if (!entries?.items) throw new Error('package.json has no chineseReader.glossary.entries setting with items');
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Chinese Reader glossary',
    description: 'A glossary file for Chinese Reader: an array of entries, each with a term and its English gloss. Entries rank above CC-CEDICT in the hover.',
    type: 'array',
    items: entries.items,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(ROOT);
  writeOrCheckGenerated(TARGET, renderGlossarySchema(ROOT), 'npm run generate:glossary-schema');
}
