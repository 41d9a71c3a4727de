// End-to-end tests in Debian's Firefox ESR: the packaged extension
// (build/policy-badges-firefox.zip) installed as a temporary add-on, a real
// click on its toolbar button, fixture pages from server.mjs, and the panel
// read the way a screen reader reads it (lib/firefox-a11y.mjs). One browser
// for the file (lib/firefox-session.mjs); what both browsers expect:
// expectations.mjs. Mirrors chromium.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/firefox.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNAVAILABLE_TITLE, assertCodeSectorSummary } from './expectations.mjs';
import { triggerAction } from './lib/firefox-driver.mjs';
import { readPanel } from './lib/firefox-a11y.mjs';
import { PANEL, waitForPanelModel } from './lib/firefox-panel.mjs';
import { readClipboard, recordedRequests } from './lib/firefox-inspect.mjs';
import { firefoxSession } from './lib/firefox-session.mjs';
import { mirroredTests } from './mirrored-tests.mjs';

const session = firefoxSession();
const { visit, openPanel, clickButton } = session;

mirroredTests(session);

test('"Copy summary" puts a Markdown summary on the clipboard', async () => {
  await visit('/seed/codesector-2018');
  await clickButton(await openPanel(), 'Copy summary');
  await waitForPanelModel(session.driver, ['Summary copied to the clipboard.']);
  assertCodeSectorSummary(await readClipboard(session.driver));
});

// Leaves the extension's explanation popup open: keep it after the tests that click the button.
test('a browser page the extension may not read: "!" and an explanation on the button', async () => {
  const { driver, addonId } = session;
  await driver.get('about:robots');
  await triggerAction(driver, addonId);
  await session.waitForBadgeText('!');
  const { title, popup } = await session.toolbarState();
  assert.equal(title, UNAVAILABLE_TITLE);
  assert.match(popup, /\/extension\/unavailable\.html$/, 'the button opens the explanation');
  assert.equal((await readPanel(driver, PANEL)).root, -1, 'no panel');
});

test('no request left the machine: the extension fetched nothing from the network', async () => {
  const { driver, server } = session;
  const requests = await recordedRequests(driver);
  assert.ok(requests.some((url) => url.startsWith(server.url('/'))), 'the recording saw the test pages');
  assert.deepEqual(requests.filter((url) => !server.serves(url)), []);
});
