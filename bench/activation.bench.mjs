// Activation time in a real VS Code (code-server 4.100.3 = VS Code 1.100.3): loading
// the bundle plus the time inside activate(), next to an eager opencc-js load in the
// same extension host (what converter extensions do when they activate).
import path from 'node:path';
import { statSync } from 'node:fs';
import { REPO, middle } from './lib.mjs';
import { runExtensionTests } from '../test/harness/codeServer.mjs';

export const name = 'activation';
const RUNS = 3;

export async function run() {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const { exitCode, lines } = await runExtensionTests({
      name: 'bench-activation',
      testsPath: path.join(REPO, 'bench/activation/index.cjs'),
      startMarker: /^BENCH-START$/,
      onLine: () => {},
    });
    const line = lines.find((l) => l.startsWith('BENCH '));
    if (exitCode !== 0 || !line) throw new Error(`activation run ${i + 1} failed:\n${lines.join('\n')}`);
    samples.push(JSON.parse(line.slice('BENCH '.length)));
  }
  const mid = (key) => middle(samples.map((s) => s[key]));
  const bundle = statSync(path.join(REPO, 'dist/extension.js')).size / 1024;
  return [
    {
      metric: `activation in VS Code 1.100.3 (median of ${RUNS} starts)`,
      ours: `${(mid('loadMs') + mid('insideActivateMs')).toFixed(1)} ms = load ${mid('loadMs').toFixed(1)} + activate() ${mid('insideActivateMs').toFixed(2)}`,
      peer: `${mid('peerMs').toFixed(0)} ms`,
      peerName: 'eager opencc-js load + cn→tw converter',
    },
    { metric: 'extension bundle (dist/extension.js)', ours: `${bundle.toFixed(1)} KiB`, peer: '', peerName: '' },
  ];
}
