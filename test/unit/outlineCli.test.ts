import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

test('outline prints the seed as an indented outline with 1-based lines', async () => {
  const { code, out } = await run('outline', repoPath(SEED));
  assert.equal(code, 0);
  assert.equal(
    out,
    [
      '新基建時代,“數字政府2.0建設”如何推進?  (line 1)',
      '  1、應對治理大考:讓數字化想象力落地  (line 6)',
      '  2、數字政府2.0時代:數據運營能力成關鍵  (line 22)',
      '  3、智慧城市布局加速:需統籌全國“一盤棋”  (line 56)',
    ].join('\n'),
  );
});

test('outline --json is a flat array of {level, title, line, kind} in document order', async () => {
  const { out } = await run('outline', '--json', repoPath('test/fixtures/outline/policy-report.zh-cn.txt'));
  const headings = JSON.parse(out) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(headings[0]!), ['level', 'title', 'line', 'kind']);
  assert.deepEqual(headings.slice(0, 3), [
    { level: 1, title: '关于推进城市数字化转型的实施意见', line: 1, kind: 'title' },
    { level: 2, title: '一、总体要求', line: 7, kind: 'cn-list' },
    { level: 3, title: '（一）指导思想', line: 9, kind: 'cn-paren' },
  ]);
  assert.deepEqual(
    headings.map((h) => h.line),
    [...headings.map((h) => h.line as number)].sort((a, b) => a - b),
  );
  assert.deepEqual(JSON.parse((await run('outline', '--json', repoPath('test/fixtures/outline/no-headings.zh-tw.txt'))).out), []);
});

test('outline --check exits 1 and names the numbering problems on stderr; --rules applies user rules', () => {
  const bin = repoPath('bin/zhreader.js');
  const checked = spawnSync(process.execPath, [bin, 'outline', '--check', repoPath('test/fixtures/outline/numbering-errors.zh-tw.txt')], { encoding: 'utf8' });
  assert.equal(checked.status, 1);
  assert.match(checked.stderr, /numbering-errors\.zh-tw\.txt:17:1: Numbering gap: 第五章 follows 第三章 \(line 3\); number 4 is missing \[zh\.numbering\]/);
  assert.match(checked.stderr, /:13:1: Duplicate number: 二、/);
  const clean = spawnSync(process.execPath, [bin, 'outline', '--check', repoPath(SEED)], { encoding: 'utf8' });
  assert.equal(clean.status, 0);

  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-outline-'));
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify([{ pattern: '^序章$', level: 2 }]));
  const piped = spawnSync(process.execPath, [bin, 'outline', '--json', '--rules', rules], { input: '序章\n內容。\n第一章 開始\n內容。\n', encoding: 'utf8' });
  assert.equal(piped.status, 0, piped.stderr);
  assert.deepEqual(JSON.parse(piped.stdout), [
    { level: 1, title: '序章', line: 1, kind: 'user#1' },
    { level: 1, title: '第一章 開始', line: 3, kind: 'chapter' },
  ]);
  // What the linear-time engine cannot run is refused up front, naming the entry.
  writeFileSync(rules, JSON.stringify([{ pattern: '^(第)\\1', level: 2 }]));
  const refused = spawnSync(process.execPath, [bin, 'outline', '--rules', rules, repoPath(SEED)], { encoding: 'utf8' });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /chineseReader\.outline\.rules\[0\]\.pattern was refused: \\1 is a backreference/);
  // A pattern that hangs a backtracking engine runs, on a line built to trip it.
  writeFileSync(rules, JSON.stringify([{ pattern: '^(?:a?b?)*$', level: 2 }]));
  const hostile = spawnSync(process.execPath, [bin, 'outline', '--json', '--rules', rules], { input: `${'ab'.repeat(26)}a\n內容。\n${'ab'.repeat(26)}!\n`, encoding: 'utf8' });
  assert.equal(hostile.status, 0, hostile.stderr);
  assert.deepEqual(JSON.parse(hostile.stdout), [{ level: 1, title: `${'ab'.repeat(26)}a`, line: 1, kind: 'user#1' }]);
});

test('outline: usage errors', async () => {
  await assert.rejects(run('outline', '--nope'), /outline: unknown option --nope/);
  await assert.rejects(run('outline', 'a.txt', 'b.txt'), /one file at a time/);
  await assert.rejects(run('outline', '--rules'), /--rules needs a file/);
  await assert.rejects(run('outline', repoPath('does-not-exist.txt')), /no such file/);
});
