/** `zhreader pinyin`: one output line per input line, text and JSON formats, both tone styles. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import { repoPath } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, lines };
}

function file(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-pinyin-'));
  const p = path.join(dir, 'input.txt');
  writeFileSync(p, text);
  return p;
}

const INPUT = '我去银行取钱。\n\n銀行行長說了算\r\nabc 😀 𩠌\n';

test('text format: the words\' pinyin with tone marks, one line per input line (CRLF and empty lines kept)', async () => {
  const { code, lines } = await run('pinyin', file(INPUT));
  assert.equal(code, 0);
  assert.deepEqual(lines, ['wǒ qù yínháng qǔ qián 。', '', 'yínhánghángzhǎng shuōlesuàn', 'abc 😀 sòng']);
});

test('text format with --tone numbers', async () => {
  const { lines } = await run('pinyin', '--tone', 'numbers', file('我去银行取钱。\n'));
  assert.deepEqual(lines, ['wo3 qu4 yin2hang2 qu3 qian2 。']);
});

test('json format: one element per code point, numbered pinyin or null', async () => {
  const { code, lines } = await run('pinyin', '--format', 'json', file(INPUT));
  assert.equal(code, 0);
  assert.equal(lines.length, 4);
  const parsed = lines.map((l) => JSON.parse(l) as (string | null)[]);
  assert.deepEqual(parsed[0], ['wo3', 'qu4', 'yin2', 'hang2', 'qu3', 'qian2', null]);
  assert.deepEqual(parsed[1], []);
  assert.deepEqual(parsed[2], ['yin2', 'hang2', 'hang2', 'zhang3', 'shuo1', 'le5', 'suan4']);
  // 'abc 😀 𩠌': 7 code points (the emoji and the Extension B character are one each).
  assert.deepEqual(parsed[3], [null, null, null, null, null, null, 'song4']);
});

test('json format with --tone marks gives marked syllables; ü is v in numbers, ǚ in marks', async () => {
  const input = file('绿色的旅行\n');
  assert.deepEqual((await run('pinyin', '--format=json', input)).lines, ['["lv4","se4","de5","lv3","xing2"]']);
  assert.deepEqual((await run('pinyin', '--format=json', '--tone=marks', input)).lines, ['["lǜ","sè","de","lǚ","xíng"]']);
});

test('several files are read in order; "-" is standard input (through the bin)', async () => {
  const { lines } = await run('pinyin', '--tone', 'numbers', file('银行\n'), file('行走\n'));
  assert.deepEqual(lines, ['yin2hang2', 'xing2zou3']);
  const piped = execFileSync(process.execPath, [repoPath('bin/zhreader.js'), 'pinyin', '--format', 'json', '-'], { input: '了解\n来了\n', encoding: 'utf8' });
  assert.equal(piped, '["liao3","jie3"]\n["lai2","le5"]\n');
});

test('usage errors: unknown values and options, exit code 2 through the bin', async () => {
  await assert.rejects(run('pinyin', '--format', 'xml'), /--format must be text or json, not "xml"/);
  await assert.rejects(run('pinyin', '--tone', 'zhuyin'), /--tone must be marks or numbers/);
  await assert.rejects(run('pinyin', '--nope'), /unknown option --nope/);
  const result = spawnSync(process.execPath, [repoPath('bin/zhreader.js'), 'pinyin', path.join(tmpdir(), 'no-such-file.txt')], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no such file/);
});

test('--help shows the usage and the command is listed', async () => {
  const { lines } = await run('pinyin', '--help');
  assert.match(lines.join('\n'), /zhreader pinyin \[--format text\|json\] \[--tone marks\|numbers\] \[FILE \.\.\.\|-\]/);
  assert.match((await run('--help')).lines.join('\n'), /^ {2}pinyin +print the pinyin/m);
});
