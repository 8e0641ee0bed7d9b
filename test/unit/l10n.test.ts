/**
 * The translations are complete and consistent: every %key% of package.json is defined in
 * package.nls.json and translated in zh-cn and zh-tw; every message the code passes to
 * vscode.l10n.t (src/vscode) or to a core Translate / msg() (src/core) has a zh-cn and a
 * zh-tw entry in l10n/; and every translation keeps the placeholders of its English.
 * The messages are read from the source, so a new message without a translation fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readRepoFile, repoPath } from './helpers';

const LOCALES = ['zh-cn', 'zh-tw'] as const;

function readJson(...parts: string[]): Record<string, string> {
  return JSON.parse(readRepoFile(...parts)) as Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(repoPath(dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.relative(repoPath(), path.join(e.parentPath, e.name)));
}

/** A TypeScript string literal at the start of `text` ('…' or "…"), unescaped; undefined when the argument is not one. */
function literalAt(text: string): string | undefined {
  const match = /^\s*(['"])((?:\\.|(?!\1)[^\\\n])*)\1\s*[,)]/.exec(text);
  if (!match) return undefined;
  const body = match[2]!;
  // Only the escapes our messages use: an escaped quote or backslash.
  assert.doesNotMatch(body, /\\[^'"\\]/, `unsupported escape in the message ${body}`);
  return body.replace(/\\(['"\\])/g, '$1');
}

/** The source without block comments and whole-line comments, which mention calls without making them. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

interface Call {
  readonly file: string;
  readonly callee: string;
  readonly message: string | undefined;
}

/** Every call of `callee` (a regex source matching the name and its parenthesis) in `files`, with its literal first argument. */
function callsIn(files: readonly string[], callee: RegExp): Call[] {
  const calls: Call[] = [];
  for (const file of files) {
    const text = withoutComments(readRepoFile(file));
    for (const match of text.matchAll(new RegExp(callee.source, 'g'))) {
      calls.push({ file, callee: match[0], message: literalAt(text.slice(match.index + match[0].length)) });
    }
  }
  return calls;
}

/**
 * src/vscode/l10n.ts is left out: it is the adapter that passes core's templates (checked
 * below, where core writes them) to vscode.l10n.t, so its call has no literal of its own.
 */
const vscodeFiles = [...sourceFiles('src/vscode'), 'src/extension.ts'].filter((f) => f !== path.join('src', 'vscode', 'l10n.ts'));
const coreFiles = sourceFiles('src/core');
/** vscode.l10n.t: always a literal, so that its key can be read here. */
const l10nCalls = callsIn(vscodeFiles, /\bl10n\.t\(/);
/** Core's Translate parameter (`t`, `this.t`) and msg() markers. A dynamic `t(x)` translates a msg() template. */
const coreCalls = [...callsIn(coreFiles, /(?:(?<![\w$.])|(?<=\bthis\.))t\(/), ...callsIn(coreFiles, /(?<![\w$.])msg\(/)];

function messageKeys(): Set<string> {
  return new Set([...l10nCalls, ...coreCalls].flatMap((c) => (c.message === undefined ? [] : [c.message])));
}

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
}

test('l10n: the extractor finds the messages (guards the regexes themselves)', () => {
  const keys = messageKeys();
  assert.ok(l10nCalls.length >= 100, `only ${l10nCalls.length} l10n.t calls found`);
  assert.ok(keys.has('Ignore this line in spam checks'), 'a quick fix title');
  assert.ok(keys.has('shares no vocabulary with the rest of the document'), 'a spam reason (core t)');
  assert.ok(keys.has('gambling terms'), 'a lexicon reason (msg)');
  assert.ok(keys.has("repeats {unit} ×{count} joined by '{separator}'"), 'a double-quoted literal holding quotes');
  assert.ok(keys.has('Allow "{term}" in spam checks'), 'a single-quoted literal holding double quotes');
});

test('l10n: every vscode.l10n.t and msg() call passes a string literal, so its key is checked', () => {
  const dynamic = [...l10nCalls, ...coreCalls.filter((c) => c.callee.startsWith('msg'))].filter((c) => c.message === undefined);
  assert.deepEqual(
    dynamic.map((c) => c.file),
    [],
  );
});

test('l10n: no l10n.t key in src/vscode is concatenated (the literal check would see only its first part)', () => {
  // A concatenated key (`'a' + b`) would pass the literal check above with only its first part.
  for (const file of vscodeFiles) {
    const text = readRepoFile(file);
    assert.doesNotMatch(text, /l10n\.t\(\s*(['"])(?:\\.|(?!\1)[^\\\n])*\1\s*\+/, `${file}: a concatenated l10n key`);
  }
});

for (const locale of LOCALES) {
  test(`l10n: bundle.l10n.${locale}.json translates every message the code passes, and nothing else`, () => {
    const bundle = readJson('l10n', `bundle.l10n.${locale}.json`);
    const keys = messageKeys();
    assert.deepEqual([...keys].filter((k) => !(k in bundle)).sort(), [], `missing in bundle.l10n.${locale}.json`);
    assert.deepEqual(Object.keys(bundle).filter((k) => !keys.has(k)).sort(), [], `stale keys in bundle.l10n.${locale}.json`);
  });

  test(`l10n: bundle.l10n.${locale}.json keeps each message's placeholders, and is translated`, () => {
    const bundle = readJson('l10n', `bundle.l10n.${locale}.json`);
    for (const [english, translated] of Object.entries(bundle)) {
      assert.deepEqual(placeholders(translated), placeholders(english), `${locale}: ${english} -> ${translated}`);
      assert.ok(translated.trim().length > 0, `${locale}: ${english} is empty`);
    }
  });

  test(`l10n: package.nls.${locale}.json has every key of package.nls.json, with the same placeholders`, () => {
    const english = readJson('package.nls.json');
    const translated = readJson(`package.nls.${locale}.json`);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      assert.deepEqual(placeholders(translated[key]!), placeholders(text), `${locale}: ${key}`);
      // Setting links (`#chineseReader.x#`) and code spans name settings and values: they must survive translation.
      const links = (s: string) => (s.match(/#chineseReader\.[\w.]+#/g) ?? []).sort();
      assert.deepEqual(links(translated[key]!), links(text), `${locale}: ${key} setting links`);
    }
  });
}

test('l10n: every %key% in package.json is defined in package.nls.json, and every key there is used', () => {
  const manifest = readRepoFile('package.json');
  const english = readJson('package.nls.json');
  const used = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!));
  assert.deepEqual([...used].filter((k) => !(k in english)).sort(), []);
  assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)).sort(), []);
});

test('l10n: command titles and setting descriptions in package.json are all %key% placeholders', () => {
  const manifest = JSON.parse(readRepoFile('package.json')) as {
    contributes: { commands: { title: string; category: string }[]; configuration: { properties: Record<string, Record<string, unknown>> } };
  };
  for (const command of manifest.contributes.commands) {
    assert.match(command.title, /^%.+%$/);
    assert.match(command.category, /^%.+%$/);
  }
  const strings = (value: unknown, key: string): [string, string][] => {
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([k, v]): [string, string][] => {
      if (['description', 'markdownDescription'].includes(k) && typeof v === 'string') return [[`${key}.${k}`, v]];
      if (k === 'enumDescriptions' && Array.isArray(v)) return v.map((d, i): [string, string] => [`${key}.enum[${i}]`, String(d)]);
      return strings(v, `${key}.${k}`);
    });
  };
  const literal = Object.entries(manifest.contributes.configuration.properties)
    .flatMap(([key, value]) => strings(value, key))
    .filter(([, text]) => !/^%.+%$/.test(text));
  assert.deepEqual(literal, []);
});

test('l10n: the .vsix ships the translations (.vscodeignore keeps package.nls.*.json and l10n/)', () => {
  const ignore = readRepoFile('.vscodeignore').split('\n');
  for (const line of ['!package.nls.json', '!package.nls.*.json', '!l10n/**']) assert.ok(ignore.includes(line), line);
  assert.equal((JSON.parse(readRepoFile('package.json')) as { l10n?: string }).l10n, './l10n');
});
