import assert from 'node:assert/strict';
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

test('--help lists the check command', async () => {
  const { code, out } = await run('--help');
  assert.equal(code, 0);
  assert.match(out, /^ {2}check {2}/m);
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

test('check says on stderr which file has lines too long to check, and still checks the rest', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-check-long-'));
  const file = path.join(dir, 'long.txt');
  writeFileSync(file, `甲乙官網|甲乙登錄|甲乙註冊|甲乙平臺\n${'長'.repeat(20_000)}\n${'長'.repeat(10_001)}\n短句。\n`);
  const originalError = console.error;
  const errors: string[] = [];
  console.error = (message: string) => errors.push(message);
  let result;
  try {
    result = await run('check', file);
  } finally {
    console.error = originalError;
  }
  assert.equal(result.code, 1);
  assert.match(result.out, /long\.txt:1:1: warning seo: /);
  assert.deepEqual(errors, [`zhreader: ${file}: 2 lines longer than 10000 characters not checked`]);
});
