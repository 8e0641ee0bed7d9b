/** Paths shared by the unit tests, resolved from the repository root. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A markdown-it token, as far as the tests read one. */
export interface MarkdownToken {
  type: string;
  tag: string;
  content: string;
  attrs: [string, string][] | null;
  children: MarkdownToken[] | null;
}

export interface MarkdownIt {
  parse(source: string, env: object): MarkdownToken[];
}

/** markdown-it (a devDependency: the CommonMark parser the tests check Markdown with) with `options`. */
export function markdownIt(options: object): MarkdownIt {
  return (createRequire(import.meta.url)('markdown-it') as (options: object) => MarkdownIt)(options);
}
