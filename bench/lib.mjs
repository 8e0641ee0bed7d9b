// Small helpers shared by the benchmarks.
import path from 'node:path';

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Milliseconds taken by `fn`. */
export function time(fn) {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Median of `runs` results of `measure`. */
export function median(runs, measure) {
  const values = Array.from({ length: runs }, measure).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

export async function medianAsync(runs, measure) {
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}
