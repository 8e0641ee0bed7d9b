import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { repoPath } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zhreader-convert-')), name);
  writeFileSync(file, content);
  return file;
}

const bin = repoPath('bin/zhreader.js');

test('convert --list prints every variant and conversion with a description', async () => {
  const { code, out } = await run('convert', '--list');
  assert.equal(code, 0);
  for (const v of ['cn', 'tw', 'twp', 'hk', 'hkp', 'jp', 't']) assert.match(out, new RegExp(`^ {2}${v} +\\S`, 'm'));
  assert.match(out, /s2twp +--from cn +--to twp +Simplified → Traditional \(Taiwan, with Taiwan phrases\)/);
  assert.match(out, /tw2sp +--from twp --to cn/);
});

test('convert --from t --to cn is t2s; --from twp --to cn is tw2sp', async () => {
  const file = tempFile('a.txt', '軟體和滑鼠\n');
  assert.equal((await run('convert', '--from', 't', '--to', 'cn', file)).out, '软体和滑鼠');
  assert.equal((await run('convert', '--from', 'twp', '--to', 'cn', file)).out, '软件和鼠标');
});

test('convert detects the source script when --from is missing', async () => {
  const file = tempFile('s.txt', '软件和鼠标\n');
  assert.equal((await run('convert', '--to', 'twp', file)).out, '軟體和滑鼠');
  const traditional = tempFile('t.txt', '爲了衆人\n');
  assert.equal((await run('convert', '--to', 'tw', traditional)).out, '為了眾人');
});

test('the bin names the detected conversion on standard error, each step of an indirect one', () => {
  const direct = spawnSync(process.execPath, [bin, 'convert', '--to', 'twp'], { input: '软件\n', encoding: 'utf8' });
  assert.equal(direct.stdout, '軟體\n');
  assert.equal(direct.stderr, 'zhreader: converting cn → twp (s2twp)\n');
  // opencc-js has no s2jp: Simplified → Japanese goes through standard Traditional.
  const indirect = spawnSync(process.execPath, [bin, 'convert', '--to', 'jp'], { input: '头发\n', encoding: 'utf8' });
  assert.equal(indirect.stdout, '頭髪\n');
  assert.equal(indirect.stderr, 'zhreader: converting cn → jp (s2t then t2jp)\n');
});

test('convert --protect keeps a term as written', async () => {
  const file = tempFile('p.txt', '乾燥的天氣\n');
  assert.equal((await run('convert', '--to', 'cn', file)).out, '干燥的天气');
  assert.equal((await run('convert', '--to', 'cn', '--protect', '乾燥', file)).out, '乾燥的天气');
});

test('convert usage errors: missing or unknown variant, unknown option, several files', async () => {
  await assert.rejects(run('convert', 'x.txt'), /--to VARIANT is required/);
  await assert.rejects(run('convert', '--to', 'zh'), /--to needs one of cn, tw, twp, hk, hkp, jp, t, not "zh"/);
  await assert.rejects(run('convert', '--to', 'cn', '--nope'), /unknown option --nope/);
  await assert.rejects(run('convert', '--to', 'cn', 'a', 'b'), /give one FILE/);
});

test('the zhreader bin converts stdin to stdout and refuses binary files', () => {
  const piped = execFileSync(process.execPath, [bin, 'convert', '--to', 'tw'], { input: '数字政府建设\n', encoding: 'utf8' });
  assert.equal(piped, '數字政府建設\n');
  const binary = tempFile('b.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  const result = spawnSync(process.execPath, [bin, 'convert', '--to', 'cn', binary], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /looks binary/);
});
