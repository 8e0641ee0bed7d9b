import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { repoPath, SEED } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

test('--help lists the subcommands', async () => {
  const { code, out } = await run('--help');
  assert.equal(code, 0);
  assert.match(out, /^ {2}script {2}/m);
});

test('script names the Simplified last line of the seed', async () => {
  const { code, out } = await run('script', repoPath(SEED));
  assert.equal(code, 0);
  assert.match(out, /: 繁 Traditional Chinese; /);
  assert.match(out, /:84: Line 84 is Simplified \(11 Simplified-only characters\)$/m);
});

test('script --json gives 1-based lines', async () => {
  const { out } = await run('script', '--json', repoPath(SEED));
  const report = JSON.parse(out) as { script: string; outliers: { line: number; script: string }[] };
  assert.equal(report.script, 'traditional');
  assert.deepEqual(
    report.outliers.map((o) => [o.line, o.script]),
    [[84, 'simplified']],
  );
});

test('npx zhreader --help works from the repository root', () => {
  const result = spawnSync('npx', ['--no-install', 'zhreader', '--help'], { cwd: repoPath(), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^ {2}script {2}/m);
});

test('unknown commands and options are usage errors', async () => {
  await assert.rejects(run('nope'), /unknown command "nope"/);
  await assert.rejects(run('script', '--nope'), /unknown option --nope/);
});

test('the zhreader bin runs, reads stdin and refuses binary files with exit code 2', () => {
  const bin = repoPath('bin/zhreader.js');
  assert.match(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }), /Commands:/);
  const piped = execFileSync(process.execPath, [bin, 'script'], { input: '数字政府建设\n', encoding: 'utf8' });
  assert.match(piped, /^-: 简 Simplified Chinese/);
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-'));
  const binary = path.join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  const result = spawnSync(process.execPath, [bin, 'script', binary], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /looks binary/);
});

// Hover glossary (issue 3): zhreader lookup and zhreader segment.
test('lookup --json prints match, entries with tone-mark pinyin, and the glossary source', async () => {
  const { code, out } = await run('lookup', '新基建時代', '--at', '1', '--json', '--glossary', repoPath('seeds/glossary.tsv'));
  assert.equal(code, 0);
  const result = JSON.parse(out) as { match: { text: string; start: number; end: number }; entries: { pinyin: string; source: string }[] };
  assert.deepEqual(result.match, { text: '新基建', start: 0, end: 3 });
  assert.equal(result.entries[0]!.pinyin, 'xīn jī jiàn');
  assert.equal(result.entries[0]!.source, `glossary:${repoPath('seeds/glossary.tsv')}`);
});

test('lookup --json gives parts and the longest match as spans, offsets in UTF-16 units', async () => {
  // 𠮷 (U+20BB7) is two UTF-16 units: the offsets after it count both.
  const { code, out } = await run('lookup', '𠮷數字政府', '--at', '3', '--json', '--glossary', repoPath('seeds/glossary.tsv'));
  assert.equal(code, 0);
  type Span = { text: string; start: number; end: number; entries: { traditional: string; source: string }[] };
  const result = JSON.parse(out) as { match: { text: string; start: number; end: number }; parts: Span[]; longest: Span };
  assert.deepEqual(result.match, { text: '數字政府', start: 2, end: 6 });
  assert.deepEqual(
    result.parts.map((p) => [p.text, p.start, p.end, p.entries[0]!.source]),
    [
      ['數字', 2, 4, 'cc-cedict'],
      ['政府', 4, 6, 'cc-cedict'],
    ],
  );
  assert.deepEqual([result.longest.text, result.longest.start, result.longest.end], ['字', 3, 4]);
  assert.equal(result.longest.entries[0]!.traditional, '字');
});

test('lookup prints the hover as text; a bad offset is a usage error', async () => {
  const { code, out } = await run('lookup', '看數字', '--at', '1');
  assert.equal(code, 0);
  assert.match(out, /^數字 \(1-3\)$/m);
  assert.match(out, /數字 数字 \[shù zì\]\s+\(CC-CEDICT\)/);
  await assert.rejects(run('lookup', '數字', '--at', '9'), /--at must be an offset from 0 to 1/);
  const none = await run('lookup', 'abc');
  assert.equal(none.code, 1);
});

test('segment prints the words of each line separated by single spaces', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-segment-'));
  const file = path.join(dir, 'in.txt');
  writeFileSync(file, '新基建時代的數字政府\n\n健康碼\n');
  const out = execFileSync(process.execPath, [repoPath('bin/zhreader.js'), 'segment', file, '--glossary', repoPath('seeds/glossary.tsv')], {
    encoding: 'utf8',
  });
  assert.deepEqual(out.split('\n'), ['新基建 時代 的 數字政府', '', '健康碼', '']);
});
