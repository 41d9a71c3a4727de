// End-to-end tests in Debian's Firefox ESR: the packaged extension
// (build/policy-badges-firefox.zip) installed as a temporary add-on, a real
// click on its toolbar button, fixture pages from server.mjs, and the panel
// read the way a screen reader reads it (lib/firefox-a11y.mjs). One browser
// for the file (lib/firefox-session.mjs); what both browsers expect:
// expectations.mjs. Mirrors chromium.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/firefox.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { By } from 'selenium-webdriver';
import { labelOf } from './core.mjs';
import {
  FOLDED_BADGES, SENSOR_LABEL, SENSOR_SENTENCE, UNAVAILABLE_TITLE,
  assertCodeSectorSummary, assertHighlightInView, assertHostilePageFoiled,
} from './expectations.mjs';
import { triggerAction } from './lib/firefox-driver.mjs';
import { clickAccessible, readPanel } from './lib/firefox-a11y.mjs';
import { PANEL, waitForPanelModel } from './lib/firefox-panel.mjs';
import { readClipboard, recordedRequests } from './lib/firefox-inspect.mjs';
import { firefoxSession } from './lib/firefox-session.mjs';
import { mirroredTests } from './mirrored-tests.mjs';
import { waitFor } from './wait.mjs';

const session = firefoxSession();
const { visit, openPanel, expandBadge, clickButton, screenshot } = session;

/**
 * The panel's background colour, as computed in its closed shadow root
 * (WebDriver's Get Element Shadow Root reaches into closed ones).
 */
async function panelBackground() {
  const root = await (await session.driver.findElement(By.css('policy-badges-panel'))).getShadowRoot();
  return (await root.findElement(By.css('.panel'))).getCssValue('background-color');
}

test('Code Sector 2018: "Sensor data shared" with its evidence sentence', async () => {
  await visit('/seed/codesector-2018');
  let panel = await openPanel();
  assert.deepEqual(
    await session.inPage(() => {
      const host = document.querySelector('policy-badges-panel');
      return { host: Boolean(host), shadowRoot: host?.shadowRoot ?? null };
    }),
    { host: true, shadowRoot: null },
    'the panel is in a closed shadow root',
  );
  assert.match(panel.text, /127\.0\.0\.1/, 'titled with the host name');
  const badge = panel.badge(SENSOR_LABEL);
  assert.ok(badge, `"Sensor data shared" is shown; panel:\n${panel.text}`);
  assert.equal(badge.polarity, 'bad');
  assert.equal(badge.word, 'concern', 'polarity is said in words, not colour alone');
  assert.ok(!panel.text.includes(SENSOR_SENTENCE), `evidence hidden until expanded:\n${panel.text}`);

  panel = await expandBadge(panel, SENSOR_LABEL);
  const quotes = panel.badge(SENSOR_LABEL).quotes.map((q) => q.text);
  assert.ok(quotes.some((text) => text.includes(SENSOR_SENTENCE)),
    `evidence names the SpeedView sentence: ${quotes.join(' | ')}`);
  await screenshot('codesector-2018');
});

test('expanding a badge and clicking its sentence highlights it on the page', async () => {
  const { driver } = session;
  await visit('/seed/codesector-2018');
  const panel = await expandBadge(await openPanel(), SENSOR_LABEL);
  const quote = panel.badge(SENSOR_LABEL).quotes.find((q) => q.text.includes('SpeedView sends raw sensor data'));
  await session.inPage(() => window.scrollTo(0, 0));
  await clickAccessible(driver, panel.nodes, quote.index);
  assert.equal(await session.highlightedText(), SENSOR_SENTENCE);
  await assertHighlightInView(session.inPage);
  await waitForPanelModel(driver, ['Highlighted on the page.']);
  await screenshot('evidence-highlight');
});

mirroredTests(session);

test('"Copy summary" puts a Markdown summary on the clipboard', async () => {
  await visit('/seed/codesector-2018');
  await clickButton(await openPanel(), 'Copy summary');
  await waitForPanelModel(session.driver, ['Summary copied to the clipboard.']);
  assertCodeSectorSummary(await readClipboard(session.driver));
});

test('a hostile page cannot hide, break or read the panel', async () => {
  await visit('/hostile/codesector-2018');
  await waitFor(() => session.inPage(() => window.hostileReport?.messagesSent ?? 0), (sent) => sent > 0);
  // A real mouse click lands on the panel: it is visible and on top.
  await expandBadge(await openPanel(), SENSOR_LABEL);
  await assertHostilePageFoiled(session.inPage);
  await screenshot('hostile');
});

test('text folded into closed details, hidden panels and shadow roots is analyzed', async () => {
  const { driver } = session;
  await visit('/pages/folded.html');
  let panel = await openPanel();
  for (const id of FOLDED_BADGES) {
    assert.ok(panel.badge(labelOf(id)), `${id} found; panel:\n${panel.text}`);
  }
  const label = labelOf('no-cookies');
  panel = await expandBadge(panel, label);
  await clickAccessible(driver, panel.nodes, panel.badge(label).quotes[0].index);
  await session.highlightedText();
  assert.equal(await driver.executeScript(() => document.getElementById('cookies-section').open), true,
    'the closed <details> holding the sentence is opened');

  // A sentence in a panel the page keeps hidden: highlighted, and the person is told why it is not in view.
  const hiddenLabel = labelOf('device-info');
  panel = await expandBadge(panel, hiddenLabel);
  await clickAccessible(driver, panel.nodes, panel.badge(hiddenLabel).quotes[0].index);
  await waitForPanelModel(driver, ['this part of the page is hidden']);
  await screenshot('folded');
});


test('dark colour scheme', async () => {
  await visit('/seed/codesector-2018');
  await openPanel();
  assert.equal(await panelBackground(), 'rgb(255, 255, 255)', 'the light palette reaches the shadow root');
  await session.inDarkScheme(async () => {
    await visit('/seed/codesector-2018');
    assert.equal(await session.inPage(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    await openPanel();
    assert.equal(await panelBackground(), 'rgb(28, 33, 40)', 'the dark palette reaches the shadow root');
    await screenshot('codesector-2018-dark');
  });
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
