import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { readRepoFile, repoPath, SEED } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

test('words export prints each format exactly as the fixtures', async () => {
  const list = repoPath('test/fixtures/study/words.tsv');
  assert.equal((await run('words', 'export', '--format', 'anki', list)).out + '\n', readRepoFile('test/fixtures/study/expected-anki.txt'));
  assert.equal((await run('words', 'export', '--format', 'anki', '--cloze', list)).out + '\n', readRepoFile('test/fixtures/study/expected-anki-cloze.txt'));
  assert.equal((await run('words', 'export', '--format', 'pleco', '--category', 'Chinese Reader', list)).out + '\n', readRepoFile('test/fixtures/study/expected-pleco.txt'));
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-words-'));
  const out = path.join(dir, 'words.csv');
  assert.equal((await run('words', 'export', '--format', 'csv', '--output', out, list)).code, 0);
  assert.equal(readFileSync(out, 'utf8'), readRepoFile('test/fixtures/study/expected.csv'));
});

test('words export refuses unknown formats and actions with a clear message', async () => {
  await assert.rejects(run('words', 'export', '--format', 'xls'), /--format must be anki, pleco or csv/);
  await assert.rejects(run('words', 'export'), /--format anki\|pleco\|csv is required/);
  await assert.rejects(run('words', 'import'), /expected "export"/);
  await assert.rejects(run('words', 'export', '--format', 'csv', '/no/such/list.tsv'), /no such file/);
});

test('stats --json: document and sections, known share from the known-words file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-stats-'));
  const known = path.join(dir, 'known.txt');
  writeFileSync(known, '數字\n政府\n的\n');
  const { code, out } = await run('stats', '--json', '--known', known, repoPath(SEED));
  assert.equal(code, 0);
  const stats = JSON.parse(out) as { knownListSize: number; document: { words: number; knownWords: number; knownShare: number; levels: number[] }; sections: { title: string; words: number }[] };
  assert.equal(stats.knownListSize, 3);
  assert.ok(stats.document.words > 1000);
  assert.ok(stats.document.knownWords > 50, 'the seed is full of 數字 and 政府');
  assert.equal(stats.document.knownShare, stats.document.knownWords / stats.document.words);
  assert.equal(
    stats.document.levels.reduce((a, b) => a + b, 0),
    stats.document.words,
  );
  assert.ok(stats.sections.length >= 3);
  // A known-words file named but missing is an error, not an empty list.
  await assert.rejects(run('stats', '--json', '--known', path.join(dir, 'missing.txt'), repoPath(SEED)), /missing\.txt: no such file/);
});
