import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

test('npm run eval:spam prints per-label and warning-level precision and recall, and false warnings per 1,000 clean lines', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-eval-'));
  mkdirSync(path.join(dir, 'docs'));
  copyFileSync(repoPath(SEED), path.join(dir, 'docs/seed.txt'));
  writeFileSync(path.join(dir, 'docs/clean.txt'), '標題\n這是一篇乾淨的文章，沒有任何廣告。\n');
  // The seed's own labels, plus one clean line labelled as an ad: a miss the script must count.
  const labels = [
    { file: 'docs/seed.txt', line: 84, label: 'seo' },
    { file: 'docs/seed.txt', line: 2, label: 'metadata' },
    { file: 'docs/seed.txt', line: 20, label: 'caption' },
    { file: 'docs/seed.txt', line: 10, label: 'ad' },
  ];
  writeFileSync(path.join(dir, 'labels.jsonl'), labels.map((l) => JSON.stringify(l)).join('\n'));
  const result = spawnSync(process.execPath, [repoPath('scripts/eval-spam.mjs'), dir], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const out = result.stdout;
  assert.match(out, /2 files, \d+ non-blank lines/);
  assert.match(out, /^label +precision +recall +F1 +support +tp +fp +fn$/m);
  assert.match(out, /^seo +1\.000 +1\.000 +1\.000 +1 +1 +0 +0$/m);
  assert.match(out, /^ad +n\/a +0\.000 +n\/a +1 +0 +0 +1$/m);
  assert.match(out, /^caption +1\.000 +1\.000 +1\.000 +1 +1 +0 +0$/m);
  assert.match(out, /^warning level: precision 1\.000, recall 0\.500 \(tp 1, fp 0, fn 1\)$/m);
  assert.match(out, /^false warnings on clean lines: 0 of \d+ = 0\.00 per 1,000/m);
  const missing = spawnSync(process.execPath, [repoPath('scripts/eval-spam.mjs'), path.join(dir, 'docs')], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /labels\.jsonl not found/);
});

test('check --explain prints the learned model view under each finding; --scorer hybrid gives the seed the same verdicts', async () => {
  const { code, out } = await run('check', '--explain', repoPath(SEED));
  assert.equal(code, 1);
  const lines = out.split('\n');
  const seo = lines.findIndex((l) => /:84:1: warning seo: /.test(l));
  assert.ok(seo >= 0, out);
  assert.match(lines[seo + 1]!, /^ {4}learned model: probability 0\.\d{3}|^ {4}learned model: probability 1\.000/);
  // One line per feature that is on, each with a signed contribution, id and plain words.
  assert.match(lines[seo + 2]!, /^ {4}[+-]\d+\.\d{3} {2}[a-z:+\d-]+: \S/);
  const hybrid = await run('check', '--scorer', 'hybrid', repoPath(SEED));
  const rules = await run('check', repoPath(SEED));
  assert.equal(hybrid.code, 1);
  assert.equal(hybrid.out, rules.out);
  const json = await run('check', '--format', 'json', '--explain', repoPath(SEED));
  const records = JSON.parse(json.out) as { line: number; explanation?: { probability: number; contributions: { id: string; value: number }[] } }[];
  assert.ok(records.find((r) => r.line === 84)!.explanation!.contributions.length > 0);
});

test('check --scorer refuses anything but rules or hybrid (exit 2)', async () => {
  await assert.rejects(run('check', '--scorer', 'bayes', repoPath(SEED)), (error: Error & { exitCode?: number }) => {
    assert.match(error.message, /--scorer must be rules or hybrid/);
    assert.equal(error.exitCode, 2);
    return true;
  });
});
