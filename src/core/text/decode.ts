/**
 * Decoding of file bytes into text, refusing what is not UTF-8 text instead of
 * silently turning it into replacement characters.
 */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'not-utf8'; readonly message: string };

/** How far into a file a NUL byte marks it as binary (git uses the same 8,000 bytes). */
const BINARY_SNIFF_BYTES = 8000;

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return { ok: false, reason: 'binary', message: 'looks binary (it contains NUL bytes)' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { ok: true, text, bom };
  } catch {
    return { ok: false, reason: 'not-utf8', message: `is not valid UTF-8 (at byte ${firstInvalidByte(bytes)})` };
  }
}

/** Offset of the first byte that breaks UTF-8, for an error message a user can act on. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
