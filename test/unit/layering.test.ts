import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { repoPath } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

test('src/core never imports vscode, the adapters or the CLI', () => {
  const files = sources(repoPath('src/core'));
  assert.ok(files.length > 3, 'found the core sources');
  const offending = files.flatMap((file) =>
    importsOf(file)
      .filter((spec) => spec === 'vscode' || /(^|\/)(vscode|cli)(\/|$)/.test(spec.replace(/^(\.\.\/)+/, '')) && spec.startsWith('..'))
      .map((spec) => `${path.relative(repoPath(), file)} imports ${spec}`),
  );
  assert.deepEqual(offending, []);
});

test('src/core imports no Node module and none of the Node loaders (src/node), so that the browser build can use it', () => {
  const node = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const offending = sources(repoPath('src/core')).flatMap((file) =>
    importsOf(file)
      .filter((spec) => node.has(spec) || /^(\.\.\/)+node(\/|$)/.test(spec))
      .map((spec) => `${path.relative(repoPath(), file)} imports ${spec}`),
  );
  assert.deepEqual(offending, []);
});

test('the layering check sees a vscode import when there is one', () => {
  // Guards the regular expression above against silently matching nothing.
  const probe = "import * as vscode from 'vscode';\nimport { x } from '../vscode/config';\nconst y = require('vscode');";
  const found = [...probe.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
  assert.deepEqual(found, ['vscode', '../vscode/config', 'vscode']);
});

test('the CLI does not import vscode', () => {
  const offending = sources(repoPath('src/cli')).filter((f) => importsOf(f).includes('vscode'));
  assert.deepEqual(offending, []);
});
