import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_TEXT_CHARS, MessageType, isOwnContentScript, parseAnalyzeRequest, parseOpenUrlRequest,
} from '../../extension/messages.js';

const ID = 'policy-badges@example.org';

test('only content scripts of this extension, in a tab, are heard', () => {
  assert.equal(isOwnContentScript({ id: ID, tab: { id: 3 } }, ID), true);
  assert.equal(isOwnContentScript({ id: 'other@example.org', tab: { id: 3 } }, ID), false);
  assert.equal(isOwnContentScript({ id: ID }, ID), false, 'an extension page is not a content script');
  assert.equal(isOwnContentScript(undefined, ID), false);
});

test('analyze requests need a string text within the size limit', () => {
  const request = { type: MessageType.ANALYZE, text: 'We collect data.', capped: false };
  assert.deepEqual(parseAnalyzeRequest(request), { text: 'We collect data.', capped: false });
  assert.equal(parseAnalyzeRequest({ ...request, text: 42 }), null);
  assert.equal(parseAnalyzeRequest({ ...request, capped: 'no' }), null);
  assert.equal(parseAnalyzeRequest({ ...request, type: 'other' }), null);
  assert.equal(parseAnalyzeRequest({ ...request, text: 'x'.repeat(MAX_TEXT_CHARS + 1) }), null);
  assert.equal(parseAnalyzeRequest(null), null);
});

test('open-url requests accept only absolute http(s) URLs', () => {
  const open = (url) => parseOpenUrlRequest({ type: MessageType.OPEN_URL, url });
  assert.equal(open('https://example.org/privacy'), 'https://example.org/privacy');
  assert.equal(open('http://example.org/privacy?x=1#top'), 'http://example.org/privacy?x=1#top');
  for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', '/privacy', 'chrome://settings', 42]) {
    assert.equal(open(url), null, String(url));
  }
  assert.equal(parseOpenUrlRequest({ type: MessageType.ANALYZE, url: 'https://example.org/' }), null);
});
