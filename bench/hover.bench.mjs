// The hover's core (LookupService: segmentation window, glossary, CC-CEDICT, one-hop
// references), in a fresh process: the first hover of a session with every load
// included (index, OpenCC t2s/s2t, jieba-rs, seed glossary), and hovers on a warm cache
// over a 10,000-character line, next to segmenting the whole line on every hover.
import path from 'node:path';
import { REPO, inFreshProcess } from './lib.mjs';

export const name = 'hover';

const SCRIPT = `
  const t = performance.now();
  const { createNodeLookupService } = await import(${JSON.stringify(path.join(REPO, 'out/bench/lookupService.mjs'))});
  const { readFileSync } = await import('node:fs');
  const service = createNodeLookupService(${JSON.stringify(path.join(REPO, 'dist/cedict.idx'))});
  await service.ready('jieba-rs');
  const { parseGlossary } = await import(${JSON.stringify(path.join(REPO, 'out/bench/glossaryParse.mjs'))});
  service.setGlossary([{ source: 'glossary.tsv', rows: parseGlossary(readFileSync(${JSON.stringify(path.join(REPO, 'seeds/glossary.tsv'))}, 'utf8'), 'tsv').rows }]);
  const first = service.lookupAt('新基建時代,“數字政府2.0建設”如何推進?', 8, 'jieba-rs');
  const firstMs = performance.now() - t;
  if (!first || first.match.text !== '數字政府') throw new Error('unexpected first hover: ' + JSON.stringify(first?.match));

  // A 10,000-character line of the seed's Han text (punctuation and all).
  const seed = readFileSync(${JSON.stringify(path.join(REPO, 'seeds/digital-government-2.0.txt'))}, 'utf8').replace(/\\n/g, '');
  const line = seed.repeat(Math.ceil(10000 / seed.length)).slice(0, 10000);
  const han = [...line.matchAll(/\\p{Script=Han}/gu)].map((m) => m.index);
  const positions = Array.from({ length: 200 }, (_, i) => han[(i * 7919) % han.length]);
  for (const p of positions) service.lookupAt(line, p, 'jieba-rs');
  const samples = [];
  for (let r = 0; r < 5; r++) for (const p of positions) { const s = performance.now(); service.lookupAt(line, p, 'jieba-rs'); samples.push(performance.now() - s); }
  samples.sort((a, b) => a - b);
  const warmMedian = samples[Math.floor(samples.length / 2)];
  const warmP99 = samples[Math.floor(samples.length * 0.99)];

  // Peer: segment the whole line on every hover, then find the token.
  const peer = [];
  for (const p of positions.slice(0, 20)) {
    const s = performance.now();
    const tokens = service.segmentLine(line, 'jieba-rs');
    tokens.find((tk) => tk.start <= p && p < tk.end);
    peer.push(performance.now() - s);
  }
  peer.sort((a, b) => a - b);
  console.log(JSON.stringify({ firstMs, warmMedian, warmP99, peerMedian: peer[Math.floor(peer.length / 2)] }));
`;

export async function run() {
  const r = await inFreshProcess(SCRIPT);
  return [
    { metric: 'first hover of a session, loads included', ours: `${r.firstMs.toFixed(0)} ms`, peer: '', peerName: 'target ≤ 400 ms' },
    {
      metric: 'warm hover, 10,000-char line (median / p99)',
      ours: `${r.warmMedian.toFixed(3)} / ${r.warmP99.toFixed(3)} ms`,
      peer: `${r.peerMedian.toFixed(1)} ms`,
      peerName: 'segment the whole line per hover',
    },
  ];
}
