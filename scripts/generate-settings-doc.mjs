#!/usr/bin/env node
// Writes docs/settings.md from the settings package.json contributes (`npm run docs:settings`),
// so the settings page cannot drift from the manifest: test/unit/settingsDoc.test.ts fails
// when the committed page differs from what this script renders (`--check` does the same).
//
// Manifest strings may be `%key%` placeholders resolved from package.nls.json (VS Code's
// localisation of package.json); the page is written from the English strings.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeOrCheckGenerated } from './generated-file.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TARGET = 'docs/settings.md';

/** The groups of the page, in order: the setting-name prefix after `chineseReader.` and a title. */
const GROUPS = [
  { prefix: '', title: 'General' },
  { prefix: 'scriptIndicator.', title: 'Script indicator', page: 'conversion.md' },
  { prefix: 'hover.', title: 'Hover', page: 'hover.md' },
  { prefix: 'glossary.', title: 'Glossaries', page: 'hover.md#glossaries' },
  { prefix: 'segmenter.', title: 'Word segmentation', page: 'hover.md#word-segmentation' },
  { prefix: 'convert.', title: 'Script conversion', page: 'conversion.md' },
  { prefix: 'spam.', title: 'Spam diagnostics', page: 'spam.md' },
  { prefix: 'outline.', title: 'Section outline', page: 'outline.md' },
  { prefix: 'study.', title: 'Study tools', page: 'study.md' },
  { prefix: 'reading.', title: 'Reading view', page: 'reading-view.md' },
];

/** Replaces every `%key%` string in `value` (deeply) by package.nls.json's text for it. */
function localize(value, nls) {
  if (typeof value === 'string') {
    const match = /^%([^%\s]+)%$/.exec(value);
    if (!match) return value;
    if (!(match[1] in nls)) throw new Error(`package.json uses %${match[1]}%, which package.nls.json does not define`);
    return nls[match[1]];
  }
  if (Array.isArray(value)) return value.map((v) => localize(v, nls));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, nls)]));
  return value;
}

/** The manifest with its `%key%` strings resolved (package.nls.json, when the file exists). */
export function readManifest(root = ROOT) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nlsFile = path.join(root, 'package.nls.json');
  const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
  return localize(manifest, nls);
}

/** GitHub's heading anchor for a heading made of one setting name in backticks. */
export function settingAnchor(key) {
  return key.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

const code = (value) => {
  const text = JSON.stringify(value);
  // A backtick inside the value needs a longer fence.
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
};

/** `#chineseReader.x#` (VS Code's link to a setting) becomes a link to its entry on this page. */
function linkSettings(markdown) {
  return markdown.replace(/#(chineseReader(?:\.[A-Za-z0-9]+)+)#/g, (_, key) => `[\`${key}\`](#${settingAnchor(key)})`);
}

function describeType(schema) {
  if (schema.enum) return 'one of the values below';
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
  if (type === 'array' && schema.items?.type) return `array of ${schema.items.type}s`;
  return type ?? 'any';
}

function renderSetting(key, schema) {
  const lines = [`### \`${key}\``, ''];
  const description = schema.markdownDescription ?? schema.description ?? '';
  if (description) lines.push(linkSettings(description), '');
  const facts = [`Type: ${describeType(schema)}`, `Default: ${code(schema.default)}`];
  if (schema.scope) facts.push(`Scope: ${schema.scope}`);
  if (schema.minimum !== undefined) facts.push(`Minimum: ${schema.minimum}`);
  if (schema.maximum !== undefined) facts.push(`Maximum: ${schema.maximum}`);
  lines.push(facts.join(' · '), '');
  if (schema.enum) {
    const descriptions = schema.markdownEnumDescriptions ?? schema.enumDescriptions ?? [];
    for (const [i, value] of schema.enum.entries()) {
      lines.push(`- ${code(value)}${descriptions[i] ? `: ${linkSettings(descriptions[i])}` : ''}`);
    }
    lines.push('');
  }
  if (schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      const values = property.enum ? ` (${property.enum.map(code).join(', ')})` : '';
      const text = property.markdownDescription ?? property.description;
      lines.push(`- \`${name}\`${values}${text ? `: ${linkSettings(text)}` : ''}`);
    }
    lines.push('');
  }
  return lines;
}

/** Every setting of the manifest, in the order VS Code's Settings editor shows them. */
function settingsOf(manifest) {
  const sections = [manifest.contributes?.configuration ?? []].flat();
  const settings = [];
  for (const section of sections) {
    for (const [key, schema] of Object.entries(section.properties ?? {})) settings.push({ key, schema });
  }
  // Stable: `order` first (missing orders last), then the manifest's own order.
  return settings
    .map((s, index) => ({ ...s, index }))
    .sort((a, b) => (a.schema.order ?? Infinity) - (b.schema.order ?? Infinity) || a.index - b.index);
}

function groupOf(key) {
  const rest = key.replace(/^chineseReader\./, '');
  return [...GROUPS].reverse().find((g) => g.prefix === '' || rest.startsWith(g.prefix));
}

/** The whole page for the manifest in `root`. */
export function renderSettingsDoc(root = ROOT) {
  const manifest = readManifest(root);
  const settings = settingsOf(manifest);
  const out = [
    '<!-- Generated from package.json by scripts/generate-settings-doc.mjs: run `npm run docs:settings`, do not edit. -->',
    '',
    '# Settings',
    '',
    `Chinese Reader has ${settings.length} settings, listed here as in VS Code's Settings editor (search`,
    'for `chineseReader`). Settings are read for each document, so folder and `[language]`',
    'overrides apply. A value of the wrong type (say, a string where a list belongs) falls back',
    'to the default. A unit test fails when `package.json` and the TypeScript schema',
    '(`src/core/settings.ts`) disagree on a key, type or default, and another when this page',
    'is not what `npm run docs:settings` writes from `package.json`.',
    '',
  ];
  for (const group of GROUPS) {
    const members = settings.filter((s) => groupOf(s.key) === group);
    if (members.length === 0) continue;
    out.push(`## ${group.title}`, '');
    if (group.page) out.push(`How it works: [${group.page.replace(/#.*/, '')}](${group.page}).`, '');
    for (const { key, schema } of members) out.push(...renderSetting(key, schema));
  }
  const defaults = manifest.contributes?.configurationDefaults ?? {};
  const languageDefaults = Object.entries(defaults).filter(([key]) => /^\[.+\]$/.test(key));
  if (languageDefaults.length > 0) {
    out.push('## Language defaults', '');
    out.push('Editor settings Chinese Reader sets for its languages; your own settings for the language override them (why: [chinese-text.md](chinese-text.md#editor-defaults)).', '');
    out.push('| Language | Setting | Value |', '|---|---|---|');
    for (const [language, values] of languageDefaults) {
      for (const [key, value] of Object.entries(values)) out.push(`| \`${language}\` | \`${key}\` | ${code(value)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(ROOT);
  writeOrCheckGenerated(TARGET, renderSettingsDoc(ROOT), 'npm run docs:settings');
}
