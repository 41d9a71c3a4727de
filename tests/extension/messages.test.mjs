import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HISTORY_PAGE, MAX_TEXT_CHARS, MessageType, isHistoryPage, isOwnContentScript, parseAnalyzeRequest, parseOpenUrlRequest,
} from '../../extension/messages.js';

const ID = 'policy-badges@example.org';
const ROOT = 'moz-extension://0c9f1a2b-5d1e-4c3a-9b8e-7f6a5d4c3b2a/';
const HISTORY_URL = `${ROOT}${HISTORY_PAGE}`;

test('only content scripts of this extension, in a web page tab, are heard as such', () => {
  const page = 'https://example.org/privacy';
  assert.equal(isOwnContentScript({ id: ID, url: page, tab: { id: 3 } }, ID, ROOT), true);
  assert.equal(isOwnContentScript({ id: 'other@example.org', url: page, tab: { id: 3 } }, ID, ROOT), false);
  assert.equal(isOwnContentScript({ id: ID, url: page }, ID, ROOT), false, 'not in a tab');
  assert.equal(isOwnContentScript({ id: ID, url: HISTORY_URL, tab: { id: 3 } }, ID, ROOT), false,
    'an extension page in a tab is not a content script');
  assert.equal(isOwnContentScript({ id: ID, tab: { id: 3 } }, ID, ROOT), false, 'no address');
  assert.equal(isOwnContentScript(undefined, ID, ROOT), false);
});

test('only the History page is heard as the History page', () => {
  assert.equal(isHistoryPage({ id: ID, url: HISTORY_URL, tab: { id: 4 } }, ID, HISTORY_URL), true);
  assert.equal(isHistoryPage({ id: ID, url: `${HISTORY_URL}#top` }, ID, HISTORY_URL), true);
  for (const sender of [
    { id: 'other@example.org', url: HISTORY_URL },
    { id: ID, url: `${ROOT}extension/unavailable.html` },
    { id: ID, url: `https://example.org/${HISTORY_PAGE}` },
    { id: ID, url: `${HISTORY_URL}.evil` },
    { id: ID, tab: { id: 4 } },
    undefined,
  ]) {
    assert.equal(isHistoryPage(sender, ID, HISTORY_URL), false, JSON.stringify(sender));
  }
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
