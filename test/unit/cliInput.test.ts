/**
 * The CLI's input reading on hostile input: endless streams, binary and UTF-16 files,
 * unreadable folders, lone CR line breaks. The bin runs as a child process, as a user runs it.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { CliError, readTextInput } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { repoPath } from './helpers';

const bin = repoPath('bin/zhreader.js');
const dir = mkdtempSync(path.join(tmpdir(), 'zhreader-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function zhreader(args: string[], options: { input?: string | Buffer; uid?: number } = {}) {
  const uid = options.uid;
  return spawnSync(process.execPath, [bin, ...args], {
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
}

test('zhreader script /dev/zero stops at once: NUL bytes, exit code 2', () => {
  const result = zhreader(['script', '/dev/zero']);
  assert.equal(result.signal, null, 'it ended by itself');
  assert.equal(result.status, 2);
  assert.equal(result.stderr, 'zhreader: /dev/zero looks binary (it contains NUL bytes, the first at byte 0)\n');
});

test('an endless stream of NULs on standard input is refused as it arrives', async () => {
  // A child that writes NULs until its pipe closes: the CLI must close it, not read forever.
  const writer = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(65536); const w = () => process.stdout.write(b, w); w(); process.stdout.on("error", () => process.exit(0));']);
  const reader = spawn(process.execPath, [bin, 'convert', '--to', 'cn'], { stdio: ['pipe', 'pipe', 'pipe'] });
  writer.stdout.pipe(reader.stdin);
  reader.stdin.on('error', () => undefined);
  let stderr = '';
  reader.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => reader.on('close', resolve));
  writer.kill();
  assert.equal(code, 2);
  assert.equal(stderr, 'zhreader: standard input looks binary (it contains NUL bytes, the first at byte 0)\n');
});

test('an endless stream of text is stopped at the size limit, with the limit in the message', async () => {
  // The real limit is V8's string limit (512 MiB); a small one keeps the test light. The
  // stream never ends: only the limit can stop the read.
  const stdin = new PassThrough();
  const line = Buffer.from('數字政府建設\n');
  let written = 0;
  const feed = () => {
    while (stdin.write(line)) written += line.length;
    written += line.length;
  };
  stdin.on('drain', feed);
  feed();
  await assert.rejects(readTextInput('-', { stdin, maxBytes: 100_000 }), (error: unknown) => {
    assert.ok(error instanceof CliError);
    assert.equal(error.message, 'standard input is larger than the 100,000 bytes a text file may have');
    assert.equal(error.exitCode, 2);
    return true;
  });
  assert.ok(written < 1_000_000, `the reader stopped the stream early (${written} bytes written)`);
  assert.equal(stdin.destroyed, true, 'the stream was closed');
});

test('a FIFO fed forever is stopped at the size limit too', async () => {
  const fifo = path.join(dir, 'endless.fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  const writer = spawn(process.execPath, ['-e', `const fs = require('fs'); const fd = fs.openSync(${JSON.stringify(fifo)}, 'w'); const b = Buffer.from('abc\\n'.repeat(4096)); try { for (;;) fs.writeSync(fd, b); } catch { process.exit(0); }`]);
  try {
    await assert.rejects(readTextInput(fifo, { maxBytes: 200_000 }), /endless\.fifo is larger than the 200,000 bytes a text file may have$/);
  } finally {
    writer.kill();
  }
});

test('the default limit is V8\'s string length, and the message says so', async () => {
  const stdin = new PassThrough();
  stdin.end(Buffer.alloc(10, 0x61));
  await assert.rejects(readTextInput('-', { stdin, maxBytes: 9 }), /larger than the 9 bytes/);
  const { MAX_TEXT_BYTES } = await import('../../src/core/text/decode');
  const { constants } = await import('node:buffer');
  assert.equal(MAX_TEXT_BYTES, constants.MAX_STRING_LENGTH, 'the limit is this Node\'s string limit');
});

test('UTF-16 files are named as UTF-16, with the byte, not as binary', () => {
  const le = path.join(dir, 'utf16le.txt');
  writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('數字政府 2.0\n', 'utf16le')]));
  const noBom = path.join(dir, 'utf16-nobom.txt');
  writeFileSync(noBom, Buffer.from('Chapter 1 數字政府\n', 'utf16le'));
  let result = zhreader(['script', le]);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, `zhreader: ${le} is UTF-16 LE text, not UTF-8 (byte-order mark FF FE at byte 0); save it as UTF-8\n`);
  result = zhreader(['convert', '--to', 'cn', noBom]);
  assert.equal(result.status, 2);
  assert.equal(
    result.stderr,
    `zhreader: ${noBom} is UTF-16 LE text, not UTF-8 (no byte-order mark; NUL bytes at odd offsets, the first at byte 1); save it as UTF-8\n`,
  );
});

test('check DIR names an unreadable subfolder in one line and checks the readable files', () => {
  // Root reads through chmod 000, so the CLI runs as nobody (uid 65534) when the tests run
  // as root: the folder listing then really fails with EACCES.
  const root = path.join(dir, 'articles');
  mkdirSync(path.join(root, 'locked'), { recursive: true });
  mkdirSync(path.join(root, 'open'), { recursive: true });
  writeFileSync(path.join(root, 'open', 'spam.txt'), '数字政府建设的关键在于数据运营能力。\n加微信 abc12345 领取澳门赌场优惠，日赚万元，详情咨询QQ 123456789\n');
  writeFileSync(path.join(root, 'locked', 'hidden.txt'), '数字政府建设。\n');
  for (const d of [dir, root, path.join(root, 'open')]) chmodSync(d, 0o755);
  chmodSync(path.join(root, 'open', 'spam.txt'), 0o644);
  chmodSync(path.join(root, 'locked'), 0o000);
  try {
    const asRoot = process.getuid?.() === 0;
    const result = zhreader(['check', root], asRoot ? { uid: 65534 } : {});
    assert.equal(result.status, 2, result.stderr);
    const lines = result.stderr.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `zhreader: ${path.join(root, 'locked')}: folder not checked: permission denied`,
      'zhreader: check: 1 folder and 0 of 1 file could not be read',
    ]);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.match(result.stdout, /open\/spam\.txt:2:1: warning /, 'the readable file was checked');
  } finally {
    chmodSync(path.join(root, 'locked'), 0o755);
  }
});

test('segment splits lines at a lone CR, like every other command', async () => {
  const file = path.join(dir, 'old-mac.txt');
  writeFileSync(file, '數字政府\r建設\r\n資訊\n');
  const lines: string[] = [];
  const code = await main(['segment', file], (l) => lines.push(l));
  assert.equal(code, 0);
  assert.equal(lines.length, 3, lines.join(' | '));
  assert.equal(lines[1], '建設');
  assert.equal(lines[2], '資訊');
});
