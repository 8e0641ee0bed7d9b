// The two jieba engines side by side, each in a fresh process: time and memory to load
// (dictionary included), and cutting speed on the seed article (converted to Simplified
// once, so that both cut the same text). The faster-loading, leaner one is the default
// (chineseReader.segmenter.engine).
import path from 'node:path';
import { REPO, inFreshProcess } from './lib.mjs';

export const name = 'segment';

const script = (engine) => `
  const { loadSegmenter, loadScriptConverters, segment } = await import(${JSON.stringify(path.join(REPO, 'out/bench/segmentEngines.mjs'))});
  const { readFileSync } = await import('node:fs');
  const seed = readFileSync(${JSON.stringify(path.join(REPO, 'seeds/digital-government-2.0.txt'))}, 'utf8');
  const { toSimplified } = await loadScriptConverters();
  const simplified = toSimplified(seed);
  gc(); const before = process.memoryUsage();
  const t = performance.now();
  const segmenter = loadSegmenter(${JSON.stringify(engine)});
  segmenter.cut('数字政府');
  const loadMs = performance.now() - t;
  gc(); const after = process.memoryUsage();
  let chars = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) { segmenter.cut(simplified); chars += simplified.length; }
  const charsPerSecond = chars / ((performance.now() - t0) / 1000);
  let tchars = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 1000) { segment(segmenter, seed, toSimplified); tchars += seed.length; }
  const t2sCharsPerSecond = tchars / ((performance.now() - t1) / 1000);
  console.log(JSON.stringify({ loadMs, rssMB: (after.rss - before.rss) / 1048576, heapMB: (after.heapUsed - before.heapUsed) / 1048576, charsPerSecond, t2sCharsPerSecond }));
`;

export async function run() {
  const rs = await inFreshProcess(script('jieba-rs'));
  const nj = await inFreshProcess(script('nodejieba'));
  const peerName = 'nodejieba 3.5.8 (cppjieba)';
  const mchars = (n) => `${(n / 1e6).toFixed(2)} M chars/s`;
  return [
    { metric: 'segmenter load, dictionary included (jieba-rs = ours)', ours: `${rs.loadMs.toFixed(0)} ms`, peer: `${nj.loadMs.toFixed(0)} ms`, peerName },
    { metric: 'added resident memory after load', ours: `${rs.rssMB.toFixed(0)} MB`, peer: `${nj.rssMB.toFixed(0)} MB`, peerName },
    { metric: 'cut Simplified text (seed, HMM on)', ours: mchars(rs.charsPerSecond), peer: mchars(nj.charsPerSecond), peerName },
    { metric: 'segment Traditional text via t2s + offset map', ours: mchars(rs.t2sCharsPerSecond), peer: mchars(nj.t2sCharsPerSecond), peerName },
  ];
}
