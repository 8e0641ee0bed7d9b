// Script conversion throughput on the same 10 MB of text, in one run: our core (which
// also works out the minimal edits and, for Simplified → Traditional, the ambiguity
// marks), raw opencc-js (text only), and the native OpenCC command-line tool from
// Debian's `opencc` package (text only, timed as a whole process: start, dictionary
// load, read, convert, write). Each row gives ours as a ratio of the peer's rate in the
// same run, and the goal of 10 MB/s is checked on CPU time (best of three), which other
// processes on a shared machine slow down less than wall time. These figures used to be
// asserted by a unit test, which went red whenever the machine was busy.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, median, time } from './lib.mjs';

/** The conversion speed goal, in MB/s of CPU time. */
const GOAL_MBPS = 10;

/** CPU milliseconds (user + system) of this process taken by `fn`. */
function cpuTime(fn) {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** `ours` as a multiple of the peer's rate: above 1 is faster. */
function ratio(oursMs, peerMs) {
  return `${(peerMs / oursMs).toFixed(2)}× the peer's rate`;
}

export const name = 'convert';

const CONFIGS = [
  { id: 't2s', from: 't', to: 'cn', source: 'traditional' },
  { id: 's2tw', from: 'cn', to: 'tw', source: 'simplified' },
  { id: 's2twp', from: 'cn', to: 'twp', source: 'simplified' },
];

function openccCli() {
  const found = spawnSync('opencc', ['--version'], { encoding: 'utf8' });
  return found.error ? undefined : 'opencc';
}

export async function run() {
  const { createConverter } = await import(path.join(REPO, 'out/bench/convert.mjs'));
  const OpenCC = await import('opencc-js');
  const seed = readFileSync(path.join(REPO, 'seeds/digital-government-2.0.txt'), 'utf8');
  const traditional = seed.repeat(Math.ceil(10_000_000 / Buffer.byteLength(seed)));
  const texts = { traditional, simplified: OpenCC.Converter({ from: 't', to: 'cn' })(traditional) };
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-bench-'));
  const cli = openccCli();
  if (!cli) console.error('bench convert: SKIPPING the OpenCC CLI column: `opencc` is not installed (apt-get install opencc)');
  const rows = [];
  try {
    for (const config of CONFIGS) {
      const text = texts[config.source];
      const mb = Buffer.byteLength(text) / 1e6;
      const rate = (ms) => `${ms.toFixed(0)} ms (${(mb / (ms / 1000)).toFixed(1)} MB/s)`;

      let ours;
      const oursLoad = time(() => {
        ours = createConverter(config.from, config.to, { markAmbiguities: true });
        ours.convert('中文');
      });
      let result;
      const oursMs = median(3, () => time(() => (result = ours.convert(text))));
      let raw;
      const rawLoad = time(() => {
        raw = OpenCC.Converter({ from: config.from, to: config.to });
        raw('中文');
      });
      let rawText;
      const rawMs = median(3, () => time(() => (rawText = raw(text))));
      const same = rawText === result.text ? 'same text' : 'TEXT DIFFERS';
      rows.push({
        metric: `${config.id} of ${mb.toFixed(1)} MB (${result.edits.length} edits, ${result.ambiguities.length} marks)`,
        ours: `${rate(oursMs)}, ${ratio(oursMs, rawMs)}`,
        peer: `${rate(rawMs)}, ${same}`,
        peerName: 'opencc-js 1.4.2 Converter',
      });
      const oursCpu = Math.min(...[1, 2, 3].map(() => cpuTime(() => ours.convert(text))));
      const rawCpu = Math.min(...[1, 2, 3].map(() => cpuTime(() => raw(text))));
      const oursMbps = mb / (oursCpu / 1000);
      rows.push({
        metric: `${config.id} of ${mb.toFixed(1)} MB, CPU time, best of 3 (goal ≥ ${GOAL_MBPS} MB/s)`,
        ours: `${rate(oursCpu)}, ${ratio(oursCpu, rawCpu)}; goal ${oursMbps >= GOAL_MBPS ? 'met' : 'NOT MET'}`,
        peer: rate(rawCpu),
        peerName: 'opencc-js 1.4.2 Converter',
      });
      rows.push({ metric: `${config.id}: first use (dictionaries)`, ours: `${oursLoad.toFixed(0)} ms`, peer: `${rawLoad.toFixed(0)} ms`, peerName: 'opencc-js 1.4.2 Converter' });

      if (cli) {
        const input = path.join(dir, `${config.id}.in.txt`);
        const output = path.join(dir, `${config.id}.out.txt`);
        writeFileSync(input, text);
        const cliMs = median(3, () => time(() => execFileSync(cli, ['-c', `${config.id}.json`, '-i', input, '-o', output])));
        const cliText = readFileSync(output, 'utf8');
        const differing = countDifferingLines(cliText, result.text);
        rows.push({
          metric: `${config.id} of ${mb.toFixed(1)} MB, whole process`,
          ours: `${rate(oursMs + oursLoad)}, ${ratio(oursMs + oursLoad, cliMs)}`,
          peer: `${rate(cliMs)}, ${differing === 0 ? 'same text' : `${differing} lines differ`}`,
          peerName: `OpenCC CLI ${cliVersion(cli)} (Debian)`,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function countDifferingLines(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  let n = Math.abs(la.length - lb.length);
  for (let i = 0; i < Math.min(la.length, lb.length); i++) if (la[i] !== lb[i]) n++;
  return n;
}

function cliVersion(cli) {
  const out = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'opencc'], { encoding: 'utf8' }).stdout;
  return out || cli;
}
