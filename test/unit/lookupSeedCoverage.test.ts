// How many of the seed's Han words get a dictionary entry in the hover: every word the
// hover's segmentation finds in the seed, looked up as the hover looks it up. The figures
// are printed (docs/hover.md quotes them); the assertions hold the mixed-script words the
// seed is known to write (對于 five times, 關于, 雜志) and a floor under the coverage.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { parseGlossary } from '../../src/core/glossary/parse';
import { createNodeLookupService } from '../../src/node/lookup';
import { readRepoFile, repoPath, SEED } from './helpers';

const service = createNodeLookupService(repoPath('dist/cedict.idx'));
const HAN = /^\p{Script=Han}+$/u;

before(async () => {
  await service.ready('jieba-rs');
  service.setGlossary([{ source: 'glossary.tsv', rows: parseGlossary(readRepoFile('seeds/glossary.tsv'), 'tsv').rows }]);
});

interface Coverage {
  readonly words: number;
  readonly withEntry: number;
  readonly distinct: number;
  readonly distinctWithEntry: number;
  readonly missing: ReadonlyMap<string, number>;
}

function seedCoverage(): Coverage {
  let words = 0;
  let withEntry = 0;
  const distinct = new Map<string, boolean>();
  const missing = new Map<string, number>();
  for (const line of readRepoFile(SEED).split(/\r\n|\r|\n/)) {
    for (const token of service.segmentLine(line, 'jieba-rs')) {
      if (!HAN.test(token.text)) continue;
      const result = service.lookupAt(line, token.start, 'jieba-rs');
      // The hover's own word at this place (the window may cut a different word).
      const found = (result?.entries.length ?? 0) > 0;
      words++;
      if (found) withEntry++;
      else missing.set(result?.match.text ?? token.text, (missing.get(result?.match.text ?? token.text) ?? 0) + 1);
      distinct.set(token.text, (distinct.get(token.text) ?? false) || found);
    }
  }
  const distinctWithEntry = [...distinct.values()].filter(Boolean).length;
  return { words, withEntry, distinct: distinct.size, distinctWithEntry, missing };
}

test("the seed's Han words: how many get an entry", () => {
  const c = seedCoverage();
  const missing = [...c.missing].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${w}×${n}`);
  console.log(
    `seed coverage: ${c.withEntry}/${c.words} Han words (${((100 * c.withEntry) / c.words).toFixed(1)}%), ` +
      `${c.distinctWithEntry}/${c.distinct} distinct; without an entry: ${missing.join(' ')}`,
  );
  for (const word of ['對于', '關于', '雜志']) assert.ok(!c.missing.has(word), `${word} gets an entry`);
});
