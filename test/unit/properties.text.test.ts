/** Properties of pinyin formatting and UTF-8 decoding (issue 10 §4). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { convert as pinyinPro } from 'pinyin-pro';
import { parsePinyin, toneOfMarked, toToneMarks, toZhuyin } from '../../src/core/pinyin/pinyin';
import { decodeUtf8 } from '../../src/core/text/decode';
import { hostileInput, params } from './properties.arbitraries';

// ---- pinyin ----

const INITIALS = ['', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'y', 'w'];
const FINALS = ['a', 'o', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'i', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'iong', 'u', 'ua', 'uo', 'uai', 'ui', 'uan', 'un', 'uang', 'er'];
/** Syllables with ü, written with v as typists do (lv4 = lǜ). */
// pinyin-pro leaves the v of lve/nve as it is (ours writes nüè, which is right), so only lv and nv.
const WITH_V = ['lv', 'nv'];
/** A numbered syllable of pinyin's shape (not every one is a real syllable), tone 1-4. */
const syllable = fc.tuple(
  fc.oneof(
    fc.tuple(fc.constantFrom(...INITIALS), fc.constantFrom(...FINALS)).map(([i, f]) => i + f),
    fc.constantFrom(...WITH_V),
  ),
  fc.integer({ min: 1, max: 4 }),
  fc.boolean(),
);
const syllableText = ([letters, tone, capital]: [string, number, boolean]) => {
  const s = `${letters}${tone}`;
  return capital ? s[0]!.toUpperCase() + s.slice(1) : s;
};

test('property: tone marks for numbered pinyin match pinyin-pro, syllable by syllable', () => {
  fc.assert(
    fc.property(fc.array(syllable, { minLength: 1, maxLength: 6 }), (syllables) => {
      const numbered = syllables.map(syllableText).join(' ');
      // pinyin-pro writes capitals without marks: compare in lower case.
      assert.equal(toToneMarks(numbered).toLowerCase(), pinyinPro(numbered.toLowerCase(), { format: 'numToSymbol' }));
    }),
    params(),
  );
});

test('property: marks keep the syllables and their tones, and marking twice changes nothing', () => {
  const anyPinyin = fc.oneof(
    fc.array(syllable, { maxLength: 6 }).map((s) => s.map(syllableText).join(' ')),
    fc.array(fc.constantFrom('shu4', 'lu:4', 'Lu:3', 'de5', 'r5', 'xīn', ' ', '  ', '\t', '·', ',', 'A', 'v', 'u:', '5', 'a1b', ''), { maxLength: 8 }).map((p) => p.join(' ')),
  );
  fc.assert(
    fc.property(anyPinyin, (pinyin) => {
      const marked = toToneMarks(pinyin);
      const syllables = parsePinyin(pinyin);
      assert.equal(parsePinyin(marked).length, syllables.length, 'as many syllables');
      assert.equal(toToneMarks(marked), marked, 'idempotent');
      assert.equal(toZhuyin(pinyin).split(' ').filter(Boolean).length, syllables.length, 'zhuyin has as many syllables');
      syllables.forEach((s, i) => {
        if (s.tone >= 1 && s.tone <= 4 && s.marked !== s.raw.slice(0, -1)) assert.equal(toneOfMarked(marked.split(' ')[i]!), s.tone, `tone of ${s.raw}`);
      });
    }),
    params(),
  );
});

// ---- UTF-8 ----

/**
 * The reference offset of the first bad byte: the longest prefix that TextDecoder
 * (fatal) accepts. Valid UTF-8 stays valid cut at a character boundary, and the error
 * starts where the longest valid prefix ends.
 */
function referenceOffset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let longest = 0;
  for (let k = 1; k <= bytes.length; k++) {
    try {
      decoder.decode(bytes.subarray(0, k));
      longest = k;
    } catch {
      // not a valid prefix
    }
  }
  return longest;
}

/** Bytes: UTF-8 of hostile text, then bytes overwritten, inserted or cut, with and without a BOM. */
const fileBytes = fc
  .tuple(
    hostileInput({ maxRun: 20, maxPieces: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x01, max: 0xff }), fc.constantFrom('set', 'insert', 'cut')), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([text, changes, bom]) => {
    const bytes = [...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)];
    for (const [at, value, how] of changes) {
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (how === 'set' && bytes.length > 0) bytes[i] = value;
      else if (how === 'insert') bytes.splice(i, 0, value);
      else bytes.length = i;
    }
    return new Uint8Array(bytes);
  });

/**
 * Sequences around the edges of UTF-8's ranges: a lead byte (ASCII, continuation, C0/C1,
 * E0/ED/F0/F4 with their narrowed second-byte ranges, F5-FF) and up to three continuation
 * bytes from either side of those ranges.
 */
const LEADS = [0x41, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
const CONTINUATIONS = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0x41, 0xc2];
const edgeBytes = fc
  .array(fc.tuple(fc.constantFrom(...LEADS), fc.array(fc.constantFrom(...CONTINUATIONS), { maxLength: 3 })), { maxLength: 6 })
  .map((units) => new Uint8Array(units.flatMap(([lead, rest]) => [lead, ...rest])));

test('property: UTF-8 decoding accepts what TextDecoder accepts and names the first bad byte as it does', () => {
  fc.assert(
    fc.property(fc.oneof(fileBytes, edgeBytes), (bytes) => {
      const result = decodeUtf8(bytes);
      if (bytes.subarray(0, 8000).includes(0)) {
        assert.equal(result.ok, false, 'a NUL byte is refused');
        return;
      }
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      let expected: string | undefined;
      try {
        expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
      } catch {
        expected = undefined;
      }
      if (expected !== undefined) {
        assert.deepEqual(result, { ok: true, text: expected, bom });
        return;
      }
      assert.equal(result.ok, false, 'invalid UTF-8 is refused');
      if (!result.ok && result.reason === 'not-utf8') {
        const offset = referenceOffset(bytes);
        assert.ok(offset < bytes.length, 'the bad byte is inside the data');
        assert.match(result.message, new RegExp(`\\bat byte ${offset}\\b`), `bytes ${Buffer.from(bytes).toString('hex')}`);
      }
    }),
    params(),
  );
});
