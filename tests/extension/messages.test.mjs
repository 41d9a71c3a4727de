import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HISTORY_PAGE, MessageType, OPTIONS_PAGE, isOwnContentScript, isOwnPage, parseAnalyzeRequest, parseOpenUrlRequest,
  parseSettingsRequest,
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
  assert.equal(isOwnPage({ id: ID, url: HISTORY_URL, tab: { id: 4 } }, ID, HISTORY_URL), true);
  assert.equal(isOwnPage({ id: ID, url: `${HISTORY_URL}#top` }, ID, HISTORY_URL), true);
  for (const sender of [
    { id: 'other@example.org', url: HISTORY_URL },
    { id: ID, url: `${ROOT}extension/unavailable.html` },
    { id: ID, url: `https://example.org/${HISTORY_PAGE}` },
    { id: ID, url: `${HISTORY_URL}.evil` },
    { id: ID, url: `${ROOT}${OPTIONS_PAGE}` },
    { id: ID, tab: { id: 4 } },
    undefined,
  ]) {
    assert.equal(isOwnPage(sender, ID, HISTORY_URL), false, JSON.stringify(sender));
  }
});

test('analyze requests need a string text within the size limit, in UTF-8 bytes', () => {
  const max = 100;
  const request = { type: MessageType.ANALYZE, text: 'We collect data.', capped: false, excerpt: false };
  assert.deepEqual(parseAnalyzeRequest(request, max), { text: 'We collect data.', capped: false, excerpt: false });
  assert.deepEqual(parseAnalyzeRequest({ ...request, excerpt: true }, max), { text: 'We collect data.', capped: false, excerpt: true });
  assert.equal(parseAnalyzeRequest({ ...request, text: 42 }, max), null);
  assert.equal(parseAnalyzeRequest({ ...request, capped: 'no' }, max), null);
  assert.equal(parseAnalyzeRequest({ ...request, excerpt: undefined }, max), null);
  assert.equal(parseAnalyzeRequest({ ...request, type: 'other' }, max), null);
  assert.ok(parseAnalyzeRequest({ ...request, text: 'x'.repeat(max) }, max), 'exactly the limit');
  assert.equal(parseAnalyzeRequest({ ...request, text: 'x'.repeat(max + 1) }, max), null);
  assert.ok(parseAnalyzeRequest({ ...request, text: 'é'.repeat(max / 2) }, max), '50 two-byte letters are 100 bytes');
  assert.equal(parseAnalyzeRequest({ ...request, text: 'é'.repeat(max / 2 + 1) }, max), null, 'but 51 are over');
  assert.equal(parseAnalyzeRequest(null, max), null);
});

test('settings requests: a boolean and known badge groups, nothing else', () => {
  const groups = ['tracking', 'sharing'];
  const set = (settings) => parseSettingsRequest({ type: MessageType.SETTINGS_SET, settings }, groups);
  assert.deepEqual(parseSettingsRequest({ type: MessageType.SETTINGS_GET }, groups), { action: 'get' });
  assert.deepEqual(set({ remember: false, hiddenGroups: ['sharing', 'sharing'] }),
    { action: 'set', settings: { remember: false, hiddenGroups: ['sharing'] } });
  for (const settings of [
    { remember: 'no', hiddenGroups: [] },
    { remember: true, hiddenGroups: 'sharing' },
    { remember: true, hiddenGroups: ['history:index'] },
    { remember: true },
    null,
  ]) {
    assert.equal(set(settings), null, JSON.stringify(settings));
  }
  assert.equal(parseSettingsRequest({ type: MessageType.HISTORY_LIST }, groups), null);
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
