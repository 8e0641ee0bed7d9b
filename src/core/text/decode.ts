/**
 * Decoding of file bytes into text, refusing what is not UTF-8 text instead of
 * silently turning it into replacement characters. Every refusal names what the bytes
 * are (binary, UTF-16, too large) or the first byte that is not UTF-8.
 */
export type DecodeFailureReason = 'binary' | 'utf16' | 'not-utf8' | 'too-large';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | {
      readonly ok: false;
      readonly reason: DecodeFailureReason;
      /** Completes a sentence that starts with the file's name: "is UTF-16 LE text, not UTF-8 (…)". */
      readonly message: string;
      /** A few words for a list of skipped files: "binary", "not UTF-8 at byte 2", "UTF-16 LE, byte-order mark FF FE at byte 0"… */
      readonly summary: string;
    };

/** How far into a file a NUL byte marks it as binary (git uses the same 8,000 bytes). */
export const BINARY_SNIFF_BYTES = 8000;

/**
 * The longest string V8 (Node 20, 64-bit) can make: 2^29 − 24 UTF-16 units
 * (Node's `buffer.constants.MAX_STRING_LENGTH`). UTF-8 never takes fewer bytes than
 * UTF-16 units, so text of at most this many bytes always fits in one string; more may
 * not, and decoding it would fail with an error that says nothing about the file.
 */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

/** A size for messages: "600.0 MiB", or bytes below 1 MiB. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The refusal for input over `maxBytes`, shared with readers that stop early (the CLI). */
export function tooLargeMessage(size: number | undefined, maxBytes = MAX_TEXT_BYTES): string {
  const what = size === undefined ? 'is' : `is ${formatBytes(size)},`;
  const why =
    maxBytes === MAX_TEXT_BYTES
      ? ' (V8, the JavaScript engine, holds a text in one string of at most 2^29 − 24 UTF-16 units)'
      : '';
  return `${what} larger than the ${maxBytes.toLocaleString('en-US')} bytes a text file may have${why}`;
}

export type DecodeFailure = Extract<DecodeResult, { ok: false }>;

/**
 * What the first bytes of a file already say: UTF-16 or binary (a NUL byte in the first
 * BINARY_SNIFF_BYTES). A reader of a stream calls it as soon as it has that many bytes,
 * so that an endless stream of NULs (/dev/zero) is refused at once.
 */
export function sniffHead(bytes: Uint8Array): DecodeFailure | undefined {
  // Before anything else: a BOM says what the file is even when a NUL follows.
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    return {
      ok: false,
      reason: 'utf16',
      message: `is ${utf16.encoding} text, not UTF-8 (${utf16.evidence}); save it as UTF-8`,
      summary: `${utf16.encoding}, ${utf16.evidence}`,
    };
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: 'binary', message: `looks binary (it contains NUL bytes, the first at byte ${nul})`, summary: 'binary' };
  }
  return undefined;
}

export function decodeUtf8(bytes: Uint8Array, maxBytes = MAX_TEXT_BYTES): DecodeResult {
  const refused = sniffHead(bytes);
  if (refused) return refused;
  if (bytes.length > maxBytes) {
    return { ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length, maxBytes), summary: `too large, ${formatBytes(bytes.length)}` };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { ok: true, text, bom };
  } catch (error) {
    // The native decoder is fast but does not say where; find the byte only on failure.
    const bad = firstInvalidUtf8Byte(bytes);
    if (bad < 0) throw error;
    return { ok: false, reason: 'not-utf8', message: `is not valid UTF-8 (at byte ${bad})`, summary: `not UTF-8 at byte ${bad}` };
  }
}

interface Utf16Evidence {
  readonly encoding: 'UTF-16 LE' | 'UTF-16 BE';
  readonly evidence: string;
}

/**
 * UTF-16 by its byte-order mark, or, without one, by NUL bytes standing mostly at one
 * parity (the high byte of ASCII characters) in a start that decodes as UTF-16.
 */
function sniffUtf16(bytes: Uint8Array): Utf16Evidence | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16 LE', evidence: 'byte-order mark FF FE at byte 0' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16 BE', evidence: 'byte-order mark FE FF at byte 0' };
  // Whole UTF-16 units only; a pair cut by the end of the sniff is no evidence either way.
  const sniff = bytes.subarray(0, Math.min(bytes.length, BINARY_SNIFF_BYTES) & ~1);
  let even = 0;
  let odd = 0;
  let firstEven = -1;
  let firstOdd = -1;
  for (let i = 0; i < sniff.length; i++) {
    if (sniff[i] !== 0) continue;
    if (i % 2 === 0) {
      if (even++ === 0) firstEven = i;
    } else if (odd++ === 0) firstOdd = i;
  }
  // ASCII in UTF-16 puts a NUL in every other byte; CJK characters such as 一 (U+4E00) add
  // some at the other parity. Binary data has them everywhere, and unpaired surrogates.
  const little = odd >= 2 && odd >= 4 * even;
  const big = even >= 2 && even >= 4 * odd;
  if (!little && !big) return undefined;
  const encoding = little ? 'UTF-16 LE' : 'UTF-16 BE';
  try {
    new TextDecoder(little ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(sniff, { stream: true });
  } catch {
    return undefined;
  }
  const [parity, first] = little ? ['odd', firstOdd] : ['even', firstEven];
  return { encoding, evidence: `no byte-order mark; NUL bytes at ${parity} offsets, the first at byte ${first}` };
}

/**
 * Offset of the first byte of the first ill-formed sequence (the Unicode standard's and
 * the WHATWG decoder's rules: after E0 only A0–BF, after ED 80–9F, after F0 90–BF, after
 * F4 80–8F; C0, C1 and F5–FF never), or of a sequence cut off by the end of the data; -1
 * when the bytes are all valid UTF-8.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const c = bytes[i + k]!;
      if (c < low || c > high) return i;
      // Only the second byte has a narrower range.
      low = 0x80;
      high = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}
