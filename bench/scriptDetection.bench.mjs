// Script detection throughput: our core (one pass, one table lookup per character)
// against the obvious approach with opencc-js (convert the text both ways and count
// the characters each conversion changes), on the same 5 MB of text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, median, time } from './lib.mjs';

export const name = 'script detection';

export async function run() {
  const { detectScript } = await import(path.join(REPO, 'out/bench/detect.mjs'));
  const seed = readFileSync(path.join(REPO, 'seeds/digital-government-2.0.txt'), 'utf8');
  const text = seed.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(seed)));
  const megabytes = Buffer.byteLength(text) / (1024 * 1024);

  const first = time(() => detectScript(seed));
  const ours = median(5, () => time(() => detectScript(text)));

  const OpenCC = await import('opencc-js');
  let t2s;
  let s2t;
  const peerLoad = time(() => {
    t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    s2t = OpenCC.Converter({ from: 'cn', to: 't' });
  });
  const peer = median(3, () =>
    time(() => {
      const simplified = t2s(text);
      const traditional = s2t(text);
      let t = 0;
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        if (simplified[i] !== text[i]) t++;
        if (traditional[i] !== text[i]) s++;
      }
      return t + s;
    }),
  );

  return [
    {
      metric: `detect script of ${megabytes.toFixed(1)} MB`,
      ours: `${ours.toFixed(0)} ms (${(megabytes / (ours / 1000)).toFixed(0)} MB/s)`,
      peer: `${peer.toFixed(0)} ms (${(megabytes / (peer / 1000)).toFixed(1)} MB/s)`,
      peerName: 'opencc-js t2s + s2t, count changes',
    },
    {
      metric: 'first call (tables built)',
      ours: `${first.toFixed(1)} ms`,
      peer: `${peerLoad.toFixed(0)} ms`,
      peerName: 'opencc-js building both converters',
    },
  ];
}
