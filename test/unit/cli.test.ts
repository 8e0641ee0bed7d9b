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
