// The long document the reading view is measured and tested on (bench/reading.bench.mjs,
// test/e2e/reading.test.mjs): the seed's paragraphs repeated under 第N章 headings, about
// 3,000 characters a chapter, each paragraph followed by a blank line, until `mb` MB of UTF-8.
import { readFileSync } from 'node:fs';

const SEED = new URL('../../seeds/digital-government-2.0.txt', import.meta.url);

/** The novel's lines. */
export function buildNovel(mb) {
  const paragraphs = readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((l) => /\p{Script=Han}/u.test(l));
  const lines = [];
  let bytes = 0;
  for (let chapter = 1, i = 0; bytes < mb * 1024 * 1024; chapter++) {
    lines.push(`第${chapter}章`, '');
    for (let size = 0; size < 3000; i++) {
      const p = paragraphs[i % paragraphs.length];
      lines.push(p, '');
      size += p.length;
      bytes += Buffer.byteLength(p) + 2;
    }
  }
  return lines;
}
