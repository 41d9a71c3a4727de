// The toolbar button's badge and title (extension/action-state.js) against a
// fake browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getMessage } from './fake-i18n.mjs';

/** What the fake browser was last told, per call. */
const told = {};

globalThis.chrome = {
  i18n: { getMessage },
  commands: { getAll: async () => [{ name: '_execute_action', shortcut: 'Alt+Shift+P' }] },
  action: Object.fromEntries(['setBadgeText', 'setBadgeBackgroundColor', 'setTitle', 'setPopup', 'openPopup']
    .map((name) => [name, async (details) => { told[name] = details; }])),
};

const { resetTab, showConcerns } = await import('../../extension/action-state.js');

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

test('a page with nothing to show: no badge, and the title names the keyboard shortcut', async () => {
  await resetTab(2);
  assert.deepEqual(told.setBadgeText, { tabId: 2, text: '' });
  assert.deepEqual(told.setTitle, { tabId: 2, title: "Show this privacy policy's badges (Alt+Shift+P)" });
});
