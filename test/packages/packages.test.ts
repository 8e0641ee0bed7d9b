/**
 * The packages `npm run package:all` built in dist/packages/ (the `test:packages` tier
 * builds them first): each target's .vsix names its target, holds the jieba-rs binary
 * for that platform and no other, and that binary's own header says the same OS,
 * architecture and C library; the universal package holds no binary. The linux-x64
 * package, unpacked into a folder of its own, loads its binary and segments the seed.
 * The shipped README holds the repository README's screenshots inline (VS Code's details
 * page shows no relative image) and links only to pages the package holds.
 *
 * The expectations below are written from VS Code's target names and @node-rs/jieba's
 * loader (index.js), not taken from scripts/package-all.mjs, so a wrong row there fails here.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { segment, type Segmenter } from '../../src/core/segment/segmenter';
import { identifyBinary, type NativeBinary } from './binaryHeader';
import { readZip, type ZipEntry } from './zip';

/** The repository root: this file runs from out/test/packages. */
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const PACKAGES = path.join(REPO, 'dist/packages');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; publisher: string };
const loaderManifest = JSON.parse(readFileSync(path.join(REPO, 'node_modules/@node-rs/jieba/package.json'), 'utf8')) as {
  optionalDependencies: Record<string, string>;
};

type Expected = Omit<NativeBinary, 'format' | 'library'> & { readonly binary: string };

/** VS Code target -> the package @node-rs/jieba's index.js requires there, and what its header must say. */
const EXPECTED: Record<string, Expected> = {
  'win32-x64': { binary: 'jieba-win32-x64-msvc', os: 'win32', arch: 'x64' },
  'win32-arm64': { binary: 'jieba-win32-arm64-msvc', os: 'win32', arch: 'arm64' },
  'linux-x64': { binary: 'jieba-linux-x64-gnu', os: 'linux', arch: 'x64', libc: 'glibc' },
  'linux-arm64': { binary: 'jieba-linux-arm64-gnu', os: 'linux', arch: 'arm64', libc: 'glibc' },
  'linux-armhf': { binary: 'jieba-linux-arm-gnueabihf', os: 'linux', arch: 'arm', libc: 'glibc', hardFloat: true },
  'darwin-x64': { binary: 'jieba-darwin-x64', os: 'darwin', arch: 'x64' },
  'darwin-arm64': { binary: 'jieba-darwin-arm64', os: 'darwin', arch: 'arm64' },
  'alpine-x64': { binary: 'jieba-linux-x64-musl', os: 'linux', arch: 'x64', libc: 'musl' },
  'alpine-arm64': { binary: 'jieba-linux-arm64-musl', os: 'linux', arch: 'arm64', libc: 'musl' },
};

const NODE_RS = 'extension/dist/node_modules/@node-rs/';
/** The loader's own files, as esbuild.mjs copies them into dist/node_modules/@node-rs/jieba. */
const LOADER_FILES = ['LICENSE', 'dict.txt', 'index.js', 'package.json'].map((f) => `${NODE_RS}jieba/${f}`);

function fileName(target: string | undefined): string {
  return target ? `${manifest.name}-${target}-${manifest.version}.vsix` : `${manifest.name}-${manifest.version}.vsix`;
}

interface Package {
  readonly entries: Map<string, ZipEntry>;
  text(name: string): string;
}

const opened = new Map<string | undefined, Package>();

/** The package for `target` (undefined: universal), read once. */
function open(target: string | undefined): Package {
  let pkg = opened.get(target);
  if (!pkg) {
    const file = path.join(PACKAGES, fileName(target));
    assert.ok(existsSync(file), `${path.relative(REPO, file)} is missing: run \`npm run package:all\` (npm run test:packages does)`);
    const entries = new Map(readZip(readFileSync(file)).map((e) => [e.name, e]));
    pkg = {
      entries,
      text(name) {
        const entry = entries.get(name);
        assert.ok(entry, `${fileName(target)} has no ${name}`);
        return entry.data().toString('utf8');
      },
    };
    opened.set(target, pkg);
  }
  return pkg;
}

/** The Identity element's attributes of extension.vsixmanifest. */
function identity(pkg: Package): Record<string, string> {
  const element = /<Identity\s([^>]*?)\/?>/.exec(pkg.text('extension.vsixmanifest'));
  assert.ok(element, 'extension.vsixmanifest has an Identity element');
  return Object.fromEntries([...element[1]!.matchAll(/([\w.]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const sha256 = (entry: ZipEntry) => sha256Of(entry.data());

/** Entries whose bytes open like an ELF, PE or Mach-O file, whatever their name. */
function nativeEntries(pkg: Package, names: Iterable<string>): string[] {
  const magics = ['7f454c46', 'cffaedfe', 'cefaedfe', 'cafebabe'];
  return [...names].filter((name) => {
    const head = pkg.entries.get(name)!.data().subarray(0, 4);
    return magics.includes(head.toString('hex')) || head.subarray(0, 2).toString('latin1') === 'MZ';
  });
}

test('dist/packages holds exactly the nine targets and the universal package', () => {
  const expected = [...Object.keys(EXPECTED).map(fileName), fileName(undefined)].sort();
  assert.ok(existsSync(PACKAGES), 'dist/packages is missing: run `npm run package:all`');
  assert.deepEqual(readdirSync(PACKAGES).filter((f) => f.endsWith('.vsix')).sort(), expected);
});

for (const [target, expected] of Object.entries(EXPECTED)) {
  test(`${target}: the manifest names the target, and the package holds ${expected.binary} and no other binary`, () => {
    const pkg = open(target);
    const id = identity(pkg);
    assert.equal(id.TargetPlatform, target, 'extension.vsixmanifest TargetPlatform');
    const shipped = JSON.parse(pkg.text('extension/package.json')) as typeof manifest;
    assert.ok(isDeepStrictEqual(shipped, manifest), "the package's package.json is not the repository's: run `npm run package:all` again");
    assert.deepEqual([id.Id, id.Version, id.Publisher], [manifest.name, manifest.version, manifest.publisher]);

    const binaryDir = `${NODE_RS}${expected.binary}/`;
    const nodeFiles = [...pkg.entries.keys()].filter((name) => name.endsWith('.node'));
    assert.deepEqual(nodeFiles, [`${binaryDir}jieba.${expected.binary.slice('jieba-'.length)}.node`]);
    const modules = [...pkg.entries.keys()].filter((name) => name.startsWith(NODE_RS)).sort();
    const binaryFiles = modules.filter((name) => name.startsWith(binaryDir));
    assert.deepEqual(
      modules.filter((name) => !binaryFiles.includes(name)),
      LOADER_FILES,
      'besides the binary package, only the loader is in dist/node_modules',
    );
    // Nothing else in dist/node_modules is a native binary under another name (the rest of the
    // package is the universal one's, which holds none: see the tests below).
    assert.deepEqual(nativeEntries(pkg, modules), nodeFiles);

    // The binary package is the version the loader lists, and declares this platform itself.
    const binaryManifest = JSON.parse(pkg.text(`${binaryDir}package.json`)) as { name: string; version: string; os: string[]; cpu: string[]; libc?: string[] };
    assert.equal(binaryManifest.name, `@node-rs/${expected.binary}`);
    assert.equal(binaryManifest.version, loaderManifest.optionalDependencies[`@node-rs/${expected.binary}`]);
    assert.deepEqual(binaryManifest.os, [expected.os]);
    assert.deepEqual(binaryManifest.cpu, [expected.arch]);
    // jieba-linux-arm-gnueabihf declares no libc; where one is declared it must match (the header test checks them all).
    if (binaryManifest.libc) assert.deepEqual(binaryManifest.libc, [expected.libc]);
  });

  test(`${target}: the binary's own header says ${[expected.os, expected.arch, expected.libc].filter(Boolean).join(' ')}`, () => {
    const pkg = open(target);
    const binary = [...pkg.entries.values()].find((e) => e.name.endsWith('.node'));
    assert.ok(binary, 'the package holds a binary');
    const found = identifyBinary(binary.data());
    const format = { linux: 'ELF', win32: 'PE', darwin: 'Mach-O' }[expected.os];
    const platform: Record<string, unknown> = { ...expected };
    delete platform.binary;
    assert.deepEqual(found, { format, ...platform, library: true });
  });
}

test('universal: no TargetPlatform, no binary and no jieba loader', () => {
  const pkg = open(undefined);
  assert.equal(identity(pkg).TargetPlatform, undefined);
  assert.deepEqual([...pkg.entries.keys()].filter((name) => name.endsWith('.node') || name.includes('/node_modules/')), []);
  assert.deepEqual(nativeEntries(pkg, pkg.entries.keys()), [], 'no file of the universal package is a native binary');
});

test('every package holds the same files as the universal one besides dist/node_modules, byte for byte', () => {
  const universal = open(undefined);
  // vsce writes `Publisher="p" />` without a target and `Publisher="p" TargetPlatform="t"/>` with one.
  const withoutTarget = (text: string) => text.replace(/\s*TargetPlatform="[^"]*"/, '').replace(/\s+\/>/g, '/>');
  for (const target of Object.keys(EXPECTED)) {
    const pkg = open(target);
    const names = [...pkg.entries.keys()].filter((name) => !name.startsWith('extension/dist/node_modules/'));
    assert.deepEqual(names.sort(), [...universal.entries.keys()].sort(), target);
    for (const name of names) {
      // [Content_Types].xml lists the packaged file extensions, `.node` among them where a binary is.
      if (name === '[Content_Types].xml') continue;
      if (name === 'extension.vsixmanifest') {
        assert.equal(withoutTarget(pkg.text(name)), withoutTarget(universal.text(name)), `${target}: the manifest differs only by its target`);
      } else {
        assert.equal(sha256(pkg.entries.get(name)!), sha256(universal.entries.get(name)!), `${target}: ${name}`);
      }
    }
  }
});

test('the header reader refuses what is not a single-platform native binary', () => {
  assert.throws(() => identifyBinary(Buffer.from('#!/usr/bin/env node\n')), /not a native binary/);
  assert.throws(() => identifyBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1])), /truncated binary/);
  assert.throws(() => identifyBinary(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])), /fat/);
  // A linux-x64 header that links no C library is not taken for Linux.
  const linux = open('linux-x64').entries.get(`${NODE_RS}jieba-linux-x64-gnu/jieba.linux-x64-gnu.node`)!.data();
  const renamed = Buffer.from(linux.toString('latin1').replace('libc.so.6', 'libz.so.6'), 'latin1');
  assert.throws(() => identifyBinary(renamed), /links no known C library/);
});

// The README that ships (scripts/packaged-readme.mjs): VS Code's details page shows images
// only from https: or data: URLs, so every image must be inside the package's readme.md, and
// the pages it links to inside the package. The other packages hold the same files (above).

interface MarkdownToken {
  type: string;
  attrs: [string, string][] | null;
  children: MarkdownToken[] | null;
}
const markdownIt = (createRequire(import.meta.url)('markdown-it') as (options: object) => { parse(source: string, env: object): MarkdownToken[] })({ html: true });

/** The link targets (`href`) and image sources (`src`) of a Markdown text, in order. */
function targetsOf(source: string): { links: string[]; images: string[] } {
  const links: string[] = [];
  const images: string[] = [];
  const walk = (tokens: MarkdownToken[]) => {
    for (const token of tokens) {
      const attr = (name: string) => token.attrs?.find(([n]) => n === name)?.[1];
      if (token.type === 'link_open') links.push(attr('href')!);
      if (token.type === 'image') images.push(attr('src')!);
      if (token.children) walk(token.children);
    }
  };
  walk(markdownIt.parse(source, {}));
  return { links, images };
}

/** What each image type's bytes start with. */
const IMAGE_MAGIC: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

test("universal: the shipped readme.md holds every image of the repository's README, and its links resolve inside the package", () => {
  const pkg = open(undefined);
  const readmes = [...pkg.entries.keys()].filter((name) => /^extension\/readme(\.md)?$/i.test(name));
  assert.deepEqual(readmes, ['extension/readme.md'], 'one README, where vsce puts it');
  assert.match(pkg.text('extension.vsixmanifest'), /Type="Microsoft\.VisualStudio\.Services\.Content\.Details" Path="extension\/readme\.md"/);

  const shipped = pkg.text('extension/readme.md');
  const repository = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const ours = targetsOf(repository);
  const theirs = targetsOf(shipped);
  assert.ok(ours.images.length >= 3, `the README shows ${ours.images.length} screenshots`);
  assert.equal(theirs.images.length, ours.images.length, 'the shipped README shows as many images as the repository README');

  theirs.images.forEach((src, i) => {
    const data = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=]+)$/.exec(src);
    assert.ok(data, `image ${i + 1} of the shipped README is not inside it: ${src.slice(0, 80)}`);
    const bytes = Buffer.from(data[2]!, 'base64');
    assert.ok(IMAGE_MAGIC[data[1]!]?.(bytes), `image ${i + 1} is not the ${data[1]} it says it is`);
    // The same picture as the repository README shows at that place.
    const original = readFileSync(path.join(REPO, ours.images[i]!));
    assert.equal(sha256Of(bytes), sha256Of(original), `image ${i + 1} is not ${ours.images[i]}: run npm run package again`);
  });
  // Apart from the inlined images, the shipped README is the repository's, word for word.
  let at = 0;
  const restored = shipped.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, () => ours.images[at++]!);
  assert.ok(restored === repository, "the shipped README is not the repository's README.md: run npm run package again");

  const relative = theirs.links.filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#'));
  assert.ok(relative.length > 5, `${relative.length} relative links`);
  for (const href of relative) {
    const file = path.posix.normalize(`extension/${href.split('#')[0]}`);
    assert.ok(pkg.entries.has(file), `the shipped README links to ${href}, which the package does not hold`);
  }
});

// linux-x64 runs here: unpack it as VS Code would install it and segment the seed with it.
let installed: string;

before(() => {
  installed = mkdtempSync(path.join(os.tmpdir(), 'chinese-reader-linux-x64-'));
  for (const entry of open('linux-x64').entries.values()) {
    if (!entry.name.startsWith('extension/')) continue;
    const file = path.join(installed, entry.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entry.data());
  }
});

after(() => {
  if (installed) rmSync(installed, { recursive: true, force: true });
});

test('linux-x64: the unpacked package loads its own binary and segments the seed', () => {
  const extensionDir = path.join(installed, 'extension');
  // Resolve as dist/extension.js does: the loader and binary come from the package, nowhere else.
  const req = createRequire(path.join(extensionDir, 'dist/extension.js'));
  const loaderPath = req.resolve('@node-rs/jieba');
  assert.ok(loaderPath.startsWith(extensionDir), loaderPath);
  const { Jieba } = req('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): { cut(text: string, hmm: boolean): string[] } } };
  const native = Object.keys(req.cache).filter((file) => file.endsWith('.node'));
  assert.deepEqual(native, [path.join(extensionDir, 'dist/node_modules/@node-rs/jieba-linux-x64-gnu/jieba.linux-x64-gnu.node')]);

  const jieba = Jieba.withDict(readFileSync(path.join(extensionDir, 'dist/node_modules/@node-rs/jieba/dict.txt')));
  const segmenter: Segmenter = { engine: 'jieba-rs', cut: (text) => jieba.cut(text, true), addWords: () => undefined };
  // The hover's path for Traditional text: cut the t2s copy (from the package's converter bundle).
  const { textConverter } = req(path.join(extensionDir, 'dist/convert-engine.js')) as { textConverter: (from: string, to: string) => (text: string) => string };
  const seed = readFileSync(path.join(REPO, 'seeds/digital-government-2.0.txt'), 'utf8');
  const tokens = segment(segmenter, seed, textConverter('t', 'cn'));
  assert.equal(tokens.map((t) => t.text).join(''), seed, 'the words cover the seed exactly');
  const words = new Set(tokens.map((t) => t.text));
  for (const word of ['數字', '政府', '建設', '治理', '疫情']) assert.ok(words.has(word), `${word} is one word`);
});
