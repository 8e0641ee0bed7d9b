import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { utf8Length } from '../../src/core/text/utf8';

test('utf8Length is the size TextEncoder writes, for any string (lone surrogates included)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      assert.equal(utf8Length(text), new TextEncoder().encode(text).length);
    }),
  );
});

test('utf8Length counts each width of UTF-8', () => {
  assert.equal(utf8Length(''), 0);
  assert.equal(utf8Length('a'), 1);
  assert.equal(utf8Length('é'), 2);
  assert.equal(utf8Length('數'), 3);
  assert.equal(utf8Length('𠀀'), 4);
  assert.equal(utf8Length('\uD800'), 3, 'a lone high surrogate is written as U+FFFD');
  assert.equal(utf8Length('\uDC00a'), 4, 'a lone low surrogate too');
});
