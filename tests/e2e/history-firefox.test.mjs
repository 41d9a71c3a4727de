// End-to-end test of the policy history in Debian's Firefox ESR, mirroring
// history-chromium.test.mjs: /privacy serves Code Sector's 2012 policy, then
// its 2018 one; the panel (read through the accessibility tree, as a screen
// reader hears it) says what changed; its History button opens the History
// page (an extension page, in a new tab), which lists the pages by site, and
// whose "Forget" buttons really delete, as Firefox's own store of the
// extension's storage.local shows. The session: lib/firefox-session.mjs; what
// both browsers expect: expectations.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/history-firefox.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelOf } from './core.mjs';
import { assertCodeSector2012Record, assertCodeSectorChange, assertSameChange } from './expectations.mjs';
import { clickAccessible, findAccessible, subtree, waitForPanel } from './lib/firefox-a11y.mjs';
import { waitForPanelModel } from './lib/firefox-panel.mjs';
import { firefoxSession } from './lib/firefox-session.mjs';
import { extensionStorage } from './lib/firefox-storage.mjs';
import { waitFor } from './wait.mjs';
import { HISTORY_PAGE_VARIABLE, assertChangeSectionLooks, assertHistoryPageLooks } from './visual.mjs';

/** How the tests find the History page's content: its main landmark, named by its heading. */
const HISTORY_PAGE = { role: 'landmark', name: 'History' };

const session = firefoxSession();
const { visit, closePanel, screenshot } = session;

/** Clicks the toolbar button and waits until the panel shows the badges. */
function openPanel() {
  return session.openPanel((panel) => panel.button('Copy summary') !== undefined);
}

/** Everything the extension keeps in storage.local, as Firefox holds it. */
function storedItems() {
  return extensionStorage(session.driver, session.addonId);
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

test('Code Sector 2012 then 2018 at the same URL: the panel says what changed', async () => {
  const { driver, server } = session;
  server.setPage('/privacy', { seed: 'codesector-2012' });
  await visit('/privacy?utm_source=test');
  let panel = await openPanel();
  assert.equal(changeSection(panel), null, `no change section on a first visit; panel:\n${panel.text}`);
  assertCodeSector2012Record(await storedItems(), server.url('/privacy'));
  await closePanel();

  server.setPage('/privacy', { seed: 'codesector-2018' });
  await driver.navigate().refresh();
  panel = await openPanel();
  const change = changeSection(panel);
  assertCodeSectorChange(change, panel.text);
  await screenshot('history-change');
  await assertChangeSectionLooks(session);

  // A removed badge still shows the sentence it used to rest on.
  const summary = panel.nodes.findIndex((n) => n.role === 'summary' && n.name.startsWith(labelOf('card-not-stored')));
  await clickAccessible(driver, panel.nodes, summary);
  panel = await waitForPanelModel(driver, ['Used to be earned by:']);
  assert.match(panel.text, /credit card/i, `old evidence shown; panel:\n${panel.text}`);
  await closePanel();

  // Reopened on the same text: the last change is still shown, until the text changes again.
  panel = await openPanel();
  assertSameChange(changeSection(panel), change, panel.text);
});

/**
 * Clicks the panel's History button and switches to the History page it
 * opens in a new tab; returns the handle of the test pages' tab.
 */
async function openHistoryPage(panel) {
  const { driver } = session;
  const before = await driver.getAllWindowHandles();
  const testTab = await driver.getWindowHandle();
  await session.clickButton(panel, 'History');
  const handles = await waitFor(() => driver.getAllWindowHandles(), (all) => all.length > before.length,
    { message: (all) => `no new tab; tabs: ${all}` });
  await driver.switchTo().window(handles.find((handle) => !before.includes(handle)));
  // A new tab shows about:blank until its page starts loading.
  const url = await waitFor(() => driver.getCurrentUrl(), (current) => current !== 'about:blank',
    { message: (current) => `the History tab stayed at ${current}` });
  assert.equal(url, `${session.origin}extension/history.html`);
  return testTab;
}

/** Closes the History page and comes back to the tab of the test pages. */
async function closeHistoryPage(testTab) {
  await session.driver.close();
  await session.driver.switchTo().window(testTab);
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
  await clickAccessible(session.driver, view.nodes, index);
}

test('the History page lists the sites; "Forget this site" and "Forget everything" really delete', async () => {
  const { driver, server } = session;
  // A page of another site (localhost is another origin than 127.0.0.1).
  const otherSite = server.otherSiteUrl('/seed/activexperts-2012');
  const otherOrigin = new URL(otherSite).origin;
  const thisOrigin = new URL(server.url('/')).origin;
  await driver.get(otherSite);
  await openPanel();
  await visit('/privacy');
  const panel = await openPanel();

  const testTab = await openHistoryPage(panel);
  let view = await waitForPanel(driver, HISTORY_PAGE, [thisOrigin, otherOrigin, 'Forget everything']);
  assert.deepEqual(sitesOf(view), [thisOrigin, otherOrigin], 'the site analyzed last first');
  const lines = view.lines;
  const meta = (page) => lines[lines.indexOf(page) + 1];
  assert.match(meta(server.url('/privacy')), /^Analyzed .+ · \d+ concerns? · Changed since \w{3} \d{1,2}, \d{4}$/);
  assert.match(meta(otherSite), /^Analyzed .+ · \d+ concerns? · No change seen$/);
  await screenshot('history-page');
  assertHistoryPageLooks('firefox', await session.elementScreenshot('main.page'),
    await session.elementRects(HISTORY_PAGE_VARIABLE));

  // Dark mode: the page follows the browser's colour scheme, in theme.css's palette.
  const background = () => session.inPage(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)', 'the light palette');
  await session.inDarkScheme(async () => {
    await waitFor(background, (colour) => colour === 'rgb(28, 33, 40)',
      { message: (colour) => `background ${colour} in dark mode` });
    await screenshot('history-page-dark');
  });

  await clickHistoryButton(view, `Forget this site ${thisOrigin}`);
  view = await waitForPanel(driver, HISTORY_PAGE, [`Forgot 1 page of ${thisOrigin}.`]);
  assert.deepEqual(sitesOf(view), [otherOrigin]);
  assert.equal(await driver.executeScript(() => document.activeElement?.id), 'history-heading',
    'the focus goes to the heading, not lost with the button');
  assert.deepEqual(Object.keys(await storedItems()).sort(), ['history:index', `history:page:${otherSite}`]);

  await clickHistoryButton(view, 'Forget everything');
  view = await waitForPanel(driver, HISTORY_PAGE, ['No pages remembered.', 'Forgot everything (1 page).']);
  assert.deepEqual(sitesOf(view), []);
  assert.deepEqual(await storedItems(), {}, 'storage.local is empty');
  await closeHistoryPage(testTab);

  const shown = await waitForPanelModel(driver, ['History opened in a new tab.']);
  assert.ok(!shown.text.includes(otherOrigin) && !shown.text.includes('localhost'),
    `the panel in the page holds nothing of the other site:\n${shown.text}`);
});
