import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageType, parseHistoryRequest } from '../../extension/messages.js';

test('history requests: list, or forget the site or everything; nothing else', () => {
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_LIST }), { action: 'list' });
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'site' }), { action: 'forget', scope: 'site' });
  assert.deepEqual(parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'all' }), { action: 'forget', scope: 'all' });
  for (const message of [
    { type: MessageType.HISTORY_FORGET },
    { type: MessageType.HISTORY_FORGET, scope: 'https://example.org' },
    { type: MessageType.HISTORY_FORGET, scope: ['all'] },
    { type: MessageType.ANALYZE, scope: 'all' },
    { type: 'history' },
    null,
    'history-list',
  ]) {
    assert.equal(parseHistoryRequest(message), null, JSON.stringify(message));
  }
  const site = parseHistoryRequest({ type: MessageType.HISTORY_FORGET, scope: 'site', origin: 'https://victim.example' });
  assert.deepEqual(site, { action: 'forget', scope: 'site' }, 'a message cannot name the site: it is the sender\'s');
});
