import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUtf8 } from '../../src/core/text/decode';

const bytes = (...b: number[]) => new Uint8Array(b);

test('decodes UTF-8 and drops a byte-order mark', () => {
  const text = '繁體字';
  assert.deepEqual(decodeUtf8(new TextEncoder().encode(text)), { ok: true, text, bom: false });
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  assert.deepEqual(decodeUtf8(withBom), { ok: true, text, bom: true });
});

test('refuses binary data', () => {
  const result = decodeUtf8(bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'binary');
});

test('refuses GBK and Big5 bytes, naming the first bad byte', () => {
  // 中文 in GBK is D6 D0 CE C4: D6 opens a two-byte UTF-8 sequence that D0 cannot continue.
  const result = decodeUtf8(bytes(0x61, 0x62, 0xd6, 0xd0, 0xce, 0xc4));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'not-utf8');
  assert.match(!result.ok ? result.message : '', /at byte 2\b/);
});
