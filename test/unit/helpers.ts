/** Paths shared by the unit tests, resolved from the repository root. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: tests run from out/test/unit, three levels below it. */
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

export function repoPath(...parts: string[]): string {
  return path.join(REPO, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

export const SEED = 'seeds/digital-government-2.0.txt';
