/**
 * The browser build (dist/web/extension.js, run by VS Code's web worker extension host)
 * must hold no Node module: a worker has no `require` for them, and one stray import
 * fails the whole extension on vscode.dev. Checked on esbuild's metafile (what went in)
 * and on the output itself (what it asks for at run time). `node esbuild.mjs` builds both.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { test } from 'node:test';
import { readRepoFile } from './helpers';

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The modules a CommonJS bundle requires at run time. */
function runtimeRequires(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
}

test('the browser bundle requires nothing at run time but vscode', () => {
  const required = new Set(runtimeRequires(readRepoFile('dist/web/extension.js')));
  assert.deepEqual([...required], ['vscode']);
});

test('no Node built-in, Node loader or native engine went into the browser bundle', () => {
  const meta = JSON.parse(readRepoFile('dist/web/meta.json')) as Metafile;
  const inputs = Object.keys(meta.inputs);
  assert.ok(inputs.some((i) => i.endsWith('src/vscode/platform/web.ts')), 'the web platform adapter is in');
  assert.ok(inputs.some((i) => i.endsWith('src/core/convert/engine.ts')), 'the conversion engine is bundled in');
  const offending = inputs.filter((i) => /(^|\/)src\/node\/|src\/vscode\/platform\/node\.ts$|@node-rs|nodejieba/.test(i));
  assert.deepEqual(offending, []);
  const imports = [...Object.values(meta.inputs), ...Object.values(meta.outputs)].flatMap((f) => f.imports.map((i) => i.path));
  assert.deepEqual([...new Set(imports.filter((p) => NODE_BUILTINS.has(p)))], []);
  const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual([...new Set(external)], ['vscode']);
});

test('the browser bundle uses none of Node\'s globals (Buffer, setImmediate, process, __dirname)', () => {
  const code = readRepoFile('dist/web/extension.js');
  const used = [...new Set([...code.matchAll(/\b(Buffer|setImmediate|__dirname|__filename)\b|\bprocess\.\w+/g)].map((m) => m[0]))];
  assert.deepEqual(used, []);
});

test('the run-time scan sees a Node require when there is one', () => {
  // Guards the regular expression above against silently matching nothing.
  const probe = 'var a=require("vscode"),b=require( \'fs\' ),c=require(`node:path`);';
  assert.deepEqual(runtimeRequires(probe), ['vscode', 'fs', 'node:path']);
});
