// Small helpers shared by the benchmarks.
import path from 'node:path';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Milliseconds taken by `fn`. */
export function time(fn) {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** The median of `values`. */
export function middle(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median of `runs` results of `measure`. */
export function median(runs, measure) {
  return middle(Array.from({ length: runs }, measure));
}

/**
 * Runs `source` (an ES module body) in a fresh Node process with --expose-gc and returns
 * the JSON it prints last: memory figures are only honest in a process of their own.
 */
export async function inFreshProcess(source) {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', source], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop());
}
