#!/usr/bin/env node
// `npm run package:all`: one .vsix per VS Code target, each holding the jieba-rs binary for
// that platform, plus a universal .vsix without any binary (the hover then finds words by
// longest dictionary match). Run after `node esbuild.mjs --production` (the npm script
// does both); the packages go to dist/packages/.
//
// The binaries are the `@node-rs/jieba-*` packages at exactly the version @node-rs/jieba's
// loader names in its optionalDependencies, downloaded with `npm pack` (a plain download
// from the configured registry: no install scripts, no os/cpu check) into
// .cache/jieba-binaries/ and checked against the integrity the committed package-lock.json
// records for them. A second run is offline.
// The project's node_modules is never touched: each package is staged in a temporary folder
// holding the files `vsce ls` would ship, with dist/node_modules/@node-rs/ swapped per target.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const req = createRequire(path.join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * VS Code's targets and the binary package @node-rs/jieba's index.js requires on each
 * (`@node-rs/jieba-<platform>-<arch>[-abi]`; VS Code's "alpine" is Linux with musl).
 */
const TARGETS = [
  { target: 'win32-x64', binary: '@node-rs/jieba-win32-x64-msvc' },
  { target: 'win32-arm64', binary: '@node-rs/jieba-win32-arm64-msvc' },
  { target: 'linux-x64', binary: '@node-rs/jieba-linux-x64-gnu' },
  { target: 'linux-arm64', binary: '@node-rs/jieba-linux-arm64-gnu' },
  { target: 'linux-armhf', binary: '@node-rs/jieba-linux-arm-gnueabihf' },
  { target: 'darwin-x64', binary: '@node-rs/jieba-darwin-x64' },
  { target: 'darwin-arm64', binary: '@node-rs/jieba-darwin-arm64' },
  { target: 'alpine-x64', binary: '@node-rs/jieba-linux-x64-musl' },
  { target: 'alpine-arm64', binary: '@node-rs/jieba-linux-arm64-musl' },
];

const PACKAGES_DIR = path.join(root, 'dist/packages');
const CACHE_DIR = path.join(root, '.cache/jieba-binaries');
/** The files of @node-rs/jieba itself that the extension needs (as esbuild.mjs copies them). */
const LOADER_FILES = ['package.json', 'index.js', 'dict.txt', 'LICENSE'];

/** The file name of a target's package (vsce's own naming); `undefined` is the universal package. */
function packageFileName(target) {
  return target ? `${pkg.name}-${target}-${pkg.version}.vsix` : `${pkg.name}-${pkg.version}.vsix`;
}

/** The version of `name` that @node-rs/jieba's loader expects, and its integrity from package-lock.json. */
function pinnedVersion(name) {
  const loader = JSON.parse(readFileSync(req.resolve('@node-rs/jieba/package.json'), 'utf8'));
  const version = loader.optionalDependencies?.[name];
  if (!version) throw new Error(`@node-rs/jieba ${loader.version} does not list ${name} in its optionalDependencies`);
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.[`node_modules/${name}`];
  if (entry?.version !== version || !entry.integrity) {
    throw new Error(`package-lock.json has no integrity for ${name}@${version} (found ${entry?.version ?? 'nothing'}); run npm install to update the lockfile`);
  }
  return { version, integrity: entry.integrity };
}

function integrityOf(file, algorithm) {
  return `${algorithm}-${createHash(algorithm).update(readFileSync(file)).digest('base64')}`;
}

function tarballPath(name, version) {
  // npm pack's own naming: @scope/name@1.2.3 -> scope-name-1.2.3.tgz
  return path.join(CACHE_DIR, `${name.slice(1).replace('/', '-')}-${version}.tgz`);
}

/**
 * The tarballs of the binary packages at their pinned versions, from the cache, with the
 * missing ones (or ones whose hash is wrong) fetched in one `npm pack` call; each is refused
 * unless its hash is the one package-lock.json records.
 */
function binaryTarballs(names) {
  const pinned = names.map((name) => ({ name, ...pinnedVersion(name) }));
  const ok = ({ name, version, integrity }) => {
    const tarball = tarballPath(name, version);
    return existsSync(tarball) && integrityOf(tarball, integrity.split('-', 1)[0]) === integrity;
  };
  const missing = pinned.filter((p) => !ok(p));
  if (missing.length > 0) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const specs = missing.map(({ name, version }) => `${name}@${version}`);
    console.log(`package:all: fetching ${specs.join(', ')} into ${path.relative(root, CACHE_DIR)}/`);
    execFileSync('npm', ['pack', ...specs, '--pack-destination', CACHE_DIR, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const tarballs = new Map();
  for (const p of pinned) {
    if (!ok(p)) {
      rmSync(tarballPath(p.name, p.version), { force: true });
      throw new Error(`${p.name}@${p.version}: the downloaded tarball's hash is not the lockfile's ${p.integrity}`);
    }
    tarballs.set(p.name, { tarball: tarballPath(p.name, p.version), version: p.version, fetched: missing.includes(p) });
  }
  return tarballs;
}

/** Unpacks a registry tarball (one folder, `package/`) into `dir`. */
function unpack(tarball, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
}

/** What `vsce package --no-dependencies` would ship from the repository, relative paths. */
async function shippedFiles() {
  const { listFiles, PackageManager } = req('@vscode/vsce');
  const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
  return files.map((f) => f.split(path.sep).join('/'));
}

/** The vsce command line `npm run package` uses, for the staged folder and one target. */
function vscePackage(stage, target, out) {
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', 'dist/README.md', '--out', out];
  if (target) args.push('--target', target);
  try {
    execFileSync(process.execPath, [req.resolve('@vscode/vsce/vsce'), ...args], { cwd: stage, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`vsce package ${target ?? '(universal)'} failed`);
  }
}

function formatSize(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

async function main() {
  const started = performance.now();
  const loaderDir = path.join(root, 'dist/node_modules/@node-rs/jieba');
  if (!existsSync(path.join(root, 'dist/extension.js')) || !existsSync(loaderDir) || !existsSync(path.join(root, 'dist/README.md'))) {
    throw new Error('dist/ is not built: run `node esbuild.mjs --production && node scripts/packaged-readme.mjs` first (npm run package:all does)');
  }

  const stage = mkdtempSync(path.join(os.tmpdir(), 'chinese-reader-stage-'));
  try {
    for (const file of await shippedFiles()) {
      if (file.startsWith('dist/node_modules/')) continue;
      cpSync(path.join(root, file), path.join(stage, file));
    }
    cpSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
    const stagedModules = path.join(stage, 'dist/node_modules/@node-rs');

    rmSync(PACKAGES_DIR, { recursive: true, force: true });
    mkdirSync(PACKAGES_DIR, { recursive: true });
    const tarballs = binaryTarballs(TARGETS.map((t) => t.binary));
    const rows = [];
    for (const { target, binary } of [...TARGETS, { target: undefined, binary: undefined }]) {
      rmSync(path.join(stage, 'dist/node_modules'), { recursive: true, force: true });
      let source = 'no binary: longest dictionary match';
      if (binary) {
        const { tarball, version, fetched } = tarballs.get(binary);
        for (const file of LOADER_FILES) cpSync(path.join(loaderDir, file), path.join(stagedModules, 'jieba', file));
        unpack(tarball, path.join(stagedModules, binary.slice('@node-rs/'.length)));
        source = `${binary}@${version}${fetched ? ' (fetched)' : ' (cached)'}`;
      }
      const out = path.join(PACKAGES_DIR, packageFileName(target));
      vscePackage(stage, target, out);
      rows.push({ target: target ?? 'universal', file: path.relative(root, out), bytes: statSync(out).size, source });
    }

    for (const r of rows) console.log(`${r.target.padEnd(13)} ${formatSize(r.bytes).padStart(10)}  ${r.file}  ${r.source}`);
    const files = readdirSync(PACKAGES_DIR).filter((f) => f.endsWith('.vsix'));
    console.log(`package:all: ${files.length} packages in ${path.relative(root, PACKAGES_DIR)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`package:all: ${error.message}`);
  process.exit(1);
});
