// End-to-end tests in Debian's Chromium: the built extension (dist/), a real
// click on its toolbar button, fixture pages from server.mjs, and the panel
// read the way a person sees it (panel-reader.mjs). One browser for the file
// (chromium-session.mjs); what both browsers expect: expectations.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/chromium.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSession } from './chromium-session.mjs';
import { labelOf } from './core.mjs';
import {
  FOLDED_BADGES, HIGHLIGHT, SENSOR_LABEL, SENSOR_SENTENCE, UNAVAILABLE_TITLE,
  assertCodeSectorSummary, assertHighlightInView, assertHostilePageFoiled,
} from './expectations.mjs';
import { mirroredTests } from './mirrored-tests.mjs';
import { callOnNode } from './panel-reader.mjs';
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
const { visit, openPanel, click, expandBadge, screenshot } = session;

/** The panel's background colour, as computed in its closed shadow root. */
function panelBackground(panel) {
  return callOnNode(session.cdp, panel.root, 'function () { return getComputedStyle(this).backgroundColor; }');
}

test('Code Sector 2018: "Sensor data shared" with its evidence sentence', async () => {
  await visit('/seed/codesector-2018');
  const panel = await openPanel();
  assert.equal(panel.shadowRootType, 'closed');
  assert.equal(panel.root.attrs.role, 'dialog');
  assert.match(panel.text, /127\.0\.0\.1/, 'titled with the host name');
  const badge = panel.badge(SENSOR_LABEL);
  assert.ok(badge, `"Sensor data shared" is shown; panel: ${panel.text}`);
  assert.equal(badge.polarity, 'bad');
  assert.equal(badge.tag, '✕ concern', 'polarity is said in words, not colour alone');
  assert.ok(
    badge.quotes.some((q) => q.text.includes(SENSOR_SENTENCE)),
    `evidence names the SpeedView sentence: ${badge.quotes.map((q) => q.text).join(' | ')}`,
  );
  await screenshot('codesector-2018');
});

test('expanding a badge and clicking its sentence highlights it on the page', async () => {
  await visit('/seed/codesector-2018');
  const panel = await expandBadge(await openPanel(), SENSOR_LABEL);
  const quote = panel.badge(SENSOR_LABEL).quotes.find((q) => q.text.includes('SpeedView sends raw sensor data'));
  await session.inPage(() => window.scrollTo(0, 0));
  await click(quote);
  assert.equal(await session.highlightedText(), SENSOR_SENTENCE);
  await assertHighlightInView(session.inPage);
  await screenshot('evidence-highlight');
});

mirroredTests(session);

test('"Copy summary" puts a Markdown summary on the clipboard', async () => {
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url('') });
  await visit('/seed/codesector-2018');
  const panel = await openPanel();
  await session.clickButton(panel, 'Copy summary');
  await session.waitForPanel((p) => p.text.includes('Summary copied to the clipboard.'), 'the copy confirmation');
  assertCodeSectorSummary(await session.page.evaluate(() => navigator.clipboard.readText()));
});

test('a hostile page cannot hide, break or read the panel', async () => {
  const { page } = session;
  await visit('/hostile/codesector-2018');
  await page.waitForFunction(() => window.hostileReport?.messagesSent > 0);
  // A real mouse click lands on the panel: it is visible and on top.
  await expandBadge(await openPanel(), SENSOR_LABEL);
  await assertHostilePageFoiled(session.inPage);
  await screenshot('hostile');
});

test('text folded into closed details, hidden panels and shadow roots is analyzed', async () => {
  await visit('/pages/folded.html');
  let panel = await openPanel();
  for (const id of FOLDED_BADGES) {
    assert.ok(panel.badge(labelOf(id)), `${id} found; panel: ${panel.text}`);
  }
  const label = labelOf('no-cookies');
  panel = await expandBadge(panel, label);
  await click(panel.badge(label).quotes[0]);
  await session.page.waitForFunction((name) => CSS.highlights.has(name), HIGHLIGHT);
  assert.equal(await session.page.evaluate(() => document.getElementById('cookies-section').open), true,
    'the closed <details> holding the sentence is opened');

  // A sentence in a panel the page keeps hidden: highlighted, and the person is told why it is not in view.
  const hiddenLabel = labelOf('device-info');
  panel = await expandBadge(panel, hiddenLabel);
  await click(panel.badge(hiddenLabel).quotes[0]);
  await session.waitForPanel((p) => p.text.includes('this part of the page is hidden'), 'the hidden-text notice');
  await screenshot('folded');
});


test('dark colour scheme', async () => {
  await visit('/seed/codesector-2018');
  const light = await panelBackground(await openPanel());
  assert.equal(light, 'rgb(255, 255, 255)', 'the light palette reaches the shadow root');
  await session.closePanel();
  await session.inDarkScheme(async () => {
    await visit('/seed/codesector-2018');
    assert.equal(await panelBackground(await openPanel()), 'rgb(28, 33, 40)', 'the dark palette reaches the shadow root');
    await screenshot('codesector-2018-dark');
  });
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
