// The settings in storage.local (extension/settings.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../../extension/settings.js';
import { FakeStorage } from './fake-storage.mjs';

test('nothing stored: the defaults (remember, every group shown)', async () => {
  assert.deepEqual(await readSettings(new FakeStorage()), { remember: true, hiddenGroups: [] });
  assert.deepEqual(DEFAULT_SETTINGS, { remember: true, hiddenGroups: [] });
});

test('what is written is read back; malformed values fall back to the defaults', async () => {
  const storage = new FakeStorage();
  await writeSettings(storage, { remember: false, hiddenGroups: ['sharing'] });
  assert.deepEqual(await readSettings(storage), { remember: false, hiddenGroups: ['sharing'] });
  await storage.set({ settings: { remember: 'no', hiddenGroups: ['tracking', 3] } });
  assert.deepEqual(await readSettings(storage), { remember: true, hiddenGroups: ['tracking'] });
});
