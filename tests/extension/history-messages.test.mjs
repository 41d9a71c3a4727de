import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageType, isOpenHistoryRequest, parseHistoryRequest } from '../../extension/messages.js';

test('history requests: list, or forget one http(s) origin or everything; nothing else', () => {
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_LIST }), { action: 'list' });
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'all' }), { action: 'forget', scope: 'all' });
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'https://example.org' }),
    { action: 'forget', scope: 'site', origin: 'https://example.org' });
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'http://127.0.0.1:8080' }),
    { action: 'forget', scope: 'site', origin: 'http://127.0.0.1:8080' });
  for (const message of [
    { type: MessageType.HISTORY_FORGET },
    { type: MessageType.HISTORY_FORGET, scope: 'site' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'https://example.org/' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'https://example.org/privacy' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'HTTPS://EXAMPLE.ORG' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'file:///etc' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'example.org' },
    { type: MessageType.HISTORY_FORGET, scope: 'site', origin: ['https://example.org'] },
    { type: MessageType.HISTORY_FORGET, scope: 'https://example.org' },
    { type: MessageType.HISTORY_FORGET, scope: ['all'] },
    { type: MessageType.ANALYZE, scope: 'all' },
    { type: 'history' },
    null,
    'history-list',
  ]) {
    assert.equal(parseHistoryRequest(message), null, JSON.stringify(message));
  }
});

test('the request to open the History page carries nothing but its type', () => {
  assert.equal(isOpenHistoryRequest({ type: MessageType.OPEN_HISTORY }), true);
  assert.equal(isOpenHistoryRequest({ type: MessageType.HISTORY_LIST }), false);
  assert.equal(isOpenHistoryRequest(null), false);
});
