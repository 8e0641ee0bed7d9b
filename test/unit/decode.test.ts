import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, firstInvalidUtf8Byte, MAX_TEXT_BYTES } from '../../src/core/text/decode';

const bytes = (...b: number[]) => new Uint8Array(b);
const SEED = 20261129;

test('decodes UTF-8 and drops a byte-order mark', () => {
  const text = '繁體字';
  assert.deepEqual(decodeUtf8(new TextEncoder().encode(text)), { ok: true, text, bom: false });
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  assert.deepEqual(decodeUtf8(withBom), { ok: true, text, bom: true });
});

test('refuses binary data, naming the first NUL byte', () => {
  const result = decodeUtf8(bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'binary');
  assert.equal(!result.ok && result.message, 'looks binary (it contains NUL bytes, the first at byte 4)');
});

test('refuses GBK and Big5 bytes, naming the first bad byte', () => {
  // 中文 in GBK is D6 D0 CE C4: D6 opens a two-byte UTF-8 sequence that D0 cannot continue.
  const result = decodeUtf8(bytes(0x61, 0x62, 0xd6, 0xd0, 0xce, 0xc4));
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'not-utf8');
  assert.match(!result.ok ? result.message : '', /at byte 2\b/);
});

test('second bytes outside the E0, ED, F0 and F4 ranges are refused where their sequence starts', () => {
  // Overlong (E0 80, F0 80), surrogates (ED A0) and above U+10FFFF (F4 90).
  assert.equal(firstInvalidUtf8Byte(bytes(0x41, 0xe0, 0x80, 0x80)), 1);
  assert.equal(firstInvalidUtf8Byte(bytes(0x41, 0x42, 0xed, 0xa0, 0x80)), 2);
  assert.equal(firstInvalidUtf8Byte(bytes(0xf0, 0x80, 0x80, 0x80)), 0);
  assert.equal(firstInvalidUtf8Byte(bytes(0xe4, 0xb8, 0xad, 0xf4, 0x90, 0x80, 0x80)), 3);
  assert.equal(firstInvalidUtf8Byte(bytes(0xe0, 0xa0, 0x80, 0xed, 0x9f, 0xbf, 0xf0, 0x90, 0x80, 0x80, 0xf4, 0x8f, 0xbf, 0xbf)), -1);
  // A sequence cut off by the end is reported where it starts, never past the end.
  assert.equal(firstInvalidUtf8Byte(bytes(0x41, 0xe4, 0xb8)), 1);
  assert.equal(firstInvalidUtf8Byte(bytes(0xf0)), 0);
});

/**
 * The reference, from the platform's own decoder: the first prefix that a streaming
 * fatal decoder refuses (or the end, for a cut-off sequence), then back to the last
 * offset up to which the bytes decode completely: where the ill-formed sequence starts.
 */
function referenceOffset(data: Uint8Array): number {
  const whole = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    whole.decode(data);
    return -1;
  } catch {
    // invalid somewhere: find where below
  }
  let bad = data.length;
  for (let k = 0; k < data.length; k++) {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data.subarray(0, k + 1), { stream: true });
    } catch {
      bad = k;
      break;
    }
  }
  for (let p = bad; p >= 0; p--) {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data.subarray(0, p));
      return p;
    } catch {
      // p is inside the broken sequence
    }
  }
  return 0;
}

/** Bytes near the edges of UTF-8's ranges, mixed with valid characters. */
const utf8ish = fc
  .array(
    fc.oneof(
      fc.constantFrom(0x41, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff),
      fc.integer({ min: 1, max: 255 }),
      fc.constantFrom(...[...new TextEncoder().encode('中文𠀀é')]),
    ),
    { maxLength: 24 },
  )
  .map((b) => new Uint8Array(b));

test('property: the reported offset is where the platform decoder finds the first ill-formed sequence', () => {
  fc.assert(
    fc.property(utf8ish, (data) => {
      const expected = referenceOffset(data);
      assert.equal(firstInvalidUtf8Byte(data), expected);
      const result = decodeUtf8(data);
      if (expected < 0) assert.equal(result.ok, true);
      else assert.equal(!result.ok && result.message, `is not valid UTF-8 (at byte ${expected})`);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test('UTF-16 is named as such, with its byte-order mark or its NUL pattern', () => {
  const le = (text: string, bom: boolean) => new Uint8Array(Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]));
  const be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
  const cases: [Uint8Array, string, string][] = [
    [le('中文 text\n', true), 'UTF-16 LE', 'byte-order mark FF FE at byte 0'],
    [be('中文 text\n'), 'UTF-16 BE', 'byte-order mark FE FF at byte 0'],
    // No mark: ASCII's high bytes are NULs at odd offsets; 一 (U+4E00) adds one at an even one.
    [le('第一章 chapter one\n一二三\n', false), 'UTF-16 LE', 'no byte-order mark; NUL bytes at odd offsets, the first at byte 7'],
  ];
  for (const [data, encoding, evidence] of cases) {
    const result = decodeUtf8(data);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'utf16');
    assert.equal(!result.ok && result.message, `is ${encoding} text, not UTF-8 (${evidence}); save it as UTF-8`);
  }
  // Cut anywhere (an odd length, half a surrogate pair at the end), it is still UTF-16.
  const cut = le('數字 chapter one 𠀀', false);
  for (const end of [cut.length - 1, cut.length - 2]) {
    const result = decodeUtf8(cut.subarray(0, end));
    assert.equal(!result.ok && result.reason, 'utf16', `cut at ${end}`);
  }
  // A PNG header is still binary, not UTF-16.
  assert.equal(!decodeUtf8(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1)).ok && 'binary', 'binary');
});

test('text over the size limit is refused before decoding, naming V8\'s string limit', () => {
  assert.equal(MAX_TEXT_BYTES, 2 ** 29 - 24);
  const result = decodeUtf8(new TextEncoder().encode('中文'.repeat(10)), 20);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'too-large');
  assert.equal(!result.ok && result.message, 'is 60 bytes, larger than the 20 bytes a text file may have');
  // The default limit names V8's string limit; a 600 MB file need not exist to check the message.
  const big = { length: 600 * 1024 * 1024, subarray: () => new Uint8Array(0), [0]: 0x41 } as unknown as Uint8Array;
  const refused = decodeUtf8(big);
  assert.equal(!refused.ok && refused.reason, 'too-large');
  assert.match(!refused.ok ? refused.message : '', /^is 600\.0 MiB, larger than the 536,870,888 bytes a text file may have \(V8, the JavaScript engine, holds a text in one string of at most 2\^29 − 24 UTF-16 units\)$/);
});
