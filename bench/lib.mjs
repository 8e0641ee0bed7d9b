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
