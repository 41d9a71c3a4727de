// End-to-end test of the policy history in Debian's Firefox ESR, mirroring
// history-chromium.test.mjs: /privacy serves Code Sector's 2012 policy, then
// its 2018 one; the panel (read through the accessibility tree, as a screen
// reader hears it) says what changed; its History button opens the History
// page (an extension page, in a new tab), which lists the pages by site, and
// whose "Forget" buttons really delete, as Firefox's own store of the
// extension's storage.local shows.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/history-firefox.test.mjs
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { labelOf } from './core.mjs';
import { startServer } from './server.mjs';
import {
  installAddon, launchFirefox, quitFirefox, saveScreenshot, setPref, triggerAction, waitFor,
} from './lib/firefox-driver.mjs';
import { clickAccessible, findAccessible, subtree, waitForPanel } from './lib/firefox-a11y.mjs';
import { extensionOrigin } from './lib/firefox-console.mjs';
import { PANEL, waitForPanelModel } from './lib/firefox-panel.mjs';
import { extensionStorage } from './lib/firefox-storage.mjs';

const ADDON = fileURLToPath(new URL('../../build/policy-badges-firefox.zip', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** How the tests find the History page's content: its main landmark, named by its heading. */
const HISTORY_PAGE = { role: 'landmark', name: 'History' };
/** The colour scheme pages see: 0 dark, 1 light (default: the browser's). */
const COLOR_SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';
const EXPECTED = JSON.parse(await readFile(new URL('../fixtures/seeds/expected.json', import.meta.url), 'utf8'))
  .changes['codesector-2012.md -> codesector-2018.md'];

let server;
let driver;
let addonId;
let origin;

before(async () => {
  await access(ADDON).catch(() => {
    throw new Error(`${ADDON} is missing: run \`npm run build\` first`);
  });
  server = await startServer();
  driver = await launchFirefox();
  await setPref(driver, 'ui.prefersReducedMotion', 1);
  addonId = await installAddon(driver, ADDON);
  origin = await extensionOrigin(driver, addonId);
});

after(async () => {
  await quitFirefox(driver);
  await server?.close();
});

/** Clicks the toolbar button and waits until the panel shows the badges. */
async function openPanel(what = 'the panel to show a result') {
  await triggerAction(driver, addonId);
  return waitForPanelModel(driver, (panel) => panel.button('Copy summary') >= 0, what);
}

async function closePanel() {
  await triggerAction(driver, addonId);
  await waitForPanel(driver, PANEL, null);
}

/** Clicks a button of the panel by its accessible name. */
async function clickButton(panel, name) {
  const index = panel.button(name);
  assert.ok(index >= 0, `a "${name}" button; panel:\n${panel.text}`);
  await clickAccessible(driver, panel.nodes, index);
}

/**
 * The "Changed since" section as announced: a region named by its heading,
 * holding lists named "Added (n)", "Removed (n)", "Evidence changed (n)",
 * whose items are disclosure summaries named "<label> <word>".
 */
function changeSection(panel) {
  const { nodes } = panel;
  const region = subtree(nodes, panel.root)
    .find((index) => nodes[index].role === 'region' && nodes[index].name.startsWith('Changed since'));
  if (region === undefined) {
    return null;
  }
  const labelsOf = (kind) => {
    const list = subtree(nodes, region)
      .find((index) => nodes[index].role === 'list' && nodes[index].name.toLowerCase().startsWith(kind));
    if (list === undefined) {
      return [];
    }
    return subtree(nodes, list)
      .filter((index) => nodes[index].role === 'summary')
      .map((index) => nodes[index].name.replace(/ (concern|protection|fact)$/, ''));
  };
  const body = nodes[region].parent;
  const firstInBody = subtree(nodes, body).find((index) => nodes[index].parent === body);
  return {
    heading: nodes[region].name,
    added: labelsOf('added'),
    removed: labelsOf('removed'),
    changed: labelsOf('evidence changed'),
    isFirst: firstInBody === region,
  };
}

const sorted = (list) => [...list].sort();

test('Code Sector 2012 then 2018 at the same URL: the panel says what changed', async () => {
  server.setPage('/privacy', { seed: 'codesector-2012' });
  await driver.get(server.url('/privacy?utm_source=test'));
  let panel = await openPanel();
  assert.equal(changeSection(panel), null, `no change section on a first visit; panel:\n${panel.text}`);
  const pageKey = server.url('/privacy');
  const stored = await extensionStorage(driver, addonId);
  const record = stored[`history:page:${pageKey}`];
  assert.ok(record, `a record for ${pageKey} (no query); stored keys: ${Object.keys(stored)}`);
  assert.match(record.hash, /^[0-9a-f]{64}$/);
  assert.ok(record.badges.some((b) => b.id === 'card-not-stored'));
  await closePanel();

  server.setPage('/privacy', { seed: 'codesector-2018' });
  await driver.navigate().refresh();
  panel = await openPanel();
  const change = changeSection(panel);
  assert.ok(change, `a change section; panel:\n${panel.text}`);
  assert.match(change.heading, /^Changed since \w{3} \d{1,2}, \d{4}$/);
  assert.ok(change.isFirst, 'above the badges');
  assert.deepEqual(sorted(change.added), sorted(EXPECTED.added.map(labelOf)));
  assert.deepEqual(sorted(change.removed), sorted(EXPECTED.removed.map(labelOf)));
  assert.deepEqual(sorted(change.added), ['Collects location', 'Sensor data shared', 'Shares personal data']);
  assert.deepEqual(sorted(change.removed), ['Card not stored', 'Encrypted in transit', 'No sharing with third parties']);
  await saveScreenshot(driver, `${SCREENSHOTS}firefox-history-change.png`);

  // A removed badge still shows the sentence it used to rest on.
  const summary = panel.nodes.findIndex((n) => n.role === 'summary' && n.name.startsWith(labelOf('card-not-stored')));
  await clickAccessible(driver, panel.nodes, summary);
  panel = await waitForPanelModel(driver, ['Used to be earned by:']);
  assert.match(panel.text, /credit card/i, `old evidence shown; panel:\n${panel.text}`);
  await closePanel();

  // Reopened on the same text: the last change is still shown, until the text changes again.
  panel = await openPanel();
  const again = changeSection(panel);
  assert.ok(again, `the change is still shown; panel:\n${panel.text}`);
  assert.equal(again.heading, change.heading);
  assert.deepEqual(sorted(again.added), sorted(change.added));
});

/**
 * Clicks the panel's History button and switches to the History page it
 * opens in a new tab; returns the handle of the test pages' tab.
 */
async function openHistoryPage(panel) {
  const before = await driver.getAllWindowHandles();
  const testTab = await driver.getWindowHandle();
  await clickButton(panel, 'History');
  const handles = await waitFor(() => driver.getAllWindowHandles(), (all) => all.length > before.length,
    { message: (all) => `no new tab; tabs: ${all}` });
  await driver.switchTo().window(handles.find((handle) => !before.includes(handle)));
  // A new tab shows about:blank until its page starts loading.
  const url = await waitFor(() => driver.getCurrentUrl(), (current) => current !== 'about:blank',
    { message: (current) => `the History tab stayed at ${current}` });
  assert.equal(url, `${origin}extension/history.html`);
  return testTab;
}

/** Closes the History page and comes back to the tab of the test pages. */
async function closeHistoryPage(testTab) {
  await driver.close();
  await driver.switchTo().window(testTab);
}

/** The History page's sites, as announced: regions named by their origin, in order. */
function sitesOf(view) {
  return subtree(view.nodes, view.root)
    .filter((index) => view.nodes[index].role === 'region')
    .map((index) => view.nodes[index].name);
}

async function clickHistoryButton(view, name) {
  const index = findAccessible(view.nodes, { role: 'pushbutton', name }, view.root);
  assert.ok(index >= 0, `a "${name}" button; page:\n${view.text}`);
  await clickAccessible(driver, view.nodes, index);
}

test('the History page lists the sites; "Forget this site" and "Forget everything" really delete', async () => {
  // A page of another site (localhost is another origin than 127.0.0.1).
  const otherSite = server.url('/seed/activexperts-2012').replace('127.0.0.1', 'localhost');
  const otherOrigin = new URL(otherSite).origin;
  const thisOrigin = new URL(server.url('/')).origin;
  await driver.get(otherSite);
  await openPanel();
  await driver.get(server.url('/privacy'));
  const panel = await openPanel();

  const testTab = await openHistoryPage(panel);
  let view = await waitForPanel(driver, HISTORY_PAGE, [thisOrigin, otherOrigin, 'Forget everything']);
  assert.deepEqual(sitesOf(view), [thisOrigin, otherOrigin], 'the site analyzed last first');
  const lines = view.lines;
  const meta = (page) => lines[lines.indexOf(page) + 1];
  assert.match(meta(server.url('/privacy')), /^Analyzed .+ · \d+ concerns? · Changed since \w{3} \d{1,2}, \d{4}$/);
  assert.match(meta(otherSite), /^Analyzed .+ · \d+ concerns? · No change seen$/);
  await saveScreenshot(driver, `${SCREENSHOTS}firefox-history-page.png`);

  // Dark mode: the page follows the browser's colour scheme.
  const background = () => driver.executeScript(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await setPref(driver, COLOR_SCHEME_PREF, 0);
  try {
    await waitFor(background, (colour) => colour !== light, { message: () => 'the same background in dark mode' });
    await saveScreenshot(driver, `${SCREENSHOTS}firefox-history-page-dark.png`);
  } finally {
    await setPref(driver, COLOR_SCHEME_PREF, null);
  }

  await clickHistoryButton(view, `Forget this site ${thisOrigin}`);
  view = await waitForPanel(driver, HISTORY_PAGE, [`Forgot 1 page of ${thisOrigin}.`]);
  assert.deepEqual(sitesOf(view), [otherOrigin]);
  assert.equal(await driver.executeScript(() => document.activeElement?.id), 'history-heading',
    'the focus goes to the heading, not lost with the button');
  assert.deepEqual(Object.keys(await extensionStorage(driver, addonId)).sort(), ['history:index', `history:page:${otherSite}`]);

  await clickHistoryButton(view, 'Forget everything');
  view = await waitForPanel(driver, HISTORY_PAGE, ['No pages remembered.', 'Forgot everything (1 page).']);
  assert.deepEqual(sitesOf(view), []);
  assert.deepEqual(await extensionStorage(driver, addonId), {}, 'storage.local is empty');
  await closeHistoryPage(testTab);

  const shown = await waitForPanelModel(driver, ['History opened in a new tab.']);
  assert.ok(!shown.text.includes(otherOrigin) && !shown.text.includes('localhost'),
    `the panel in the page holds nothing of the other site:\n${shown.text}`);
});
