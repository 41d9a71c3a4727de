// The toolbar button's badge and title (extension/action-state.js) against a
// fake browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** What the fake browser was last told, per call. */
const told = {};

globalThis.chrome = {
  runtime: { getManifest: () => ({ action: { default_title: 'Policy Badges' } }) },
  action: Object.fromEntries(['setBadgeText', 'setBadgeBackgroundColor', 'setTitle', 'setPopup', 'openPopup']
    .map((name) => [name, async (details) => { told[name] = details; }])),
};

const { showConcerns } = await import('../../extension/action-state.js');

test('the title counts the concerns, singular or plural', async () => {
  for (const [concerns, title] of [
    [0, 'Policy Badges: 0 concerns on this page'],
    [1, 'Policy Badges: 1 concern on this page'],
    [5, 'Policy Badges: 5 concerns on this page'],
  ]) {
    await showConcerns(1, concerns);
    assert.deepEqual(told.setTitle, { tabId: 1, title });
    assert.deepEqual(told.setBadgeText, { tabId: 1, text: String(concerns) });
  }
});
