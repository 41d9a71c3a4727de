// End-to-end tests in Debian's Chromium: the built extension (dist/), a real
// click on its toolbar button, fixture pages from server.mjs, and the panel
// read the way a person sees it (panel-reader.mjs). One browser for the file
// (chromium-session.mjs); what both browsers expect: expectations.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/chromium.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSession } from './chromium-session.mjs';
import { UNAVAILABLE_TITLE, assertCodeSectorSummary } from './expectations.mjs';
import { mirroredTests } from './mirrored-tests.mjs';
import { waitFor } from './wait.mjs';

/** Requests to anywhere but the test server (either of its sites) and the browser's own pages. */
const foreignRequests = [];

const session = chromiumSession({
  setup({ browser, server }) {
    browser.context.on('request', (request) => {
      const url = request.url();
      if (!server.serves(url) && !/^(chrome|chrome-extension|data):/.test(url)) {
        foreignRequests.push(url);
      }
    });
  },
});
const { visit, openPanel } = session;

mirroredTests(session);

test('"Copy summary" puts a Markdown summary on the clipboard', async () => {
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url('') });
  await visit('/seed/codesector-2018');
  const panel = await openPanel();
  await session.clickButton(panel, 'Copy summary');
  await session.waitForPanel((p) => p.text.includes('Summary copied to the clipboard.'), 'the copy confirmation');
  assertCodeSectorSummary(await session.page.evaluate(() => navigator.clipboard.readText()));
});

test('a browser page the extension may not read: "!" and an explanation on the button', async () => {
  await session.page.goto('chrome://version');
  await session.browser.clickAction();
  const seen = await waitFor(session.toolbarState, (state) => state.text === '!', {
    timeout: 5_000,
    interval: 100,
    message: (state) => `the toolbar button reads ${JSON.stringify(state)}, expected "!"`,
  });
  assert.deepEqual({ text: seen.text, title: seen.title }, { text: '!', title: UNAVAILABLE_TITLE });
  assert.match(seen.popup, /\/extension\/unavailable\.html$/, 'the button opens the explanation');
  assert.equal(await session.readPanel(), null);
});

test('no request left the machine: the extension fetched nothing from the network', () => {
  assert.deepEqual(foreignRequests, []);
});
