// Hardening tests in Debian's Firefox ESR: hostile pages against the packaged
// extension (build/policy-badges-firefox.zip), clicked for real from the
// toolbar, with the browser console (lib/firefox-console.mjs) and the
// network requests (lib/firefox-inspect.mjs) recorded. Pages, and the checks
// both browsers make of them: hardening-pages.mjs. Mirrors
// hardening-chromium.test.mjs.
// Run: npm run build && node --test --test-reporter=tap tests/e2e/hardening-firefox.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { By } from 'selenium-webdriver';
import { HIGHLIGHT, NOT_A_POLICY, SENSOR_LABEL, SENSOR_SENTENCE, VERY_LONG, defaultToolbar } from './expectations.mjs';
import {
  NAVIGATION_CASES, PATHS, assertCustomElementFoiled, assertForgeryFoiled, assertPageAnswers, assertTabResponsive,
  openOnHijackedPrototypes, servePages,
} from './hardening-pages.mjs';
import { triggerAction } from './lib/firefox-driver.mjs';
import { clickAccessible } from './lib/firefox-a11y.mjs';
import { waitForPanelModel } from './lib/firefox-panel.mjs';
import { recordedRequests } from './lib/firefox-inspect.mjs';
import { consoleNow, extensionConsoleProblems } from './lib/firefox-console.mjs';
import { firefoxSession } from './lib/firefox-session.mjs';
import { extensionStorage } from './lib/firefox-storage.mjs';
import { waitFor } from './wait.mjs';

const session = firefoxSession({ serve: servePages, recordConsole: true });
const { visit, openPanel, expandBadge, toolbarState, inPage } = session;

/**
 * Clicks panel elements the way a page script would if it held references
 * to them: `click()` and a dispatched MouseEvent, both untrusted. WebDriver's
 * Get Element Shadow Root reaches into the closed shadow root; the script
 * runs in the page.
 */
async function syntheticClicks(selector) {
  const { driver } = session;
  const root = await (await driver.findElement(By.css('policy-badges-panel'))).getShadowRoot();
  const elements = await root.findElements(By.css(selector));
  for (const element of elements) {
    await driver.executeScript(`
      arguments[0].click();
      arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));`, element);
  }
  return elements.length;
}

/** The extension's errors and warnings in the browser console since `since` (see `consoleNow`). */
function problemsSince(since) {
  const { driver, addonId, origin } = session;
  return extensionConsoleProblems(driver, { addonId, origin, since });
}

test('a page that replaced attachShadow, appendChild, JSON.parse, String.prototype.split (and more) gets the same panel', async () => {
  let panel = await openOnHijackedPrototypes(session);
  const badge = panel.badge(SENSOR_LABEL);
  assert.ok(badge, `"${SENSOR_LABEL}" is shown; panel:\n${panel.text}`);
  assert.equal(badge.word, 'concern');
  panel = await expandBadge(panel, SENSOR_LABEL);
  assert.ok(panel.badge(SENSOR_LABEL).quotes.some((q) => q.text.includes(SENSOR_SENTENCE)), 'with its evidence sentence');
});

test('DOM clobbering (id="browser", form inputs named nodeType, parentNode…) neither breaks nor blinds the content script', async () => {
  await visit(PATHS.clobbering);
  let panel = await openPanel();
  assert.ok(panel.badge(SENSOR_LABEL), `the sentence inside the clobbered form is analyzed; panel:\n${panel.text}`);
  panel = await expandBadge(panel, SENSOR_LABEL);
  const quote = panel.badge(SENSOR_LABEL).quotes.find((q) => q.text.includes(SENSOR_SENTENCE));
  await clickAccessible(session.driver, panel.nodes, quote.index);
  assert.equal(await session.highlightedText({ timeout: 5_000 }), SENSOR_SENTENCE, 'the sentence in the form is highlighted');
  await assertPageAnswers(inPage, 'the tab is not stuck walking up the clobbered form');
});

test('a page that defines <policy-badges-panel> itself cannot pre-empt or reach the shadow root', async () => {
  await visit(PATHS.customElement);
  const panel = await openPanel();
  assert.ok(panel.badge(SENSOR_LABEL), `panel:\n${panel.text}`);
  await assertCustomElementFoiled(inPage);
});

test('page scripts cannot forge messages, find the panel, or press its buttons', async () => {
  const { driver, addonId, server } = session;
  await visit(PATHS.forgery);
  let panel = await openPanel();
  const before = panel.text;
  const toolbarBefore = await toolbarState();

  assertForgeryFoiled(await driver.executeScript('return window.forge(arguments[0], arguments[1]);', addonId, 'Privacy policy badges'));

  await sleep(500);
  panel = await waitForPanelModel(driver, () => true, 'the panel, still open');
  assert.equal(panel.text, before, 'synthetic Escape and clicks changed nothing');
  assert.ok(panel.badges.every((badge) => !badge.expanded));
  assert.equal(await driver.getCurrentUrl(), server.url(PATHS.forgery));
  assert.deepEqual(await toolbarState(), toolbarBefore);

  // A page that got hold of the panel's buttons: clicks from its world do nothing.
  const clicked = await syntheticClicks('button');
  assert.ok(clicked >= 5, `clicked ${clicked} buttons`);
  await sleep(500);
  panel = await waitForPanelModel(driver, () => true, 'the panel, still open');
  assert.equal(panel.text, before, 'untrusted clicks expanded, copied, opened or closed nothing');
  assert.equal(await inPage((name) => CSS.highlights.has(name), HIGHLIGHT), false, 'nor highlighted');

  // A person's click still works.
  await expandBadge(panel, SENSOR_LABEL);
});

test('the page cannot reach the history of other sites: not through the panel, not on the History page', async (t) => {
  const { driver, addonId, origin } = session;
  const otherSite = session.server.otherSiteUrl(PATHS.clean);
  const otherHost = new URL(otherSite).host;
  await driver.get(otherSite);
  await openPanel();
  await visit(PATHS.forgery);
  await openPanel();
  const before = await extensionStorage(driver, addonId);
  assert.ok(before[`history:page:${otherSite}`], 'the other site is in the history');

  const pried = await driver.executeScript('return window.pryForHistory(arguments[0], arguments[1], arguments[2]);',
    [otherHost, otherSite, 'localhost'], 'Privacy policy badges', `${origin}extension/history.html`);
  assert.deepEqual(pried.found, [], 'window.find() finds none of it, on the page or in the panel');
  // Firefox hands the page the panel's nodes through window.find() and the
  // selection (see SECURITY.md): what it reads there is this page's own.
  t.diagnostic(`the selection reached the panel: ${pried.panelText !== null}`);
  assert.ok(!(pried.panelText ?? '').includes(otherHost), `the panel holds nothing of the other site: ${pried.panelText}`);
  assert.equal(pried.historyPage, 'refused', 'the History page is not web-accessible');
  assert.equal(await driver.executeScript('return window.tryLoad(arguments[0]);', `${origin}extension/options.html`), 'refused',
    'nor is the options page');
  assert.deepEqual(await extensionStorage(driver, addonId), before);
});

test('"Open the privacy policy": only http(s) links are offered, untrusted clicks do nothing', async () => {
  const { driver, server } = session;
  await visit(PATHS.fakeLinks);
  let panel = await openPanel();
  assert.match(panel.text, NOT_A_POLICY);
  assert.ok(panel.button('Open the privacy policy') === undefined,
    `javascript:, data:, file: and vbscript: links are not offered; panel:\n${panel.text}`);

  await visit('/pages/news.html');
  panel = await openPanel();
  assert.ok(panel.button('Open the privacy policy') !== undefined, `offers the http link; panel:\n${panel.text}`);
  assert.equal(await syntheticClicks('button.primary'), 1);
  await sleep(500);
  assert.equal(await driver.getCurrentUrl(), server.url('/pages/news.html'), 'an untrusted click does not navigate');
  const since = await consoleNow(driver);
  await session.clickButton(panel, 'Open the privacy policy');
  const policyUrl = server.url('/seed/activexperts-2012');
  await waitFor(() => driver.getCurrentUrl(), (url) => url === policyUrl, { message: (url) => `at ${url}` });
  await sleep(500);
  assert.deepEqual(await problemsSince(since), [], 'following the link leaves no error behind');
});

test('navigating away during the analysis leaves no error, and the toolbar button to the next page', async () => {
  const { driver, addonId } = session;
  const landing = session.server.url(PATHS.landing);
  for (const { who, delay } of NAVIGATION_CASES) {
    await visit(PATHS.navigating);
    const since = await consoleNow(driver);
    if (who === 'the page') {
      await triggerAction(driver, addonId);
      await inPage((ms) => window.navigateSoon(ms), delay);
      await waitFor(() => driver.getCurrentUrl(), (url) => url === landing, { message: (url) => `at ${url}` });
    } else {
      await triggerAction(driver, addonId);
      await sleep(delay);
      await driver.get(landing);
    }
    await sleep(2_500); // the background finishes the analysis meanwhile
    assert.deepEqual(await problemsSince(since), [], `${who} navigating after ${delay} ms: no error in the console`);
    assert.deepEqual(await toolbarState(), defaultToolbar(session.shortcut),
      `${who} navigating after ${delay} ms: no stale count, no "can't read this page"`);
    assert.equal(await session.panelNow(), null, `${who} navigating after ${delay} ms: no panel`);
  }
});

test('a 10 MB page shows a "very long" notice and the tab stays responsive', async (t) => {
  const { driver, addonId } = session;
  await visit(PATHS.tenMegabytes);
  const pageSize = await inPage(() => document.documentElement.outerHTML.length);
  assert.ok(pageSize > 10_000_000, `the page holds ${pageSize} characters of HTML`);
  const started = Date.now();
  await triggerAction(driver, addonId);
  const panel = await waitFor(
    async () => session.panelNow(),
    (view) => view !== null && !view.nodes[view.root].busy,
    { timeout: 45_000, interval: 250, message: () => 'no panel after 45 s' },
  );
  const elapsed = Date.now() - started;
  assert.match(panel.text, VERY_LONG);

  const evaluateMs = await assertTabResponsive(inPage);
  await expandBadge(await waitForPanelModel(driver, () => true), SENSOR_LABEL);
  t.diagnostic(`10 MB page: panel in ${elapsed} ms, eval ${evaluateMs} ms`);
});

test('no request left the machine: only the test server was asked for anything', async () => {
  const { driver, server } = session;
  const requests = await recordedRequests(driver);
  assert.ok(requests.some((url) => url === server.url(PATHS.forgery)), 'the recording saw the test pages');
  assert.deepEqual(requests.filter((url) => !server.serves(url)), []);
});

test('no error from the extension in the browser console in the whole run', async () => {
  // Left out: Firefox's refusals of the page's attempts to load the History and options pages, provoked on purpose.
  const refusal = (page) => `Security Error: Content at ${session.server.url(PATHS.forgery)} may not load or link to ${session.origin}extension/${page}`;
  assert.deepEqual((await problemsSince(0)).filter((problem) => !['history.html', 'options.html']
    .some((page) => problem.text.startsWith(refusal(page)))), []);
});
