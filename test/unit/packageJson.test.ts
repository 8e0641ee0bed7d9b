import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SETTING_DEFAULTS, SETTINGS_SECTION, ZH_TEXT_LANGUAGE } from '../../src/core/settings';
import { COMMANDS } from '../../src/vscode/commandIds';
import { readRepoFile, repoPath } from './helpers';

interface Manifest {
  name: string;
  displayName: string;
  publisher: string;
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  activationEvents: string[];
  icon: string;
  categories: string[];
  keywords: string[];
  extensionKind: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: unknown };
  contributes: {
    languages: { id: string; aliases: string[]; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
    keybindings?: { command: string; when?: string }[];
    configuration: { title: string; properties: Record<string, Record<string, unknown>> };
  };
}

/** `%key%` strings replaced from package.nls.json: the manifest as VS Code shows it in English. */
function inEnglish(value: unknown, nls: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key !== undefined && key in nls ? nls[key] : value;
  }
  if (Array.isArray(value)) return value.map((v) => inEnglish(v, nls));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEnglish(v, nls)]));
  return value;
}

const manifest = inEnglish(JSON.parse(readRepoFile('package.json')), JSON.parse(readRepoFile('package.nls.json')) as Record<string, string>) as Manifest;

test('identity: name, display name, CLI bin and entry point', () => {
  assert.equal(manifest.name, 'chinese-reader');
  assert.equal(manifest.displayName, 'Chinese Reader');
  assert.equal(manifest.bin.zhreader, 'bin/zhreader.js');
  assert.ok(existsSync(repoPath(manifest.bin.zhreader)));
  assert.equal(manifest.main, './dist/extension.js');
});

test('engines.vscode is satisfied by VS Code 1.100', () => {
  const match = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.vscode);
  assert.ok(match, `expected a caret range, got ${manifest.engines.vscode}`);
  assert.equal(Number(match[1]), 1);
  assert.ok(Number(match[2]) <= 100, 'minor version must not exceed 100');
});

test('workspace trust and virtual workspace support are declared', () => {
  assert.ok('supported' in manifest.capabilities.untrustedWorkspaces);
  assert.notEqual(manifest.capabilities.virtualWorkspaces, undefined);
});

test('settings in package.json match the TypeScript schema, key for key and default for default', () => {
  const properties = manifest.contributes.configuration.properties;
  const declared = Object.keys(properties).sort();
  const expected = Object.keys(SETTING_DEFAULTS)
    .map((k) => `${SETTINGS_SECTION}.${k}`)
    .sort();
  assert.deepEqual(declared, expected);
  for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
    const property = properties[`${SETTINGS_SECTION}.${key}`]!;
    assert.deepEqual(property.default, value, `default of ${key}`);
    assert.equal(property.type, Array.isArray(value) ? 'array' : typeof value, `type of ${key}`);
    assert.ok(property.scope, `${key} declares a scope`);
    assert.ok(property.markdownDescription, `${key} has a markdownDescription`);
    assert.equal(typeof property.order, 'number', `${key} has an order`);
  }
});

test('commands in package.json match the command table, each with the category', () => {
  const declared = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(declared, Object.values(COMMANDS).sort());
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'Chinese Reader', `${command.command} category`);
    assert.doesNotMatch(command.title, /^Chinese Reader/, `${command.command}: the category already says it`);
  }
});

test('every command palette entry and keybinding has a when clause', () => {
  for (const entry of manifest.contributes.menus.commandPalette) assert.ok(entry.when, `${entry.command} has no when`);
  for (const entry of manifest.contributes.keybindings ?? []) assert.ok(entry.when, `${entry.command} has no when`);
  const listed = new Set(manifest.contributes.menus.commandPalette.map((e) => e.command));
  for (const id of Object.values(COMMANDS)) assert.ok(listed.has(id), `${id} has a palette entry with a when clause`);
});

test('the zh-text language covers the Chinese file name patterns and has a grammar', () => {
  const language = manifest.contributes.languages.find((l) => l.id === ZH_TEXT_LANGUAGE)!;
  assert.ok(language, 'zh-text is contributed');
  assert.equal(language.aliases[0], 'Chinese Text');
  for (const ext of ['.zh.txt', '.zh-cn.txt', '.zh-tw.txt', '.zh-hk.txt']) assert.ok(language.extensions.includes(ext), ext);
  assert.ok(existsSync(repoPath(language.configuration)));
  const grammar = manifest.contributes.grammars.find((g) => g.language === ZH_TEXT_LANGUAGE)!;
  const parsed = JSON.parse(readRepoFile(grammar.path)) as { scopeName: string };
  assert.equal(parsed.scopeName, grammar.scopeName);
});

/**
 * The activation events VS Code 1.100 derives from contributions itself (its
 * `activationEventsGenerator`s): onLanguage for a contributed language that has a
 * configuration, onCommand for every contributed command. Others' languages (plaintext,
 * markdown) are not derived and must be listed.
 */
function derivedActivationEvents(): Set<string> {
  const { languages, commands } = manifest.contributes;
  return new Set([
    ...languages.filter((l) => l.id && l.configuration).map((l) => `onLanguage:${l.id}`),
    ...commands.map((c) => `onCommand:${c.command}`),
  ]);
}

test('the extension activates on every default language, listed or derived from its own languages', () => {
  const derived = derivedActivationEvents();
  for (const id of SETTING_DEFAULTS.languages) {
    const event = `onLanguage:${id}`;
    assert.ok(manifest.activationEvents.includes(event) || derived.has(event), id);
  }
  assert.ok(manifest.activationEvents.includes('onLanguage:plaintext'), 'plaintext is not ours: VS Code derives nothing for it');
  assert.ok(manifest.activationEvents.includes('onLanguage:markdown'), 'markdown is not ours: VS Code derives nothing for it');
});

test('no activation event is listed that VS Code derives from the contributions', () => {
  const derived = derivedActivationEvents();
  assert.deepEqual(manifest.activationEvents.filter((e) => derived.has(e)), []);
});

test('Marketplace identity: icon, categories, Chinese keywords, extension kind', () => {
  assert.ok(manifest.icon, 'an icon is declared');
  const png = readFileSync(repoPath(manifest.icon));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  // IHDR is the first chunk: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.ok(readRepoFile('.vscodeignore').split('\n').includes(`!${manifest.icon}`), 'the icon is packaged');
  for (const category of ['Education', 'Linters', 'Programming Languages']) assert.ok(manifest.categories.includes(category), category);
  for (const keyword of ['中文', '繁體', '简体', '拼音', '词典']) assert.ok(manifest.keywords.includes(keyword), keyword);
  // vsce refuses more than 30 keywords.
  assert.ok(manifest.keywords.length <= 30);
  // A web build does not exist yet: the extension runs where the files are (the workspace host).
  assert.deepEqual(manifest.extensionKind, ['workspace']);
});

/**
 * Object keys that occur twice in one object of a JSON text. JSON.parse keeps the last one
 * silently, so a merge that adds a second `configurationDefaults` drops the first.
 */
function duplicateKeys(json: string): string[] {
  const found: string[] = [];
  const stack: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(json.slice(i, end + 1)) as string;
        if (keys.has(key)) found.push(key);
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      stack.push(undefined);
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      expectKey = stack[stack.length - 1] !== undefined;
    }
  }
  return found;
}

test('package.json has no key twice in one object (JSON.parse would keep only the last)', () => {
  assert.deepEqual(duplicateKeys('{"a":{"b":1,"b":2},"c":[{"d":1},{"d":2}]}'), ['b'], 'the check finds a duplicate and only that');
  assert.deepEqual(duplicateKeys(readRepoFile('package.json')), []);
});
