/**
 * Loads the jieba engines. Both are native addons kept out of the bundle: they are
 * required at run time from node_modules next to the bundle (the .vsix ships the
 * jieba-rs runtime in dist/node_modules; see esbuild.mjs) or, in tests, the repository's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Segmenter, SegmenterEngine } from '../core/segment/segmenter';

/** `require` resolving from the bundle's folder (CommonJS builds) or the working directory (ES module tests). */
export function nodeRequire(): NodeJS.Require {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
  return createRequire(from);
}

interface JiebaRsModule {
  Jieba: {
    withDict(dict: Uint8Array): {
      cut(text: string, hmm?: boolean): string[];
      loadDict(dict: Uint8Array): void;
    };
  };
}

interface NodeJiebaModule {
  load(): void;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

/** A jieba dictionary line for a word that must stay whole: a high count makes jieba prefer it. */
function userDictLines(words: Iterable<string>): string {
  let lines = '';
  for (const word of words) if (word && !/\s/.test(word)) lines += `${word} 100000\n`;
  return lines;
}

function loadJiebaRs(): Segmenter {
  const req = nodeRequire();
  const { Jieba } = req('@node-rs/jieba') as JiebaRsModule;
  // The dictionary file directly: @node-rs/jieba/dict also reads idf.txt, which we do not need or ship.
  const dict = readFileSync(path.join(path.dirname(req.resolve('@node-rs/jieba/package.json')), 'dict.txt'));
  const jieba = Jieba.withDict(dict);
  return {
    engine: 'jieba-rs',
    cut: (text) => jieba.cut(text, true),
    addWords(words) {
      const lines = userDictLines(words);
      if (lines) jieba.loadDict(Buffer.from(lines));
    },
  };
}

function loadNodeJieba(): Segmenter {
  const nodejieba = nodeRequire()('nodejieba') as NodeJiebaModule;
  // nodejieba assigns undeclared globals (dict, hmmDict, ...) in load(); keep them from
  // leaking into the extension host's global object.
  const leaked = ['dict', 'hmmDict', 'userDict', 'idfDict', 'stopWordDict'] as const;
  const g = globalThis as Record<string, unknown>;
  const before = leaked.map((k) => [k, Object.prototype.hasOwnProperty.call(g, k), g[k]] as const);
  try {
    nodejieba.load();
  } finally {
    for (const [k, had, value] of before) {
      if (had) g[k] = value;
      else delete g[k];
    }
  }
  return {
    engine: 'nodejieba',
    cut: (text) => nodejieba.cut(text, true),
    addWords(words) {
      for (const word of words) if (word && !/\s/.test(word)) nodejieba.insertWord(word);
    },
  };
}

const loaded = new Map<SegmenterEngine, Segmenter>();

/**
 * A segmenter of its own for a caller that adds and later removes words: a new jieba-rs
 * instance (about 100 ms); nodejieba is a process-wide singleton, so it is shared.
 */
export function createSegmenter(engine: SegmenterEngine): Segmenter {
  return engine === 'jieba-rs' ? loadJiebaRs() : loadSegmenter(engine);
}

/** The engine, loaded on first use and shared after; throws if its native module cannot load. */
export function loadSegmenter(engine: SegmenterEngine): Segmenter {
  let segmenter = loaded.get(engine);
  if (!segmenter) {
    segmenter = engine === 'nodejieba' ? loadNodeJieba() : loadJiebaRs();
    loaded.set(engine, segmenter);
  }
  return segmenter;
}
