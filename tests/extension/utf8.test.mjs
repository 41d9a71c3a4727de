// UTF-8 lengths and cuts (extension/utf8.js), against Node's own encoder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutToUtf8Bytes, utf8Length } from '../../extension/utf8.js';

const SAMPLES = ['', 'plain ASCII', 'é à ü', '€ — “quotes”', 'emoji 😀 and 𝔘', 'lone \ud800 surrogate', 'end \ud83d'];

test('utf8Length is the length TextEncoder writes', () => {
  for (const text of SAMPLES) {
    assert.equal(utf8Length(text), new TextEncoder().encode(text).length, JSON.stringify(text));
  }
});

test('cutToUtf8Bytes keeps the longest start that fits, never half a surrogate pair', () => {
  const text = 'aé😀b';
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((bytes) => cutToUtf8Bytes(text, bytes)),
    ['', 'a', 'a', 'aé', 'aé', 'aé', 'aé', 'aé😀', 'aé😀b']);
  for (const sample of SAMPLES) {
    for (let bytes = 0; bytes <= utf8Length(sample); bytes++) {
      assert.ok(utf8Length(cutToUtf8Bytes(sample, bytes)) <= bytes);
    }
  }
});
