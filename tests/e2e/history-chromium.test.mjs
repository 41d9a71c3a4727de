// End-to-end test of the policy history in Debian's Chromium: the same page
// (/privacy on the test server) serves Code Sector's 2012 policy, then its
// 2018 one; the panel says what changed; its History button opens the
// History page (an extension page, in a new tab), which lists the pages by
// site, and whose "Forget this site" / "Forget everything" really delete, as
// the extension's own storage.local shows. The session: chromium-session.mjs;
// what both browsers expect: expectations.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/history-chromium.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSession } from './chromium-session.mjs';
import { labelOf } from './core.mjs';
import { assertCodeSector2012Record, assertCodeSectorChange, assertSameChange } from './expectations.mjs';
import { descendants, hasClass } from './panel-reader.mjs';
import { HISTORY_PAGE_VARIABLE, assertChangeSectionLooks, assertHistoryPageLooks } from './visual.mjs';

const session = chromiumSession();
const { visit, click, closePanel, screenshot } = session;

/** Everything the extension keeps in storage.local, read in its service worker. */
function storedItems() {
  return session.browser.inWorker(() => chrome.storage.local.get(null));
}

/** Clicks the toolbar button and waits until the panel shows the badges. */
function openPanel() {
  return session.openPanel({ ready: (panel) => panel.button('Copy summary') !== undefined });
}

/** The "Changed since" section as shown: heading, and the badge labels of each list. */
function changeSection(panel) {
  const section = panel.findAll((n) => n.name === 'section' && hasClass(n, 'changes'))[0];
  if (!section) {
    return null;
  }
  const labelsOf = (kind) => {
    const list = descendants(section).find((n) => hasClass(n, 'change-list') && hasClass(n, kind));
    return list ? descendants(list).filter((n) => hasClass(n, 'label')).map((n) => n.text) : [];
  };
  return {
    node: section,
    heading: section.children.find((n) => n.name === 'h3')?.text,
    added: labelsOf('added'),
    removed: labelsOf('removed'),
    changed: labelsOf('changed'),
    isFirst: panel.findAll((n) => hasClass(n, 'body'))[0]?.children.find((n) => n.name === 'section') === section,
  };
}

test('Code Sector 2012 then 2018 at the same URL: the panel says what changed', async () => {
  const { server } = session;
  server.setPage('/privacy', { seed: 'codesector-2012' });
  await visit('/privacy?utm_source=test');
  let panel = await openPanel();
  assert.equal(changeSection(panel), null, `no change section on a first visit; panel: ${panel.text}`);
  assertCodeSector2012Record(await storedItems(), server.url('/privacy'));
  await closePanel();

  server.setPage('/privacy', { seed: 'codesector-2018' });
  await session.page.reload({ waitUntil: 'load' });
  panel = await openPanel();
  const change = changeSection(panel);
  assertCodeSectorChange(change, panel.text);
  await session.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: change.node.backendNodeId });
  await screenshot('chromium-history-change');
  await assertChangeSectionLooks(session);

  // A removed badge still shows the sentence it used to rest on.
  const removedSummary = descendants(change.node)
    .find((n) => n.name === 'summary' && n.text.startsWith(labelOf('card-not-stored')));
  await click(removedSummary);
  panel = await session.waitForPanel((p) => p.findAll((n) => hasClass(n, 'old-quote')).length > 0,
    'the removed badge\'s old evidence');
  const oldQuotes = panel.findAll((n) => hasClass(n, 'old-quote')).map((n) => n.text);
  assert.ok(oldQuotes.some((text) => /credit card/i.test(text)), `old evidence: ${oldQuotes.join(' | ')}`);
  await closePanel();

  // Reopened on the same text: the last change is still shown, until the text changes again.
  panel = await openPanel();
  assertSameChange(changeSection(panel), change, panel.text);
});

/**
 * Presses `press` (a click on the panel's History button, or a key) and
 * returns the History page it opens in a new tab, loaded.
 */
async function openHistoryPage(press) {
  const { browser } = session;
  const opened = browser.context.waitForEvent('page');
  await press();
  const history = await opened;
  await history.waitForLoadState('load');
  assert.equal(history.url(), `chrome-extension://${browser.extensionId}/extension/history.html`);
  await history.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await history.locator('#sites[aria-busy="false"]').waitFor();
  return history;
}

/** Each site of the History page, as its region is named, with the text of its pages. */
function sitesOf(history) {
  return history.getByRole('region').evaluateAll((regions) => regions.map((region) => ({
    name: region.querySelector('h2').textContent,
    pages: [...region.querySelectorAll('li')].map((item) => item.innerText.replace(/\s+/g, ' ').trim()),
  })));
}

/** Closes the History page and comes back to the tab of the test pages. */
async function closeHistoryPage(history) {
  await history.close();
  await session.page.bringToFront();
}

const escape = (text) => text.replace(/[.?*+()[\]\\/]/g, '\\$&');

test('the History page lists the sites; "Forget this site" and "Forget everything" really delete', async () => {
  const { server } = session;
  // A page of another site (localhost is another origin than 127.0.0.1).
  const otherSite = server.otherSiteUrl('/seed/activexperts-2012');
  const otherOrigin = new URL(otherSite).origin;
  const thisOrigin = new URL(server.url('/')).origin;
  await session.page.goto(otherSite, { waitUntil: 'load' });
  await openPanel();
  await visit('/privacy');
  const panel = await openPanel();

  const history = await openHistoryPage(() => click(panel.button('History')));
  const shown = await session.waitForPanel((p) => p?.text.includes('History opened in a new tab.'),
    'the panel to say where the history went');
  assert.ok(!shown.text.includes(otherOrigin) && !shown.text.includes('localhost'),
    `the panel in the page holds nothing of the other site: ${shown.text}`);

  const sites = await sitesOf(history);
  assert.deepEqual(sites.map((site) => site.name), [thisOrigin, otherOrigin], 'the site analyzed last first');
  assert.equal(sites[0].pages.length, 1);
  assert.match(sites[0].pages[0], new RegExp(`^${escape(server.url('/privacy'))} Analyzed .+ · \\d+ concerns? · Changed since `));
  assert.match(sites[1].pages[0], new RegExp(`^${escape(otherSite)} Analyzed .+ · \\d+ concerns? · No change seen$`));
  await screenshot('chromium-history-page', history);
  assertHistoryPageLooks('chromium', await session.elementScreenshot('main.page', history),
    await session.elementRects(HISTORY_PAGE_VARIABLE, history));

  // Dark mode: the page follows the browser's colour scheme, in theme.css's palette.
  const background = () => history.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(255, 255, 255)', 'the light palette');
  await session.inDarkScheme(async () => {
    assert.equal(await background(), 'rgb(28, 33, 40)', 'a dark background in dark mode');
    await screenshot('chromium-history-page-dark', history);
  }, history);

  await history.getByRole('button', { name: `Forget this site ${thisOrigin}` }).click();
  await history.getByRole('status').filter({ hasText: `Forgot 1 page of ${thisOrigin}.` }).waitFor();
  assert.deepEqual((await sitesOf(history)).map((site) => site.name), [otherOrigin]);
  assert.equal(await history.evaluate(() => document.activeElement?.id), 'history-heading',
    'the focus goes to the heading, not lost with the button');
  assert.deepEqual(Object.keys(await storedItems()).sort(), ['history:index', `history:page:${otherSite}`]);

  await history.getByRole('button', { name: 'Forget everything' }).click();
  await history.getByRole('status').filter({ hasText: 'Forgot everything (1 page).' }).waitFor();
  await history.getByText('No pages remembered.').waitFor();
  assert.deepEqual(await storedItems(), {}, 'storage.local is empty');
  await closeHistoryPage(history);
});

/** The accessible name of the focused node, from the page's accessibility tree (closed shadow roots included). */
async function focusedName() {
  const { nodes } = await session.cdp.send('Accessibility.getFullAXTree');
  const focused = nodes.filter((node) => node.properties?.some((p) => p.name === 'focused' && p.value.value));
  return focused.at(-1)?.name?.value ?? null;
}

async function pressUntilFocused(key, name, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await focusedName() === name) {
      return;
    }
    await session.page.keyboard.press(key);
  }
  assert.fail(`"${name}" never got the focus with ${key}; focused: ${await focusedName()}`);
}

test('keyboard: History opens with Enter; on the History page, Tab and Enter forget; the panel keeps its focus', async () => {
  const { page } = session;
  await visit('/privacy');
  await openPanel();
  await pressUntilFocused('Tab', 'History');
  const history = await openHistoryPage(() => page.keyboard.press('Enter'));
  const thisOrigin = new URL(session.server.url('/')).origin;
  const focusedId = () => history.evaluate(() => document.activeElement?.id ?? null);

  await history.keyboard.press('Tab');
  assert.equal(await focusedId(), 'forget-site-0');
  assert.equal(await history.getByRole('button', { name: `Forget this site ${thisOrigin}` })
    .evaluate((button) => button === document.activeElement), true, 'named after its site');
  await history.keyboard.press('Tab');
  assert.equal(await focusedId(), 'forget-all');
  await history.keyboard.press('Shift+Tab');
  await history.keyboard.press('Enter');
  await history.getByRole('status').filter({ hasText: `Forgot 1 page of ${thisOrigin}.` }).waitFor();
  assert.equal(await focusedId(), 'history-heading');
  await history.keyboard.press('Tab');
  assert.equal(await focusedId(), 'forget-all');
  await closeHistoryPage(history);

  assert.equal(await focusedName(), 'History', 'back in the tab, the focus is still on the History button');
  await page.keyboard.press('Escape');
  await session.waitForNoPanel('the panel to close on Escape');
});
