#!/usr/bin/env node
// `npm test`: every tier in turn (static checks, unit, the per-platform packages,
// integration in real VS Code, the browser build in VS Code's web worker host, e2e in
// real Chromium), each through its own npm script so that it can also run alone. Every tier runs even when an earlier one fails; the summary names each
// tier's counts, and the exit code is non-zero when any tier failed.
import { spawn } from 'node:child_process';

const TIERS = [
  { name: 'static', script: 'test:static', counts: () => undefined },
  { name: 'unit', script: 'test:unit', counts: nodeTestCounts },
  { name: 'packages', script: 'test:packages', counts: nodeTestCounts },
  { name: 'integration', script: 'test:integration', counts: integrationCounts },
  { name: 'web', script: 'test:web', counts: (output) => suiteCounts('web', output) },
  { name: 'e2e', script: 'test:e2e', counts: nodeTestCounts },
];

/** node --test's spec reporter ends with "ℹ pass N", "ℹ fail N", "ℹ skipped N". */
function nodeTestCounts(output) {
  const read = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const counts = { passed: read('pass'), failed: read('fail'), skipped: read('skipped') + read('todo') };
  return Number.isNaN(counts.passed) ? undefined : counts;
}

/** "<name>: N passed, M failed", the last such line a suite prints. */
function suiteCounts(name, output) {
  const last = [...output.matchAll(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed$`, 'gm'))].pop();
  return last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: 0 } : undefined;
}

function integrationCounts(output) {
  const matches = [...output.matchAll(/^integration: (\d+) passed, (\d+) failed$/gm)];
  const last = matches.pop();
  if (!last) return undefined;
  const skipped = Number(/^integration: WARNING: (\d+) tests skipped$/m.exec(output)?.[1] ?? 0);
  return { passed: Number(last[1]), failed: Number(last[2]), skipped };
}

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
for (const tier of TIERS) {
  console.log(`\n==== ${tier.name} (npm run ${tier.script}) ====`);
  const started = Date.now();
  const { code, output } = await run(tier.script);
  const counts = tier.counts(output);
  results.push({ tier: tier.name, code, counts, seconds: (Date.now() - started) / 1000 });
}

console.log('\n==== summary ====');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  const status = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
  const counts = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped` : 'no test counts';
  console.log(`${r.tier.padEnd(12)} ${status.padEnd(18)} ${counts.padEnd(36)} ${r.seconds.toFixed(1)} s`);
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    skipped += r.counts.skipped;
  }
  // A tier that failed without reporting a failing test (a crash, a type error) still counts.
  if (r.code !== 0 && (!r.counts || r.counts.failed === 0)) failed += 1;
  if (r.code === 0 && r.counts && r.counts.passed === 0) {
    console.log(`${r.tier}: ran no test`);
    failed += 1;
  }
}
if (skipped > 0) console.log(`WARNING: ${skipped} tests were SKIPPED; see the tier output above for which and why.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
