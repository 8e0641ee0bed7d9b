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

test('check prints path:line:col: severity label: message and exits 1 on a warning', async () => {
  const { code, out } = await run('check', repoPath(SEED));
  assert.equal(code, 1);
  const lines = out.split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[2]!, /digital-government-2\.0\.txt:84:1: warning seo: keyword-stuffing \(SEO\) line: repeats 铁牛视频app ×3/);
  assert.match(lines[0]!, /:2:1: information metadata: /);
});

test('check --format json gives 1-based records and exit 0 without warnings', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-check-'));
  const clean = path.join(dir, 'clean.txt');
  writeFileSync(clean, '標題\n（來源：新華網）\n這是一篇乾淨的文章。\n');
  const { code, out } = await run('check', '--format', 'json', dir);
  assert.equal(code, 0);
  const records = JSON.parse(out) as { file: string; line: number; endLine: number; label: string; code: string; severity: string; score: number; reasons: string[]; message: string }[];
  assert.deepEqual(records.map((r) => [path.basename(r.file), r.line, r.endLine, r.label, r.code, r.severity]), [
    ['clean.txt', 2, 2, 'metadata', 'zh.metadata', 'information'],
  ]);
  assert.ok(records[0]!.reasons.length > 0 && typeof records[0]!.score === 'number');
  await assert.rejects(run('check', '--format', 'xml', clean), /--format must be text or json/);
});

test('check reads the other files of a folder when one is binary, then exits 2', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-check-bad-'));
  writeFileSync(path.join(dir, 'a.txt'), '甲乙官網|甲乙登錄|甲乙註冊|甲乙平臺\n');
  writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x00, 0x01, 0x02]));
  const lines: string[] = [];
  const originalError = console.error;
  const errors: string[] = [];
  console.error = (message: string) => errors.push(message);
  try {
    await assert.rejects(main(['check', dir], (l) => lines.push(l)), /1 of 2 files could not be read/);
  } finally {
    console.error = originalError;
  }
  assert.match(lines.join('\n'), /a\.txt:1:1: warning seo: /);
  assert.match(errors.join('\n'), /b\.txt/);
});
