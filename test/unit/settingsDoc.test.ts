/**
 * docs/settings.md is generated from package.json by scripts/generate-settings-doc.mjs
 * (`npm run docs:settings`): the committed page must be what the script writes now, and the
 * script must resolve `%key%` placeholders from package.nls.json (VS Code's localised
 * manifest), so the page stays English and complete once the manifest is localised.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readRepoFile, repoPath } from './helpers';

interface SettingsDocLib {
  renderSettingsDoc(this: void, root?: string): string;
}

const lib = () => import(repoPath('scripts/generate-settings-doc.mjs')) as Promise<SettingsDocLib>;

test('docs/settings.md is what npm run docs:settings writes from package.json', async () => {
  const { renderSettingsDoc } = await lib();
  const expected = renderSettingsDoc(repoPath());
  const actual = readRepoFile('docs/settings.md');
  assert.ok(actual === expected, 'docs/settings.md is stale: run `npm run docs:settings` and commit the page');
});

test('every setting of package.json has an entry on the page, with its default', async () => {
  const { renderSettingsDoc } = await lib();
  const page = renderSettingsDoc(repoPath());
  const manifest = JSON.parse(readRepoFile('package.json')) as { contributes: { configuration: unknown } };
  const sections = [manifest.contributes.configuration].flat() as { properties: Record<string, { default: unknown }> }[];
  const keys = sections.flatMap((s) => Object.keys(s.properties));
  assert.ok(keys.length > 30, `package.json lists ${keys.length} settings`);
  for (const key of keys) assert.ok(page.includes(`### \`${key}\`\n`), `${key} has no entry in docs/settings.md`);
});

function withManifest(files: Record<string, unknown>, run: (root: string) => void): void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'settings-doc-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), JSON.stringify(content));
    run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const localisedManifest = {
  contributes: {
    configuration: {
      title: '%config.title%',
      properties: {
        'chineseReader.spam.sensitivity': {
          type: 'string',
          enum: ['low', 'medium'],
          enumDescriptions: ['%spam.sensitivity.low%', '%spam.sensitivity.medium%'],
          default: 'medium',
          scope: 'resource',
          markdownDescription: '%spam.sensitivity%',
        },
      },
    },
  },
};

test('%key% placeholders are resolved from package.nls.json', async () => {
  const { renderSettingsDoc } = await lib();
  const nls = {
    'config.title': 'Chinese Reader',
    'spam.sensitivity': 'How much evidence a line needs; see #chineseReader.spam.sensitivity#.',
    'spam.sensitivity.low': 'Only the clearest cases.',
    'spam.sensitivity.medium': 'The default.',
  };
  withManifest({ 'package.json': localisedManifest, 'package.nls.json': nls }, (root) => {
    const page = renderSettingsDoc(root);
    assert.doesNotMatch(page, /%[\w.]+%/, 'no placeholder is left on the page');
    assert.match(page, /How much evidence a line needs; see \[`chineseReader\.spam\.sensitivity`\]\(#chinesereaderspamsensitivity\)\./);
    assert.match(page, /- `"low"`: Only the clearest cases\.\n- `"medium"`: The default\./);
  });
});

test('a placeholder package.nls.json lacks is an error naming it, not a page with %key% in it', async () => {
  const { renderSettingsDoc } = await lib();
  withManifest({ 'package.json': localisedManifest, 'package.nls.json': { 'config.title': 'Chinese Reader' } }, (root) => {
    assert.throws(() => renderSettingsDoc(root), /%spam\.sensitivity(\.low)?%, which package\.nls\.json does not define/);
  });
});
